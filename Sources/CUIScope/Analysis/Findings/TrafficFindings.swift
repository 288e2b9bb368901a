/// SCOPE-FLOW-04, DOC-14 and CLOUD-05 from observed traffic; SCOPE-IND-07 from relay paths.
enum TrafficFindings {
    /// Observed allowed flows to or from CUI assets that the current rules do not permit, or
    /// that only a broad rule (any source, any destination or any service, as SCOPE-RULE-05
    /// reads "broad") permits: in both cases no documented, specific rule explains the flow.
    static func unauthorizedFlows(graph: ScopeGraph, engine: ReachabilityEngine?, index: AddressIndex,
                                  categories: [Category], enforcementPoints: [EnforcementPoint] = []) -> [Finding] {
        guard let engine else { return [] }
        var rulesByPoint: [String: [String: Rule]] = [:]
        for ep in enforcementPoints {
            for r in ep.rules where rulesByPoint[ep.name]?[r.name] == nil { rulesByPoint[ep.name, default: [:]][r.name] = r }
        }
        var out: [Finding] = []
        // All flows are judged in one batch over address classes (same answers as evaluate()).
        // Whatever the source: a flow with an address no inventory row covers is judged too
        // (DOC-14 names the unknown address; docs/DECISIONS.md 77).
        let observed = graph.observed.cuiFlows.merging(graph.observed.unknownPeers) { known, _ in known }
        let flows = observed.keys.sorted().compactMap { observed[$0] }
        let verdicts = engine.verdicts(flows.map { f in
            ReachabilityEngine.ServiceQuery(
                source: f.source, destination: f.destination,
                service: ServiceSet.key(proto: f.proto, port: f.destinationPort ?? 0))
        })
        for (f, verdict) in zip(flows, verdicts) {
            let ids = [f.source, f.destination].compactMap { index.owner(of: $0) }
            let outside = ids.count < 2 || ids.contains { !categories[$0].isInScope }
            let unknown = ids.count < 2 ? ", an address no inventory row covers" : ""
            let what = "Observed \(IPProtocol.name(f.proto))/\(f.destinationPort ?? 0) \(f.source) → \(f.destination) (\(f.count) record\(f.count == 1 ? "" : "s")\(unknown))"
            let hops = verdict.hops
            if verdict.allowed {
                let broad: [(PathHop, [String])] = hops.compactMap { hop in
                    guard hop.action == .allow, let name = hop.rule, let rule = rulesByPoint[hop.enforcementPoint]?[name]
                    else { return nil }
                    var any: [String] = []
                    if rule.source.isAny { any.append("any source") }
                    if rule.destination.isAny { any.append("any destination") }
                    if rule.services.isAnyService { any.append("any service") }
                    return any.isEmpty ? nil : (hop, any)
                }
                // Only a broad rule: every allowing hop with a rule is broad.
                guard let first = broad.first, broad.count == hops.filter({ $0.action == .allow && $0.rule != nil }).count
                else { continue }
                out.append(FindingCatalog.unauthorizedFlow.make(
                    assets: ids.map { graph.assets[$0].id },
                    message: "\(what) is permitted only by the broad rule '\(first.0.ruleLabel)' on \(first.0.enforcementPoint) (\(first.1.joined(separator: ", "))): no specific rule authorizes it.",
                    evidence: [EvidenceText.flow(f)] + hops.map { EvidenceText.hop($0) },
                    severity: .medium, primaryLocation: f.location))
                continue
            }
            out.append(FindingCatalog.unauthorizedFlow.make(
                assets: ids.map { graph.assets[$0].id },
                message: "\(what) is not permitted by the current rules\(hops.last.map { ": \($0.ruleLabel) on \($0.enforcementPoint) denies it" } ?? "").",
                evidence: [EvidenceText.flow(f)] + hops.map { EvidenceText.hop($0) },
                severity: outside ? .high : .medium, primaryLocation: f.location))
        }
        return out
    }

    /// Addresses that no inventory row covers exchanging traffic with CUI assets: unknown assets
    /// in scope. The message names the zone the address sits in and whether the traffic crosses
    /// the enclave boundary.
    static func unknownPeers(graph: ScopeGraph, index: AddressIndex, zoneOf: (IPAddress) -> String? = { _ in nil })
        -> [Finding]
    {
        var byAddress: [UInt128: [Flow]] = [:]
        for key in graph.observed.unknownPeers.keys.sorted() {
            guard let f = graph.observed.unknownPeers[key] else { continue }
            let unknown = index.owner(of: f.source) == nil ? f.source : f.destination
            byAddress[unknown.value, default: []].append(f)
        }
        return byAddress.keys.sorted().compactMap { addr in
            guard let flows = byAddress[addr] else { return nil }
            let known = flows.compactMap { index.owner(of: $0.source) ?? index.owner(of: $0.destination) }
            let cuiIDs = Array(Set(known.map { graph.assets[$0].id })).sorted()
            let address = IPAddress(value: addr)
            let cuiZones = Set(known.flatMap { graph.zones(of: $0) }).sorted()
            let place: String
            switch zoneOf(address) {
            case .some(let z) where graph.enclaveZones.contains(z):
                place = "It sits inside the enclave zone \(z)"
            case .some(let z):
                place = "It sits in zone \(z), so the traffic crosses the enclave boundary (\(z) ↔ \(cuiZones.isEmpty ? "enclave" : cuiZones.joined(separator: ", ")))"
            case .none:
                place = "It sits in no known zone, so the traffic crosses the enclave boundary (outside ↔ \(cuiZones.isEmpty ? "enclave" : cuiZones.joined(separator: ", ")))"
            }
            return FindingCatalog.documentationGap.make(
                assets: cuiIDs, message: "\(address) exchanges traffic with CUI asset\(cuiIDs.count == 1 ? "" : "s") \(cuiIDs.joined(separator: ", ")) but is in no inventory: an unknown asset in scope. \(place).",
                evidence: flows.prefix(5).map(EvidenceText.flow), primaryLocation: flows.first?.location)
        }
    }

    /// Assets with no direct path that reach a relay (jump host, VPN gateway) which reaches CUI.
    static func indirectPaths(graph: ScopeGraph, categories: [Category]) -> [Finding] {
        var out: [Finding] = []
        for i in graph.relayConnectivity.keys.sorted() {
            guard let c = graph.relayConnectivity[i], c.peers > 0, !categories[i].isInScope else { continue }
            let a = graph.assets[i]
            let relay = c.edges.first.map { $0.from == a.id ? $0.to : $0.from } ?? "a relay"
            out.append(FindingCatalog.indirectPath.make(
                assets: [a.id], message: "\(a.id) has no direct path to CUI assets, but has a data-capable path to or from the application relay \(relay), which has one; CMMC has no transitive rule, so the assessor decides.",
                evidence: c.edges.prefix(2).flatMap(EvidenceText.edge)))
        }
        return out
    }
}
