import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import CUIScope

/// `check` output: SARIF valid against the vendored OASIS schema, JUnit well-formed and counted.
@Suite("check: SARIF, JUnit and JSON output")
struct CheckOutputTests {
    typealias F = CheckFixtures

    /// Validates SARIF against the OASIS 2.1.0 schema.
    static func validateSARIF(_ json: String) throws -> (status: Int32, output: String) {
        let problems = try ExternalValidators.sarifErrors(json)
        return (problems == nil ? 0 : 1, problems ?? "")
    }

    @Test("SARIF validates against the SARIF 2.1.0 schema; one result per new finding; waived ones suppressed")
    func sarif() throws {
        for (proposed, waivers) in [(F.proposed, Optional(TestPaths.demo("check/waivers.yaml"))),
                                    (F.fixture("proposed-vendor.xml"), F.fixture("waivers-vendor.yaml"))] {
            let r = try F.run(proposed: proposed, waivers: waivers)
            let text = CheckRenderer.render(r, format: .sarif)
            let v = try Self.validateSARIF(text)
            #expect(v.status == 0, "\(v.output)")
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let run = try #require((doc["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            let newFindings = r.findings.filter { $0.status == .new }
            #expect(results.count == newFindings.count)
            let suppressed = results.filter { $0["suppressions"] != nil }
            #expect(suppressed.count == newFindings.filter { $0.waiver != nil }.count)
            let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["cuiscopeFinding/v1"] }
            #expect(prints == newFindings.map(\.fingerprint))
            #expect(Set(prints).count == prints.count)
            // Deterministic: the same inputs give byte-identical output.
            #expect(CheckRenderer.render(try F.run(proposed: proposed, waivers: waivers), format: .sarif) == text)
        }
        // The any-any CHG-25 result points at the rule in the proposed export.
        let r = try F.run(proposed: F.proposed)
        let text = CheckRenderer.render(r, format: .sarif)
        #expect(text.contains("\"ruleId\" : \"CHG-25\""))
        #expect(text.contains("Fixtures/check/proposed.xml"))
    }

    @Test("fingerprints survive line shifts in the proposed export")
    func fingerprintsStable() throws {
        let original = try String(contentsOfFile: F.proposed, encoding: .utf8)
        let shifted = TestPaths.temporaryFile(original.replacingOccurrences(
            of: "<cuiscope-rules version=\"1\">", with: "<cuiscope-rules version=\"1\">\n\n\n"), name: "proposed.xml")
        let a = try F.run(proposed: F.proposed)
        let b = try F.run(proposed: shifted)
        let chgA = try #require(a.findings.first { $0.finding.id == "CHG-25" })
        let chgB = try #require(b.findings.first { $0.finding.id == "CHG-25" })
        #expect(chgA.finding.primaryLocation?.line == 99 && chgB.finding.primaryLocation?.line == 102)
        #expect(chgA.fingerprint == chgB.fingerprint)
        #expect(Set(a.findings.map(\.fingerprint)) == Set(b.findings.map(\.fingerprint)))
    }

    /// Counts testcase and failure elements and reads the suite's declared counts.
    final class JUnitCounter: NSObject, XMLParserDelegate {
        var testcases = 0
        var failures = 0
        var declared: (tests: Int, failures: Int)?
        var failingNames: [String] = []
        private var current = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:])
        {
            switch name {
            case "testsuite":
                declared = (Int(attributes["tests"] ?? "") ?? -1, Int(attributes["failures"] ?? "") ?? -1)
            case "testcase":
                testcases += 1
                current = attributes["name"] ?? ""
            case "failure":
                failures += 1
                failingNames.append(current)
            default: break
            }
        }
    }

    @Test("JUnit XML is well-formed and counted correctly", arguments: [
        [F.proposed, ""], [F.fixture("proposed-tighten.xml"), ""],
        [F.fixture("proposed-vendor.xml"), F.fixture("waivers-vendor-expired.yaml")],
    ])
    func junit(args: [String]) throws {
        let r = try F.run(proposed: args[0], waivers: args[1].isEmpty ? nil : args[1])
        let xml = CheckRenderer.render(r, format: .junit)
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = JUnitCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.testcases == FindingCatalog.all.count + 1)
        let failingIDs = Set(r.failing.map(\.finding.id))
        let expiredCase = r.waivers.contains { $0.expired && !$0.matched.isEmpty } ? 1 : 0
        #expect(counter.failures == failingIDs.count + expiredCase)
        #expect(counter.declared?.tests == counter.testcases && counter.declared?.failures == counter.failures)
        #expect(Set(counter.failingNames.compactMap { $0.split(separator: " ").first.map(String.init) })
            .subtracting(["waivers"]) == failingIDs)
    }

    @Test("JSON: verdict, summary and asset paths")
    func json() throws {
        let r = try F.run(proposed: F.proposed, waivers: TestPaths.demo("check/waivers.yaml"))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(CheckRenderer.render(r, format: .json).utf8)) as? [String: Any])
        #expect(doc["result"] as? String == "fail")
        let summary = try #require(doc["summary"] as? [String: Int])
        #expect(summary["failing"] == r.failing.count && summary["waived"] == 2)
        let pairs = try #require(doc["asset_paths"] as? [[String: Any]])
        #expect(pairs.contains { $0["from"] as? String == "corp-lt-01" && $0["to"] as? String == "fs01" && $0["opened"] as? String == "any" })
        #expect(doc["asset_paths_omitted"] as? Int == 0)
    }
}
