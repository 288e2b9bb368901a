/// SCOPE-PATH-01 and the Contractor Risk Managed L3-12: what step 7 concluded about an asset
/// with a data-capable path to or from CUI assets (docs/SCOPING.md, Decision procedure, Step 7).
enum PathFindings {
    static func findings(_ x: AssetContext, _ c: Classification, rules: LevelRules) -> [Finding] {
        guard let decision = c.path else { return [] }
        let a = x.asset
        switch decision {
        case .review:
            let info = rules.vocabulary.information
            return [FindingCatalog.pathEnterprise.make(
                assets: [a.id], message: "\(a.id) has a data-capable path to or from \(info) assets\(x.peerText); Level 1 has no separation test, so it is not reclassified — decide whether it processes, stores or transmits \(info).",
                evidence: x.pathEvidence, severity: rules.reviewSeverity, review: true)]
        case .pulledIn(let category):
            var out: [Finding] = []
            if x.declaredOutOfScopeOrNothing {
                out.append(FindingCatalog.pathEnterprise.make(
                    assets: [a.id], message: "\(a.id) (declared \(a.declared?.rawValue ?? "nothing")) has a data-capable path to or from CUI assets\(x.peerText); the path pulls it into the assessment scope as \(category.rawValue).",
                    evidence: x.pathEvidence))
            }
            if !rules.hasContractorRiskManaged && (a.crmPolicy || a.declared == .contractorRiskManaged) {
                out.append(FindingCatalog.level3Reclassification.make(
                    assets: [a.id], message: a.crmPolicy
                        ? "\(a.id) would be a Contractor Risk Managed Asset at Level 2; at Level 3 it is a CUI Asset."
                        : "\(a.id) is declared Contractor Risk Managed, but with no documented policy (crm_policy) Level 2 computes it as a CUI Asset too; at Level 3 it is a CUI Asset.",
                    evidence: [x.row] + x.pathEvidence))
            }
            return out
        }
    }
}
