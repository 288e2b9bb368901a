import Testing

@testable import CUIScope

/// What each level includes, as docs/SCOPING.md (Levels) states it (32 CFR 170.19(b), (c), (d)).
@Suite("Level rules")
struct LevelRulesTests {
    @Test("Level 1: FCI, no SPA or CRMA, no separation test, no cloud or documentation findings")
    func levelOne() {
        let r = LevelRules(.one)
        #expect(r.vocabulary.information == "FCI")
        #expect(r.vocabulary.handlerCategory.contains("Level 1 scope") && r.vocabulary.handlerCategory.contains("170.19(b)"))
        #expect(!r.hasSecurityProtection && !r.hasContractorRiskManaged)
        #expect(!r.scopesSpecialized && !r.requiresSpecializedIsolation)
        #expect(!r.hasSeparationTest && r.reviewSeverity == .low)
        #expect(!r.appliesCloudRequirements && !r.raisesDocumentationFindings)
        #expect(r.uncomparedDeclarations == [.securityProtection, .contractorRiskManaged])
    }

    @Test("Level 2: the five categories and every step")
    func levelTwo() {
        let r = LevelRules(.two)
        #expect(r.vocabulary.information == "CUI")
        #expect(r.vocabulary.handlerCategory.contains("CUI Asset"))
        #expect(r.hasSecurityProtection && r.hasContractorRiskManaged && r.scopesSpecialized)
        #expect(r.hasSeparationTest && r.appliesCloudRequirements && r.raisesDocumentationFindings)
        #expect(!r.requiresSpecializedIsolation && r.uncomparedDeclarations.isEmpty)
    }

    @Test("Level 3: as Level 2, without CRMA and with isolated Specialized Assets")
    func levelThree() {
        let r = LevelRules(.three)
        #expect(r.vocabulary.information == "CUI")
        #expect(!r.hasContractorRiskManaged && r.requiresSpecializedIsolation)
        #expect(r.hasSecurityProtection && r.scopesSpecialized && r.hasSeparationTest)
        #expect(r.appliesCloudRequirements && r.raisesDocumentationFindings)
        // A declared CRMA is compared at Level 3: SCOPE-DECL-21 says the category does not exist there.
        #expect(r.uncomparedDeclarations.isEmpty)
    }
}
