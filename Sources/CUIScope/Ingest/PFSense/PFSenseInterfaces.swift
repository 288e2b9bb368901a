/// One family's configuration of an interface: a literal address with its prefix, or a
/// run-time mode (`dhcp`, `pppoe`, `track6`, …) whose address is unknown offline.
struct PFInterfaceAddress {
    var address: IPAddress?
    var prefix: Int?
    /// `dhcp`, `track6`, … when the address is assigned at run time.
    var dynamicMode: String?

    /// The subnet (`ipaddr/subnet`) as a set.
    var network: AddressSet? {
        guard let address, let prefix else { return nil }
        return AddressSet.parse("\(address)/\(prefix)")
    }
}

/// An interface of the firewall (`interfaces/lan`, `interfaces/opt1`): its key is the name
/// rules use, and it becomes one zone.
struct PFInterface {
    let key: String
    let device: String?
    let descr: String?
    let enabled: Bool
    var v4 = PFInterfaceAddress()
    var v6 = PFInterfaceAddress()
    /// `blockpriv`/`blockbogons` elements when set (their location is the implicit rule's).
    let blockPrivate: XMLElement?
    let blockBogons: XMLElement?
    let location: SourceLocation
    /// Virtual IPs on this interface: the address and its subnet.
    var virtualIPs: [(address: IPAddress, network: AddressSet, text: String, location: SourceLocation)] = []

    /// The interface's subnets (`lan` in a rule): literal ones resolved, run-time ones reported.
    var network: PFAddresses {
        var out = PFAddresses()
        for (fam, a) in [(PFFamily.v4, v4), (.v6, v6)] {
            if let n = a.network {
                out.set = out.set.union(n)
            } else if let mode = a.dynamicMode {
                out.unresolved.append(("\(key) network (\(mode) address assigned at run time)", fam))
            }
        }
        for vip in virtualIPs { out.set = out.set.union(vip.network) }
        return out
    }

    /// The interface's own addresses (`lanip` in a rule).
    var ownAddress: PFAddresses {
        var out = PFAddresses()
        for (fam, a) in [(PFFamily.v4, v4), (.v6, v6)] {
            if let ip = a.address {
                out.set = out.set.union(.host(ip))
            } else if let mode = a.dynamicMode {
                out.unresolved.append(("\(key) address (\(mode) address assigned at run time)", fam))
            }
        }
        return out
    }
}

/// The interfaces, interface groups, VLANs and virtual IPs of a `config.xml`, and the
/// interface-derived names a rule may use as an address (`lan`, `lanip`, `(self)`, groups).
struct PFInterfaces {
    private(set) var byKey: [String: PFInterface] = [:]
    /// Interface keys in document order.
    private(set) var keys: [String] = []
    /// Interface group name → member interface keys (`ifgroups/ifgroupentry`).
    private(set) var groups: [String: [String]] = [:]
    /// VLAN device (`igb2.2`) → its parent device and tag, for zone origins.
    private(set) var vlans: [String: (parent: String, tag: String)] = [:]

    /// Interfaces pf knows without a `config.xml` entry: pfSense's built-in groups for VPN
    /// servers (rules on the OpenVPN/IPsec tabs use these keys).
    static let builtInGroups: Set<String> = ["openvpn", "ipsec", "enc0", "wireguard", "l2tp", "pppoe", "lo0"]

    /// Keywords of `ipaddr`/`ipaddrv6` meaning "assigned at run time".
    private static let dynamicV4: Set<String> = ["dhcp", "pppoe", "pptp", "l2tp", "ppp"]
    private static let dynamicV6: Set<String> = ["dhcp6", "slaac", "track6", "6rd", "6to4", "idassoc6", "linklocal"]

    static func parse(_ root: XMLElement, _ ctx: inout PFSenseContext) -> PFInterfaces {
        var out = PFInterfaces()
        for vlan in root.all("vlans/vlan") {
            if let dev = vlan.nonEmpty("vlanif") {
                out.vlans[dev] = (vlan.text(of: "if") ?? "?", vlan.text(of: "tag") ?? "?")
            }
        }
        for el in root.child("interfaces")?.children ?? [] {
            let enabled = ctx.vendor == "opnsense" ? el.flag("enable") : el.child("enable") != nil
            var iface = PFInterface(
                key: el.name, device: el.nonEmpty("if"), descr: el.nonEmpty("descr"), enabled: enabled,
                blockPrivate: el.flag("blockpriv") ? el.child("blockpriv") : nil,
                blockBogons: el.flag("blockbogons") ? el.child("blockbogons") : nil, location: el.location)
            iface.v4 = address(el, "ipaddr", "subnet", v6: false, &ctx)
            iface.v6 = address(el, "ipaddrv6", "subnetv6", v6: true, &ctx)
            if out.byKey[el.name] != nil {
                ctx.problem(el.location, "interface '\(el.name)' is defined twice under <interfaces>")
                continue
            }
            out.byKey[el.name] = iface
            out.keys.append(el.name)
        }
        for entry in root.all("ifgroups/ifgroupentry") {
            guard let name = entry.nonEmpty("ifname") else {
                ctx.problem(entry.location, "<ifgroupentry> has no <ifname>")
                continue
            }
            let members = (entry.text(of: "members") ?? "").split(whereSeparator: { $0 == " " || $0 == "," })
                .map(String.init)
            for m in members where out.byKey[m] == nil {
                ctx.problem(entry.location, "interface group '\(name)' names an undefined interface '\(m)'")
            }
            out.groups[name] = members.filter { out.byKey[$0] != nil }
        }
        for vip in root.all("virtualip/vip") {
            guard let ifKey = vip.nonEmpty("interface"), let addrText = vip.nonEmpty("subnet") else { continue }
            guard let ip = IPAddress(addrText) else {
                ctx.problem(vip.location, "<vip>: <subnet> is not an IP address")
                continue
            }
            let bits = Int(vip.text(of: "subnet_bits") ?? "") ?? (ip.isIPv4 ? 32 : 128)
            guard let net = AddressSet.parse("\(ip)/\(bits)") else {
                ctx.problem(vip.location, "<vip>: <subnet_bits> is not a prefix length")
                continue
            }
            if out.byKey[ifKey] != nil {
                out.byKey[ifKey]?.virtualIPs.append((ip, net, "\(ip)/\(bits)", vip.location))
            } else {
                ctx.unsupported(vip.location, "virtual IP on '\(ifKey)', which is not an interface key; "
                    + "counted as a firewall address only")
                out.extraSelf = out.extraSelf.union(.host(ip))
            }
        }
        return out
    }

    /// Virtual IPs on CARP parents or other non-interface keys: still the firewall's own.
    private(set) var extraSelf = AddressSet()

    private static func address(
        _ el: XMLElement, _ addrName: String, _ prefixName: String, v6: Bool, _ ctx: inout PFSenseContext
    ) -> PFInterfaceAddress {
        guard let raw = el.nonEmpty(addrName), raw.lowercased() != "none" else { return PFInterfaceAddress() }
        let lower = raw.lowercased()
        if (v6 ? dynamicV6 : dynamicV4).contains(lower) { return PFInterfaceAddress(dynamicMode: lower) }
        guard let ip = IPAddress(raw), ip.isIPv4 != v6 else {
            ctx.problem(
                el.child(addrName)?.location ?? el.location,
                "interface '\(el.name)': <\(addrName)> is neither an \(v6 ? "IPv6" : "IPv4") address nor a "
                    + "known mode (\((v6 ? dynamicV6 : dynamicV4).sorted().joined(separator: ", ")))")
            return PFInterfaceAddress()
        }
        let maxLen = v6 ? 128 : 32
        guard let prefixText = el.nonEmpty(prefixName) else {
            ctx.problem(el.child(addrName)?.location ?? el.location,
                        "interface '\(el.name)': <\(addrName)> has no <\(prefixName)> prefix length")
            return PFInterfaceAddress(address: ip)
        }
        guard let p = Int(prefixText), p >= 0, p <= maxLen else {
            ctx.problem(el.child(prefixName)?.location ?? el.location,
                        "interface '\(el.name)': <\(prefixName)> is not a prefix length 0…\(maxLen)")
            return PFInterfaceAddress(address: ip)
        }
        return PFInterfaceAddress(address: ip, prefix: p)
    }

    func interface(_ key: String) -> PFInterface? { byKey[key] }

    /// Whether `name` is something a rule's `<interface>` may name.
    func isInterfaceOrGroup(_ name: String) -> Bool {
        byKey[name] != nil || groups[name] != nil || Self.builtInGroups.contains(name)
    }

    /// All of the firewall's own addresses (`(self)`): every interface and virtual IP address
    /// plus loopback; run-time addresses are reported as unresolved.
    var selfAddresses: PFAddresses {
        let loopback = AddressSet.host(IPAddress(v4: 0x7F00_0001)).union(.host(IPAddress(value: 1)))
        var out = PFAddresses(set: loopback.union(extraSelf))
        for key in keys {
            guard let i = byKey[key] else { continue }
            out.formUnion(i.ownAddress)
            for vip in i.virtualIPs { out.set = out.set.union(.host(vip.address)) }
        }
        return out
    }

    /// Resolves an interface-derived network name (`lan`, `opt1`, `lanip`, `wanip`, `(self)`,
    /// an interface group, OPNsense `__lan_network`); nil when the name is none of these.
    func network(named name: String) -> PFAddresses? {
        if name == "(self)" || name == "self" || name == "This Firewall" { return selfAddresses }
        if let i = byKey[name] { return i.network }
        if name.hasSuffix("ip"), let i = byKey[String(name.dropLast(2))] { return i.ownAddress }
        if name.hasPrefix("__"), name.hasSuffix("_network"), let i = byKey[String(name.dropFirst(2).dropLast(8))] {
            return i.network
        }
        if let members = groups[name] {
            var out = PFAddresses()
            for m in members { if let i = byKey[m] { out.formUnion(i.network) } }
            return out
        }
        if Self.builtInGroups.contains(name) {
            return PFAddresses(unresolved: [("\(name) network (assigned by the VPN service at run time)", .both)])
        }
        return nil
    }

    /// One zone per interface key, its subnets from literal addresses and virtual IPs.
    func zones(firewall: String) -> [Zone] {
        keys.compactMap { key -> Zone? in
            guard let i = byKey[key] else { return nil }
            let origin = "interface \(key) (\(deviceText(i))) of \(firewall)"
            var subnets: [Subnet] = []
            for a in [i.v4, i.v6] {
                if let n = a.network, let ip = a.address, let p = a.prefix {
                    subnets.append(Subnet(text: "\(ip)/\(p)", addresses: n, location: i.location, origin: origin,
                                          hostAddress: IPAddress("\(ip)")))
                }
            }
            for vip in i.virtualIPs where !subnets.contains(where: { $0.addresses.isSuperset(of: vip.network) }) {
                subnets.append(Subnet(text: vip.text, addresses: vip.network, location: vip.location,
                                      origin: "virtual IP on " + origin))
            }
            return Zone(name: key, subnets: subnets)
        }
    }

    private func deviceText(_ i: PFInterface) -> String {
        var parts: [String] = []
        if let d = i.device {
            if let v = vlans[d] { parts.append("\(d), VLAN \(v.tag) on \(v.parent)") } else { parts.append(d) }
        }
        if let descr = i.descr { parts.append(descr) }
        if !i.enabled { parts.append("disabled") }
        return parts.isEmpty ? "no device" : parts.joined(separator: ", ")
    }
}
