/// Bulk connectivity of every asset to the CUI assets, over address equivalence classes.
///
/// Endpoints are grouped per (zone pair, direction) by the tuple of their address classes at
/// each hop of the route (plus the shared segment and allowlist where they matter). First match
/// runs once per class pair per hop (`HopPolicy`), hop outcomes are intersected once per group
/// pair, and the result is copied to the group's members. Work grows with the number of distinct
/// classes and groups, not with assets × assets × ports.
extension ReachabilityEngine {
    /// An example edge before its owner's address is known.
    private struct Candidate {
        var kind: EdgeKind
        var peer: Int
        var peerID: String
        /// This asset → peer.
        var outbound: Bool
        var ownAddress: IPAddress
        var peerAddress: IPAddress
        var services: ServiceSet
        /// Route outcome chain for permit edges (hops materialised only for kept examples); -1 = none.
        var combo: Int32
        var segment: String?

        static func order(_ a: Candidate, _ b: Candidate) -> Bool {
            (a.kind, a.peerID, a.outbound ? 0 : 1, a.ownAddress, a.peerAddress, a.peer)
                < (b.kind, b.peerID, b.outbound ? 0 : 1, b.ownAddress, b.peerAddress, b.peer)
        }

        func sameEdge(_ o: Candidate) -> Bool { kind == o.kind && peer == o.peer && outbound == o.outbound }
    }

    /// Per-asset running result.
    private struct Accumulator {
        var peers: [UInt64] = []
        var services = ServiceSet()
        var candidates: [Candidate] = []
        /// Ids into the run's table of distinct deny hops.
        var blocked: [Int32] = []
        var unrouted: Set<String> = []
        var routed: Set<String> = []
    }

    /// What one group of non-target endpoints gets from one zone pair and direction.
    private struct GroupResult {
        var peers: [UInt64]
        var connected = false
        var services = ServiceSet()
        var candidates: [Candidate] = []
        var blocked: [Int32] = []
    }

    private struct Group {
        var key: [Int32]
        var members: [Int] = []
    }

    /// Sorts, keeps the first candidate per (kind, peer, direction), and trims to `limit`.
    private static func trim(_ list: inout [Candidate], limit: Int) {
        list.sort(by: Candidate.order)
        var out: [Candidate] = []
        for c in list where out.count < limit {
            if !out.contains(where: { $0.sameEdge(c) }) { out.append(c) }
        }
        list = out
    }

    /// Adds `c` to a sorted top-`limit` list; false when it ranks after a full list's last entry.
    private static func offer(_ c: Candidate, to list: inout [Candidate], limit: Int) -> Bool {
        if list.count >= limit, let last = list.last, !Candidate.order(c, last) { return false }
        list.append(c)
        trim(&list, limit: limit)
        return true
    }

    /// Data-capable connectivity of every non-target asset to and from the target assets.
    /// - Parameters:
    ///   - assets: the inventory.
    ///   - endpoints: per asset (same indices), from `Topology.place(assets:)`.
    ///   - targets: indices of the CUI assets.
    ///   - examplesPerAsset: example edges kept per asset.
    /// - Returns: an entry for every asset not in `targets`.
    public func connectivity(assets: [Asset], endpoints: [[Endpoint]], targets: Set<Int>, examplesPerAsset: Int = 3)
        -> [Int: Connectivity]
    {
        let limit = max(0, examplesPerAsset)
        // Flat endpoint list: placed endpoints only, in asset order (deterministic).
        var flat: [Endpoint] = []
        for list in endpoints { for e in list where e.zone != nil { flat.append(e) } }
        let queries = Array(Set(flat.map(\.address.value))).sorted()
        var queryOf: [UInt128: Int32] = [:]
        queryOf.reserveCapacity(queries.count)
        for (i, q) in queries.enumerated() { queryOf[q] = Int32(i) }
        let query = flat.map { queryOf[$0.address.value] ?? 0 }

        // Target assets as bit positions, for counting distinct peers.
        let targetList = targets.sorted()
        var targetBit: [Int: Int] = [:]
        for (i, t) in targetList.enumerated() { targetBit[t] = i }
        let words = (targetList.count + 63) / 64

        // Allowlisted services per destination asset, interned.
        var allowSets: [ServiceSet] = [ServiceSet()]
        var allowIndex: [ServiceSet: Int32] = [ServiceSet(): 0]
        let allowOf: [Int32] = assets.map { a in
            if allowlist.isEmpty { return 0 }
            let s = allowlisted(to: a.id)
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
        let targetZones = byZone.filter { !$0.value.targets.isEmpty }.keys.sorted()
        let otherZones = byZone.filter { !$0.value.others.isEmpty }.keys.sorted()

        var acc = [Accumulator](repeating: Accumulator(), count: assets.count)
        var policies: [HopPolicy] = []
        var policyIndex: [String: Int] = [:]
        func policy(_ hop: RouteHop) -> Int {
            let key = "\(hop.enforcementPoint)\u{1}\(hop.fromZone)\u{1}\(hop.toZone)"
            if let i = policyIndex[key] { return i }
            policies.append(
                HopPolicy(
                    enforcementPoint: hop.enforcementPoint, point: topology.enforcementPoints[hop.enforcementPoint],
                    fromZone: hop.fromZone, toZone: hop.toZone, queries: queries))
            policyIndex[key] = policies.count - 1
            return policies.count - 1
        }

        // Hop outcomes combined along a route: combo = (previous combo, policy, outcome), so a
        // route's allowed set is intersected once per distinct outcome chain, not per group pair.
        struct ComboKey: Hashable {
            var prev: Int32
            var policy: Int32
            var outcome: Int32
        }
        var comboIndex: [ComboKey: Int32] = [:]
        var combos: [(key: ComboKey, allowed: ServiceSet)] = []
        func combine(_ prev: Int32, policy h: Int, outcome o: Int32) -> Int32 {
            let k = ComboKey(prev: prev, policy: Int32(h), outcome: o)
            if let c = comboIndex[k] { return c }
            let before = prev < 0 ? ServiceSet.anyService : combos[Int(prev)].allowed
            combos.append((k, before.intersection(policies[h].outcomes[Int(o)].allowed)))
            comboIndex[k] = Int32(combos.count - 1)
            return Int32(combos.count - 1)
        }
        /// (policy, outcome) per hop of a combo, in route order.
        func chain(_ combo: Int32) -> [(policy: Int, outcome: Int)] {
            var out: [(Int, Int)] = []
            var c = combo
            while c >= 0 {
                let k = combos[Int(c)].key
                out.append((Int(k.policy), Int(k.outcome)))
                c = k.prev
            }
            return out.reversed()
        }
        // Allowed services minus the destination's allowlist, per (combo, allowlist); combo -1 = no filter.
        var effectiveIndex: [Int64: Int32] = [:]
        var effectiveSets: [ServiceSet] = []
        func effective(_ combo: Int32, allow: Int32) -> Int32 {
            let k = Int64(combo) << 24 | Int64(allow)
            if let e = effectiveIndex[k] { return e }
            let allowed = combo < 0 ? ServiceSet.anyService : combos[Int(combo)].allowed
            effectiveSets.append(allowed.subtracting(allowSets[Int(allow)]))
            effectiveIndex[k] = Int32(effectiveSets.count - 1)
            return Int32(effectiveSets.count - 1)
        }
        struct HopsKey: Hashable {
            var combo: Int32
            var service: UInt32
        }
        var allowMemo: [HopsKey: [PathHop]] = [:]
        /// The allow rule (or default) at each hop for service `key`, as edge evidence.
        func allowHops(_ combo: Int32, key: UInt32) -> [PathHop] {
            if let m = allowMemo[HopsKey(combo: combo, service: key)] { return m }
            let hops = chain(combo).map { h in
                let p = policies[h.policy]
                let rule = p.outcomes[h.outcome].decision.piece(for: key)?.rule
                return topology.enforcementPoints[p.enforcementPoint].pathHop(
                    fromZone: p.fromZone, toZone: p.toZone, rule: rule, action: .allow)
            }
            allowMemo[HopsKey(combo: combo, service: key)] = hops
            return hops
        }
        // Distinct deny hops of the run, interned so evidence lists are merged as integers.
        var denyHopIndex: [Int64: Int32] = [:]  // policy << 32 | rule (or 0xFFFF_FFFF for the default)
        var denyHopList: [PathHop] = []
        var denyMemo: [Int32: [Int32]] = [:]
        /// The deny decisions that stopped traffic on a route: at each hop, the denying rules (or
        /// default) for services that every earlier hop let through.
        func denyHops(_ combo: Int32) -> [Int32] {
            if let m = denyMemo[combo] { return m }
            var remaining = ServiceSet.anyService
            var out: [Int32] = []
            for h in chain(combo) where !remaining.isEmpty {
                let p = policies[h.policy]
                let ep = topology.enforcementPoints[p.enforcementPoint]
                let o = p.outcomes[h.outcome]
                for piece in o.decision.pieces where piece.action == .deny && remaining.intersects(piece.services) {
                    let key = Int64(h.policy) << 32 | Int64(piece.rule ?? 0xFFFF_FFFF)
                    if let id = denyHopIndex[key] {
                        out.append(id)
                    } else {
                        denyHopList.append(
                            ep.pathHop(fromZone: p.fromZone, toZone: p.toZone, rule: piece.rule, action: .deny))
                        denyHopIndex[key] = Int32(denyHopList.count - 1)
                        out.append(Int32(denyHopList.count - 1))
                    }
                }
                remaining = remaining.intersection(o.allowed)
            }
            denyMemo[combo] = out
            return out
        }
        /// The first five distinct deny hops in evidence order (selection, not a full sort).
        func firstHops(_ ids: [Int32], limit: Int = 5) -> [Int32] {
            var out: [Int32] = []
            for id in Set(ids) {
                let hop = denyHopList[Int(id)]
                if out.count == limit, let last = out.last, !PathHop.evidenceOrder(hop, denyHopList[Int(last)]) {
                    continue
                }
                let at = out.firstIndex { PathHop.evidenceOrder(hop, denyHopList[Int($0)]) } ?? out.count
                out.insert(id, at: at)
                if out.count > limit { out.removeLast() }
            }
            return out
        }

        for a in otherZones {
            let others = byZone[a]?.others ?? []
            for b in targetZones {
                let targetEps = byZone[b]?.targets ?? []
                for outbound in [true, false] {
                    let (srcZone, dstZone) = outbound ? (a, b) : (b, a)
                    guard let route = topology.route(from: srcZone, to: dstZone) else {
                        for i in others { acc[flat[i].assetIndex].unrouted.insert(b) }
                        continue
                    }
                    for i in others { acc[flat[i].assetIndex].routed.insert(b) }
                    let hops = route.map(policy)

                    // Segments shared by both sides (only same-zone pairs can share one).
                    var sharedSegments: [String: Int32] = [:]
                    if a == b {
                        let t = Set(targetEps.compactMap { flat[$0].segment?.text })
                        for s in Set(others.compactMap { flat[$0].segment?.text }).intersection(t).sorted() {
                            sharedSegments[s] = Int32(sharedSegments.count)
                        }
                    }
                    func segmentKey(_ i: Int) -> Int32 { flat[i].segment.flatMap { sharedSegments[$0.text] } ?? -1 }

                    func groups(_ members: [Int], asSource: Bool) -> [Group] {
                        var index: [[Int32]: Int] = [:]
                        var out: [Group] = []
                        for i in members {
                            var key: [Int32] = [segmentKey(i), asSource ? -1 : allowOf[flat[i].assetIndex]]
                            for h in hops {
                                let part = asSource ? policies[h].source : policies[h].destination
                                key.append(part.classOfQuery[Int(query[i])])
                            }
                            if let g = index[key] {
                                out[g].members.append(i)
                            } else {
                                index[key] = out.count
                                out.append(Group(key: key, members: [i]))
                            }
                        }
                        return out
                    }
                    let otherGroups = groups(others, asSource: outbound)
                    let targetGroups = groups(targetEps, asSource: !outbound)

                    // Per target group: its assets as bits, and its first members by asset id.
                    let targetInfo: [(bits: [UInt64], firsts: [Int])] = targetGroups.map { g in
                        var bits = [UInt64](repeating: 0, count: words)
                        for i in g.members {
                            if let b = targetBit[flat[i].assetIndex] { bits[b >> 6] |= 1 << UInt64(b & 63) }
                        }
                        let sorted = g.members.sorted {
                            (assets[flat[$0].assetIndex].id, flat[$0].address) < (
                                assets[flat[$1].assetIndex].id, flat[$1].address
                            )
                        }
                        var firsts: [Int] = []
                        for i in sorted where firsts.count < limit {
                            if !firsts.contains(where: { flat[$0].assetIndex == flat[i].assetIndex }) {
                                firsts.append(i)
                            }
                        }
                        return (bits, firsts)
                    }
                    // Target group keys in one flat array (stride = key length): no per-pair copies.
                    let stride = 2 + hops.count
                    var targetKeys: [Int32] = []
                    targetKeys.reserveCapacity(targetGroups.count * stride)
                    for g in targetGroups { targetKeys += g.key }
                    let zoneSegment = "zone \(a)"
                    // Peer bits per distinct set of connected target groups: many groups of this
                    // side reach the same target groups, so the union is built once per set.
                    var peerUnion: [[Int32]: [UInt64]] = [:]

                    for og in otherGroups {
                        var result = GroupResult(peers: [])
                        var effectiveIDs: Set<Int32> = []
                        var blockedCombos: Set<Int32> = []
                        var connectedGroups: [Int32] = []
                        let rep = og.members[0]
                        let ownKey = og.key
                        for tgIndex in targetGroups.indices {
                            let base = tgIndex * stride
                            var kind = EdgeKind.permit
                            var segment: String?
                            var combo: Int32 = -1
                            if ownKey[0] >= 0 && ownKey[0] == targetKeys[base], let s = flat[rep].segment {
                                kind = .sameSegment
                                segment = s.text
                            } else if route.isEmpty {
                                kind = .sameSegment
                                segment = zoneSegment
                            } else {
                                for (n, h) in hops.enumerated() {
                                    let o = outbound
                                        ? policies[h].outcome(source: ownKey[2 + n], destination: targetKeys[base + 2 + n])
                                        : policies[h].outcome(source: targetKeys[base + 2 + n], destination: ownKey[2 + n])
                                    combo = combine(combo, policy: h, outcome: o)
                                }
                            }
                            let eff = effective(combo, allow: outbound ? targetKeys[base + 1] : ownKey[1])
                            let services = effectiveSets[Int(eff)]
                            if services.isEmpty {
                                if combo >= 0 { blockedCombos.insert(combo) }
                                continue
                            }
                            result.connected = true
                            effectiveIDs.insert(eff)
                            connectedGroups.append(Int32(tgIndex))
                            for t in targetInfo[tgIndex].firsts {
                                let peer = flat[t].assetIndex
                                let c = Candidate(
                                    kind: kind, peer: peer, peerID: assets[peer].id, outbound: outbound,
                                    ownAddress: flat[rep].address, peerAddress: flat[t].address, services: services,
                                    combo: combo, segment: segment)
                                // `firsts` ascend by peer id: once one cannot enter the top list, none after can.
                                if !ReachabilityEngine.offer(c, to: &result.candidates, limit: limit) { break }
                            }
                        }
                        if result.connected {
                            if let known = peerUnion[connectedGroups] {
                                result.peers = known
                            } else {
                                var bits = [UInt64](repeating: 0, count: words)
                                for g in connectedGroups {
                                    let groupBits = targetInfo[Int(g)].bits
                                    for w in 0..<words { bits[w] |= groupBits[w] }
                                }
                                peerUnion[connectedGroups] = bits
                                result.peers = bits
                            }
                        }
                        if result.connected {
                            result.services = effectiveIDs.reduce(ServiceSet()) { $0.union(effectiveSets[Int($1)]) }
                        } else {
                            result.blocked = firstHops(blockedCombos.flatMap { denyHops($0) })
                        }
                        for i in og.members {
                            let asset = flat[i].assetIndex
                            if result.connected {
                                if acc[asset].peers.isEmpty { acc[asset].peers = [UInt64](repeating: 0, count: words) }
                                for w in 0..<words { acc[asset].peers[w] |= result.peers[w] }
                                acc[asset].services = acc[asset].services.union(result.services)
                                for var c in result.candidates {
                                    c.ownAddress = flat[i].address
                                    acc[asset].candidates.append(c)
                                }
                                if acc[asset].candidates.count > 4 * limit + 8 {
                                    ReachabilityEngine.trim(&acc[asset].candidates, limit: limit)
                                }
                            } else if !result.blocked.isEmpty {
                                acc[asset].blocked.append(contentsOf: result.blocked)
                                if acc[asset].blocked.count > 40 { acc[asset].blocked = firstHops(acc[asset].blocked) }
                            }
                        }
                    }
                }
            }
        }

        var out: [Int: Connectivity] = [:]
        for i in assets.indices where !targets.contains(i) {
            var a = acc[i]
            let peers = a.peers.reduce(0) { $0 + $1.nonzeroBitCount }
            ReachabilityEngine.trim(&a.candidates, limit: limit)
            let edges = a.candidates.map { c in
                Edge(
                    kind: c.kind, from: c.outbound ? assets[i].id : c.peerID, to: c.outbound ? c.peerID : assets[i].id,
                    fromAddress: c.outbound ? c.ownAddress : c.peerAddress,
                    toAddress: c.outbound ? c.peerAddress : c.ownAddress, services: c.services,
                    hops: c.combo < 0 ? [] : allowHops(c.combo, key: c.services.intervals.first?.lower ?? 0),
                    segment: c.segment)
            }
            let blocked = peers == 0 ? firstHops(a.blocked).map { denyHopList[Int($0)] } : []
            out[i] = Connectivity(
                peers: peers, services: a.services, edges: edges, blocked: blocked,
                noRouteZones: a.unrouted.subtracting(a.routed).sorted())
        }
        return out
    }
}
