/// L3-12 for Specialized Assets at a level that requires their isolation (Level 3): a device
/// neither isolated in a purpose-specific network nor placed at all needs an intermediary
/// device (SI.L3-3.14.3e). A review: an intermediary is not visible in the inputs.
enum SpecializedIsolationFindings {
    static func findings(_ x: AssetContext, _ c: Classification, rules: LevelRules, graph: ScopeGraph) -> [Finding] {
        guard rules.requiresSpecializedIsolation && c.labels.contains(.specialized) && !isolated(x, graph: graph)
        else { return [] }
        let whereText = x.zones.isEmpty
            ? "has no address in a known zone, so its isolation could not be checked"
            : "shares its zone with general-purpose assets"
        return [FindingCatalog.level3Reclassification.make(
            assets: [x.asset.id], message: "\(x.asset.id) is a Specialized Asset at Level 3 that \(whereText); it needs an intermediary device or isolation in a purpose-specific network (SI.L3-3.14.3e).",
            evidence: [x.row] + x.pathEvidence, review: true)]
    }

    /// Placed, and every asset of each of its zones is a specialized kind: a purpose-specific network.
    static func isolated(_ x: AssetContext, graph: ScopeGraph) -> Bool {
        guard !x.zones.isEmpty else { return false }
        return x.zones.allSatisfy { z in (graph.membersByZone[z] ?? []).allSatisfy { graph.assets[$0].kind.isSpecializedKind } }
    }
}
