/// The state of one bulk connectivity run (``ReachabilityEngine/connectivity(assets:endpoints:targets:examplesPerAsset:)``):
/// the placed endpoints, the target assets, the route outcomes and each asset's running result.
///
/// The run visits every (non-target zone, target zone) pair in both directions. For each route
/// the endpoints of both sides are grouped by address class (``EndpointGroups``), first match
/// runs per group pair and hop (``RouteOutcomes``), and the group's result is copied to its
/// members (``AssetAccumulator``).
struct ConnectivityRun {
    let engine: ReachabilityEngine
    let topology: Topology
    let assets: [Asset]
    let targets: Set<Int>
    let limit: Int
    /// Placed endpoints only, in asset order (deterministic).
    let flat: [Endpoint]
    /// Sorted distinct endpoint addresses, and each flat endpoint's index into them.
    let queries: [UInt128]
    let query: [Int32]
    /// Per asset: its bit position among the targets (sorted target order), -1 for non-targets;
    /// and the bitset width in words.
    let targetBit: [Int32]
    let words: Int
    /// Per flat endpoint of a target: its position in (asset id, address) order, the order in
    /// which example peers are picked (computed once, not sorted again per route).
    let exampleRank: [Int32]
    /// Allowlist id per asset (into `outcomes.allowSets`).
    let allowOf: [Int32]
    /// Per zone: flat indices of target and of other endpoints.
    let byZone: [String: (targets: [Int], others: [Int])]
    var outcomes: RouteOutcomes
    var acc: [AssetAccumulator]
    /// Per non-target zone: the target zones it has a route to, and those it has none to. Kept
    /// per zone, not per asset: every asset of a zone shares them, and per asset they grew with
    /// assets × zones (24 GB at 1M assets in 400 zones).
    var routedFrom: [String: Set<String>] = [:]
    var unroutedFrom: [String: Set<String>] = [:]
    /// Scratch: for the side being classified, each query's position among that side's sorted
    /// addresses (only the side's entries are meaningful).
    private var slot: [Int32]

    init(engine: ReachabilityEngine, assets: [Asset], endpoints: [[Endpoint]], targets: Set<Int>, limit: Int) {
        self.engine = engine
        topology = engine.topology
        self.assets = assets
        self.targets = targets
        self.limit = limit
        var flat: [Endpoint] = []
        for list in endpoints { for e in list where e.zone != nil { flat.append(e) } }
        self.flat = flat
        let queries = Array(Set(flat.map(\.address.value))).sorted()
        var queryOf: [UInt128: Int32] = [:]
        queryOf.reserveCapacity(queries.count)
        for (i, q) in queries.enumerated() { queryOf[q] = Int32(i) }
        self.queries = queries
        query = flat.map { queryOf[$0.address.value] ?? 0 }

        let targetList = targets.sorted()
        var targetBit = [Int32](repeating: -1, count: assets.count)
        for (i, t) in targetList.enumerated() { targetBit[t] = Int32(i) }
        self.targetBit = targetBit
        words = (targetList.count + 63) / 64
        var rank = [Int32](repeating: -1, count: flat.count)
        let ordered = flat.indices.filter { targets.contains(flat[$0].assetIndex) }.sorted {
            (assets[flat[$0].assetIndex].id, flat[$0].address, $0) < (assets[flat[$1].assetIndex].id, flat[$1].address, $1)
        }
        for (r, i) in ordered.enumerated() { rank[i] = Int32(r) }
        exampleRank = rank

        // Allowlisted services per destination asset, interned.
        var allowSets: [ServiceSet] = [ServiceSet()]
        var allowIndex: [ServiceSet: Int32] = [ServiceSet(): 0]
        allowOf = assets.map { a in
            if engine.allowlist.isEmpty { return 0 }
            let s = engine.allowlisted(to: a.id)
            if let i = allowIndex[s] { return i }
            allowSets.append(s)
            allowIndex[s] = Int32(allowSets.count - 1)
            return Int32(allowSets.count - 1)
        }
        var byZone: [String: (targets: [Int], others: [Int])] = [:]
        for (i, e) in flat.enumerated() {
            guard let z = e.zone else { continue }
            if targets.contains(e.assetIndex) {
                byZone[z, default: ([], [])].targets.append(i)
            } else {
                byZone[z, default: ([], [])].others.append(i)
            }
        }
        self.byZone = byZone
        outcomes = RouteOutcomes(topology: topology, allowSets: allowSets)
        acc = [AssetAccumulator](repeating: AssetAccumulator(), count: assets.count)
        slot = [Int32](repeating: 0, count: queries.count)
    }

    /// Visits every (non-target zone, target zone) pair in both directions.
    mutating func visitZonePairs() {
        let targetZones = byZone.filter { !$0.value.targets.isEmpty }.keys.sorted()
        let otherZones = byZone.filter { !$0.value.others.isEmpty }.keys.sorted()
        for a in otherZones {
            for b in targetZones {
                for outbound in [true, false] { visitRoute(otherZone: a, targetZone: b, outbound: outbound) }
            }
        }
    }

    /// One route between the non-target endpoints of zone `a` and the target endpoints of zone
    /// `b`: `outbound` = from `a` to `b`.
    private mutating func visitRoute(otherZone a: String, targetZone b: String, outbound: Bool) {
        let others = byZone[a]?.others ?? []
        let targetEps = byZone[b]?.targets ?? []
        let (srcZone, dstZone) = outbound ? (a, b) : (b, a)
        guard let route = topology.route(from: srcZone, to: dstZone) else {
            unroutedFrom[a, default: []].insert(b)
            return
        }
        routedFrom[a, default: []].insert(b)
        let (srcSide, dstSide) = outbound ? (others, targetEps) : (targetEps, others)
        let srcQueries = sideQueries(srcSide)
        let dstQueries = sideQueries(dstSide)
        var hops: [Int] = []
        for hop in route {
            hops.append(
                outcomes.add(engine.hopPolicy(hop, sourceQueries: srcQueries.values, destinationQueries: dstQueries.values)))
        }
        let shared = a == b ? sharedSegments(others, targetEps) : [:]
        let otherGroups = groups(others, asSource: outbound, hops: hops, shared: shared,
                                 ranks: outbound ? srcQueries.ranks : dstQueries.ranks)
        let targetGroups = groups(targetEps, asSource: !outbound, hops: hops, shared: shared,
                                  ranks: outbound ? dstQueries.ranks : srcQueries.ranks)
        let side = TargetSide(
            groups: targetGroups, keys: targetGroups.flatKeys(), stride: 2 + hops.count,
            info: targetGroups.targetInfo(flat: flat, targetBit: targetBit, exampleRank: exampleRank, words: words, limit: limit))
        var routeCtx = RouteContext(
            hops: hops, unfiltered: route.isEmpty, outbound: outbound, zoneSegment: "zone \(a)")
        for og in otherGroups.groups {
            let result = evaluate(og, against: side, route: &routeCtx)
            for i in og.members {
                let asset = flat[i].assetIndex
                acc[asset].add(result, address: flat[i].address, words: words, limit: limit)
                if acc[asset].blocked.count > 40 { acc[asset].blocked = outcomes.firstHops(acc[asset].blocked) }
            }
        }
        outcomes.release(hops)
    }

    /// The sorted distinct addresses of one side's endpoints (what its partitions classify), and
    /// their query ranks (ascending, parallel to `values`).
    private func sideQueries(_ members: [Int]) -> (values: [UInt128], ranks: [Int32]) {
        var ranks = members.map { query[$0] }
        ranks.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(ranks.count)
        for r in ranks where unique.last != r { unique.append(r) }
        return (unique.map { queries[Int($0)] }, unique)
    }

    /// Segments shared by both sides, numbered (only same-zone pairs can share one).
    private func sharedSegments(_ others: [Int], _ targetEps: [Int]) -> [String: Int32] {
        var out: [String: Int32] = [:]
        let t = Set(targetEps.compactMap { flat[$0].segment?.text })
        for s in Set(others.compactMap { flat[$0].segment?.text }).intersection(t).sorted() {
            out[s] = Int32(out.count)
        }
        return out
    }

    /// Groups one side's endpoints; `ranks` are the side's query ranks (``sideQueries(_:)``), so
    /// an endpoint's class at a hop is looked up by its position among them.
    private mutating func groups(
        _ members: [Int], asSource: Bool, hops: [Int], shared: [String: Int32], ranks: [Int32]
    ) -> EndpointGroups {
        for (n, r) in ranks.enumerated() { slot[Int(r)] = Int32(n) }
        let slot = self.slot
        let classes = hops.map { h in
            asSource ? outcomes.policies[h].source.classOfQuery : outcomes.policies[h].destination.classOfQuery
        }
        return EndpointGroups(
            members, hops: hops.count,
            segmentKey: { i in flat[i].segment.flatMap { shared[$0.text] } ?? -1 },
            allowKey: { i in asSource ? -1 : allowOf[flat[i].assetIndex] },
            classOf: { i, n in classes[n][Int(slot[Int(query[i])])] })
    }
}
