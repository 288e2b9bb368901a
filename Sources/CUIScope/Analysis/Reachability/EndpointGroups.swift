/// The endpoints of one side of one route, grouped by everything that decides their verdict:
/// the shared segment (same-zone pairs), the destination's allowlist, and the address class at
/// each hop (atomic predicates of the hop's rules, ``RulePartition``). Members of one group get
/// the same answer against every group of the other side, so first match runs per group pair.
struct EndpointGroups {
    struct Group {
        /// [segment key, allowlist id (-1 on the source side), class at hop 0, hop 1, …].
        var key: [Int32]
        /// Indices into the run's flat endpoint list, in that list's order.
        var members: [Int] = []
    }

    /// Per target group: its target assets as bits (for counting distinct peers), and its
    /// first `limit` members by (asset id, address), one per asset (example edges).
    struct TargetInfo {
        var bits: [UInt64]
        var firsts: [Int]
    }

    private(set) var groups: [Group] = []

    /// Groups `members` by key; `classOf(i, n)` is endpoint `i`'s class at hop `n`.
    init(
        _ members: [Int], hops: Int, segmentKey: (Int) -> Int32, allowKey: (Int) -> Int32,
        classOf: (Int, Int) -> Int32
    ) {
        var index: [[Int32]: Int] = [:]
        for i in members {
            var key: [Int32] = [segmentKey(i), allowKey(i)]
            for n in 0..<hops { key.append(classOf(i, n)) }
            if let g = index[key] {
                groups[g].members.append(i)
            } else {
                index[key] = groups.count
                groups.append(Group(key: key, members: [i]))
            }
        }
    }

    /// The group keys in one flat array (stride = key length): no per-pair copies in the pair loop.
    func flatKeys() -> [Int32] {
        var keys: [Int32] = []
        keys.reserveCapacity(groups.count * (groups.first?.key.count ?? 0))
        for g in groups { keys += g.key }
        return keys
    }

    /// ``TargetInfo`` per group, for a target side.
    /// - Parameters:
    ///   - targetBit: per asset, its bit among the targets (-1: not a target).
    ///   - exampleRank: per flat endpoint, its position in (asset id, address) order.
    func targetInfo(
        flat: [Endpoint], targetBit: [Int32], exampleRank: [Int32], words: Int, limit: Int
    ) -> [TargetInfo] {
        groups.map { g in
            var bits = [UInt64](repeating: 0, count: words)
            for i in g.members {
                let b = Int(targetBit[flat[i].assetIndex])
                if b >= 0 { bits[b >> 6] |= 1 << UInt64(b & 63) }
            }
            let sorted = g.members.sorted { exampleRank[$0] < exampleRank[$1] }
            var firsts: [Int] = []
            for i in sorted where firsts.count < limit {
                if !firsts.contains(where: { flat[$0].assetIndex == flat[i].assetIndex }) { firsts.append(i) }
            }
            return TargetInfo(bits: bits, firsts: firsts)
        }
    }
}
