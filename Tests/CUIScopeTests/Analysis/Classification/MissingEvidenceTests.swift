import Foundation
import Testing
@testable import CUIScope

/// Conclusions rest on loaded evidence (docs/DECISIONS.md 75): the demo without its firewall
/// export must not call anything "Separated", and says which input would decide it.
@Suite struct MissingEvidenceTests {
    static func run(rules: [String]) throws -> AnalysisResult {
        let p = InputPaths(inventories: [TestPaths.demo("demo/inventory.csv")], rules: rules, flows: [],
                           scope: TestPaths.demo("demo/scope.yaml"))
        return Analyzer.run(try InputLoader.load(p))
    }

    @Test func noRulesMeansSeparationNotEvaluated() throws {
        let r = try Self.run(rules: [])
        for a in r.assets {
            for reason in a.reasons { #expect(!reason.text.hasPrefix("Separated"), "\(a.id): \(reason.text)") }
            #expect(!a.reasons.contains { $0.text.contains("no enforcement point routes") }, "\(a.id)")
        }
        let qa = try #require(r.assets.first { $0.id == "qa-ws01" })
        if qa.category == .outOfScope {
            #expect(qa.reasons.contains { $0.text.hasPrefix("Separation not evaluated: no firewall rules were loaded (--rules)") })
            let f = try #require(r.findings.first { $0.id == "EVID-30" && $0.assets == ["qa-ws01"] })
            #expect(f.review && f.severity == .low && f.message.contains("--rules"))
        }
        #expect(r.findings.contains { $0.id == "EVID-30" })
    }

    @Test func withRulesSeparationIsEvaluated() throws {
        let r = try Self.run(rules: [TestPaths.demo("demo/firewall.xml")])
        #expect(!r.findings.contains { $0.id == "EVID-30" })
        #expect(!r.assets.contains { $0.reasons.contains { $0.text.hasPrefix("Separation not evaluated") } })
    }

    /// Evidence monotonicity: adding the firewall export never removes a finding id silently
    /// except EVID-30, the finding that asked for it.
    @Test func addingRulesOnlyReplacesTheNotEvaluatedFinding() throws {
        let without = try Self.run(rules: [])
        let with = try Self.run(rules: [TestPaths.demo("demo/firewall.xml")])
        let lost = Set(without.findings.map { "\($0.id) \($0.assets)" })
            .subtracting(with.findings.map { "\($0.id) \($0.assets)" })
        #expect(lost.allSatisfy { $0.hasPrefix("EVID-30") || $0.hasPrefix("CLOUD") || $0.hasPrefix("DOC-15") }, "\(lost.sorted())")
    }

    /// docs/DECISIONS.md 77: the demo's RDP from 10.20.10.200 (no inventory row) into eng-ws01,
    /// which corp-deny-enclave denies, is SCOPE-FLOW-04 as an inventoried source would be, plus DOC-14.
    @Test func deniedFlowFromAnUnknownAddressIsFlow04() throws {
        var p = InputPaths(inventories: [TestPaths.demo("demo/inventory.csv")], rules: [TestPaths.demo("demo/firewall.xml")],
                           flows: [TestPaths.demo("demo/flows.xml")], scope: TestPaths.demo("demo/scope.yaml"))
        p.flowWindow = .unbounded
        let r = Analyzer.run(try InputLoader.load(p))
        let f = try #require(r.findings.first { $0.id == "SCOPE-FLOW-04" && $0.message.contains("10.20.10.200") })
        #expect(f.assets == ["eng-ws01"] && f.severity == .high)
        #expect(f.message.hasPrefix("Observed tcp/3389 10.20.10.200 → 10.50.1.21 (1 record, an address no inventory row covers) is not permitted by the current rules"))
        #expect(r.findings.contains { $0.id == "DOC-14" && $0.assets == ["eng-ws01"] })
    }

    /// docs/DECISIONS.md 78: corp-lt-07 is computed a CUI Asset; its flat corp subnet neighbours
    /// stay out of scope but are not called "Separated", and each gets a SCOPE-IND-07 review.
    @Test func coResidentsOfAComputedCUIAssetGetATrueReason() throws {
        let r = try Self.run(rules: [TestPaths.demo("demo/firewall.xml")])
        let lt7 = try #require(r.assets.first { $0.id == "corp-lt-07" })
        try #require(lt7.category == .cui)
        let lt1 = try #require(r.assets.first { $0.id == "corp-lt-01" })
        #expect(lt1.category == .outOfScope)
        let reason = try #require(lt1.reasons.first { $0.text.hasPrefix("Shares segment") })
        #expect(reason.text.hasPrefix("Shares segment 10.20.10.0/24 with qa-ws01, which is in scope as a CUI Asset by its own paths"))
        #expect(reason.text.hasSuffix("not pulled in transitively (docs/DECISIONS.md 1) — review."))
        #expect(!lt1.reasons.contains { $0.text.hasPrefix("Separated") })
        #expect(r.findings.contains { $0.id == "SCOPE-IND-07" && $0.assets == ["corp-lt-01"] && $0.review })
    }
}
