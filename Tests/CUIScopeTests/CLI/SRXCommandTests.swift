import Foundation
import Testing

/// The Juniper SRX demo through the built binary: both export forms, every command that reads rules.
@Suite("srx: command line")
struct SRXCommandTests {
    static let inputs = ["--inventory", "Fixtures/srx-demo/inventory.csv", "--scope", "Fixtures/srx-demo/scope.yaml"]

    @Test(arguments: ["srx.set", "srx.xml"])
    func validateAndAnalyzeCiteTheSRXPolicy(file: String) throws {
        let path = "Fixtures/srx-demo/\(file)"
        let valid = try CLIRunner.run(["validate", path])
        #expect(valid.status == 0, "\(valid.stderr)")
        let r = try CLIRunner.run(["analyze", "--rules", path, "--format", "json"] + Self.inputs)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        let ruleEvidence = findings.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }
            .filter { $0["kind"] as? String == "rule" }
        #expect(ruleEvidence.contains { $0["rule"] as? String == "corp-web-out" })
        #expect(ruleEvidence.allSatisfy { $0["file"] as? String == path && ($0["line"] as? Int ?? 0) > 0 })
        let ids = Set(findings.compactMap { $0["id"] as? String })
        #expect(ids.contains("SCOPE-PATH-01"))
        let assets = try #require(doc["assets"] as? [[String: Any]])
        #expect(assets.first { $0["id"] as? String == "web01" }?["category"] as? String == "out-of-scope")
        #expect(assets.first { $0["id"] as? String == "office-pc" }?["category"] as? String == "cui")
    }

    @Test(arguments: ["srx.set", "srx.xml"])
    func reachNamesTheFirstMatchingPolicy(file: String) throws {
        let path = "Fixtures/srx-demo/\(file)"
        let r = try CLIRunner.run(["reach", "--rules", path, "--from", "10.10.0.42", "--to", "10.50.0.10",
                                   "--proto", "tcp", "--port", "3389", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["decision"] as? String == "deny" && doc["rule"] as? String == "no-helpdesk-rdp")
        #expect(doc["enforcement_point"] as? String == "srx-edge" && doc["file"] as? String == path)
        let byDefault = try CLIRunner.run(["reach", "--rules", path, "--from", "198.51.100.7", "--to", "10.50.0.10",
                                           "--proto", "tcp", "--port", "443", "--format", "json"])
        let d = try #require(try JSONSerialization.jsonObject(with: Data(byDefault.stdout.utf8)) as? [String: Any])
        #expect(d["decision"] as? String == "deny" && d["default"] as? Bool == true, "\(byDefault.stdout)")
    }

    @Test(arguments: ["srx.set", "srx.xml"])
    func checkFailsWhenTheProposedExportActivatesAPolicyIntoTheEnclave(baseline: String) throws {
        let r = try CLIRunner.run(["check", "--baseline-rules", "Fixtures/srx-demo/\(baseline)",
                                   "--rules", "Fixtures/srx-demo/proposed.set"] + Self.inputs)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("CHG-25") && r.stdout.contains("rule 'sync-temp' (Fixtures/srx-demo/proposed.set:53)"))
        let same = try CLIRunner.run(["check", "--baseline-rules", "Fixtures/srx-demo/srx.set",
                                      "--rules", "Fixtures/srx-demo/srx.xml"] + Self.inputs)
        #expect(same.status == 0, "\(same.stdout)")
    }

    @Test func badInputExitsTwoWithLineAndColumn() throws {
        let path = TestPaths.temporaryFile("set version 21.4\nset security zones security-zone a description \"open\n",
                                           name: "bad.set")
        let r = try CLIRunner.run(["validate", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.set:2:48: error: unterminated quote"))
        let forced = try CLIRunner.run(["analyze", "--rules", "Fixtures/srx-demo/srx.set", "--rules-format", "junos"]
                                       + Self.inputs)
        #expect(forced.status == 0, "\(forced.stderr)")
    }
}
