/// What the classifier knows about the network: assets placed in zones, the CUI assets,
/// their data-capable connections (permitted, same-segment, observed) and separation evidence.
struct ScopeGraph {
    let assets: [Asset]
    let endpoints: [[Endpoint]]
    /// Zones that form the intended enclave (scope file), or where CUI assets sit when none is declared.
    let enclaveZones: Set<String>
    /// Assets that handle CUI (step 2, 3 and CUI-handling specialized devices): the targets of step 7.
    let targets: Set<Int>
    let connectivity: [Int: Connectivity]
    let observed: ObservedTraffic
    /// Assets reaching a relay (jump host, VPN) that itself reaches CUI, for SCOPE-IND-07.
    let relayConnectivity: [Int: Connectivity]
    /// Asset indices per zone name.
    let membersByZone: [String: [Int]]

    func zones(of i: Int) -> [String] {
        Array(Set(endpoints[i].compactMap(\.zone))).sorted()
    }

    func isConnected(_ i: Int) -> Bool {
        (connectivity[i]?.peers ?? 0) > 0 || !(observed.edges[i] ?? []).isEmpty
    }

    /// Data-capable edges to or from CUI assets: permitted/same-segment examples, then observed ones.
    func edges(of i: Int) -> [Edge] {
        // One example per (kind, peer): the reverse direction of the same adjacency adds nothing.
        // Observed edges are all kept; the few permitted/same-segment examples are compared pairwise.
        let me = assets[i].id
        var out: [Edge] = []
        for e in connectivity[i]?.edges ?? [] {
            let peer = e.from == me ? e.to : e.from
            if !out.contains(where: { $0.kind == e.kind && ($0.from == me ? $0.to : $0.from) == peer }) { out.append(e) }
        }
        if let seen = observed.edges[i] { out += seen }
        return out
    }

    /// Union of the services on every data-capable edge of the asset.
    func services(of i: Int) -> ServiceSet {
        var s = connectivity[i]?.services ?? .empty
        for e in observed.edges[i] ?? [] { s = s.union(e.services) }
        return s
    }
}
