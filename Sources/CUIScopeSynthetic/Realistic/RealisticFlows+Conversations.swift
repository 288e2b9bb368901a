/// Drawing conversations: endpoints from a rule's members, inside one zone, or across an
/// unplanned zone pair; each judged by first match and remembered by (kind, subject, variant).
extension RealisticFlows {
    /// Common services of traffic that no rule names a port for.
    static let commonPorts: [(UInt8, UInt16)] = [
        (6, 443), (6, 445), (6, 80), (17, 53), (6, 22), (6, 3389), (6, 135),
        (6, 8080), (17, 123), (6, 1433),
    ]

    mutating func fromRule(_ rule: Int, variant: Int) -> Conversation {
        let key = UInt64(1) << 60 | UInt64(rule) << 8 | UInt64(variant)
        if let c = cache[key] { return c }
        var rng = SplitMix64(seed: seed ^ key &* 0x9E37_79B9_7F4A_7C15)
        let c = index.compiled[rule]
        let (src, sz) = endpoint(c.sourceMembers, negate: c.negateSource, zones: c.from, &rng)
        var (dst, dz) = endpoint(c.destinationMembers, negate: c.negateDestination, zones: c.to, &rng)
        if c.ruleType == "intrazone", dz != sz, let other = pickAsset(sz, &rng) { (dst, dz) = (other, sz) }
        let (proto, port) = service(c.services, &rng)
        return judge(key, src, sz, dst, dz, proto, port)
    }

    mutating func intrazone(_ zone: Int, variant: Int) -> Conversation {
        let key = UInt64(2) << 60 | UInt64(zone) << 8 | UInt64(variant)
        if let c = cache[key] { return c }
        var rng = SplitMix64(seed: seed ^ key &* 0x9E37_79B9_7F4A_7C15)
        let a = pickAsset(zone, &rng) ?? index.network.zones[zone].host(0)
        let b = pickAsset(zone, &rng) ?? index.network.zones[zone].host(1)
        let (proto, port) = Self.commonPorts[Int.random(in: 0..<Self.commonPorts.count, using: &rng)]
        return judge(key, a, zone, b, zone, proto, port)
    }

    /// Two assets in different zones on a high port no rule was written for.
    mutating func unpermitted(_ variant: Int) -> Conversation {
        let key = UInt64(3) << 60 | UInt64(variant)
        if let c = cache[key] { return c }
        var rng = SplitMix64(seed: seed ^ key &* 0x9E37_79B9_7F4A_7C15)
        let ia = Int.random(in: 0..<busyZones.count, using: &rng)
        var ib = Int.random(in: 0..<busyZones.count, using: &rng)
        if ia == ib { ib = (ia + 1) % busyZones.count }
        let (a, b) = (busyZones[ia], busyZones[ib])
        let src = pickAsset(a, &rng) ?? index.network.zones[a].host(0)
        let dst = pickAsset(b, &rng) ?? index.network.zones[b].host(0)
        return judge(key, src, a, dst, b, 6, UInt16(Int.random(in: 10_000..<30_000, using: &rng)))
    }

    private mutating func judge(
        _ key: UInt64, _ src: UInt32, _ sz: Int, _ dst: UInt32, _ dz: Int, _ proto: UInt8,
        _ port: UInt16
    ) -> Conversation {
        let verdict = index.evaluate(src, sz, dst, dz, proto: proto, port: port)
        let c = Conversation(
            src: src, dst: dst, srcZone: sz, dstZone: dz, proto: proto, dport: port,
            allow: verdict.allow, rule: verdict.rule)
        cache[key] = c
        return c
    }

    /// The primary address of a random asset of the zone.
    func pickAsset(_ zone: Int, _ rng: inout SplitMix64) -> UInt32? {
        let list = assetsByZone[zone]
        guard !list.isEmpty else { return nil }
        return index.network.assets[list[Int.random(in: 0..<list.count, using: &rng)]].primary
    }

    /// An address a rule side matches, and its zone: negated sides (`!RFC1918`) and `any` towards
    /// `untrust` go to a popular Internet host; other members are drawn inside the object.
    private func endpoint(_ members: [String], negate: Bool, zones: Set<Int>?, _ rng: inout SplitMix64)
        -> (UInt32, Int)
    {
        let internet = { (rng: inout SplitMix64) in
            (RealisticInternet.publicHost(internetZipf.sample(&rng)), index.untrust)
        }
        if negate { return internet(&rng) }
        let allowed = zones.map { $0.sorted() }
        var last = (UInt32(0), index.untrust)
        for _ in 0..<4 {
            let m = members[Int.random(in: 0..<members.count, using: &rng)]
            if m == "any" {
                let z =
                    allowed.map { $0[Int.random(in: 0..<$0.count, using: &rng)] }
                    ?? busyZones[Int.random(in: 0..<busyZones.count, using: &rng)]
                if z == index.untrust { return internet(&rng) }
                return (pickAsset(z, &rng) ?? index.network.zones[z].host(0), z)
            }
            let ip = draw(m, &rng)
            last = (ip, index.zone(of: ip))
            if zones?.contains(last.1) ?? true { return last }
        }
        return last
    }

    /// A concrete address inside a member: a host, an asset of a whole zone subnet, or a random
    /// address inside a slice, range, cloud block or group member.
    private func draw(_ member: String, _ rng: inout SplitMix64) -> UInt32 {
        let parts = index.resolve(member)
        guard !parts.isEmpty else { return 0 }
        let (low, high) = parts[Int.random(in: 0..<parts.count, using: &rng)]
        if low == high { return low }
        let z = index.zone(of: low)
        if z != index.untrust, index.network.zones[z].network == low, let a = pickAsset(z, &rng) { return a }
        let span = UInt64(high - low)
        return span > 2 ? low + 1 + UInt32(UInt64.random(in: 0..<(span - 1), using: &rng)) : low
    }

    private func service(_ ports: [RealisticPolicyIndex.Port]?, _ rng: inout SplitMix64) -> (UInt8, UInt16) {
        guard let ports, !ports.isEmpty else {
            return Self.commonPorts[Int.random(in: 0..<Self.commonPorts.count, using: &rng)]
        }
        let p = ports[Int.random(in: 0..<ports.count, using: &rng)]
        let port =
            Int.random(in: 0..<100, using: &rng) < 70 || p.low == p.high
            ? p.low : UInt16(Int.random(in: Int(p.low)...Int(p.high), using: &rng))
        return (p.proto, port)
    }
}
