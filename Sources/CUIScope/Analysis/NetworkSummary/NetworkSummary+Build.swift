import Foundation

/// Builds the ``NetworkSummary`` from what `Analyzer.run` already computed: the topology, the
/// FedRAMP verdicts (same function as the CLOUD findings) and the edges among CUI assets.
extension NetworkSummary {
    /// - Parameters:
    ///   - topology: merged zones and enforcement points.
    ///   - enclave: zones of the intended enclave (scope file, or where the CUI assets sit).
    ///   - assets: the inventory, indexed like `endpoints`.
    ///   - targets: the CUI assets (step 7 targets).
    ///   - engine: the run's reachability engine (allowlist applied).
    ///   - observed: flow records joined to the inventory.
    ///   - index: address → asset, for the flow records.
    ///   - examplesPerAsset: peers kept per CUI asset (at least 8: the data-flow view draws them).
    static func build(
        topology: Topology, enclave: Set<String>, assets: [Asset], endpoints: [[Endpoint]], targets: Set<Int>,
        engine: ReachabilityEngine, observed: ObservedTraffic, index: AddressIndex, marketplace: Marketplace?,
        examplesPerAsset: Int
    ) -> NetworkSummary {
        let defined = Dictionary(uniqueKeysWithValues: topology.zones.map { ($0.name, $0) })
        let zones = topology.zoneNames.map { name in
            let z = defined[name]
            let isEnclave = enclave.contains(name) || (z?.isEnclave ?? false)
            return ZoneSummary(
                name: name, subnets: (z?.subnets.map(\.text) ?? []).sorted(), isEnclave: isEnclave,
                role: ZoneRole.of(name: name, isEnclave: isEnclave))
        }
        let points = topology.enforcementPoints.map {
            EnforcementPointSummary(
                name: $0.name, vendor: $0.vendor, zones: $0.zoneNames.sorted(),
                ruleCount: $0.rules.count + $0.egressRules.count, location: $0.location)
        }.sorted { ($0.name, $0.location) < ($1.name, $1.location) }
        let services = assets.filter(\.isCloudService).map { externalService($0, marketplace: marketplace) }
            .sorted { $0.assetID < $1.assetID }
        var subnets: [String: [String]] = [:]
        for (i, list) in endpoints.enumerated() {
            let texts = Set(list.compactMap { $0.segment?.text })
            if !texts.isEmpty { subnets[assets[i].id, default: []] += texts.sorted() }
        }
        let cui = cuiEdges(
            assets: assets, endpoints: endpoints, targets: targets, engine: engine, observed: observed, index: index,
            examplesPerAsset: examplesPerAsset)
        var summary = NetworkSummary(
            zones: zones, enforcementPoints: points, externalServices: services, cuiEdges: cui, assetSubnets: subnets)
        summary.unknownHosts = unknownHosts(observed: observed, index: index, assets: assets, topology: topology)
        return summary
    }

    /// The flows between CUI assets and addresses in no inventory, with the zone each address sits in.
    static func unknownHosts(observed: ObservedTraffic, index: AddressIndex, assets: [Asset], topology: Topology)
        -> [UnknownHostFlow]
    {
        observed.unknownPeers.keys.sorted().compactMap { key in
            guard let f = observed.unknownPeers[key] else { return nil }
            let fromUnknown = index.owner(of: f.source) == nil
            guard let known = index.owner(of: fromUnknown ? f.destination : f.source) else { return nil }
            let address = fromUnknown ? f.source : f.destination
            return UnknownHostFlow(
                address: "\(address)", zone: topology.place(address)?.zone, assetID: assets[known].id,
                fromUnknown: fromUnknown, flow: f)
        }
    }

    /// The FedRAMP verdict for one cloud service, from ``FedRAMPAssessment/assess(asset:marketplace:acceptList:)``.
    static func externalService(_ a: Asset, marketplace: Marketplace?) -> ExternalServiceSummary {
        let verdict = FedRAMPAssessment.assess(asset: a, marketplace: marketplace)
        let finding = verdict.findingID
        var id = a.fedrampID?.trimmingCharacters(in: .whitespacesAndNewlines)
        if id?.isEmpty == true { id = nil }
        let status: String
        switch verdict {
        case .authorized(let r):
            id = r.id
            status = "\(r.offering): \(r.status), \(r.impact)"
        case .insufficient(let r, let reason):
            id = r.id
            status = "\(r.offering): \(r.status), \(r.impact) — \(reason)"
        case .review(let r, let reason):
            if let r { id = r.id }
            status = "needs review — \(reason)"
        case .notFound:
            status = id.map { "package \($0) not in the Marketplace data" } ?? "no FedRAMP package id recorded"
        case .statedOnly(let s, let impact):
            status = "stated \(s)\(impact.map { ", \($0)" } ?? "") (not verified: no Marketplace data)"
        case .equivalency(let missing):
            status = missing.isEmpty
                ? "FedRAMP Moderate equivalency, evidence complete"
                : "equivalency claimed; missing \(missing.joined(separator: ", "))"
        }
        return ExternalServiceSummary(
            assetID: a.id, holdsCUI: a.handlesCUI, authorized: finding == nil, marketplaceID: id, status: status,
            findingID: a.handlesCUI ? finding : nil)
    }

    /// Data-capable edges between two CUI assets: permitted and same-segment examples from the
    /// engine, and allowed flow records between them.
    ///
    /// The bulk engine computes connectivity of non-targets to targets, so the CUI assets are
    /// given twice: once as targets and once as a copy asking "whom do I reach". Equivalence
    /// classes keep this linear in the number of CUI endpoints; the copy's edge to itself is dropped.
    static func cuiEdges(
        assets: [Asset], endpoints: [[Endpoint]], targets: Set<Int>, engine: ReachabilityEngine,
        observed: ObservedTraffic, index: AddressIndex, examplesPerAsset: Int
    ) -> [Edge] {
        let order = targets.sorted()
        guard order.count > 1 else { return [] }
        // Peers per CUI asset; each peer can take two slots (both directions), plus the asset's own copy.
        let limit = max(8, examplesPerAsset)
        var sub: [Asset] = []
        var subEndpoints: [[Endpoint]] = []
        for copy in 0..<2 {
            for (n, t) in order.enumerated() {
                sub.append(assets[t])
                subEndpoints.append(endpoints[t].map { e in
                    var e = e
                    e.assetIndex = copy * order.count + n
                    return e
                })
            }
        }
        let connectivity = engine.connectivity(
            assets: sub, endpoints: subEndpoints, targets: Set(0..<order.count), examplesPerAsset: 2 * (limit + 1))
        var out: [Edge] = []
        for n in order.indices {
            let edges = connectivity[order.count + n]?.edges ?? []
            out += edges.filter { $0.from != $0.to }.prefix(2 * limit)
        }
        out += observedCUIEdges(assets: assets, targets: targets, observed: observed, index: index)
        return out.sorted(by: edgeOrder)
    }

    /// Allowed flow records with a CUI asset at both ends, one edge per aggregated record.
    static func observedCUIEdges(assets: [Asset], targets: Set<Int>, observed: ObservedTraffic, index: AddressIndex)
        -> [Edge]
    {
        var out: [Edge] = []
        for key in observed.cuiFlows.keys.sorted() {
            guard let f = observed.cuiFlows[key], let s = index.owner(of: f.source), let d = index.owner(of: f.destination),
                targets.contains(s), targets.contains(d), s != d
            else { continue }
            out.append(Edge(
                kind: .observed, from: assets[s].id, to: assets[d].id, fromAddress: f.source, toAddress: f.destination,
                services: .ports(f.proto, f.destinationPort ?? 0, f.destinationPort ?? 0), flows: [f]))
        }
        return out
    }

    /// (kind, from, to, addresses): deterministic.
    static func edgeOrder(_ a: Edge, _ b: Edge) -> Bool {
        (a.kind, a.from, a.to, a.fromAddress?.value ?? 0, a.toAddress?.value ?? 0)
            < (b.kind, b.from, b.to, b.fromAddress?.value ?? 0, b.toAddress?.value ?? 0)
    }
}
