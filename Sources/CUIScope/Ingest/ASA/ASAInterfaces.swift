/// One `interface` block with a `nameif`: a zone of its own name (docs/FORMATS.md, Cisco ASA).
struct ASAInterface {
    /// The hardware name (`GigabitEthernet0/1`, `Port-channel1.10`).
    let hardware: String
    let name: String
    /// `security-level`, 0–100; without it 100 for an interface named `inside`, else 0.
    var level: Int
    var shutdown = false
    var subnets: [Subnet] = []
    /// The interface's own addresses (the `interface NAME` address form and to-the-box traffic).
    var own = ASAAddresses()
    let location: SourceLocation

    /// Reads the interface blocks; blocks without `nameif` pass no traffic and are skipped.
    static func parse(_ blocks: [ASABlock], problems: inout ASAProblems) -> [ASAInterface] {
        var out: [ASAInterface] = []
        for b in blocks where b.keyword == "interface" {
            guard let nameLine = b.children.first(where: { $0.word(0) == "nameif" }), let name = nameLine.word(1) else { continue }
            let hardware = b.head.word(1) ?? "?"
            var i = ASAInterface(hardware: hardware, name: name, level: name == "inside" ? 100 : 0,
                                 location: b.head.location(problems.file))
            for line in b.children { i.read(line, problems: &problems) }
            out.append(i)
        }
        return out
    }

    private mutating func read(_ line: ASALine, problems: inout ASAProblems) {
        let w = line.words.map(\.text)
        switch (w[0], w.count > 1 ? w[1] : "") {
        case ("security-level", _):
            guard w.count == 2, let n = Int(w[1]), (0...100).contains(n) else {
                return problems.problem(line, column: line.words[0].column, "interface \(name): expected security-level 0-100")
            }
            level = n
        case ("shutdown", _): shutdown = true
        case ("ip", "address") where w.count >= 3:
            if let a = IPAddress(w[2]), w.count >= 4, let set = AddressSet.parse("\(w[2])/\(w[3])") {
                add(address: a, network: set, line: line, problems.file)
            } else if ["dhcp", "pppoe"].contains(w[2]) {
                own.unresolved.append("interface \(name) address (\(w[2]), assigned at run time)")
            } else {
                problems.problem(line, column: line.words[2].column, "interface \(name): expected ip address ADDRESS MASK, dhcp or pppoe")
            }
        case ("ipv6", "address") where w.count >= 3:
            let parts = w[2].split(separator: "/")
            if parts.count == 2, let a = IPAddress(parts[0]), let set = AddressSet.parse(w[2]) {
                add(address: a, network: set, line: line, problems.file)
            } else if w[2] == "autoconfig" || w[2] == "dhcp" {
                own.unresolved.append("interface \(name) IPv6 address (\(w[2]), assigned at run time)")
            }
        default: break
        }
    }

    private mutating func add(address: IPAddress, network: AddressSet, line: ASALine, _ file: String) {
        own.set = own.set.union(.host(address))
        subnets.append(Subnet(text: network.summary, addresses: network, location: line.location(file),
                              origin: "ASA interface \(hardware) (\(name))", hostAddress: address))
    }

    /// The interface as a zone.
    var zone: Zone { Zone(name: name, subnets: subnets) }
}

/// `route IF NETWORK MASK GATEWAY` and `ipv6 route IF PREFIX GATEWAY` static routes.
enum ASARoutes {
    static func parse(_ blocks: [ASABlock], interfaces: [ASAInterface], problems: inout ASAProblems) -> [StaticRoute] {
        let names = Set(interfaces.map(\.name))
        var out: [StaticRoute] = []
        for b in blocks {
            let line = b.head
            let w = line.words.map(\.text)
            let v6 = w[0] == "ipv6" && w.count > 1 && w[1] == "route"
            guard w[0] == "route" || v6 else { continue }
            let at = v6 ? 2 : 1
            let discard = w.count > at && w[at].lowercased() == "null0"
            guard w.count >= 5 || (discard && w.count >= at + (v6 ? 2 : 3)) else {
                problems.problem(line, column: 1, "expected route INTERFACE NETWORK MASK GATEWAY")
                continue
            }
            let interface = w[at]
            let destText = v6 ? w[at + 1] : "\(w[at + 1])/\(w[at + 2])"
            let hop = w.count > at + (v6 ? 2 : 3) ? w[at + (v6 ? 2 : 3)] : nil
            // An IPv6 route never carries IPv4 (the model maps IPv4 into ::ffff:0:0/96).
            guard let parsed = AddressSet.parse(destText) else {
                problems.problem(line, column: line.words[at + 1].column, "expected a destination network and mask")
                continue
            }
            let set = v6 ? parsed.subtracting(.allIPv4) : parsed
            if !discard && !names.contains(interface) {
                problems.problem(line, column: line.words[at].column, "route names interface \(interface), which has no nameif")
                continue
            }
            let length = v6 ? destText.split(separator: "/").last.flatMap { Int($0) } ?? 128 : prefixLength(w[at + 2])
            out.append(StaticRoute(name: "route \(interface) \(v6 ? destText : parsed.summary)", router: "default", destinationText: v6 ? destText : parsed.summary,
                                   destination: set, prefixLength: length, interface: interface, nextHop: hop,
                                   zone: discard ? nil : interface, discard: discard, location: line.location(problems.file)))
        }
        return out
    }

    /// The prefix length of a dotted mask.
    static func prefixLength(_ mask: String) -> Int {
        guard let m = IPAddress(mask), m.isIPv4 else { return 0 }
        return UInt32(truncatingIfNeeded: m.value).nonzeroBitCount
    }
}
