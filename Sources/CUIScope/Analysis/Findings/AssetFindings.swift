/// The findings about one asset, raised from what the decision steps concluded
/// (``Classification``): one pass per file, in the order of the steps they follow.
///
/// The order matters once: SCOPE-DECL-21 is not raised when an earlier finding of the asset
/// already explains its declared category, and the specialized-isolation L3-12 comes after it
/// because it explains none (docs/DECISIONS.md 44).
enum AssetFindings {
    static func findings(
        _ x: AssetContext, _ c: Classification, rules: LevelRules, graph: ScopeGraph, memo: EvidenceMemo,
        marketplace: Marketplace?
    ) -> [Finding] {
        if c.governmentOperated { return GovernmentFindings.findings(x) }
        var out: [Finding] = []
        if x.asset.isCloudService && rules.appliesCloudRequirements {
            out += CloudChecks.findings(for: x.asset, holdsCUI: x.declaresCUI, marketplace: marketplace, rules: rules)
        }
        let vdi = VDIFindings.findings(x, c, rules: rules)
        out += vdi
        // A VDI client's path is VDI-10's subject: PATH-01's "block the path" would contradict
        // the intended VDI access (docs/DECISIONS.md 79).
        out += PathFindings.findings(x, c, rules: rules).filter { vdi.isEmpty || $0.id != FindingID.pathEnterprise.rawValue }
        out += SeparationFindings.findings(x, c, rules: rules)
        out += DeclaredCategoryFindings.findings(x, c, rules: rules, raised: out, memo: memo)
        out += SpecializedIsolationFindings.findings(x, c, rules: rules, graph: graph)
        return out
    }
}
