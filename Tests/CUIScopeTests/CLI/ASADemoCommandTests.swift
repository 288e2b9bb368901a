import Foundation
import Testing

/// The Cisco ASA demo (`Fixtures/asa-demo`, README) through the built executable: every
/// command a user runs on an ASA export works and cites the configuration's lines.
@Suite struct ASADemoCommandTests {
    static let demo = "Fixtures/asa-demo"
    static let inputs = ["--inventory", "\(Self.demo)/inventory.csv", "--scope", "\(Self.demo)/scope.yaml"]

    @Test func validateAcceptsBothConfigurations() throws {
        let r = try CLIRunner.run(["validate", "\(Self.demo)/asa.conf", "\(Self.demo)/asa-proposed.conf", "\(Self.demo)/inventory.csv",
                                   "\(Self.demo)/scope.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func analyzeCitesACEsAndImplicitRulesByLine() throws {
        let r = try CLIRunner.run(["analyze", "--rules", "\(Self.demo)/asa.conf", "--format", "json"] + Self.inputs)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        let ids = Set(findings.compactMap { $0["id"] as? String })
        #expect(ids.isSuperset(of: ["POLICY-24", "SCOPE-PATH-01", "SCOPE-RULE-05", "INPUT-20"]))
        let evidence = findings.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }.filter { $0["kind"] as? String == "rule" }
        #expect(!evidence.isEmpty)
        #expect(evidence.allSatisfy { ($0["file"] as? String) == "\(Self.demo)/asa.conf" && ($0["line"] as? Int ?? 0) > 0 })
        // The enclave's security-level permit (no inbound ACL) is what pulls the DMZ web server in.
        #expect(r.stdout.contains("implicit permit: enclave (security-level 90) to lower security levels"))
    }

    @Test func reachNamesTheDecidingACE() throws {
        let deny = try CLIRunner.run(["reach", "--rules", "\(Self.demo)/asa.conf", "--inventory", "\(Self.demo)/inventory.csv",
                                      "--from", "pc01", "--to", "cui01", "--proto", "tcp", "--port", "445", "--format", "json"])
        #expect(deny.status == 0, "\(deny.stderr)")
        let d = try #require(try JSONSerialization.jsonObject(with: Data(deny.stdout.utf8)) as? [String: Any])
        #expect(d["decision"] as? String == "deny" && d["rule"] as? String == "inside_in line 3" && d["line"] as? Int == 79)
        let ssh = try CLIRunner.run(["reach", "--rules", "\(Self.demo)/asa.conf", "--from", "10.60.0.10", "--to", "10.60.0.1",
                                     "--proto", "tcp", "--port", "22"])
        #expect(ssh.stdout.hasPrefix("ALLOW — rule 'ssh 10.60.0.10 mgmt'"), "\(ssh.stdout)")
    }

    @Test func checkFailsOnTheInsertedACEAndReportsItAsAdded() throws {
        let r = try CLIRunner.run(["check", "--baseline-rules", "\(Self.demo)/asa.conf", "--rules", "\(Self.demo)/asa-proposed.conf"]
                                  + Self.inputs)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("CHG-25") && r.stdout.contains("\(Self.demo)/asa-proposed.conf:80"))
        #expect(r.stdout.contains("added asa-edge 'inside_in line 4'"))
        #expect(!r.stdout.contains("modified asa-edge 'inside_in line 4'"))
    }
}
