/// Bulk connectivity of every asset to the CUI assets, over address equivalence classes.
///
/// Endpoints are grouped per (zone pair, direction) by the tuple of their address classes at
/// each hop of the route (plus the shared segment and allowlist where they matter:
/// ``EndpointGroups``). First match runs once per class pair per hop (``HopPolicy``), hop
/// outcomes are intersected once per distinct chain (``RouteOutcomes``), and the result is
/// copied to the group's members (``AssetAccumulator``). Work grows with the number of distinct
/// classes and groups, not with assets × assets × ports. The run itself is ``ConnectivityRun``.
extension ReachabilityEngine {
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
        var run = ConnectivityRun(
            engine: self, assets: assets, endpoints: endpoints, targets: targets, limit: max(0, examplesPerAsset))
        run.visitZonePairs()
        return run.finish()
    }
}

extension ConnectivityRun {
    /// Each non-target asset's connectivity: peers counted, examples trimmed and given their
    /// hops, separation evidence only when nothing connects.
    mutating func finish() -> [Int: Connectivity] {
        var out: [Int: Connectivity] = [:]
        var zonesOf = [[String]](repeating: [], count: assets.count)
        for e in flat { if let z = e.zone { zonesOf[e.assetIndex].append(z) } }
        // One list per distinct zone set, shared by its assets (copy-on-write storage).
        var memo: [[String]: [String]] = [:]
        for i in assets.indices where !targets.contains(i) {
            var a = acc[i]
            let peers = a.peers.reduce(0) { $0 + $1.nonzeroBitCount }
            ExampleEdge.trim(&a.examples, limit: limit)
            var edges: [Edge] = []
            for c in a.examples {
                edges.append(
                    Edge(
                        kind: c.kind, from: c.outbound ? assets[i].id : c.peerID,
                        to: c.outbound ? c.peerID : assets[i].id,
                        fromAddress: c.outbound ? c.ownAddress : c.peerAddress,
                        toAddress: c.outbound ? c.peerAddress : c.ownAddress, services: c.services,
                        hops: c.combo < 0 ? [] : outcomes.allowHops(c.combo, key: c.services.intervals.first?.lower ?? 0),
                        segment: c.segment))
            }
            let blocked = peers == 0 ? outcomes.firstHops(a.blocked).map { outcomes.denyHopList[Int($0)] } : []
            out[i] = Connectivity(
                peers: peers, services: a.services, edges: edges, blocked: blocked,
                noRouteZones: noRoute(zonesOf[i], memo: &memo))
        }
        return out
    }

    /// The target zones that none of an asset's zones has a route to or from.
    func noRoute(_ zones: [String], memo: inout [[String]: [String]]) -> [String] {
        let key = Array(Set(zones)).sorted()
        if let known = memo[key] { return known }
        var unrouted = Set<String>(), routed = Set<String>()
        for z in key {
            unrouted.formUnion(unroutedFrom[z] ?? [])
            routed.formUnion(routedFrom[z] ?? [])
        }
        let list = unrouted.subtracting(routed).sorted()
        memo[key] = list
        return list
    }
}
