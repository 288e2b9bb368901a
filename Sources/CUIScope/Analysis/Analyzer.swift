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
        let topology = Topology(zones: input.scope?.zones ?? [], enforcementPoints: input.enforcementPoints)
        let endpoints = topology.place(assets: assets)
        let allowlist = input.scope?.protocolAllowlist ?? []
        let engine = ReachabilityEngine(topology: topology, allowlist: allowlist)
        let index = AddressIndex(assets: assets)
        phaseDone?(.placement)
        let graph = ScopeGraph.build(
            assets: assets, endpoints: endpoints, input: input, engine: engine, index: index, phaseDone: phaseDone)

        let rules = LevelRules(level)
        var (results, findings, categories) = classifyAll(graph, rules: rules, marketplace: input.marketplace)
        phaseDone?(.classification)
        findings += networkFindings(input, rules: rules, graph: graph, topology: topology, engine: engine, index: index,
                                    categories: categories)
        findings += InventoryFindings.noCUIStated(input.inventories)
        findings += MarketplaceAgeFindings.findings(input)
        if !input.scans.isEmpty {
            findings += scanFindings(input, rules: rules, graph: graph, topology: topology, index: index,
                                     categories: categories, results: &results)
        }
        phaseDone?(.findings)
        let inputs = InputSummary.summaries(of: input)
        var edges: [Edge] = []
        if includeDiagramData { for i in assets.indices { edges += graph.edges(of: i) } }
        let network = !includeDiagramData ? NetworkSummary() : NetworkSummary.build(
            topology: topology, enclave: graph.enclaveZones, assets: assets, endpoints: endpoints,
            targets: graph.targets, engine: engine, observed: graph.observed, index: index,
            marketplace: input.marketplace, examplesPerAsset: input.examplesPerAsset)

        // Sorted in place: a sorted copy kept both arrays (every reason and finding) alive at once.
        results.sort { $0.id < $1.id }
        findings.sort(by: Analyzer.findingOrder)
        var result = AnalysisResult(
            level: level, organisation: input.scope?.organisation, assets: results, findings: findings,
            inputs: inputs, allowlist: allowlist, marketplaceSnapshot: input.marketplace?.snapshotDate,
            edges: edges, network: network)
        result.observation = observationWindow(input.flowLogs)
        phaseDone?(.summaries)
        return result
    }

    /// Every asset through the decision procedure: its result, its findings, and the computed
    /// categories by asset index (the network-level findings read them).
    static func classifyAll(_ graph: ScopeGraph, rules: LevelRules, marketplace: Marketplace?)
        -> (results: [AssetResult], findings: [Finding], categories: [Category])
    {
        let classifier = Classifier(rules: rules, graph: graph, marketplace: marketplace)
        var results: [AssetResult] = []
        var findings: [Finding] = []
        var categories: [Category] = []
        results.reserveCapacity(graph.assets.count)
        categories.reserveCapacity(graph.assets.count)
        for (i, a) in graph.assets.enumerated() {
            let o = classifier.classify(i)
            categories.append(o.category)
            findings += o.findings
            let zones = primaryFirst(graph.zones(of: i), hint: a.zoneHint)
            var result = AssetResult(
                id: a.id, name: a.name, addresses: a.addressTexts, kind: a.kind, zone: zones.first,
                category: o.category, declared: a.declared, labels: o.labels, reasons: o.reasons, location: a.location)
            result.zones = zones
            result.functions = a.functions
            results.append(result)
        }
        findings += CoResidents.apply(&results, graph: graph, categories: categories)
        return (results, findings, categories)
    }

    /// `zones` (sorted) with the inventory's own zone moved to the front when the asset is there:
    /// the zone the organisation names for a multi-homed asset is the one its reports lead with.
    static func primaryFirst(_ zones: [String], hint: String?) -> [String] {
        guard let hint, let k = zones.firstIndex(of: hint), k > 0 else { return zones }
        var out = zones
        out.remove(at: k)
        out.insert(hint, at: 0)
        return out
    }

    /// The findings about the network rather than one asset, one pass each: boundary rules,
    /// shared segments and unknown peers (levels with a separation test and documentation
    /// findings only), flows no specific rule authorizes, relay paths and the intended policy.
    static func networkFindings(
        _ input: AnalysisInput, rules: LevelRules, graph: ScopeGraph, topology: Topology, engine: ReachabilityEngine,
        index: AddressIndex, categories: [Category]
    ) -> [Finding] {
        let eps = input.enforcementPoints  // the devices as read: the topology adds egress stages
        var out = BoundaryRuleFindings.findings(enforcementPoints: eps, enclaveZones: graph.enclaveZones)
        if rules.hasSeparationTest { out += SegmentFindings.findings(graph: graph, categories: categories) }
        if rules.raisesDocumentationFindings {
            out += TrafficFindings.unknownPeers(graph: graph, index: index, zoneOf: { topology.place($0)?.zone })
        }
        out += TrafficFindings.unauthorizedFlows(graph: graph, engine: eps.isEmpty ? nil : engine, index: index,
                                                 categories: categories, enforcementPoints: eps)
        out += TrafficFindings.indirectPaths(graph: graph, categories: categories)
        if let policy = input.scope?.policy, !policy.isEmpty {
            out += PolicyFindings.findings(policy: policy, topology: topology, assets: graph.assets,
                                           endpoints: graph.endpoints)
        }
        return out
    }

    /// The scans joined to the inventory: each asset's open ports, DOC-14 for unknown live hosts
    /// in scoped zones (levels with documentation findings), SCAN-40 for unexplained listeners.
    static func scanFindings(
        _ input: AnalysisInput, rules: LevelRules, graph: ScopeGraph, topology: Topology, index: AddressIndex,
        categories: [Category], results: inout [AssetResult]
    ) -> [Finding] {
        let scanned = ScanFindings.reconcile(input.scans, index: index)
        for (i, ports) in scanned.ports { results[i].openPorts = ports.sorted() }
        var out: [Finding] = []
        if rules.raisesDocumentationFindings {
            out += ScanFindings.unknownHosts(scanned, graph: graph, categories: categories,
                                             placeOf: { topology.place($0) })
        }
        out += ScanFindings.unexplainedServices(
            scanned, graph: graph, categories: categories, enforcementPoints: input.enforcementPoints,
            allowlist: input.scope?.protocolAllowlist ?? [])
        return out
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

extension InputSummary {
    /// How many row warnings of one file the report lists; `validate` lists them all.
    static let warningsListed = 20

    /// An inventory's warnings for the report: all of them up to ``warningsListed``, then one
    /// line with the count, so 100k rows with an unknown kind do not become a 100k-line report.
    static func reportedWarnings(_ inventory: Inventory) -> [Diagnostic] {
        let all = inventory.warnings.filter { $0.severity == .warning }
        guard all.count > warningsListed else { return all }
        let more = all.count - warningsListed
        return Array(all.prefix(warningsListed)) + [.warning(
            SourceLocation(file: inventory.source, line: all[warningsListed].location.line),
            "… and \(more) more warning\(more == 1 ? "" : "s") (cuiscope validate \(inventory.source) lists them all)")]
    }

    /// One summary per input file, for the report's provenance section: inventories, rule
    /// sets (records are rules), then flow logs with their observation windows.
    static func summaries(of input: AnalysisInput) -> [InputSummary] {
        var out: [InputSummary] = input.inventories.map {
            var summary = InputSummary(file: $0.source, format: "inventory", records: $0.assets.count, skipped: $0.skipped,
                                       counts: $0.counts)
            summary.warnings = reportedWarnings($0)
            return summary
        }
        out += input.ruleSets.map {
            InputSummary(file: $0.source, format: $0.enforcementPoints.first?.vendor ?? "rules",
                         records: $0.enforcementPoints.reduce(0) { $0 + $1.rules.count },
                         skipped: $0.diagnostics, counts: $0.counts)
        }
        out += input.flowLogs.map { log in
            var summary = InputSummary(file: log.source, format: log.format, records: log.recordCount,
                                       skipped: log.skipped, counts: log.counts.dictionary(aggregates: log.flows.count))
            summary.window = ObservationWindow(since: log.window.since, until: log.window.until,
                                               firstSeen: log.firstSeen, lastSeen: log.lastSeen,
                                               records: log.recordCount, kept: log.counts.kept)
            return summary
        }
        out += input.scans.map {
            InputSummary(file: $0.source, format: $0.format, records: $0.hosts.count, skipped: $0.skipped,
                         counts: $0.counts)
        }
        return out
    }
}

/// The parts of ``Analyzer/run(_:includeDiagramData:phaseDone:)``, in order, for progress lines
/// and the per-phase benchmark tables of BENCHMARKS.md.
public enum AnalysisPhase: String, Sendable, CaseIterable {
    /// Topology, placement of every asset, the address index.
    case placement
    /// Data-capable connectivity of every asset to the CUI assets.
    case connectivity
    /// Flow records matched to assets (observed edges).
    case flows
    /// Relays' second connectivity pass.
    case relays
    /// The decision procedure for every asset.
    case classification
    /// Network-level findings, flow verdicts against the rules included.
    case findings
    /// Input summaries, diagram data when asked, sorting.
    case summaries
}
