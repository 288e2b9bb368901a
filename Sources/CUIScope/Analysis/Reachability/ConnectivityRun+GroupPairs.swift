/// One group of non-target endpoints against every target group of a route: the edge kind per
/// pair (shared segment, unfiltered zone, or the hop outcomes' combo), the services left after
/// the destination's allowlist, example edges, and the deny hops when nothing connects.
extension ConnectivityRun {
    /// The target side of one route: its groups, their keys in one flat array, and per group
    /// the target bits and first members.
    struct TargetSide {
        var groups: EndpointGroups
        var keys: [Int32]
        var stride: Int
        var info: [EndpointGroups.TargetInfo]
    }

    /// What is fixed for one route while its groups are evaluated.
    struct RouteContext {
        /// Hop policy ids, in route order.
        var hops: [Int]
        /// The route crosses no enforcement point (same zone, none filters it).
        var unfiltered: Bool
        var outbound: Bool
        var zoneSegment: String
        /// Peer bits per distinct set of connected target groups: many groups of this side reach
        /// the same target groups, so the union is built once per set.
        var peerUnion: [[Int32]: [UInt64]] = [:]

        init(hops: [Int], unfiltered: Bool, outbound: Bool, zoneSegment: String) {
            self.hops = hops
            self.unfiltered = unfiltered
            self.outbound = outbound
            self.zoneSegment = zoneSegment
        }
    }

    mutating func evaluate(_ og: EndpointGroups.Group, against side: TargetSide, route: inout RouteContext)
        -> GroupResult
    {
        var result = GroupResult()
        var effectiveIDs: Set<Int32> = []
        var blockedCombos: Set<Int32> = []
        var connectedGroups: [Int32] = []
        let rep = og.members[0]
        for tgIndex in side.groups.groups.indices {
            let base = tgIndex * side.stride
            var kind = EdgeKind.permit
            var segment: String?
            var combo: Int32 = -1
            if og.key[0] >= 0 && og.key[0] == side.keys[base], let s = flat[rep].segment {
                kind = .sameSegment
                segment = s.text
            } else if route.unfiltered {
                kind = .sameSegment
                segment = route.zoneSegment
            } else {
                combo = walk(og.key, side.keys, base: base, route: route)
            }
            let eff = outcomes.effective(combo, allow: route.outbound ? side.keys[base + 1] : og.key[1])
            let services = outcomes.effectiveSets[Int(eff)]
            if services.isEmpty {
                if combo >= 0 { blockedCombos.insert(combo) }
                continue
            }
            result.connected = true
            effectiveIDs.insert(eff)
            connectedGroups.append(Int32(tgIndex))
            for t in side.info[tgIndex].firsts {
                let peer = flat[t].assetIndex
                let c = ExampleEdge(
                    kind: kind, peer: peer, peerID: assets[peer].id, outbound: route.outbound,
                    ownAddress: flat[rep].address, peerAddress: flat[t].address, services: services,
                    combo: combo, segment: segment)
                // `firsts` ascend by peer id: once one cannot enter the top list, none after can.
                if !ExampleEdge.offer(c, to: &result.examples, limit: limit) { break }
            }
        }
        if result.connected {
            result.peers = peerBits(connectedGroups, side: side, route: &route)
            result.services = effectiveIDs.reduce(ServiceSet()) { $0.union(outcomes.effectiveSets[Int($1)]) }
        } else {
            var ids: [Int32] = []
            for combo in blockedCombos { ids += outcomes.denyHops(combo) }
            result.blocked = outcomes.firstHops(ids)
        }
        return result
    }

    /// The combo of hop outcomes for one group pair (the other group's key against the target
    /// group's key at `base`), in route order.
    private mutating func walk(_ own: [Int32], _ targetKeys: [Int32], base: Int, route: RouteContext) -> Int32 {
        var combo: Int32 = -1
        for (n, h) in route.hops.enumerated() {
            let o = route.outbound
                ? outcomes.outcome(policy: h, source: own[2 + n], destination: targetKeys[base + 2 + n])
                : outcomes.outcome(policy: h, source: targetKeys[base + 2 + n], destination: own[2 + n])
            combo = outcomes.combine(combo, policy: h, outcome: o)
        }
        return combo
    }

    /// The union of the target bits of `connected` groups, memoised per route.
    private func peerBits(_ connected: [Int32], side: TargetSide, route: inout RouteContext) -> [UInt64] {
        if let known = route.peerUnion[connected] { return known }
        var bits = [UInt64](repeating: 0, count: words)
        for g in connected {
            let groupBits = side.info[Int(g)].bits
            for w in 0..<words { bits[w] |= groupBits[w] }
        }
        route.peerUnion[connected] = bits
        return bits
    }
}
