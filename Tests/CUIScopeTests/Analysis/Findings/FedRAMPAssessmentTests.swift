import Foundation
import Testing

@testable import CUIScope

@Suite("FedRAMP assessment (docs/SCOPING.md, External services and FedRAMP)")
struct FedRAMPAssessmentTests {
    static let snapshot: Marketplace? = try? FedRAMPMarketplaceParser.read(
        path: TestPaths.realWorld("fedramp-marketplace/18f_fedramp-data_data.json"), displayName: "data.json")
    static let products: Marketplace? = try? FedRAMPMarketplaceParser.read(
        path: TestPaths.fixture("fedramp/fedramp-products.json"), displayName: "fedramp-products.json")

    static func cloud(
        _ id: String? = nil, provider: String? = nil, name: String = "tenant", status: String? = nil,
        impact: String? = nil, equivalency: [String] = []
    ) -> Asset {
        Asset(
            id: "svc-\(name)", name: name, kind: .cloudService, cui: .all, provider: provider, fedrampID: id,
            fedrampStatus: status, impactLevel: impact, equivalencyEvidence: equivalency,
            location: SourceLocation(file: "inventory.csv", line: 2))
    }

    static func assess(_ asset: Asset, in m: Marketplace?) -> FedRAMPVerdict {
        FedRAMPAssessment.assess(asset: asset, marketplace: m)
    }

    // MARK: worked example (docs/SCOPING.md, Match the offering)

    @Test("MSO365MT (Compliant, Moderate) passes the Marketplace test", .tags(.samples), .samplesPresent)
    func office365MultiTenant() throws {
        let m = try #require(Self.snapshot)
        let v = Self.assess(Self.cloud("MSO365MT", provider: "Microsoft"), in: m)
        guard case .authorized(let r) = v else { Issue.record("expected authorized, got \(v)"); return }
        #expect(r.status == "Compliant" && r.impact == "Moderate")
        #expect(v.findingID == nil)
    }

    @Test("GCC High FR1824057433 (In Process, High) is insufficient: CLOUD-02", .tags(.samples), .samplesPresent)
    func gccHighInProcess() throws {
        let m = try #require(Self.snapshot)
        let v = Self.assess(Self.cloud("FR1824057433", provider: "Microsoft"), in: m)
        guard case .insufficient(let r, let reason) = v else { Issue.record("expected insufficient, got \(v)"); return }
        #expect(r.offering == "Microsoft Office 365 GCC High")
        #expect(reason.contains("In Process"))
        #expect(v.findingID == "CLOUD-02")
    }

    @Test("Azure Government F1603087869 (Compliant, High) passes", .tags(.samples), .samplesPresent)
    func azureGovernment() throws {
        let m = try #require(Self.snapshot)
        let v = Self.assess(Self.cloud("f1603087869 "), in: m)
        guard case .authorized(let r) = v else { Issue.record("expected authorized, got \(v)"); return }
        #expect(r.impact == "High")
    }

    // MARK: denied values from the real snapshot

    @Test(
        "authorized records below Moderate and non-authorized stages are insufficient", .tags(.samples), .samplesPresent,
        arguments: [
            ("FR2106555313", "Low"),  // AchieveIt: Compliant, Low
            ("FR1812058188", "LI-SaaS"),  // GitHub Enterprise Cloud: Compliant, LI-SaaS
            ("FR2231052341", "FedRAMP Ready"),  // Qualys Government Platform: FedRAMP Ready, High
            ("FR2304546222", "In Process"),  // In Process, Low
        ])
    func insufficientRealRecords(id: String, mentioned: String) throws {
        let m = try #require(Self.snapshot)
        let v = Self.assess(Self.cloud(id), in: m)
        guard case .insufficient(let r, let reason) = v else { Issue.record("expected insufficient, got \(v)"); return }
        #expect(Marketplace.key(r.id) == id)
        #expect(reason.contains(mentioned))
    }

    @Test("the feed's other LI-SaaS spelling is denied too")
    func liSaaSSpelling() {
        #expect(FedRAMPAcceptList.default.decide(status: "Compliant", impact: "Li-SaaS") != .accepted)
        if case .denied = FedRAMPAcceptList.default.decide(status: "Compliant", impact: "Li-SaaS") {
        } else {
            Issue.record("Li-SaaS must be denied")
        }
    }

    @Test("conflicting records under one id are a review, not a silent pick", .tags(.samples), .samplesPresent)
    func duplicateConflict() throws {
        let m = try #require(Self.snapshot)
        let v = Self.assess(Self.cloud("FR2112263551"), in: m)
        guard case .review(let r, let reason) = v else { Issue.record("expected review, got \(v)"); return }
        #expect(r?.offering == "PingOne for Government")
        #expect(reason.contains("2 records"))
        #expect(v.findingID == "CLOUD-04")
    }

    // MARK: matching by package id only

    @Test("an unknown id is notFound with Microsoft candidates: CLOUD-01", .tags(.samples), .samplesPresent)
    func unknownID() throws {
        let m = try #require(Self.snapshot)
        let v = Self.assess(Self.cloud("FR0000000000", provider: "Microsoft", name: "Microsoft 365"), in: m)
        guard case .notFound(let candidates) = v else { Issue.record("expected notFound, got \(v)"); return }
        #expect(!candidates.isEmpty && candidates.count <= 5)
        #expect(candidates.allSatisfy { $0.provider == "Microsoft" })
        #expect(candidates.contains { $0.id == "MSO365MT" })
        #expect(v.findingID == "CLOUD-01")
    }

    @Test("without an id the vendor name never matches, even when it is a listed provider", .tags(.samples), .samplesPresent)
    func noIDNeverMatchesByBrand() throws {
        let m = try #require(Self.snapshot)
        let v = Self.assess(Self.cloud(nil, provider: "Microsoft", name: "Office 365 Multi-Tenant"), in: m)
        guard case .notFound(let candidates) = v else { Issue.record("expected notFound, got \(v)"); return }
        #expect(candidates.first?.id == "MSO365MT")
    }

    // MARK: stated values (no Marketplace loaded)

    @Test("without a Marketplace the inventory's stated values are reported, with the same lists")
    func statedOnly() {
        let ok = Self.assess(Self.cloud("MSO365MT", status: " FedRAMP Authorized ", impact: "Moderate"), in: nil)
        #expect(ok == .statedOnly(status: "FedRAMP Authorized", impact: "Moderate"))
        #expect(ok.findingID == nil)
        let inProcess = Self.assess(Self.cloud(status: "In Process", impact: "High"), in: nil)
        #expect(inProcess.findingID == "CLOUD-02")
        let low = Self.assess(Self.cloud(status: "Authorized", impact: "FedRAMP Low"), in: nil)
        #expect(low.findingID == "CLOUD-02")
        let twentyX = Self.assess(Self.cloud(status: "FedRAMP Authorized", impact: "20x Moderate"), in: nil)
        #expect(twentyX.findingID == "CLOUD-04")
        let noImpact = Self.assess(Self.cloud(status: "Compliant", impact: "  "), in: nil)
        #expect(noImpact == .statedOnly(status: "Compliant", impact: nil))
        #expect(noImpact.findingID == "CLOUD-04")
        // Nothing stated, nothing loaded: not evaluated, a review, never a critical CLOUD-01.
        let unknown = Self.assess(Self.cloud("MSO365MT"), in: nil)
        guard case .review(nil, let reason) = unknown else { Issue.record("expected review, got \(unknown)"); return }
        #expect(reason == "not evaluated: no Marketplace data loaded (--fedramp) and the inventory states package id MSO365MT but no FedRAMP status")
        #expect(unknown.findingID == "CLOUD-04")
        // The inventory's own "none" is a statement of no authorization: CLOUD-01.
        for none in ["none", "None", "not authorized", "no"] {
            #expect(Self.assess(Self.cloud(status: none), in: nil).findingID == "CLOUD-01")
        }
    }

    // MARK: equivalency

    @Test("complete equivalency evidence is an accepted equivalent", .tags(.samples), .samplesPresent)
    func equivalencyComplete() throws {
        let m = try #require(Self.snapshot)
        let items = ["3PAO-SAR", "100 percent", "poam_closed", "annual-3pao", " crm ", "dfars-7012-cg"]
        let v = Self.assess(Self.cloud(nil, provider: "Example", equivalency: items), in: m)
        #expect(v == .equivalency(missing: []))
        #expect(v.findingID == nil)
        #expect(Self.assess(Self.cloud(equivalency: items), in: nil) == .equivalency(missing: []))
    }

    @Test("incomplete equivalency lists the missing items in order: CLOUD-03", .tags(.samples), .samplesPresent)
    func equivalencyMissing() throws {
        let m = try #require(Self.snapshot)
        // GCC High is In Process, so the equivalency claim is what gets checked.
        let v = Self.assess(Self.cloud("FR1824057433", equivalency: ["crm", "3pao-sar", "soc2"]), in: m)
        #expect(v == .equivalency(missing: ["100-percent", "poam-closed", "annual-3pao", "dfars-7012-cg"]))
        #expect(v.findingID == "CLOUD-03")
    }

    @Test("an authorized record wins over an equivalency claim", .tags(.samples), .samplesPresent)
    func authorizedBeatsEquivalency() throws {
        let m = try #require(Self.snapshot)
        let v = Self.assess(Self.cloud("MSO365MT", equivalency: ["crm"]), in: m)
        guard case .authorized = v else { Issue.record("expected authorized, got \(v)"); return }
    }

    // MARK: products feed values

    @Test(
        "products feed statuses and impacts map to the accept and deny lists",
        arguments: [
            ("FR9900000001", "authorized"),
            ("FR9900000002", "review"),  // 20x Moderate
            ("FR9900000003", "insufficient"),  // FRR
            ("FR9900000004", "insufficient"),  // 20x Low
            ("FR9900000005", "insufficient"),  // Agency In Process
            ("FR9900000006", "insufficient"),  // No Status Found
            ("FR9900000007", "review"),  // Class C
        ])
    func productsVerdicts(id: String, expected: String) throws {
        let m = try #require(Self.products)
        let v = Self.assess(Self.cloud(id), in: m)
        let got: String
        switch v {
        case .authorized: got = "authorized"
        case .insufficient: got = "insufficient"
        case .review: got = "review"
        default: got = "\(v)"
        }
        #expect(got == expected)
    }

    @Test("20x Moderate is a review that says why")
    func twentyXModerateReason() throws {
        let m = try #require(Self.products)
        let v = Self.assess(Self.cloud("FR9900000002"), in: m)
        guard case .review(let r, let reason) = v else { Issue.record("expected review, got \(v)"); return }
        #expect(r?.impact == "20x Moderate")
        #expect(reason.contains("20x"))
        #expect(v.findingID == "CLOUD-04")
    }

    @Test("the accept-list is configurable")
    func configurableAcceptList() throws {
        let m = try #require(Self.products)
        var list = FedRAMPAcceptList.default
        list.acceptedImpacts.insert(FedRAMPAcceptList.normaliseImpact("20x Moderate"))
        let v = FedRAMPAssessment.assess(asset: Self.cloud("FR9900000002"), marketplace: m, acceptList: list)
        guard case .authorized = v else { Issue.record("expected authorized, got \(v)"); return }
        let strict = FedRAMPAcceptList(
            acceptedStatuses: ["FedRAMP Authorized"], deniedStatuses: [], acceptedImpacts: ["High"],
            deniedImpacts: ["Moderate"])
        let w = FedRAMPAssessment.assess(asset: Self.cloud("FR9900000001"), marketplace: m, acceptList: strict)
        guard case .insufficient = w else { Issue.record("expected insufficient, got \(w)"); return }
        #expect(
            FedRAMPVerdict.statedOnly(status: "FedRAMP Authorized", impact: "Moderate").findingID(acceptList: strict)
                == "CLOUD-02")
    }

    @Test("unknown status values are a review, never a pass")
    func unknownValues() {
        let list = FedRAMPAcceptList.default
        guard case .review = list.decide(status: "Provisional ATO", impact: "High") else {
            Issue.record("unknown status must be a review")
            return
        }
        guard case .review = list.decide(status: "", impact: "High") else {
            Issue.record("blank status must be a review")
            return
        }
        #expect(list.decide(status: "fedramp  AUTHORIZED", impact: "fedramp high") == .accepted)
    }
}
