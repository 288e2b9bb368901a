/// VDI-10: a VDI client that step 6 could not keep out of scope although its declaration or
/// configuration claims it (docs/SCOPING.md, Separation): KVM-only but with non-display paths,
/// redirection enabled on a client with a path, or no configuration to support the claim.
enum VDIFindings {
    static func findings(_ x: AssetContext, _ c: Classification, rules: LevelRules) -> [Finding] {
        guard let check = c.vdi, !check.exempt else { return [] }
        let a = x.asset
        let message: String
        switch check.mode {
        case .kvmOnly:
            message = "\(a.id) is configured KVM-only, but it can exchange \(check.nonDisplay.summary) (not a display protocol) with CUI assets\(x.peerText)."
        case .redirection:
            // Without any path to CUI assets the client is separated (step 8 says so with its evidence);
            // "cannot be out of scope" would then contradict the computed category.
            guard x.connected && x.declaredOutOfScopeOrNothing else { return [] }
            message = "\(a.id) is a VDI client with clipboard/drive/print redirection enabled; it can move CUI off the VDI host and cannot be out of scope."
        case nil:
            guard a.declared == .outOfScope else { return [] }
            return [FindingCatalog.vdiNotKVM.make(
                assets: [a.id], message: "\(a.id) is a VDI client claimed out of scope, but the inventory gives no VDI configuration (kvm-only or redirection) to support the claim.",
                evidence: [x.row], review: true)]
        }
        guard rules.hasSeparationTest else { return [review(x, rules: rules)] }
        return [FindingCatalog.vdiNotKVM.make(assets: [a.id], message: message, evidence: [x.row] + x.pathEvidence)]
    }

    /// VDI-10 where the level has no separation test (Level 1): the client is not reclassified,
    /// so the finding is a review, like SCOPE-PATH-01 there (docs/DECISIONS.md 43).
    private static func review(_ x: AssetContext, rules: LevelRules) -> Finding {
        let a = x.asset, info = rules.vocabulary.information
        let what = a.vdi == .redirection ? "redirection enabled" : "non-display services to \(info) assets\(x.peerText)"
        return FindingCatalog.vdiNotKVM.make(
            assets: [a.id], message: "\(a.id) is a VDI client that is not keyboard/video/mouse only (\(what)); Level 1 does not reclassify it — decide whether it processes, stores or transmits \(info).",
            evidence: [x.row] + x.pathEvidence, severity: rules.reviewSeverity, review: true)
    }
}
