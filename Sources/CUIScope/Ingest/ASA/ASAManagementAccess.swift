/// Traffic to the ASA's own interface addresses. Cisco's access rules govern traffic through
/// the device, not to it: management access is opened by `ssh`, `telnet` and `http` lines
/// (address, mask, interface; `http` needs `http server enable`), ICMP to an interface by `icmp`
/// lines (all ICMP is accepted on an interface without any), and an interface answers only
/// on the interface the packet arrived by (docs/FORMATS.md, Cisco ASA; docs/DECISIONS.md 127).
enum ASAManagementAccess {
    static func rules(_ blocks: [ASABlock], interfaces: [ASAInterface], objects: ASAObjects,
                      problems: inout ASAProblems, device: SourceLocation) -> [Rule] {
        let byName = Dictionary(interfaces.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let httpPort = blocks.first { $0.head.words.map(\.text).starts(with: ["http", "server", "enable"]) }
            .map { UInt16($0.head.word(3) ?? "") ?? 443 }
        var out: [Rule] = []
        var icmpRuled: Set<String> = []
        for b in blocks {
            let line = b.head
            guard let last = line.words.last?.text, let iface = byName[last], line.words.count >= 3 else { continue }
            switch line.word(0) {
            case "ssh": out += management(line, iface, port: 22, objects, problems.file)
            case "telnet": out += management(line, iface, port: 23, objects, problems.file)
            case "http": if let httpPort { out += management(line, iface, port: httpPort, objects, problems.file) }
            case "icmp":
                if let r = icmp(line, iface, objects, &problems) { out.append(r); icmpRuled.insert(iface.name) }
            default: continue
            }
        }
        out += interfaces.map { icmpDefault($0, ruled: icmpRuled.contains($0.name)) }
        let own = interfaces.reduce(ASAAddresses()) { var a = $0; a.add($1.own); return a }
        out.append(Rule(name: "implicit deny: to-the-box traffic", action: .deny,
                        destination: AddressMatch(set: own.set, members: ["ASA interface addresses"], unresolved: own.unresolved),
                        description: "implicit: access rules do not open the device itself; management access does",
                        location: device))
        return out
    }

    /// The end of an interface's ICMP rules: a deny after `icmp` lines, else ICMP is accepted.
    private static func icmpDefault(_ i: ASAInterface, ruled: Bool) -> Rule {
        let to = AddressMatch(set: i.own.set, members: ["interface \(i.name)"], unresolved: i.own.unresolved)
        let icmp = ServiceSet.proto(IPProtocol.icmp).union(.proto(IPProtocol.icmpv6))
        if ruled {
            return Rule(name: "implicit deny: ICMP to interface \(i.name) after its icmp rules", action: .deny,
                        from: .zones([i.name]), destination: to, services: icmp, serviceMembers: ["icmp"],
                        description: "implicit: icmp rules end with a deny", location: i.location)
        }
        return Rule(name: "implicit permit: ICMP to interface \(i.name)", action: .allow, from: .zones([i.name]),
                    to: .zones([i.name]), destination: to, services: icmp, serviceMembers: ["icmp"],
                    description: "implicit: ICMP to the arrival interface is accepted without icmp rules", location: i.location)
    }

    /// `ssh|telnet|http ADDRESS MASK IF` (or `ADDRESS/LEN IF` for IPv6).
    private static func management(_ line: ASALine, _ iface: ASAInterface, port: UInt16, _ objects: ASAObjects,
                                   _ file: String) -> [Rule] {
        // `ssh 0 0 IF` is the CLI's shorthand for every address.
        let w = line.words.map { $0.text == "0" ? "0.0.0.0" : $0.text }
        let text = w.count == 4 ? "\(w[1])/\(w[2])" : w[1]
        guard w.count == 3 || w.count == 4, let base = objects.ip(String(text.split(separator: "/")[0])),
              let set = AddressSet.parse(w.count == 4 ? "\(base)/\(w[2])" : text)
        else { return [] }
        return [Rule(name: "\(w[0]) \(set.summary) \(iface.name)", action: .allow, from: .zones([iface.name]),
                     to: .zones([iface.name]), source: AddressMatch(set: set, members: [text]),
                     destination: AddressMatch(set: iface.own.set, members: ["interface \(iface.name)"], unresolved: iface.own.unresolved),
                     services: .ports(IPProtocol.tcp, port, port), serviceMembers: ["tcp/\(port)"],
                     description: "management access to the device", location: line.location(file))]
    }

    /// `icmp permit|deny ADDRESS [TYPE] IF`.
    private static func icmp(_ line: ASALine, _ iface: ASAInterface, _ objects: ASAObjects,
                             _ problems: inout ASAProblems) -> Rule? {
        var c = ASAWordCursor(line, from: 1)
        guard let action = c.peek.flatMap({ $0 == "permit" ? RuleAction.allow : $0 == "deny" ? .deny : nil }) else { return nil }
        c.index += 1
        var undefined: [ASASyntaxError] = []
        guard let (src, text) = try? objects.address(&c, undefined: &undefined) else {
            problems.problem(line, column: c.column, "expected an address after icmp \(line.word(1) ?? "")")
            return nil
        }
        var unevaluated: [String] = []
        if c.index < line.words.count - 1, let type = c.peek { unevaluated.append("icmp-type \(type)") }
        return Rule(name: "icmp \(line.word(1)!) \(text) \(iface.name)", action: action, from: .zones([iface.name]),
                    to: .zones([iface.name]), source: AddressMatch(set: src.set, members: [text], unresolved: src.unresolved),
                    destination: AddressMatch(set: iface.own.set, members: ["interface \(iface.name)"]),
                    services: .proto(IPProtocol.icmp).union(.proto(IPProtocol.icmpv6)), serviceMembers: ["icmp"],
                    unevaluated: unevaluated, description: "ICMP to the device", location: line.location(problems.file))
    }
}
