/// What a CMMC level includes, the words its reasons use and how its findings are graded: the
/// one place that knows how Level 1, 2 and 3 differ (docs/SCOPING.md, Levels). The decision
/// steps and the finding passes ask these questions instead of comparing levels.
struct LevelRules {
    /// The words a level's reasons use for the information it protects and for an asset that
    /// handles it. Level 1 reads the `cui` column as FCI handling (docs/DECISIONS.md 5 and 43),
    /// so its reasons speak of FCI and of the Level 1 scope, never of CUI Assets.
    struct Vocabulary {
        /// "FCI" at Level 1, "CUI" above: "a data-capable path to or from CUI assets".
        let information: String
        /// What an asset that handles the information is, with the rule that says so.
        let handlerCategory: String
        /// An asset declared `cui` that states no handling of its own.
        let declaredHandler: String
        /// The same, said of a cloud service.
        let declaredCloudService: String
        /// What follows for a cloud service holding the information (step 3).
        let cloudConsequence: String
    }

    let vocabulary: Vocabulary
    /// Security Protection Assets exist (steps 3 and 4, SCOPE-SPA-06, CLOUD-06). Level 1 has none.
    let hasSecurityProtection: Bool
    /// The FedRAMP and DFARS 252.204-7012 cloud requirements apply (step 3, the CLOUD findings).
    /// They are CUI rules: Level 1 (FAR 52.204-21) has no cloud requirement.
    let appliesCloudRequirements: Bool
    /// Specialized Assets are part of the assessment scope. Not at Level 1 (§170.19(b)), where a
    /// specialized-kind device keeps its label with a reason saying it is outside the scope.
    let scopesSpecialized: Bool
    /// A data-capable path reclassifies (step 7) and flat or dual-homed segments are findings.
    /// Level 1 has no separation test: a path, or a VDI client that is not KVM-only, is only a
    /// review at ``reviewSeverity``.
    let hasSeparationTest: Bool
    /// Contractor Risk Managed Assets exist: Level 2 only. Level 3 makes them CUI Assets (L3-12).
    let hasContractorRiskManaged: Bool
    /// Specialized Assets need an intermediary device or a purpose-specific network (L3-12,
    /// SI.L3-3.14.3e): Level 3 only.
    let requiresSpecializedIsolation: Bool
    /// Documentation findings (DOC-14, DOC-15) are raised: not at Level 1.
    let raisesDocumentationFindings: Bool
    /// Declared categories the level does not have and does not compare with the computed one
    /// (SCOPE-DECL-21): Security Protection and Contractor Risk Managed at Level 1. Level 3 does
    /// compare a declared CRMA: the finding says that Level 3 has no such category.
    let uncomparedDeclarations: Set<Category>
    /// The severity of a path finding a level without a separation test raises as a review.
    let reviewSeverity: Severity = .low

    init(_ level: CMMCLevel) {
        let above1 = level != .one
        vocabulary = above1 ? .cui : .fci
        hasSecurityProtection = above1
        appliesCloudRequirements = above1
        scopesSpecialized = above1
        hasSeparationTest = above1
        hasContractorRiskManaged = level == .two
        requiresSpecializedIsolation = level == .three
        raisesDocumentationFindings = above1
        uncomparedDeclarations = above1 ? [] : [.securityProtection, .contractorRiskManaged]
    }
}

extension LevelRules.Vocabulary {
    /// Level 1: FCI and the Level 1 scope (32 CFR 170.19(b)).
    static let fci = Self(
        information: "FCI", handlerCategory: "in the Level 1 scope (32 CFR 170.19(b))",
        declaredHandler: "Declared in the Level 1 scope (cui)",
        declaredCloudService: "is declared in the Level 1 scope (cui)",
        cloudConsequence: "in the Level 1 scope (32 CFR 170.19(b)). The FedRAMP requirement of DFARS 252.204-7012 "
            + "applies to CUI, not to a Level 1 FCI scope")

    /// Levels 2 and 3: CUI and CUI Assets (32 CFR 170.19(c)(1), (d)).
    static let cui = Self(
        information: "CUI", handlerCategory: "a CUI Asset (32 CFR 170.19(c)(1))",
        declaredHandler: "Declared a CUI Asset in the SSP", declaredCloudService: "is declared cui",
        cloudConsequence: "a CUI Asset, checked against the FedRAMP requirements (DFARS 252.204-7012(b)(2)(ii)(D))")
}
