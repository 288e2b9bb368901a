/// FortiOS address and service objects of one VDOM, resolved to sets
/// (docs/FORMATS.md, FortiGate).
struct FortiObjects {
    var addresses: [String: FortiNode] = [:]
    var addressGroups: [String: FortiNode] = [:]
    var services: [String: FortiNode] = [:]
    var serviceGroups: [String: FortiNode] = [:]

    init(vdom: FortiNode) {
        for kind in ["firewall address", "firewall address6"] {
            for e in vdom.table(kind)?.edits ?? [] { addresses[e.name] = e }
        }
        for kind in ["firewall addrgrp", "firewall addrgrp6"] {
            for e in vdom.table(kind)?.edits ?? [] { addressGroups[e.name] = e }
        }
        for e in vdom.table("firewall service custom")?.edits ?? [] { services[e.name] = e }
        for e in vdom.table("firewall service group")?.edits ?? [] { serviceGroups[e.name] = e }
    }

    /// Resolves address names; `all`/`any` is every address. FQDN, geography and dynamic
    /// objects cannot be resolved offline and are returned as unresolved.
    func address(_ names: [String], depth: Int = 0) -> (set: AddressSet, unresolved: [String]) {
        var set = AddressSet()
        var unresolved: [String] = []
        for name in names {
            if let node = addresses[name] {
                if let s = Self.addressSet(node) { set = set.union(s) } else { unresolved.append(name) }
            } else if let group = addressGroups[name], depth < 16 {
                let inner = address(group.values("member"), depth: depth + 1)
                set = set.union(inner.set)
                unresolved += inner.unresolved
            } else if name == "all" || name == "any" {
                set = .full
            } else if let literal = AddressSet.parse(name) {
                set = set.union(literal)
            } else {
                unresolved.append(name)
            }
        }
        return (set, unresolved)
    }

    /// One `firewall address` entry: `subnet` (default type ipmask), `iprange`, or nil.
    static func addressSet(_ node: FortiNode) -> AddressSet? {
        switch node.value("type") ?? "ipmask" {
        case "ipmask", "ipprefix":
            if node.name == "all" && node.settings["subnet"] == nil && node.settings["ip6"] == nil { return .full }
            if let v6 = node.value("ip6") { return AddressSet.parse(v6) }
            let parts = node.values("subnet")
            if parts.isEmpty { return .allIPv4 }
            return AddressSet.parse(parts.count == 2 ? "\(parts[0])/\(parts[1])" : parts[0])
        case "iprange":
            guard let a = node.value("start-ip") ?? node.value("start-ip6"),
                let b = node.value("end-ip") ?? node.value("end-ip6") else { return nil }
            return AddressSet.parse("\(a)-\(b)")
        default:
            return nil
        }
    }

    /// Resolves service names (custom, groups, then the predefined services).
    func service(_ names: [String], depth: Int = 0) -> (set: ServiceSet, unknown: [String]) {
        var set = ServiceSet()
        var unknown: [String] = []
        for name in names {
            if let node = services[name] {
                if let s = Self.serviceSet(node) { set = set.union(s) } else { unknown.append(name) }
            } else if let group = serviceGroups[name], depth < 16 {
                let inner = service(group.values("member"), depth: depth + 1)
                set = set.union(inner.set)
                unknown += inner.unknown
            } else if let s = Self.predefined[name.uppercased()] {
                set = set.union(s)
            } else {
                unknown.append(name)
            }
        }
        return (set, unknown)
    }

    /// A `firewall service custom` entry: protocol TCP/UDP/SCTP with port ranges, ICMP, or IP
    /// with `protocol-number` (0 = every protocol).
    static func serviceSet(_ node: FortiNode) -> ServiceSet? {
        switch (node.value("protocol") ?? "TCP/UDP/SCTP").uppercased() {
        case "IP":
            let n = Int(node.value("protocol-number") ?? "0") ?? -1
            if n == 0 { return .anyService }
            guard n > 0, n < 256 else { return nil }
            return .proto(UInt8(n))
        case "ICMP": return .proto(IPProtocol.icmp)
        case "ICMP6": return .proto(IPProtocol.icmpv6)
        case "TCP/UDP/SCTP", "TCP/UDP/UDP-LITE/SCTP":
            var set = ServiceSet()
            let kinds: [(String, UInt8)] = [
                ("tcp-portrange", IPProtocol.tcp), ("udp-portrange", IPProtocol.udp),
                ("sctp-portrange", IPProtocol.sctp),
            ]
            for (key, proto) in kinds {
                for range in node.values(key) {
                    guard let r = destinationRange(range) else { return nil }
                    set = set.union(.ports(proto, r.lowerBound, r.upperBound))
                }
            }
            return set
        default:
            return nil
        }
    }

    /// `dst[-dsthigh][:src[-srchigh]]`: the destination part (source ports are not evaluated).
    static func destinationRange(_ text: String) -> ClosedRange<UInt16>? {
        let dst = text.split(separator: ":", omittingEmptySubsequences: false)[0]
        let bounds = dst.split(separator: "-").map { UInt16($0) }
        guard let low = bounds.first ?? nil else { return nil }
        let high = bounds.count > 1 ? (bounds[1] ?? low) : low
        return low <= high ? low...high : high...low
    }

    /// Predefined services used in typical configurations (FortiOS default service list).
    static let predefined: [String: ServiceSet] = {
        func tcp(_ p: UInt16) -> ServiceSet { .ports(IPProtocol.tcp, p, p) }
        func udp(_ p: UInt16) -> ServiceSet { .ports(IPProtocol.udp, p, p) }
        return [
            "ALL": .anyService, "ALL_TCP": .ports(IPProtocol.tcp, 1, 65535),
            "ALL_UDP": .ports(IPProtocol.udp, 1, 65535), "ALL_ICMP": .proto(IPProtocol.icmp),
            "ALL_ICMP6": .proto(IPProtocol.icmpv6), "PING": .proto(IPProtocol.icmp),
            "HTTP": tcp(80), "HTTPS": tcp(443), "SSH": tcp(22), "TELNET": tcp(23), "FTP": tcp(21),
            "SMTP": tcp(25), "SMTPS": tcp(465), "DNS": tcp(53).union(udp(53)), "NTP": tcp(123).union(udp(123)),
            "RDP": tcp(3389), "SAMBA": tcp(139), "SMB": tcp(445), "LDAP": tcp(389), "LDAP_UDP": udp(389),
            "KERBEROS": tcp(88).union(udp(88)), "SNMP": .ports(IPProtocol.tcp, 161, 162).union(.ports(IPProtocol.udp, 161, 162)),
            "SYSLOG": udp(514), "IMAP": tcp(143), "IMAPS": tcp(993), "POP3": tcp(110), "POP3S": tcp(995),
            "MS-SQL": tcp(1433).union(tcp(1434)), "MYSQL": tcp(3306), "NFS": tcp(2049).union(udp(2049)),
        ]
    }()
}
