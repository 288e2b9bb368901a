/// One asset's running connectivity result while the zone pairs are visited.
struct AssetAccumulator {
    /// Target assets reached, as bits (positions from the run's sorted target list).
    var peers: [UInt64] = []
    var services = ServiceSet()
    var examples: [ExampleEdge] = []
    /// Ids into the run's table of distinct deny hops (``RouteOutcomes/denyHopList``).
    var blocked: [Int32] = []
}

/// What one group of non-target endpoints gets from one zone pair and direction.
struct GroupResult {
    var peers: [UInt64] = []
    var connected = false
    var services = ServiceSet()
    var examples: [ExampleEdge] = []
    var blocked: [Int32] = []
}

extension AssetAccumulator {
    /// Adds a group's result for one of its members, whose own address is `address`. The caller
    /// folds `blocked` back to its first hops when it grows past 40 (``RouteOutcomes/firstHops(_:limit:)``).
    mutating func add(_ result: GroupResult, address: IPAddress, words: Int, limit: Int) {
        if result.connected {
            // The first result's bits are shared with the group (copy on write): an asset reached
            // through one route only, the common case, then costs no bitset of its own, where a
            // copy each made memory grow with assets × targets (1.25 GB at 1M assets, 10k targets).
            if peers.isEmpty {
                peers = result.peers
            } else {
                for w in 0..<words { peers[w] |= result.peers[w] }
            }
            services = services.union(result.services)
            for var c in result.examples {
                c.ownAddress = address
                examples.append(c)
            }
            if examples.count > 4 * limit + 8 { ExampleEdge.trim(&examples, limit: limit) }
        } else if !result.blocked.isEmpty {
            blocked.append(contentsOf: result.blocked)
        }
    }
}
