/// Rules pfSense/OPNsense generate from settings rather than from `filter/rule`, placed
/// above every user rule as `rules.debug` has them: `blockpriv`/`blockbogons` blocks on an
/// interface, then the LAN anti-lockout pass.
enum PFSenseImplicitRules {
    /// Source ranges blocked by "Block private networks": RFC 1918, CGNAT, loopback,
    /// link-local and IPv6 unique-local.
    static let privateRanges = [
        "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
        "fc00::/7",
    ]

    static func rules(_ root: XMLElement, _ interfaces: PFInterfaces) -> [PFRule] {
        var out: [PFRule] = []
        for key in interfaces.keys {
            guard let i = interfaces.interface(key) else { continue }
            if let el = i.blockPrivate {
                let set = privateRanges.compactMap { AddressSet.parse($0) }.reduce(AddressSet()) { $0.union($1) }
                let rule = Rule(
                    name: "Block private networks (\(key))", action: .deny,
                    source: AddressMatch(set: set, members: privateRanges),
                    notes: ["implicit: blockpriv on interface \(key)"], location: el.location)
                out.append(implicit(rule, on: key))
            }
            if let el = i.blockBogons {
                let rule = Rule(
                    name: "Block bogon networks (\(key))", action: .deny,
                    source: AddressMatch(set: AddressSet(), members: ["<bogons>", "<bogonsv6>"],
                                         unresolved: ["bogons (table downloaded at run time)"]),
                    notes: ["implicit: blockbogons on interface \(key)"], location: el.location)
                out.append(implicit(rule, on: key))
            }
        }
        if let lock = antiLockout(root, interfaces) { out.append(lock) }
        return out
    }

    /// The anti-lockout pass: LAN (WAN when there is no LAN) to the interface's own address on
    /// the web GUI ports and, when SSH is on, the SSH port; off with `system/webgui/noantilockout`.
    private static func antiLockout(_ root: XMLElement, _ interfaces: PFInterfaces) -> PFRule? {
        let webgui = root.path("system/webgui")
        if webgui?.child("noantilockout") != nil { return nil }
        guard let key = interfaces.interface("lan") != nil ? "lan" : (interfaces.interface("wan") != nil ? "wan" : nil),
            let iface = interfaces.interface(key)
        else { return nil }
        var ports: [UInt16] = [80, 443]
        if let p = webgui?.nonEmpty("port").flatMap({ UInt16($0) }) { ports.append(p) }
        let ssh = root.path("system/ssh")
        if ssh?.child("enable") != nil || ssh?.flag("enabled") == true {
            ports.append(ssh?.nonEmpty("port").flatMap { UInt16($0) } ?? 22)
        }
        ports = Array(Set(ports)).sorted()
        let services = ports.reduce(ServiceSet()) { $0.union(.ports(IPProtocol.tcp, $1, $1)) }
        let own = iface.ownAddress
        let rule = Rule(
            name: "Anti-Lockout Rule", action: .allow,
            destination: AddressMatch(set: own.set, members: ["\(key)ip"], unresolved: own.unresolvedTexts(for: .both)),
            services: services, serviceMembers: ["tcp/" + ports.map(String.init).joined(separator: ",")],
            notes: ["implicit: anti-lockout (disable with system/webgui/noantilockout)"],
            location: webgui?.location ?? iface.location)
        return implicit(rule, on: key)
    }

    private static func implicit(_ rule: Rule, on key: String) -> PFRule {
        PFRule(rule: rule, interfaces: [key], floating: false, quick: true, direction: .in, isGroup: false,
               negated: false)
    }
}
