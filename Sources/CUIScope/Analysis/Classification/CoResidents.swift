/// Assets left out of scope that share an unfiltered subnet with an asset computed a CUI Asset
/// (docs/DECISIONS.md 78). DECISIONS 1 keeps them out (no transitive pull-in), but "Separated"
/// would be false: nothing filters between them. Their reason says what is true, and
/// SCOPE-IND-07 asks the assessor to look.
enum CoResidents {
    /// Rewrites the separation reason of each such asset in `results` (indexed like
    /// `graph.assets`) and returns one SCOPE-IND-07 review per asset.
    static func apply(_ results: inout [AssetResult], graph: ScopeGraph, categories: [Category]) -> [Finding] {
        var bySegment: [String: (text: String, location: SourceLocation?, members: [Int])] = [:]
        for (i, eps) in graph.endpoints.enumerated() {
            for ep in eps {
                guard let seg = ep.segment else { continue }
                let key = "\(ep.zone ?? "?")|\(seg.text)"
                var entry = bySegment[key] ?? (seg.text, seg.location, [])
                if entry.members.last != i { entry.members.append(i) }
                bySegment[key] = entry
            }
        }
        var out: [Finding] = []
        for key in bySegment.keys.sorted() {
            guard let seg = bySegment[key] else { continue }
            // Computed CUI Assets that no input declared or stated as handling CUI: the targets
            // are already judged by connectivity.
            let pulled = seg.members.filter { categories[$0] == .cui && !graph.targets.contains($0) }
            guard let cui = pulled.first else { continue }
            for i in seg.members where categories[i] == .outOfScope {
                guard let r = results[i].reasons.firstIndex(where: claimsSeparation) else { continue }
                let peer = graph.assets[cui].id
                let text = "Shares segment \(seg.text) with \(peer), which is in scope as a CUI Asset by its own paths, with no filtering between them; not pulled in transitively (docs/DECISIONS.md 1) — review."
                let segment = Evidence(kind: .segment, text: "subnet \(seg.text)", location: seg.location)
                results[i].reasons[r] = Reason(text, evidence: results[i].reasons[r].evidence + [segment])
                out.append(FindingCatalog.indirectPath.make(
                    assets: [graph.assets[i].id],
                    message: "\(graph.assets[i].id) shares segment \(seg.text) with \(peer), computed a CUI Asset, with no filtering between them. It is not pulled in transitively (docs/DECISIONS.md 1); the assessor decides.",
                    evidence: [EvidenceText.inventory(graph.assets[i]), segment]))
            }
        }
        return out
    }

    /// A step-8 reason that claims (or could not evaluate) separation.
    static func claimsSeparation(_ r: Reason) -> Bool {
        r.text.hasPrefix("Separated") || r.text.hasPrefix("Separation not evaluated")
    }
}
