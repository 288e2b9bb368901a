import Foundation
import Testing

@testable import CUIScope

/// The five acceptance cases of `cuiscope check` through the library API.
@Suite("check: change review")
struct CheckTests {
    typealias F = CheckFixtures

    @Test("an any-any rule from corp into the enclave fails and names the rule and file:line")
    func anyAnyFails() throws {
        let r = try F.run(proposed: F.proposed)
        #expect(r.failed)
        let chg = try #require(r.failing.first { $0.finding.id == "CHG-25" })
        let loc = try #require(chg.finding.primaryLocation)
        #expect(loc.file.hasSuffix("Fixtures/check/proposed.xml"))
        #expect(loc.line == 99)
        #expect(chg.finding.message.contains("corp-any-enclave"))
        #expect(chg.finding.message.contains("proposed.xml:99"))
        #expect(chg.finding.assets.contains("fs01") && chg.finding.assets.contains("corp-lt-01"))
        // Also a policy violation and the explicit deny it shadows, both new and failing.
        #expect(r.failing.contains { $0.finding.id == "POLICY-24" && $0.finding.primaryLocation?.line == 99 })
        #expect(r.failing.contains { $0.finding.id == "RULE-26" && $0.finding.message.contains("corp-deny-enclave") })
        #expect(r.ruleChanges.map { "\($0.kind.rawValue) \($0.rule)" } == ["added corp-any-enclave"])
        // Every opened path is corp → enclave and permitted by the new rule; nothing closes.
        #expect(!r.paths.isEmpty)
        for p in r.paths {
            #expect(p.fromZone == "corp" && p.toZone == "enclave" && p.closed.isEmpty)
            #expect(p.cause?.rule == "corp-any-enclave")
        }
        #expect(r.categoryChanges.contains { $0.asset == "corp-lt-01" && $0.from == .outOfScope && $0.to == .cui })
        // Findings already in the baseline are listed but do not fail.
        #expect(r.findings.contains { $0.status == .existing && !$0.failing && $0.finding.severity >= .high })
    }

    @Test("a change that only tightens rules passes")
    func tighteningPasses() throws {
        let r = try F.run(proposed: F.fixture("proposed-tighten.xml"))
        #expect(!r.failed)
        #expect(r.failing.isEmpty)
        #expect(!r.paths.isEmpty)
        #expect(r.paths.allSatisfy { $0.opened.isEmpty && !$0.closed.isEmpty })
        let closedSMB = try #require(r.paths.first { $0.sourceAssets == ["corp-lt-07"] && $0.destinationAssets == ["fs01"] })
        #expect(closedSMB.closed == ServiceSet.ports(IPProtocol.tcp, 445, 445))
        #expect(closedSMB.formerlyPermittedBy.map(\.rule) == ["helpdesk-smb-temp"])
        #expect(closedSMB.blockedBy.map(\.rule) == ["corp-deny-enclave"])
        #expect(r.resolved.contains { $0.finding.id == "SCOPE-PATH-01" && $0.finding.assets == ["corp-lt-07"] })
        #expect(r.categoryChanges.contains { $0.asset == "corp-lt-07" && $0.to == .outOfScope })
        let kinds = Set(r.ruleChanges.map(\.kind))
        #expect(kinds == [.removed, .modified])
    }

    @Test("moving an allow above the deny it now shadows fails")
    func reorderShadowsDeny() throws {
        let r = try F.run(baseline: F.fixture("baseline-reorder.xml"), proposed: F.fixture("proposed-reorder.xml"))
        #expect(r.failed)
        let shadow = try #require(r.failing.first { $0.finding.id == "RULE-26" })
        #expect(shadow.finding.severity == .high)
        #expect(shadow.finding.message.contains("lab-pcs-no-vdi-portal"))
        #expect(shadow.finding.primaryLocation?.file.hasSuffix("proposed-reorder.xml") == true)
        #expect(r.coverage.map(\.rule) == ["lab-pcs-no-vdi-portal"])
        #expect(r.coverage.first?.by.map(\.rule) == ["corp-vdi-portal"])
        let moved = r.ruleChanges.filter { $0.kind == .reordered }
        #expect(moved.map(\.rule) == ["corp-vdi-portal"])
        #expect(moved.first?.baselinePosition == 12 && moved.first?.proposedPosition == 6)
        // The opened path is exactly the lab PCs to the VDI host on tcp/443.
        #expect(r.paths.count == 1)
        #expect(r.paths.first?.sources.summary == "10.20.10.80-10.20.10.89")
        #expect(r.paths.first?.opened == ServiceSet.ports(IPProtocol.tcp, 443, 443))
    }

    @Test("an expired waiver fails with WAIVER-23")
    func expiredWaiverFails() throws {
        let r = try F.run(proposed: F.fixture("proposed-vendor.xml"), waivers: F.fixture("waivers-vendor-expired.yaml"))
        #expect(r.failed)
        let expired = r.failing.filter { $0.finding.id == "WAIVER-23" }
        #expect(expired.count == 3)
        #expect(expired.allSatisfy { $0.finding.message.contains("expired on 2026-10-31") })
        #expect(expired.compactMap { $0.finding.primaryLocation?.line }.sorted() == [2, 8, 14])
        #expect(r.waived.isEmpty)
        // The findings the waivers covered fail again.
        #expect(Set(r.failing.map(\.finding.id)) == ["WAIVER-23", "CHG-25", "POLICY-24", "SCOPE-PATH-01"])
    }

    @Test("a valid waiver passes and the waived findings are listed")
    func validWaiverPasses() throws {
        let r = try F.run(proposed: F.fixture("proposed-vendor.xml"), waivers: F.fixture("waivers-vendor.yaml"))
        #expect(!r.failed)
        #expect(r.waived.map(\.finding.id).sorted() == ["CHG-25", "POLICY-24", "SCOPE-PATH-01"])
        #expect(r.waived.allSatisfy { $0.status == .new && $0.waiver?.ticket == "CHG-5600" })
        #expect(r.waivers.allSatisfy { !$0.expired && $0.matched.count == 1 })
        // Without the waivers the same change fails.
        #expect(try F.run(proposed: F.fixture("proposed-vendor.xml")).failed)
        // A stricter threshold does not resurrect waived findings; --fail-on critical passes anyway.
        #expect(!(try F.run(proposed: F.fixture("proposed-vendor.xml"), failOn: .critical)).failed)
    }
}
