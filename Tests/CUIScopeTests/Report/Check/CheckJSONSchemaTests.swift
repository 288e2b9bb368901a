import Foundation
import Testing

@testable import CUIScope

/// `check --format json` follows `schemas/check.schema.json` (JSON Schema 2020-12) on every
/// check scenario, and the schema's enumerations are the code's.
@Suite("check: JSON schema")
struct CheckJSONSchemaTests {
    typealias F = CheckFixtures
    static let schema = TestPaths.repoRoot.appendingPathComponent("schemas/check.schema.json").path

    static func schemaObject() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: schema))) as? [String: Any])
    }

    @Test("every scenario validates: any-any change with waivers, a tightening, a vendor export with expired waivers, a reorder",
          arguments: [
              [F.proposed, TestPaths.demo("check/waivers.yaml"), ""], [F.fixture("proposed-tighten.xml"), "", ""],
              [F.fixture("proposed-vendor.xml"), F.fixture("waivers-vendor-expired.yaml"), ""],
              [F.fixture("proposed-reorder.xml"), "", F.fixture("baseline-reorder.xml")],
          ])
    func validates(args: [String]) throws {
        let r = try F.run(baseline: args[2].isEmpty ? F.baseline : args[2], proposed: args[0],
                          waivers: args[1].isEmpty ? nil : args[1])
        let problems = try ExternalValidators.jsonSchemaErrors(json: CheckRenderer.render(r, format: .json), schema: Self.schema)
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("the schema refuses what the contract forbids: an unknown field, a bad fingerprint")
    func refuses() throws {
        let r = try F.run(proposed: F.proposed)
        let text = CheckRenderer.render(r, format: .json)
        let extra = text.replacingOccurrences(of: "\"result\" :", with: "\"verdict\" : 1, \"result\" :")
        #expect(try ExternalValidators.jsonSchemaErrors(json: extra, schema: Self.schema) != nil)
        let fingerprint = try #require(r.findings.first?.fingerprint)
        let bad = text.replacingOccurrences(of: "\"\(fingerprint)\"", with: "\"XYZ\"")
        #expect(try ExternalValidators.jsonSchemaErrors(json: bad, schema: Self.schema) != nil)
    }

    @Test("the schema's enumerations are the code's: evidence kinds, rule change kinds, coverage, categories, severities")
    func enumerationsMatchTheCode() throws {
        let s = try Self.schemaObject()
        let defs = try #require(s["$defs"] as? [String: Any])
        func enumeration(_ object: Any?, _ path: [String]) -> [String]? {
            var o = object
            for key in path { o = (o as? [String: Any])?[key] }
            return (o as? [String: Any])?["enum"] as? [String]
        }
        #expect(enumeration(defs, ["evidence", "properties", "kind"]) == Evidence.Kind.allCases.map(\.rawValue))
        #expect(enumeration(defs, ["category"]) == Category.allCases.map(\.rawValue))
        #expect(enumeration(defs, ["finding", "properties", "severity"]) == Severity.allCases.map(\.rawValue))
        let properties = try #require(s["properties"] as? [String: Any])
        #expect(enumeration(properties, ["rule_changes", "items", "properties", "kind"]) == RuleChange.Kind.allCases.map(\.rawValue))
        #expect(enumeration(properties, ["shadowed_or_redundant", "items", "properties", "status"])
            == RuleCoverage.Status.allCases.map(\.rawValue))
    }
}
