/// The end-to-end scoping analysis: place assets in zones, compute data-capable connectivity
/// to and from CUI assets (rules, segments, observed flows), classify every asset by the
/// decision procedure, and raise the network-level findings. Pure: inputs in, result out.
public enum Analyzer {
    /// - Parameter includeDiagramData: fill ``AnalysisResult/edges`` and ``AnalysisResult/network``
    ///   (only diagrams read them: no report format does). At 100k assets the edge list is ~100 MB
    ///   at the analysis's peak and the network summary costs a second connectivity pass, so
    ///   `analyze` and `explain` leave both out; every other part of the result is the same.
    /// - Parameter phaseDone: called as each ``AnalysisPhase`` ends (progress lines, benchmarks).
    public static func run(
        _ input: AnalysisInput, includeDiagramData: Bool = true, phaseDone: ((AnalysisPhase) -> Void)? = nil
    ) -> AnalysisResult {
        let level = input.effectiveLevel
        let assets = input.assets
        let eps = input.enforcementPoints
        let topology = Topology(zones: input.scope?.zones ?? [], enforcementPoints: eps)
        let endpoints = topology.place(assets: assets)
        let allowlist = input.scope?.protocolAllowlist ?? []
        let engine = ReachabilityEngine(topology: topology, allowlist: allowlist)

        // Targets of step 7: every asset that handles CUI or is declared cui — except Government-
        // operated systems, and forwarding devices (firewalls, routers): they carry CUI between
        // zones, but sitting on a subnet beside one of their interfaces is not a path to CUI; the
        // rules they enforce decide that (DESIGN.md: paths through forwarding devices are direct).
        let targets = Set(assets.indices.filter { i in
            let a = assets[i]
            return !a.governmentOperated && !a.kind.isForwarding && (a.handlesCUI || a.declared == .cui)
        })
        var enclave = input.scope?.enclave ?? []
        if enclave.isEmpty {
            for i in targets { for ep in endpoints[i] { if let z = ep.zone { enclave.insert(z) } } }
        }
        var membersByZone: [String: [Int]] = [:]
        for (i, list) in endpoints.enumerated() {
            for z in Set(list.compactMap(\.zone)) { membersByZone[z, default: []].append(i) }
        }

        phaseDone?(.placement)
        let connectivity = engine.connectivity(assets: assets, endpoints: endpoints, targets: targets,
                                               examplesPerAsset: input.examplesPerAsset)
        phaseDone?(.connectivity)
        let index = AddressIndex(assets: assets)
        let observed = ObservedTraffic(flowLogs: input.flowLogs, assets: assets, index: index, targets: targets)
        phaseDone?(.flows)

        // Relays (jump hosts, VPN gateways) that reach CUI: who reaches them, for SCOPE-IND-07.
        let relays = Set(assets.indices.filter { i in
            !targets.contains(i) && assets[i].functions.contains { $0.isRelay }
                && ((connectivity[i]?.peers ?? 0) > 0 || observed.edges[i] != nil)
        })
        let relayConnectivity = relays.isEmpty ? [:] : engine.connectivity(
            assets: assets, endpoints: endpoints, targets: relays.union(targets), examplesPerAsset: 1
        ).filter { i, c in
            // Keep only assets whose sole connections go to relays.
            (connectivity[i]?.peers ?? 0) == 0 && observed.edges[i] == nil && !relays.contains(i) && c.peers > 0
        }

        let graph = ScopeGraph(assets: assets, endpoints: endpoints, enclaveZones: enclave, targets: targets,
                               connectivity: connectivity, observed: observed, relayConnectivity: relayConnectivity,
                               membersByZone: membersByZone)
        phaseDone?(.relays)
        let classifier = Classifier(level: level, graph: graph, marketplace: input.marketplace)
        var results: [AssetResult] = []
        var findings: [Finding] = []
        var categories: [Category] = []
        results.reserveCapacity(assets.count)
        for i in assets.indices {
            let o = classifier.classify(i)
            categories.append(o.category)
            findings += o.findings
            let a = assets[i]
            results.append(AssetResult(
                id: a.id, name: a.name, addresses: a.addressTexts, kind: a.kind, zone: graph.zones(of: i).first,
                category: o.category, declared: a.declared, labels: o.labels, reasons: o.reasons, location: a.location))
        }

        phaseDone?(.classification)
        findings += BoundaryRuleFindings.findings(enforcementPoints: eps, enclaveZones: enclave)
        if level != .one {
            findings += SegmentFindings.findings(graph: graph, categories: categories)
            findings += TrafficFindings.unknownPeers(graph: graph, index: index, zoneOf: { topology.place($0)?.zone })
        }
        findings += TrafficFindings.unauthorizedFlows(graph: graph, engine: eps.isEmpty ? nil : engine, index: index,
                                                      categories: categories, enforcementPoints: eps)
        findings += TrafficFindings.indirectPaths(graph: graph, categories: categories)
        if let policy = input.scope?.policy, !policy.isEmpty {
            findings += PolicyFindings.findings(policy: policy, topology: topology, assets: assets, endpoints: endpoints)
        }

        var inputs: [InputSummary] = input.inventories.map {
            InputSummary(file: $0.source, format: "inventory", records: $0.assets.count, skipped: $0.skipped)
        }
        inputs += input.ruleSets.map {
            InputSummary(file: $0.source, format: $0.enforcementPoints.first?.vendor ?? "rules",
                         records: $0.enforcementPoints.reduce(0) { $0 + $1.rules.count },
                         skipped: $0.diagnostics, counts: $0.counts)
        }
        inputs += input.flowLogs.map { log in
            var summary = InputSummary(file: log.source, format: log.format, records: log.recordCount,
                                       skipped: log.skipped, counts: log.counts.dictionary(aggregates: log.flows.count))
            summary.window = ObservationWindow(since: log.window.since, until: log.window.until,
                                               firstSeen: log.firstSeen, lastSeen: log.lastSeen,
                                               records: log.recordCount, kept: log.counts.kept)
            return summary
        }
        var edges: [Edge] = []
        if includeDiagramData { for i in assets.indices { edges += graph.edges(of: i) } }

        let network = !includeDiagramData ? NetworkSummary() : NetworkSummary.build(
            topology: topology, enclave: enclave, assets: assets, endpoints: endpoints, targets: targets,
            engine: engine, observed: observed, index: index, marketplace: input.marketplace,
            examplesPerAsset: input.examplesPerAsset)

        phaseDone?(.findings)
        // Sorted in place: a sorted copy kept both arrays (every reason and finding) alive at once.
        results.sort { $0.id < $1.id }
        findings.sort(by: Analyzer.findingOrder)
        var result = AnalysisResult(
            level: level, organisation: input.scope?.organisation,
            assets: results,
            findings: findings,
            inputs: inputs, allowlist: allowlist, marketplaceSnapshot: input.marketplace?.snapshotDate,
            edges: edges, network: network)
        result.observation = observationWindow(input.flowLogs)
        phaseDone?(.summaries)
        return result
    }

    /// The window over all flow logs: the requested bounds (the same for every file) and the
    /// earliest and latest kept record.
    static func observationWindow(_ logs: [FlowLog]) -> ObservationWindow? {
        guard let first = logs.first else { return nil }
        let firsts = logs.compactMap(\.firstSeen), lasts = logs.compactMap(\.lastSeen)
        return ObservationWindow(since: first.window.since, until: first.window.until, firstSeen: firsts.min(),
                                 lastSeen: lasts.max(), records: logs.reduce(0) { $0 + $1.recordCount },
                                 kept: logs.reduce(0) { $0 + $1.counts.kept })
    }

    /// Severity first, then id, then the first asset, then the message: a stable, readable order.
    static func findingOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.id != b.id { return a.id < b.id }
        let aa = a.assets.first ?? "", ba = b.assets.first ?? ""
        if aa != ba { return aa < ba }
        return a.message < b.message
    }
}

/// The parts of ``Analyzer/run(_:includeDiagramData:phaseDone:)``, in order, for progress lines
/// and the per-phase benchmark tables of BENCHMARKS.md.
public enum AnalysisPhase: String, Sendable, CaseIterable {
    /// Topology, placement of every asset, targets and enclave zones.
    case placement
    /// Data-capable connectivity of every asset to the CUI assets.
    case connectivity
    /// Flow records matched to assets (observed edges).
    case flows
    /// Relays' second connectivity pass and the scope graph.
    case relays
    /// The decision procedure for every asset.
    case classification
    /// Network-level findings, flow verdicts against the rules included.
    case findings
    /// Input summaries, diagram data when asked, sorting.
    case summaries
}
