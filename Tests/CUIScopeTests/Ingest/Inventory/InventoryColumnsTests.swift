import Foundation
import Testing

@testable import CUIScope

/// No inventory column, row or field is dropped without a message naming it
/// (docs/DECISIONS.md 113 and 114).
@Suite("Inventory columns and fields")
struct InventoryColumnsTests {
    private func csv(_ text: String, mappings: [String: String] = [:], lenient: Bool = false) throws(InputError)
        -> Inventory
    {
        try InventoryReader.read(data: Data(text.utf8), displayName: "inv.csv", format: .csv, mappings: mappings,
                                 lenient: lenient)
    }

    @Test("columns that feed no field are listed in one warning naming each of them")
    func ignoredColumnsWarned() throws {
        let inv = try csv("Hostname,IP Address,Owner,Notes,cui\nh1,10.0.0.1,alice,spare,yes\n")
        #expect(inv.columns.ignored == ["Owner", "Notes"])
        let warnings = inv.warnings.filter { $0.message.contains("not used") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.location == SourceLocation(file: "inv.csv", line: 1, column: 1))
        #expect(warnings.first?.message.contains("'Owner', 'Notes'") == true)
    }

    @Test("a column mapped to ignore is not reported; a mapped column is read")
    func mappedColumnsNotWarned() throws {
        let inv = try csv("Hostname,IP Address,Owner,Notes,cui\nh1,10.0.0.1,alice,spare,yes\n",
                          mappings: ["Owner": "ignore", "Notes": "justification"])
        #expect(inv.columns.ignored.isEmpty)
        #expect(!inv.warnings.contains { $0.message.contains("not used") })
        #expect(inv.assets.first?.justification == "spare")
    }

    @Test("no cui column: a warning on the file and INPUT-35 in the analysis")
    func noCUIColumn() throws {
        let inv = try csv("Hostname,IP Address\nh1,10.0.0.1\n")
        #expect(!inv.columns.statesCUI)
        #expect(inv.warnings.contains { $0.message.hasPrefix("no cui column") && $0.location.line == 1 })
        let result = Analyzer.run(AnalysisInput(inventories: [inv]))
        let finding = try #require(result.findings.first { $0.id == FindingCatalog.noCUIStated.id.rawValue })
        #expect(finding.review)
        #expect(finding.evidence.first?.file == "inv.csv" && finding.evidence.first?.line == 1)
        #expect(result.inputs.first?.warnings.contains { $0.message.hasPrefix("no cui column") } == true)
    }

    @Test("a cui column with no value set is a statement: no INPUT-35")
    func emptyCUIColumnStates() throws {
        let inv = try csv("Hostname,IP Address,cui\nh1,10.0.0.1,\n")
        #expect(inv.columns.statesCUI)
        #expect(!inv.warnings.contains { $0.message.hasPrefix("no cui column") })
        let result = Analyzer.run(AnalysisInput(inventories: [inv]))
        #expect(!result.findings.contains { $0.id == FindingCatalog.noCUIStated.id.rawValue })
    }

    @Test("a row with more fields than the header is an error at the first extra field")
    func extraFieldsRejected() throws {
        let text = "id,name,addresses,kind,cui\ne-01,Ok,10.10.3.71,server,none\n"
            + "e-02,Too many,10.10.3.72,server,none,unexpected,fields\n"
        do {
            _ = try csv(text)
            Issue.record("a row with extra fields was accepted")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.location == SourceLocation(file: "inv.csv", line: 3, column: 38))
            #expect(d.message.contains("7 fields but the header has 5"))
        }
        let lenient = try csv(text, lenient: true)
        #expect(lenient.assets.map(\.id) == ["e-01"])
        #expect(lenient.skipped.first?.location.line == 3)
    }

    @Test("blank trailing fields carry nothing and are read as absent")
    func blankTrailingFieldsAccepted() throws {
        let inv = try csv("id,addresses,cui\ne-01,10.0.0.1,yes,,\n")
        #expect(inv.assets.map(\.id) == ["e-01"])
    }

    @Test("JSON: keys no object reads are listed once for the file")
    func jsonIgnoredKeys() throws {
        let json = #"[{"id":"a","ip":"10.0.0.1","cui":"yes","owner":"x"},{"id":"b","ip":"10.0.0.2","rack":"r1"}]"#
        let inv = try InventoryReader.read(data: Data(json.utf8), displayName: "inv.json")
        #expect(inv.columns.ignored == ["owner", "rack"])
        #expect(inv.columns.statesCUI)
    }

    @Test("--map naming a column no inventory has is an error naming the columns there are")
    func unknownMapColumnRefused() throws {
        let path = TestPaths.temporaryFile("Hostname,IP Address,Owner,Notes\nh1,10.0.0.1,a,b\n", name: "map.csv")
        do {
            _ = try InputLoader.load(InputPaths(inventories: [path], mappings: ["Notez": "justification"]))
            Issue.record("an unknown --map column was accepted")
        } catch {
            let d = try #require(error.diagnostics.first { $0.message.contains("Notez") })
            #expect(d.severity == .error && d.location.line == 1)
            #expect(d.message.contains("'Notes'"))
        }
    }

    @Test("--map naming a column that only one of two inventories has is accepted")
    func mapColumnInOneOfTwoFiles() throws {
        let a = TestPaths.temporaryFile("id,addresses,cui,Notes\na1,10.0.0.1,yes,x\n", name: "a.csv")
        let b = TestPaths.temporaryFile("id,addresses,cui\nb1,10.0.0.2,no\n", name: "b.csv")
        let input = try InputLoader.load(InputPaths(inventories: [a, b], mappings: ["Notes": "justification"]))
        #expect(input.assets.first { $0.id == "a1" }?.justification == "x")
    }
}
