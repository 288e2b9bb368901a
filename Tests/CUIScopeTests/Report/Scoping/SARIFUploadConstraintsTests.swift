import Foundation
import Testing

@testable import CUIScope

/// `analyze` and `check` SARIF as GitHub code scanning ingests it: the OASIS schema, then each of
/// GitHub's own upload rules (``GitHubSARIFRules``), then that every location is a real line of a
/// file in the repository and every rule links its entry of docs/SCOPING.md.
@Suite("SARIF: GitHub code scanning upload constraints", .serialized)
struct SARIFUploadConstraintsTests {
    static let checkArgs = ["check", "--baseline-rules", "Fixtures/check/baseline.xml", "--rules", "Fixtures/check/proposed.xml",
                            "--inventory", "Fixtures/demo/inventory.csv", "--scope", "Fixtures/check/scope.yaml",
                            "--waivers", "Fixtures/check/waivers.yaml", "--today", "2026-11-02", "--format", "sarif"]

    /// The SARIF of the three demos and of the demo change check.
    static let runs: [(name: String, args: [String])] = [
        ("analyze demo", ["analyze", "--format", "sarif"] + CLIRunner.demoArgs),
        ("analyze panos-demo", ["analyze", "--format", "sarif", "--inventory", "Fixtures/panos-demo/inventory.csv",
                                "--rules", "Fixtures/panos-demo/firewall.xml"]),
        ("analyze opnsense-demo", ["analyze", "--format", "sarif", "--inventory", "Fixtures/opnsense-demo/inventory.csv",
                                   "--rules", "Fixtures/opnsense-demo/config.xml"]),
        ("check demo", checkArgs),
    ]

    static func sarif(_ args: [String]) throws -> (text: String, doc: [String: Any]) {
        let r = try CLIRunner.run(args)
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (r.stdout, doc)
    }

    static func run(_ doc: [String: Any]) throws -> [String: Any] { try #require((doc["runs"] as? [[String: Any]])?.first) }

    @Test("the OASIS schema and every GitHub upload rule accept it", arguments: runs.map(\.name))
    func accepted(name: String) throws {
        let args = try #require(Self.runs.first { $0.name == name }).args
        let (text, doc) = try Self.sarif(args)
        let schema = try ExternalValidators.sarifErrors(text)
        #expect(schema == nil, "\(schema ?? "")")
        let violations = try GitHubSARIFRules.violations(text)
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
        #expect(!((try Self.run(doc))["results"] as? [Any] ?? []).isEmpty, "a demo without results proves nothing")
    }

    @Test("every location is a line that exists in a file of the repository", arguments: runs.map(\.name))
    func locationsAreRealLines(name: String) throws {
        let args = try #require(Self.runs.first { $0.name == name }).args
        let results = try #require((try Self.run(try Self.sarif(args).doc))["results"] as? [[String: Any]])
        for r in results {
            let locations = (r["locations"] as? [[String: Any]] ?? []) + (r["relatedLocations"] as? [[String: Any]] ?? [])
            #expect((r["locations"] as? [Any])?.count == 1, "one location per result")
            for l in locations {
                let physical = try #require(l["physicalLocation"] as? [String: Any])
                let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
                let line = try #require((physical["region"] as? [String: Any])?["startLine"] as? Int)
                let path = TestPaths.repoRoot.appendingPathComponent(uri.removingPercentEncoding ?? uri).path
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(line <= text.split(separator: "\n", omittingEmptySubsequences: false).count, "\(uri):\(line)")
            }
        }
    }

    @Test("a shared-segment SCOPE-PATH-01 points at the asset's inventory row (it has no rule)")
    func segmentFindingPointsAtInventoryRow() throws {
        let results = try #require((try Self.run(try Self.sarif(Self.runs[0].args).doc))["results"] as? [[String: Any]])
        let confPC = try #require(results.first {
            $0["ruleId"] as? String == "SCOPE-PATH-01" && (($0["properties"] as? [String: Any])?["assets"] as? [String]) == ["conf-pc01"]
        })
        let physical = try #require((confPC["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "Fixtures/demo/inventory.csv")
        let csv = try String(contentsOfFile: TestPaths.demo("demo/inventory.csv"), encoding: .utf8).split(separator: "\n")
        let line = try #require((physical["region"] as? [String: Any])?["startLine"] as? Int)
        #expect(csv[line - 1].hasPrefix("conf-pc01,"))
    }

    @Test("rules: the whole catalogue, PascalCase names, help without doubled periods or section numbers, helpUri to the catalogue entry")
    func rules() throws {
        let rules = try #require(((try Self.run(try Self.sarif(Self.runs[0].args).doc))["tool"] as? [String: Any])
            .flatMap { ($0["driver"] as? [String: Any])?["rules"] as? [[String: Any]] })
        #expect(rules.compactMap { $0["id"] as? String } == FindingID.allCases.map(\.rawValue))
        let anchors = DocReferencesTests.anchors(DocReferencesTests.headings("docs/SCOPING.md"))
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let name = try #require(rule["name"] as? String)
            #expect(name.wholeMatch(of: /[A-Z][A-Za-z0-9]*/) != nil, "\(id): \(name)")
            let help = try #require((rule["help"] as? [String: Any])?["text"] as? String)
            let full = try #require((rule["fullDescription"] as? [String: Any])?["text"] as? String)
            for text in [help, full] {
                // A doubled period, not a quoted ellipsis ("... NOT MET").
                #expect(!text.replacingOccurrences(of: "...", with: "").contains(".."), "\(id): doubled period in \(text)")
                #expect(!text.contains("SCOPING.md §") && !text.contains("§8"), "\(id): \(text)")
            }
            #expect(help.contains("Remediation: ") && help.contains("Basis: "), "\(id)")
            let uri = try #require(rule["helpUri"] as? String)
            #expect(uri == "\(ToolInfo.repositoryURL)/blob/main/docs/SCOPING.md#\(id.lowercased())")
            #expect(anchors.contains(id.lowercased()), "docs/SCOPING.md has no heading for \(id)")
        }
        let path = try #require(rules.first { $0["id"] as? String == "SCOPE-PATH-01" })
        #expect(((path["help"] as? [String: Any])?["text"] as? String)?.contains("32 CFR 170.19(c)(1)") == true)
        #expect(path["name"] as? String == "EnterpriseAssetPulledIntoScope")
    }

    @Test("partialFingerprints are stable across runs and match the JSON report's fingerprints")
    func fingerprints() throws {
        let a = try Self.sarif(Self.runs[0].args).text
        #expect(a == (try Self.sarif(Self.runs[0].args).text))
        let results = try #require((try Self.run(try Self.sarif(Self.runs[0].args).doc))["results"] as? [[String: Any]])
        let json = try CLIRunner.run(["analyze", "--format", "json"] + CLIRunner.demoArgs).stdout
        let findings = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        let expected = findings.compactMap { ($0["fingerprint"] as? String).map(StableHash.hex) }
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["cuiscopeFinding/v1"] }
        #expect(prints == expected)
        let lineHashes = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] }
        #expect(lineHashes == expected.map { "\($0):1" })
    }

    @Test("more findings than GitHub takes: capped at 25,000 results, still accepted")
    func resultLimit() throws {
        let kind = FindingCatalog.permissiveRule
        let findings = (0..<(SARIFRenderer.maxResults + 10)).map { i in
            kind.make(assets: ["a\(i)"], message: "rule \(i) is permissive",
                      evidence: [Evidence(kind: .rule, text: "rule \(i)", location: SourceLocation(file: "rules.xml", line: i + 1))])
        }
        let text = SARIFRenderer.render(findings: findings)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(((try Self.run(doc))["results"] as? [Any])?.count == SARIFRenderer.maxResults)
        #expect(try GitHubSARIFRules.violations(text).isEmpty)
    }

    @Test("the rule checker itself refuses what GitHub refuses")
    func checkerCatchesViolations() throws {
        let bad = """
            {"$schema": "x", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [
              {"id": "R1", "shortDescription": {"text": "s"}, "fullDescription": {"text": "f"}, "help": {"text": ""},
               "properties": {"security-severity": "high"}}]}},
              "results": [{"ruleId": "R1", "ruleIndex": 3, "message": {"text": "m"}},
                          {"ruleId": "R2", "message": {"text": "m"}, "partialFingerprints": {"primaryLocationLineHash": "x"},
                           "locations": [{"physicalLocation": {"artifactLocation": {"uri": "https://x/y"}, "region": {}}}]}]}]}
            """
        let v = try GitHubSARIFRules.violations(bad).joined(separator: "\n")
        for expected in ["help.text: required", "security-severity high", "ruleIndex: 3 out of range",
                         "expected at least one location", "primaryLocationLineHash: required", "R2 not in rules",
                         "is not a file path", "startLine: required"] {
            #expect(v.contains(expected), "missing: \(expected)\n\(v)")
        }
    }
}
