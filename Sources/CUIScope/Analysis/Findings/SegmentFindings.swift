/// SCOPE-SEG-02, NET-16 and SCOPE-DUAL-03: what shares a segment with CUI assets, and what
/// straddles the enclave and the enterprise.
enum SegmentFindings {
    static func findings(graph: ScopeGraph, categories: [Category]) -> [Finding] {
        var out: [Finding] = []
        // Segment text → (CUI members, other members); segments from subnets only.
        var members: [String: (cui: Set<Int>, others: Set<Int>, location: SourceLocation?)] = [:]
        for (i, eps) in graph.endpoints.enumerated() {
            for ep in eps {
                guard let seg = ep.segment else { continue }
                let key = "\(ep.zone ?? "?")|\(seg.text)"
                var entry = members[key] ?? ([], [], seg.location)
                if graph.targets.contains(i) { entry.cui.insert(i) } else { entry.others.insert(i) }
                members[key] = entry
            }
        }
        for key in members.keys.sorted() {
            guard let m = members[key], !m.cui.isEmpty else { continue }
            let segText = String(key.split(separator: "|", maxSplits: 1).last ?? "")
            let cuiIDs = m.cui.map { graph.assets[$0].id }.sorted()
            let flat = m.others.filter { i in
                let d = graph.assets[i].declared
                return d == nil || d == .outOfScope
            }
            if !flat.isEmpty {
                let ids = flat.map { graph.assets[$0].id }.sorted()
                out.append(FindingCatalog.flatSegment.make(
                    assets: ids + cuiIDs, message: "Segment \(segText) holds CUI assets (\(list(cuiIDs))) together with \(ids.count) asset\(ids.count == 1 ? "" : "s") declared out of scope or not categorised (\(list(ids))), with no filtering between them.",
                    evidence: [Evidence(kind: .segment, text: "subnet \(segText)", location: m.location)]
                        + flat.sorted().prefix(10).map { EvidenceText.inventory(graph.assets[$0]) },
                    primaryLocation: m.location))
            }
            let publicOnes = (m.cui.union(m.others)).filter { graph.assets[$0].publicFacing }
            if !publicOnes.isEmpty {
                let ids = publicOnes.map { graph.assets[$0].id }.sorted()
                out.append(FindingCatalog.publicInEnclave.make(
                    assets: ids, message: "Publicly reachable asset\(ids.count == 1 ? "" : "s") \(list(ids)) share\(ids.count == 1 ? "s" : "") subnet \(segText) with CUI assets (\(list(cuiIDs))).",
                    evidence: [Evidence(kind: .segment, text: "subnet \(segText)", location: m.location)]
                        + publicOnes.sorted().map { EvidenceText.inventory(graph.assets[$0]) },
                    primaryLocation: m.location))
            }
        }
        guard !graph.enclaveZones.isEmpty else { return out }
        for (i, eps) in graph.endpoints.enumerated() {
            let zones = Set(eps.compactMap(\.zone))
            let inside = zones.intersection(graph.enclaveZones)
            let outside = zones.subtracting(graph.enclaveZones)
            guard !inside.isEmpty && !outside.isEmpty else { continue }
            let a = graph.assets[i]
            // Firewalls and routers join zones by design: they are the enforcement points, not bridges.
            if a.kind.isForwarding { continue }
            let addrs = eps.map { "\($0.address) in \($0.zone ?? "?")" }.joined(separator: ", ")
            out.append(FindingCatalog.dualHomed.make(
                assets: [a.id], message: "\(a.id) has addresses in the enclave (\(inside.sorted().joined(separator: ", "))) and outside it (\(outside.sorted().joined(separator: ", "))): \(addrs). It bypasses the boundary; computed \(categories[i].rawValue).",
                // Each address with the subnet that places it (file:line of the zone definition): where it sits on each side.
                evidence: [EvidenceText.inventory(a)] + eps.compactMap { ep in
                    ep.segment.map { seg in
                        Evidence(kind: .segment, text: "\(ep.address) in subnet \(seg.text) (zone \(ep.zone ?? "?"))", location: seg.location)
                    }
                }))
        }
        return out
    }

    static func list(_ ids: [String]) -> String {
        ids.count <= 5 ? ids.joined(separator: ", ") : ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more"
    }
}
