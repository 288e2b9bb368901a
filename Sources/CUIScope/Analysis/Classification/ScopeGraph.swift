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
    /// Whether any firewall export was loaded: without one, "no route" only means no rules were
    /// given, and separation by enforcement point was not evaluated (docs/DECISIONS.md 75).
    var rulesLoaded = true

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

extension ScopeGraph {
    /// Computes the graph of an analysis: the targets and the enclave, the connectivity of every
    /// other asset to the targets, the observed traffic, and who reaches a relay that reaches CUI.
    static func build(
        assets: [Asset], endpoints: [[Endpoint]], input: AnalysisInput, engine: ReachabilityEngine, index: AddressIndex,
        phaseDone: ((AnalysisPhase) -> Void)? = nil
    ) -> ScopeGraph {
        let targets = targets(assets)
        var enclave = input.scope?.enclave ?? []
        if enclave.isEmpty {
            for i in targets { for ep in endpoints[i] { if let z = ep.zone { enclave.insert(z) } } }
        }
        var membersByZone: [String: [Int]] = [:]
        for (i, list) in endpoints.enumerated() {
            for z in Set(list.compactMap(\.zone)) { membersByZone[z, default: []].append(i) }
        }
        let connectivity = engine.connectivity(assets: assets, endpoints: endpoints, targets: targets,
                                               examplesPerAsset: input.examplesPerAsset)
        phaseDone?(.connectivity)
        let observed = ObservedTraffic(flowLogs: input.flowLogs, assets: assets, index: index, targets: targets)
        phaseDone?(.flows)
        let relayConnectivity = relayConnectivity(
            assets: assets, endpoints: endpoints, targets: targets, engine: engine, connectivity: connectivity,
            observed: observed)
        phaseDone?(.relays)
        return ScopeGraph(assets: assets, endpoints: endpoints, enclaveZones: enclave, targets: targets,
                          connectivity: connectivity, observed: observed, relayConnectivity: relayConnectivity,
                          membersByZone: membersByZone, rulesLoaded: !input.enforcementPoints.isEmpty)
    }

    /// Targets of step 7: every asset that handles CUI or is declared cui — except Government-
    /// operated systems, and forwarding devices (firewalls, routers): they carry CUI between
    /// zones, but sitting on a subnet beside one of their interfaces is not a path to CUI; the
    /// rules they enforce decide that (docs/DECISIONS.md 1).
    static func targets(_ assets: [Asset]) -> Set<Int> {
        Set(assets.indices.filter { i in
            let a = assets[i]
            return !a.governmentOperated && !a.kind.isForwarding && (a.handlesCUI || a.declared == .cui)
        })
    }

    /// For SCOPE-IND-07: the assets whose only connections go to relays (jump hosts, VPN
    /// gateways) that reach CUI, with their connectivity to those relays.
    static func relayConnectivity(
        assets: [Asset], endpoints: [[Endpoint]], targets: Set<Int>, engine: ReachabilityEngine,
        connectivity: [Int: Connectivity], observed: ObservedTraffic
    ) -> [Int: Connectivity] {
        let relays = Set(assets.indices.filter { i in
            !targets.contains(i) && assets[i].functions.contains { $0.isRelay }
                && ((connectivity[i]?.peers ?? 0) > 0 || observed.edges[i] != nil)
        })
        guard !relays.isEmpty else { return [:] }
        return engine.connectivity(
            assets: assets, endpoints: endpoints, targets: relays.union(targets), examplesPerAsset: 1
        ).filter { i, c in
            (connectivity[i]?.peers ?? 0) == 0 && observed.edges[i] == nil && !relays.contains(i) && c.peers > 0
        }
    }
}
