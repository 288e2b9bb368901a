import Testing

@testable import CUIScope

/// CLOUD-41: old or undated Marketplace data is said, judged against the assessment date.
@Suite("Marketplace data age (CLOUD-41)")
struct MarketplaceAgeFindingsTests {
    static func input(snapshot: String?, today: String?, maxAge: Int = 90) -> AnalysisInput {
        let inventory = Inventory(assets: [Asset(id: "gcc-high", kind: .cloudService, location: SourceLocation(file: "inv.csv", line: 2)), Asset(id: "ws1", location: SourceLocation(file: "inv.csv", line: 3))],
                                  source: "inv.csv")
        var input = AnalysisInput(inventories: [inventory],
                                  marketplace: Marketplace(snapshotDate: snapshot, source: "mkt.json", records: [:]))
        input.today = today
        input.marketplaceMaxAgeDays = maxAge
        return input
    }

    @Test("data older than the allowed age on the assessment date raises one info finding naming the age")
    func old() throws {
        let f = try #require(MarketplaceAgeFindings.findings(Self.input(snapshot: "2026-08-22T04:40:51.791Z", today: "2026-12-04")).first)
        #expect(f.id == "CLOUD-41" && f.severity == .info && f.assets == ["gcc-high"])
        #expect(f.message.contains("taken on 2026-08-22, 104 days before the assessment date 2026-12-04, more than the 90 days allowed"))
        #expect(f.primaryLocation == SourceLocation(file: "mkt.json", line: 1))
    }

    @Test("data within the allowed age, a raised limit, or no assessment date: nothing")
    func fresh() {
        #expect(MarketplaceAgeFindings.findings(Self.input(snapshot: "2026-09-05", today: "2026-12-04")).isEmpty)  // 90 days
        #expect(MarketplaceAgeFindings.findings(Self.input(snapshot: "2026-08-22", today: "2026-12-04", maxAge: 120)).isEmpty)
        #expect(MarketplaceAgeFindings.findings(Self.input(snapshot: "2020-01-01", today: nil)).isEmpty)
        #expect(MarketplaceAgeFindings.findings(Self.input(snapshot: "2026-09-04", today: "2026-12-04")).count == 1)  // 91 days
    }

    @Test("undated data is flagged: its age is unknown")
    func undated() throws {
        let f = try #require(MarketplaceAgeFindings.findings(Self.input(snapshot: nil, today: "2026-12-04")).first)
        #expect(f.message.contains("carries no snapshot date, so its age on 2026-12-04 is unknown"))
    }

    @Test("a multi-homed asset leads with the zone the inventory names")
    func primaryZone() {
        #expect(Analyzer.primaryFirst(["corp", "enclave", "mgmt"], hint: "mgmt") == ["mgmt", "corp", "enclave"])
        #expect(Analyzer.primaryFirst(["corp", "mgmt"], hint: "dmz") == ["corp", "mgmt"])
        #expect(Analyzer.primaryFirst(["corp"], hint: nil) == ["corp"])
    }
}
