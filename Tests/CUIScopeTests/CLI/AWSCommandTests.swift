import Foundation
import Testing

/// The AWS demo through the built executable, as the README runs it (Fixtures/aws-demo).
@Suite struct AWSCommandTests {
    static let d = "Fixtures/aws-demo/"
    static let rest = ["network-acls.json", "network-interfaces.json", "subnets.json", "route-tables.json"].map { d + $0 }
    static let baseline = [d + "security-groups.json"] + rest
    static let proposed = [d + "proposed/security-groups.json"] + rest
    static let scoped = ["--scope", d + "scope.yaml", "--inventory", d + "inventory.csv"]

    @Test func validateAcceptsEachDescribeOutput() throws {
        let r = try CLIRunner.run(["validate"] + Self.baseline + [Self.d + "scope.yaml", Self.d + "inventory.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        // Read together, the five outputs are a whole export: no "not evaluated" notes.
        #expect(!(r.stdout + r.stderr).contains("not evaluated"))
        let alone = try CLIRunner.run(["validate", Self.d + "security-groups.json"])
        #expect(alone.status == 0 && (alone.stdout + alone.stderr).contains("security groups not evaluated"))
        let bad = TestPaths.temporaryFile("{\"NetworkAcls\": [\n  {\"NetworkAclId\": \"acl-1\", \"Entries\": [{\"RuleNumber\": \"x\"}]}\n]}",
                                          name: "acls.json")
        let refused = try CLIRunner.run(["validate", bad])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("acls.json:2:56: error: RuleNumber: expected an integer, found a string"))
    }

    @Test func analyzeScopesTheEnclaveWithResourceEvidence() throws {
        let r = try CLIRunner.run(["analyze"] + Self.scoped + ["--rules"] + Self.baseline + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let assets = try #require(doc["assets"] as? [[String: Any]])
        let category = Dictionary(uniqueKeysWithValues: assets.map { ($0["id"] as! String, $0["category"] as! String) })
        #expect(category == ["app01": "cui", "cuifs01": "cui", "jump01": "security-protection", "ws01": "out-of-scope",
                             "ws02": "out-of-scope", "web01": "out-of-scope"])
        let text = try CLIRunner.run(["analyze"] + Self.scoped + ["--rules"] + Self.baseline)
        // The jump host's path cites the security group, the NACL entry and their lines.
        #expect(text.stdout.contains("rule 'sg-0e1a0a01 (enclave-app) ingress #1' allows vpc-0e1a5e01 → subnet-0e1a0101"))
        #expect(text.stdout.contains("Fixtures/aws-demo/network-acls.json:53: vpc-0e1a5e01/subnet-0e1a0101 (egress): rule 'acl-0e1a0001 inbound rule #100'"))
    }

    @Test func reachFollowsThePeeringAndNamesTheDenyingGroup() throws {
        let args = ["reach", "--rules"] + Self.baseline + ["--to", "10.20.2.10", "--proto", "tcp", "--port", "3389", "--format", "json"]
        let admin = try CLIRunner.run(args + ["--from", "10.10.1.15"])
        #expect(admin.status == 0, "\(admin.stderr)")
        let a = try #require(try JSONSerialization.jsonObject(with: Data(admin.stdout.utf8)) as? [String: Any])
        #expect(a["decision"] as? String == "allow")
        let hops = try #require(a["path"] as? [[String: Any]]).compactMap { $0["rule"] as? String }
        #expect(hops == ["sg-0c0a0101 (corp-workstations) egress #1", "acl-0c0a0000 outbound rule #100",
                         "pcx-0e1a0c0a vpc-0c0a9e01 to vpc-0e1a5e01", "sg-0e1a0b01 (enclave-jump) ingress #1",
                         "acl-0e1a0001 inbound rule #110"])
        let office = try CLIRunner.run(args + ["--from", "10.10.1.16"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(office.stdout.utf8)) as? [String: Any])
        #expect(o["decision"] as? String == "deny")
        #expect(o["rule"] as? String == "security groups of subnet-0e1a0102 ingress: implicit deny")
        // SSH from the admin workstation: its group allows only RDP; the deny names the subnet's groups.
        let ssh = try CLIRunner.run(["reach", "--rules"] + Self.baseline + ["--from", "10.10.1.15", "--to", "10.20.2.10",
                                                                            "--proto", "tcp", "--port", "22", "--format", "json"])
        let s = try #require(try JSONSerialization.jsonObject(with: Data(ssh.stdout.utf8)) as? [String: Any])
        #expect(s["decision"] as? String == "deny" && s["file"] as? String == "Fixtures/aws-demo/subnets.json")
    }

    @Test func checkFlagsTheSecurityGroupChangeIntoTheEnclave() throws {
        let r = try CLIRunner.run(["check"] + Self.scoped + ["--baseline-rules"] + Self.baseline + ["--rules"] + Self.proposed
                                  + ["--format", "json"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("\"CHG-25\""))
        #expect(r.stdout.contains("sg-0e1a0f01 (cui-fileshare) ingress #2"))
        let unchanged = try CLIRunner.run(["check"] + Self.scoped + ["--baseline-rules"] + Self.baseline + ["--rules"] + Self.baseline)
        #expect(unchanged.status == 0, "\(unchanged.stdout)")
    }
}
