import Foundation
import Testing

@testable import CUIScope

/// The command-line contract (docs/ARCHITECTURE.md, Command-line contract), checked on the built executable.
@Suite(.serialized) struct AnalyzeCommandTests {
    @Test func demoAnalysisPrintsEveryCategoryWithEvidence() throws {
        let r = try CLIRunner.run(["analyze"] + CLIRunner.demoArgs)
        #expect(r.status == 0, "\(r.stderr)")
        for title in ["CUI Assets (cui)", "Security Protection Assets (security-protection)",
                      "Contractor Risk Managed Assets (contractor-risk-managed)", "Specialized Assets (specialized)",
                      "Out-of-Scope Assets (out-of-scope)"] {
            #expect(r.stdout.contains(title))
        }
        #expect(r.stdout.contains("Fixtures/demo/firewall.xml:68: fw-core: rule 'helpdesk-smb-temp' allows corp → enclave"))
        #expect(r.stdout.contains("[HIGH] SCOPE-PATH-01"))
    }

    @Test func jsonReportValidatesAgainstTheSchema() throws {
        let r = try CLIRunner.run(["analyze", "--format", "json"] + CLIRunner.demoArgs)
        #expect(r.status == 0)
        let schema = TestPaths.repoRoot.appendingPathComponent("schemas/report.schema.json").path
        let problems = try ExternalValidators.jsonSchemaErrors(json: r.stdout, schema: schema)
        #expect(problems == nil, "\(problems ?? "")")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let assets = try #require(doc["assets"] as? [[String: Any]])
        let lt07 = try #require(assets.first { $0["id"] as? String == "corp-lt-07" })
        #expect(lt07["category"] as? String == "cui")
        #expect(lt07["declared_category"] as? String == "out-of-scope")
    }

    @Test(arguments: OutputFormat.allCases.map(\.rawValue))
    func outputIsByteIdenticalAcrossRuns(format: String) throws {
        let a = try CLIRunner.run(["analyze", "--format", format] + CLIRunner.demoArgs)
        let b = try CLIRunner.run(["analyze", "--format", format] + CLIRunner.demoArgs)
        #expect(a.status == 0)
        #expect(!a.stdout.isEmpty)
        #expect(a.stdout == b.stdout)
    }

    @Test func sarifOutputValidatesAgainstTheOfficialSchema() throws {
        let r = try CLIRunner.run(["analyze", "--format", "sarif"] + CLIRunner.demoArgs)
        let schema = TestPaths.fixture("standards/sarif-schema-2.1.0.json")
        let problems = try ExternalValidators.jsonSchemaErrors(json: r.stdout, schema: schema)
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test func failOnTurnsFindingsIntoExitOne() throws {
        #expect(try CLIRunner.run(["analyze", "--fail-on", "high"] + CLIRunner.demoArgs).status == 1)
        let ok = try CLIRunner.run(["analyze", "--fail-on", "critical", "--inventory", "Fixtures/demo/inventory.csv"])
        // Without Marketplace data, stated statuses decide and nothing stated is a review, never a
        // critical finding from missing evidence (docs/DECISIONS.md 76).
        #expect(ok.status == 0)
    }

    @Test func badInputNamesFileLineAndColumnAndExitsTwo() throws {
        let csv = TestPaths.temporaryFile("id,addresses,cui\nfs01,10.50.1.10,yes\nfs01,10.50.1.300,yes\n", name: "inv.csv")
        let r = try CLIRunner.run(["analyze", "--inventory", csv])
        #expect(r.status == 2)
        #expect(r.stderr.contains("inv.csv:3:6: error:"))
        #expect(r.stderr.contains("duplicate"))
        #expect(r.stdout.isEmpty)
    }

    @Test func truncatedXMLExitsTwoWithALocation() throws {
        let xml = TestPaths.temporaryFile("<cuiscope-rules version=\"1\">\n  <enforcement-point name=\"fw\">\n    <rule name=\"a\" action=\"allow\">\n", name: "cut.xml")
        let r = try CLIRunner.run(["analyze", "--inventory", "Fixtures/demo/inventory.csv", "--rules", xml])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cut.xml:"))
        #expect(r.stderr.contains("error:"))
    }

    @Test func missingRequiredColumnAndUsageErrorsExitTwo() throws {
        let csv = TestPaths.temporaryFile("addresses,kind\n10.1.1.1,server\n", name: "noid.csv")
        let r = try CLIRunner.run(["analyze", "--inventory", csv])
        #expect(r.status == 2)
        #expect(r.stderr.contains("noid.csv:1:"))
        #expect(try CLIRunner.run(["analyze"]).status == 2)
        #expect(try CLIRunner.run(["analyze", "--inventory", "x.csv", "--level", "7"]).status == 2)
        #expect(try CLIRunner.run(["analyze", "--inventory", "/nonexistent.csv"]).status == 2)
    }

    @Test func reachPrintsTheContractJSON() throws {
        let r = try CLIRunner.run(["reach", "--rules", "Fixtures/demo/firewall.xml", "--scope", "Fixtures/demo/scope.yaml",
                                   "--from", "10.20.10.57", "--to", "10.50.1.10", "--proto", "tcp", "--port", "445",
                                   "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["decision"] as? String == "allow")
        #expect(doc["rule"] as? String == "helpdesk-smb-temp")
        #expect(doc["enforcement_point"] as? String == "fw-core")
        #expect(doc["default"] as? Bool == false)
        #expect(doc["file"] as? String == "Fixtures/demo/firewall.xml")
        #expect(doc["line"] as? Int == 68)
        #expect((doc["path"] as? [Any])?.count == 1)
        let denied = try CLIRunner.run(["reach", "--rules", "Fixtures/demo/firewall.xml", "--from", "10.20.10.51",
                                        "--to", "10.50.1.10", "--proto", "tcp", "--port", "445", "--format", "json"])
        let d = try #require(try JSONSerialization.jsonObject(with: Data(denied.stdout.utf8)) as? [String: Any])
        #expect(d["decision"] as? String == "deny")
        #expect(d["rule"] as? String == "corp-deny-enclave")
        let byDefault = try CLIRunner.run(["reach", "--rules", "Fixtures/demo/firewall.xml", "--from", "10.99.0.50",
                                           "--to", "172.16.1.10", "--proto", "tcp", "--port", "80", "--format", "json"])
        let bd = try #require(try JSONSerialization.jsonObject(with: Data(byDefault.stdout.utf8)) as? [String: Any])
        #expect(bd["decision"] as? String == "deny")
        #expect(bd["rule"] is NSNull)
        #expect(bd["default"] as? Bool == true)
    }

    @Test func explainShowsTheReasonAndEvidence() throws {
        let r = try CLIRunner.run(["explain", "corp-lt-03"] + CLIRunner.demoArgs)
        #expect(r.status == 0)
        #expect(r.stdout.contains("category: cui"))
        #expect(r.stdout.contains("Fixtures/demo/flows.xml:4: observed tcp/445 10.20.10.53 → 10.50.1.10"))
        #expect(try CLIRunner.run(["explain", "no-such-asset"] + CLIRunner.demoArgs).status == 2)
    }

    @Test func validateReportsEveryProblemAndExitsTwo() throws {
        let clean = try CLIRunner.run(["validate", "Fixtures/demo/inventory.csv", "Fixtures/demo/firewall.xml",
                                       "Fixtures/demo/flows.xml", "Fixtures/demo/scope.yaml"])
        #expect(clean.status == 0, "\(clean.stderr)")
        let csv = TestPaths.temporaryFile("id,addresses,declared\na,10.0.0.1,cui\nb,10.0.0.x,cui\nc,10.0.0.3,maybe\n", name: "bad.csv")
        let bad = try CLIRunner.run(["validate", csv])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.csv:3:"))
        #expect(bad.stderr.contains("bad.csv:4:"))
    }

    @Test func panosExportAnalysisCitesPANOSRuleNamesAndLines() throws {
        let r = try CLIRunner.run(["analyze", "--inventory", "Fixtures/panos-demo/inventory.csv",
                                   "--rules", "Fixtures/panos-demo/firewall.xml", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        let ruleEvidence = findings.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }
            .filter { $0["kind"] as? String == "rule" }
        #expect(!ruleEvidence.isEmpty)
        #expect(ruleEvidence.allSatisfy { ($0["file"] as? String) == "Fixtures/panos-demo/firewall.xml" && ($0["line"] as? Int ?? 0) > 0 })
    }
}
