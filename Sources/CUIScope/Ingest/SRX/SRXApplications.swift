/// SRX applications (`applications application`, `application-set`) and the predefined
/// `junos-*` applications, resolved to service sets (docs/FORMATS.md, Juniper SRX).
struct SRXApplications {
    private var applications: [String: JunosNode] = [:]
    private var sets: [String: JunosNode] = [:]

    /// One resolution: the services, what was not evaluated (source ports, ICMP types), the
    /// predefined `junos-*` names missing from the table (unresolved: INPUT-20) and the names
    /// defined nowhere.
    struct Resolved {
        var services = ServiceSet()
        var unevaluated: [String] = []
        var unknownPredefined: [String] = []
        var undefined: [String] = []
    }

    init(_ node: JunosNode?) {
        for a in node?.child("application")?.active ?? [] { applications[a.word] = a }
        for s in node?.child("application-set")?.active ?? [] { sets[s.word] = s }
    }

    /// Resolves a policy's `match application` names: `any`, configured applications and sets
    /// (configured names win over predefined ones), then the predefined table.
    func resolve(_ names: [String], depth: Int = 0) -> Resolved {
        var out = Resolved()
        for name in names {
            if name == "any" { out.services = .anyService; continue }
            if let app = applications[name] {
                let r = Self.application(app)
                out.services = out.services.union(r.services)
                out.unevaluated += r.unevaluated
            } else if let set = sets[name], depth < 16 {
                let members = (set.child("application")?.active ?? []).map(\.word)
                    + (set.child("application-set")?.active ?? []).map(\.word)
                let inner = resolve(members, depth: depth + 1)
                out.services = out.services.union(inner.services)
                out.unevaluated += inner.unevaluated
                out.unknownPredefined += inner.unknownPredefined
                out.undefined += inner.undefined
            } else if let p = Self.predefined[name] {
                out.services = out.services.union(p.services)
                if let note = p.note { out.unevaluated.append("\(name): \(note)") }
            } else if name.hasPrefix("junos-") {
                out.unknownPredefined.append(name)
            } else {
                out.undefined.append(name)
            }
        }
        return out
    }

    /// One configured application: its own `protocol`/`destination-port`, or the union of its
    /// terms. A protocol without ports is every port; no protocol at all is every service.
    static func application(_ app: JunosNode) -> Resolved {
        let terms = app.child("term")?.active ?? []
        if terms.isEmpty { return term(app, name: app.word) }
        var out = Resolved()
        for t in terms {
            let r = term(t, name: "\(app.word) term \(t.word)")
            out.services = out.services.union(r.services)
            out.unevaluated += r.unevaluated
        }
        return out
    }

    /// `protocol P destination-port LOW[-HIGH]` (numbers or Junos port names).
    static func term(_ node: JunosNode, name: String) -> Resolved {
        var out = Resolved()
        guard let protoText = node.value("protocol") else { out.services = .anyService; return out }
        guard let proto = IPProtocol.number(protoText) ?? junosProtocols[protoText] else {
            out.unevaluated.append("\(name): protocol \(protoText) not known, treated as any protocol")
            out.services = .anyService
            return out
        }
        for key in ["source-port", "icmp-type", "icmp-code", "icmp6-type", "icmp6-code", "rpc-program-number", "uuid"]
        where node.value(key) != nil {
            out.unevaluated.append("\(name): \(key) \(node.value(key) ?? "")")
        }
        guard let port = node.value("destination-port") else { out.services = .proto(proto); return out }
        guard let range = portRange(port) else {
            out.unevaluated.append("\(name): destination-port \(port) not read, treated as any port")
            out.services = .proto(proto)
            return out
        }
        out.services = .ports(proto, range.lowerBound, range.upperBound)
        return out
    }

    /// Junos protocol names beyond the ones every reader knows (`tcp`, `udp`, `icmp`, `icmp6`, `gre`, `esp`, `ah`, `sctp`).
    static let junosProtocols: [String: UInt8] = [
        "igmp": 2, "ipip": 4, "egp": 8, "rsvp": 46, "ospf": 89, "pim": 103, "vrrp": 112,
    ]

    /// `80`, `8000-8080` or a Junos port name (`http`, `domain`).
    static func portRange(_ text: String) -> ClosedRange<UInt16>? {
        let bounds = text.split(separator: "-").map { portNumber(String($0)) }
        guard let low = bounds.first ?? nil else { return nil }
        let high = bounds.count > 1 ? (bounds[1] ?? low) : low
        return low <= high ? low...high : high...low
    }

    static func portNumber(_ text: String) -> UInt16? { UInt16(text) ?? portNames[text] }

    /// Junos port names (Junos "Port Names Supported" table), those common in security policies.
    static let portNames: [String: UInt16] = [
        "bgp": 179, "bootpc": 68, "bootps": 67, "dhcp": 67, "domain": 53, "finger": 79, "ftp": 21, "ftp-data": 20,
        "http": 80, "https": 443, "ident": 113, "imap": 143, "kerberos-sec": 88, "ldap": 389, "netbios-dgm": 138,
        "netbios-ns": 137, "netbios-ssn": 139, "nfsd": 2049, "nntp": 119, "ntp": 123, "pop3": 110, "pptp": 1723,
        "printer": 515, "radacct": 1813, "radius": 1812, "rip": 520, "smtp": 25, "snmp": 161, "snmp-trap": 162,
        "socks": 1080, "ssh": 22, "sunrpc": 111, "syslog": 514, "tacacs": 49, "telnet": 23, "tftp": 69,
        "xdmcp": 177,
    ]

    /// Predefined applications of the `junos-defaults` group, as Juniper documents them (Junos
    /// "Predefined Policy Applications"; `show groups junos-defaults`): protocol and destination
    /// port. Names not listed here are reported, never guessed.
    static let predefined: [String: (services: ServiceSet, note: String?)] = {
        func tcp(_ p: UInt16...) -> (ServiceSet, String?) {
            (p.reduce(ServiceSet()) { $0.union(.ports(IPProtocol.tcp, $1, $1)) }, nil)
        }
        func udp(_ p: UInt16) -> (ServiceSet, String?) { (.ports(IPProtocol.udp, p, p), nil) }
        return [
            "junos-ftp": tcp(21), "junos-ssh": tcp(22), "junos-telnet": tcp(23), "junos-smtp": tcp(25),
            "junos-dns-tcp": tcp(53), "junos-dns-udp": udp(53), "junos-tftp": udp(69), "junos-finger": tcp(79),
            "junos-http": tcp(80), "junos-pop3": tcp(110), "junos-nntp": tcp(119), "junos-ntp": udp(123),
            "junos-imap": tcp(143), "junos-bgp": tcp(179), "junos-ldap": tcp(389), "junos-https": tcp(443),
            "junos-smb": tcp(139, 445), "junos-ike": udp(500), "junos-syslog": udp(514), "junos-imaps": tcp(993),
            "junos-ms-sql": tcp(1433), "junos-rdp": tcp(3389),
            "junos-icmp-all": (.proto(IPProtocol.icmp), nil),
            "junos-icmp6-all": (.proto(IPProtocol.icmpv6), nil),
            "junos-ping": (.proto(IPProtocol.icmp), "icmp-type 8 (echo request) not evaluated"),
            "junos-pingv6": (.proto(IPProtocol.icmpv6), "icmp6-type 128 (echo request) not evaluated"),
            "junos-gre": (.proto(47), nil),
        ]
    }()
}
