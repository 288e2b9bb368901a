import Foundation
import Testing

@testable import CUIScope

@Suite("FedRAMP Marketplace feeds")
struct FedRAMPMarketplaceTests {
    static let snapshotPath = TestPaths.realWorld("fedramp-marketplace/18f_fedramp-data_data.json")

    static func loadSnapshot() throws -> Marketplace {
        try FedRAMPMarketplaceParser.read(path: snapshotPath, displayName: "18f_fedramp-data_data.json")
    }

    // MARK: 18F data.json (the shipped real snapshot)

    @Test("the real 18F snapshot loads with its date and every record", .tags(.samples), .samplesPresent)
    func realSnapshotLoads() throws {
        let m = try Self.loadSnapshot()
        #expect(m.snapshotDate == "2026-08-22T04:40:51.791Z")
        #expect(m.source == "18f_fedramp-data_data.json")
        // Counted independently with:
        //   python3 -c 'import json; P=json.load(open("18f_fedramp-data_data.json"))["data"]["Providers"];
        //     print(len(P), len({p["Package_ID"].strip().upper() for p in P}))'
        // → 425 entries, 424 distinct package ids (FR2112263551 is listed twice).
        #expect(m.records.count == 424)
        #expect(m.records.count + m.duplicates.values.map(\.count).reduce(0, +) == 425)
    }

    @Test("a repeated package id is kept as a duplicate with a warning at its line", .tags(.samples), .samplesPresent)
    func duplicateIDIsKept() throws {
        let m = try Self.loadSnapshot()
        #expect(Array(m.duplicates.keys) == ["FR2112263551"])
        let all = m.allRecords(id: "FR2112263551")
        #expect(all.map(\.status) == ["Compliant", "In Process"])
        // Object starts found with python: the `{` lines above each `"Package_ID": "FR2112263551"`.
        #expect(all.map { $0.location?.line } == [17609, 17639])
        #expect(m.warnings.count == 1)
        #expect(m.warnings.first?.location.line == 17639)
        #expect(m.warnings.first?.severity == .warning)
    }

    @Test("MSO365MT is normalised with its provenance", .tags(.samples), .samplesPresent)
    func recordFields() throws {
        let m = try Self.loadSnapshot()
        let r = try #require(m.record(id: "MSO365MT"))
        #expect(r.id == "MSO365MT")
        #expect(r.provider == "Microsoft")
        #expect(r.offering == "Office 365 Multi-Tenant & Supporting Services")
        #expect(r.status == "Compliant")
        #expect(r.impact == "Moderate")
        #expect(r.path == "Agency")
        #expect(r.serviceModels == ["SaaS"])
        #expect(r.underlyingPackageIDs == ["F1206061353", "F1209051525"])
        #expect(r.authorizationDate?.hasPrefix("20") == true)
        // Line found with python (the `{` opening the record), column 7 after six spaces.
        #expect(r.location == SourceLocation(file: "18f_fedramp-data_data.json", line: 15445, column: 7))
    }

    @Test("a combined Service_Model element is split; raw impact spellings are kept", .tags(.samples), .samplesPresent)
    func serviceModelsAndRawValues() throws {
        let m = try Self.loadSnapshot()
        #expect(m.record(id: "F1603087869")?.serviceModels == ["IaaS", "PaaS", "SaaS"])
        #expect(m.record(id: "F1603087869")?.path == "JAB")
        #expect(m.record(id: "FR2135043135")?.impact == "Li-SaaS")
        #expect(m.record(id: "FR1812058188")?.impact == "LI-SaaS")
    }

    @Test("ids are trimmed and looked up case-insensitively", .tags(.samples), .samplesPresent)
    func idLookup() throws {
        let m = try Self.loadSnapshot()
        // The feed writes "FR2322856433 " with a trailing blank.
        let r = try #require(m.record(id: "fr2322856433"))
        #expect(r.id == "FR2322856433")
        #expect(m.record(id: "  mso365mt ")?.id == "MSO365MT")
        #expect(m.record(id: "FR0000000000") == nil)
    }

    @Test("candidates match words of provider and offering, best first, at most five", .tags(.samples), .samplesPresent)
    func candidates() throws {
        let m = try Self.loadSnapshot()
        let microsoft = m.candidates(provider: "Microsoft", name: nil)
        #expect(microsoft.map(\.id) == ["F1209051525", "F1603087869", "FR1824057433", "MSO365MT"])
        let gccHigh = m.candidates(provider: "Microsoft", name: "Office 365 GCC High")
        #expect(gccHigh.first?.id == "FR1824057433")
        #expect(gccHigh.count <= 5)
        #expect(m.candidates(provider: "Inc.", name: "LLC") == [])
        #expect(m.candidates(provider: nil, name: nil) == [])
        // Deterministic: same answer twice, regardless of dictionary order.
        #expect(
            m.candidates(provider: "Amazon", name: "GovCloud") == m.candidates(provider: "Amazon", name: "GovCloud"))
    }

    @Test("the demo subset is a real slice of the snapshot", .tags(.samples), .samplesPresent)
    func demoSubset() throws {
        let demo = try FedRAMPMarketplaceParser.read(
            path: TestPaths.demo("demo/fedramp-marketplace.json"), displayName: nil)
        let full = try Self.loadSnapshot()
        #expect(demo.snapshotDate == full.snapshotDate)
        #expect(demo.records.count == 18)
        for id in ["MSO365MT", "FR1824057433", "F1603087869", "F1212191840", "FR2106555313", "FR1812058188"] {
            let d = try #require(demo.record(id: id))
            let f = try #require(full.record(id: id))
            #expect(d.status == f.status && d.impact == f.impact && d.offering == f.offering)
        }
    }

    // MARK: marketplace-fedramp-gov-data products

    @Test("the products feed is found inside its wrapper and normalised")
    func productsFixture() throws {
        let m = try FedRAMPMarketplaceParser.read(
            path: TestPaths.fixture("fedramp/fedramp-products.json"), displayName: "fedramp-products.json")
        #expect(m.snapshotDate == "2026-07-30T12:00:00Z")
        #expect(m.records.count == 7)
        let a = try #require(m.record(id: "FR9900000001"))
        #expect(a.provider == "Example Cloud Co.")
        #expect(a.offering == "Example Gov Cloud")
        #expect(a.status == "FedRAMP Authorized")
        #expect(a.path == "Agency")
        #expect(a.serviceModels == ["IaaS", "PaaS"])
        #expect(a.assessor == "Example Assessors LLC")
        #expect(a.authorizationDate == "2024-03-01T05:00:00.000Z")
        #expect(a.underlyingPackageIDs == ["FR9900000009"])
        #expect(a.location == SourceLocation(file: "fedramp-products.json", line: 12, column: 5))
        #expect(m.record(id: "FR9900000002")?.underlyingPackageIDs == ["FR9900000001"])
        #expect(m.record(id: "FR9900000002")?.impact == "20x Moderate")
        let frr = try #require(m.record(id: "FR9900000003"))
        #expect(frr.id == "fr9900000003")
        #expect(frr.authorizationDate == nil)
        #expect(frr.assessor == nil)
        #expect(m.record(id: "FR9900000006")?.serviceModels == ["SaaS"])
    }

    @Test("a bare product list and older key names are read")
    func bareProductList() throws {
        let path = TestPaths.temporaryFile(
            """
            [
              {"id": "FR1", "name": "Old Co", "service_offering": "Old Cloud", "status": "FedRAMP Authorized",
               "impact_level": "High", "auth_type": "JAB", "independent_assessor": "Old 3PAO"}
            ]
            """, name: "products.json")
        let m = try FedRAMPMarketplaceParser.read(path: path, displayName: "products.json")
        #expect(m.snapshotDate == nil)
        let r = try #require(m.record(id: "fr1"))
        #expect(r.provider == "Old Co")
        #expect(r.offering == "Old Cloud")
        #expect(r.status == "FedRAMP Authorized")
        #expect(r.path == "JAB")
        #expect(r.assessor == "Old 3PAO")
        #expect(r.location == SourceLocation(file: "products.json", line: 2, column: 3))
    }

    @Test("a minified one-line feed of many products reads in linear time with exact columns")
    func minifiedFeed() throws {
        // The published products feed is one multi-megabyte line; columns must not be
        // recounted from the line start for every value.
        let item =
            #"{"id":"FR%05d","csp":"Co","cso":"Cloud","public_status":"FedRAMP Authorized","impact_level":"High"}"#
        let items = (0..<20_000).map { String(format: item, $0) }
        let text = "{\"products\":[" + items.joined(separator: ",") + "]}"
        let path = TestPaths.temporaryFile(text, name: "min.json")
        let m = try FedRAMPMarketplaceParser.read(path: path, displayName: "min.json")
        #expect(m.records.count == 20_000)
        let last = try #require(m.record(id: "FR19999"))
        let expectedColumn = "{\"products\":[".count + 19_999 * (items[0].count + 1) + 1
        #expect(last.location == SourceLocation(file: "min.json", line: 1, column: expectedColumn))
    }

    // MARK: bad input

    @Test("a record without an id is an error at the record")
    func missingID() throws {
        let path = TestPaths.temporaryFile(
            """
            {"meta": {"Created_At": "2026-01-01"}, "data": {"Providers": [
              {"Package_ID": "F1", "Designation": "Compliant"},
              {"Designation": "Compliant"}
            ]}}
            """)
        let e = #expect(throws: InputError.self) {
            try FedRAMPMarketplaceParser.read(path: path, displayName: "m.json")
        }
        let d = try #require(e?.diagnostics.first)
        #expect(d.location == SourceLocation(file: "m.json", line: 3, column: 3))
        #expect(d.message.contains("Package_ID"))
    }

    @Test("a value of the wrong type names the key and place, never the content")
    func wrongTypeDoesNotEchoContent() throws {
        let path = TestPaths.temporaryFile(
            """
            {"data": {"Providers": [
              {"Package_ID": "F1", "Designation": ["s3cr3t-value"], "Service_Model": {"x": "hunter2"}}
            ]}}
            """)
        let e = #expect(throws: InputError.self) {
            try FedRAMPMarketplaceParser.read(path: path, displayName: "m.json")
        }
        let text = e?.description ?? ""
        #expect(e?.diagnostics.count == 2)
        #expect(text.contains("m.json:2:39"))
        #expect(text.contains("'Designation'"))
        #expect(text.contains("'Service_Model'"))
        #expect(!text.contains("s3cr3t"))
        #expect(!text.contains("hunter2"))
    }

    @Test("malformed JSON reports line and column")
    func malformedJSON() throws {
        let path = TestPaths.temporaryFile("{\"data\": {\"Providers\": [\n  {\"Package_ID\" \"F1\"}\n]}}")
        let e = #expect(throws: InputError.self) {
            try FedRAMPMarketplaceParser.read(path: path, displayName: "m.json")
        }
        #expect(e?.diagnostics.first?.location == SourceLocation(file: "m.json", line: 2, column: 17))
        #expect(e?.diagnostics.first?.message.contains("':'") == true)
    }

    @Test("JSON that is neither feed is rejected, naming both expected shapes")
    func unknownShape() throws {
        let path = TestPaths.temporaryFile("{\"assets\": [{\"id\": \"a\", \"addresses\": \"10.0.0.1\"}]}")
        let e = #expect(throws: InputError.self) {
            try FedRAMPMarketplaceParser.read(path: path, displayName: "x.json")
        }
        let message = e?.diagnostics.first?.message ?? ""
        #expect(message.contains("data.Providers") && message.contains("cso"))
        #expect(e?.diagnostics.first?.location.line == 1)
    }

    @Test("a missing file is an input error")
    func missingFile() {
        #expect(throws: InputError.self) {
            try FedRAMPMarketplaceParser.read(path: "/nonexistent/marketplace.json", displayName: nil)
        }
    }
}
