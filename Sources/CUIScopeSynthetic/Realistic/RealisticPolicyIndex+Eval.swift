/// Name resolution, rule compilation and first-match evaluation.
extension RealisticPolicyIndex {
    /// The intervals a member stands for: `any`, an object, a group (recursively) or a literal.
    func resolve(_ member: String) -> [(UInt32, UInt32)] {
        if member == "any" { return [(0, .max)] }
        if let r = addressRanges[member] { return r }
        if let members = groupMembers[member] { return members.flatMap(resolve) }
        return Self.literal(member).map { [$0] } ?? []
    }

    /// `10.1.2.3`, `10.1.2.0/24`, `10.1.2.3-10.1.2.9`.
    static func literal(_ text: String) -> (UInt32, UInt32)? {
        if let dash = text.firstIndex(of: "-") {
            guard let a = ipv4(text[..<dash]), let b = ipv4(text[text.index(after: dash)...]) else { return nil }
            return (a, b)
        }
        let parts = text.split(separator: "/")
        guard let a = ipv4(parts[0]) else { return nil }
        guard parts.count == 2, let len = Int(parts[1]) else { return (a, a) }
        let size = IPv4.size(len)
        let low = a & ~(size &- 1)
        return (low, low &+ (size &- 1))
    }

    static func ipv4(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".")
        guard octets.count == 4 else { return nil }
        var v: UInt32 = 0
        for o in octets {
            guard let n = UInt32(o), n < 256 else { return nil }
            v = v << 8 | n
        }
        return v
    }

    static func ports(_ proto: String, _ list: String) -> [Port] {
        let p: UInt8 = proto == "udp" ? 17 : 6
        return list.split(separator: ",").compactMap { item in
            let b = item.split(separator: "-")
            guard let lo = UInt16(b[0]) else { return nil }
            return Port(proto: p, low: lo, high: b.count > 1 ? UInt16(b[1]) ?? lo : lo)
        }
    }

    /// A rule's ports; nil means any.
    func servicePorts(_ r: RealisticRule) -> [Port]? {
        var out: [Port] = []
        for s in r.services {
            switch s {
            case "any": return nil
            case "application-default":
                for app in r.applications {
                    guard let texts = RealisticApplications.defaultPorts[app] else { return nil }
                    for t in texts {
                        let pieces = t.split(separator: "/")
                        out += Self.ports(String(pieces[0]), String(pieces[1]))
                    }
                }
            case "service-http": out += Self.ports("tcp", "80,8080")
            case "service-https": out += Self.ports("tcp", "443")
            default: out += servicePorts(named: s)
            }
        }
        return out
    }

    private func servicePorts(named s: String) -> [Port] {
        if let p = serviceParts[s] { return p }
        return (serviceGroupMembers[s] ?? []).flatMap { servicePorts(named: $0) }
    }

    func compile(_ r: RealisticRule) -> Compiled {
        func zones(_ names: [String]) -> Set<Int>? {
            names.contains("any") ? nil : Set(names.compactMap { zoneIndex[$0] })
        }
        return Compiled(
            from: zones(r.from), to: zones(r.to), source: .union(r.source.flatMap(resolve)),
            destination: .union(r.destination.flatMap(resolve)), negateSource: r.negateSource,
            negateDestination: r.negateDestination, services: servicePorts(r), allow: r.action == "allow",
            disabled: r.disabled, ruleType: r.ruleType, sourceMembers: r.source, destinationMembers: r.destination)
    }

    /// The zone an address sits in: the zone whose subnet holds it, else `untrust`.
    func zone(of ip: UInt32) -> Int {
        var lo = 0
        var hi = zoneOrder.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if network.zones[zoneOrder[mid]].network <= ip { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return untrust }
        let z = network.zones[zoneOrder[lo - 1]]
        return ip - z.network < z.size ? zoneOrder[lo - 1] : untrust
    }

    /// First match: (rule index or nil for the default rules, allowed).
    mutating func evaluate(_ src: UInt32, _ sz: Int, _ dst: UInt32, _ dz: Int, proto: UInt8, port: UInt16)
        -> (rule: Int?, allow: Bool)
    {
        let key = sz * network.zones.count + dz
        let candidates: [Int]
        if let c = pairCache[key] {
            candidates = c
        } else {
            candidates = rulesFrom[sz].filter { i in
                let c = compiled[i]
                guard c.to?.contains(dz) ?? true else { return false }
                if c.ruleType == "intrazone" { return sz == dz }
                if c.ruleType == "interzone" { return sz != dz }
                return true
            }
            pairCache[key] = candidates
        }
        for i in candidates {
            let c = compiled[i]
            guard c.source.contains(src) != c.negateSource, c.destination.contains(dst) != c.negateDestination else {
                continue
            }
            if let ports = c.services,
                !ports.contains(where: { $0.proto == proto && $0.low <= port && port <= $0.high })
            {
                continue
            }
            return (i, c.allow)
        }
        return (nil, sz == dz)
    }
}
