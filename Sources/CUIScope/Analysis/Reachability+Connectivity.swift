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
        var hops: [PathHop]
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
        var blocked: [PathHop] = []
        var unrouted: Set<String> = []
        var routed: Set<String> = []
    }

    /// What one group of non-target endpoints gets from one zone pair and direction.
    private struct GroupResult {
        var peers: [UInt64]
        var connected = false
        var services = ServiceSet()
        var candidates: [Candidate] = []
        var blocked: [PathHop] = []
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

    private static func trimBlocked(_ list: inout [PathHop], limit: Int = 5) {
        list.sort(by: PathHop.evidenceOrder)
        var out: [PathHop] = []
        for h in list where out.count < limit && out.last != h { out.append(h) }
        list = out
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
            if targets.contains(e.assetIndex) { byZone[z, default: ([], [])].targets.append(i) } else {
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
                            (assets[flat[$0].assetIndex].id, flat[$0].address) < (assets[flat[$1].assetIndex].id, flat[$1].address)
                        }
                        var firsts: [Int] = []
                        for i in sorted where firsts.count < limit {
                            if !firsts.contains(where: { flat[$0].assetIndex == flat[i].assetIndex }) { firsts.append(i) }
                        }
                        return (bits, firsts)
                    }

                    for og in otherGroups {
                        var result = GroupResult(peers: [UInt64](repeating: 0, count: words))
                        let rep = og.members[0]
                        for (tgIndex, tg) in targetGroups.enumerated() {
                            let (sg, dg) = outbound ? (og, tg) : (tg, og)
                            let dstAllow = allowSets[Int(dg.key[1])]
                            var kind = EdgeKind.permit
                            var segment: String?
                            var effective: ServiceSet
                            var pathHops: [PathHop] = []
                            if og.key[0] >= 0 && og.key[0] == tg.key[0], let s = flat[rep].segment {
                                kind = .sameSegment
                                segment = s.text
                                effective = ServiceSet.anyService.subtracting(dstAllow)
                            } else if route.isEmpty {
                                kind = .sameSegment
                                segment = "zone \(a)"
                                effective = ServiceSet.anyService.subtracting(dstAllow)
                            } else {
                                var outcomes: [HopPolicy.Outcome] = []
                                var allowed = ServiceSet.anyService
                                for (n, h) in hops.enumerated() {
                                    let id = policies[h].outcome(source: sg.key[2 + n], destination: dg.key[2 + n])
                                    let o = policies[h].outcomes[Int(id)]
                                    outcomes.append(o)
                                    allowed = allowed.intersection(o.allowed)
                                }
                                effective = allowed.subtracting(dstAllow)
                                if effective.isEmpty {
                                    result.blocked.append(contentsOf: denyHops(route: route, outcomes: outcomes))
                                    continue
                                }
                                let key = effective.intervals[0].lower
                                for (n, hop) in route.enumerated() {
                                    let ep = topology.enforcementPoints[hop.enforcementPoint]
                                    let rule = outcomes[n].decision.piece(for: key)?.rule
                                    pathHops.append(ep.pathHop(fromZone: hop.fromZone, toZone: hop.toZone, rule: rule, action: .allow))
                                }
                            }
                            if effective.isEmpty { continue }
                            result.connected = true
                            result.services = result.services.union(effective)
                            let info = targetInfo[tgIndex]
                            for w in 0..<words { result.peers[w] |= info.bits[w] }
                            for t in info.firsts {
                                let peer = flat[t].assetIndex
                                result.candidates.append(
                                    Candidate(
                                        kind: kind, peer: peer, peerID: assets[peer].id, outbound: outbound,
                                        ownAddress: flat[rep].address, peerAddress: flat[t].address, services: effective,
                                        hops: pathHops, segment: segment))
                            }
                        }
                        ReachabilityEngine.trim(&result.candidates, limit: limit)
                        if result.connected {
                            result.blocked = []
                        } else {
                            ReachabilityEngine.trimBlocked(&result.blocked)
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
                                if acc[asset].blocked.count > 40 { ReachabilityEngine.trimBlocked(&acc[asset].blocked) }
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
                    toAddress: c.outbound ? c.peerAddress : c.ownAddress, services: c.services, hops: c.hops,
                    segment: c.segment)
            }
            if peers == 0 { ReachabilityEngine.trimBlocked(&a.blocked) } else { a.blocked = [] }
            out[i] = Connectivity(
                peers: peers, services: a.services, edges: edges, blocked: a.blocked,
                noRouteZones: a.unrouted.subtracting(a.routed).sorted())
        }
        return out
    }

    /// The deny decisions that stopped traffic on a route: at each hop, the denying rules (or
    /// default) for services that every earlier hop let through.
    private func denyHops(route: [RouteHop], outcomes: [HopPolicy.Outcome]) -> [PathHop] {
        var remaining = ServiceSet.anyService
        var out: [PathHop] = []
        for (n, hop) in route.enumerated() where !remaining.isEmpty {
            let ep = topology.enforcementPoints[hop.enforcementPoint]
            for piece in outcomes[n].decision.pieces where piece.action == .deny && remaining.intersects(piece.services) {
                out.append(ep.pathHop(fromZone: hop.fromZone, toZone: hop.toZone, rule: piece.rule, action: .deny))
            }
            remaining = remaining.intersection(outcomes[n].allowed)
        }
        return out
    }
}
