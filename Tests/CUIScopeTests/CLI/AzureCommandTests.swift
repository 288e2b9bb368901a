import Foundation
import Testing

/// The Azure demo through the built executable, as the README runs it (Fixtures/azure-demo).
@Suite struct AzureCommandTests {
    static let d = "Fixtures/azure-demo/"
    static let baseline = ["nsgs.json", "vnets.json", "nics.json"].map { d + $0 }
    static let proposed = [d + "proposed/nsgs.json", d + "vnets.json", d + "nics.json"]
    static let scoped = ["--scope", d + "scope.yaml", "--inventory", d + "inventory.csv"]

    @Test func validateAnalyzeAndReach() throws {
        let v = try CLIRunner.run(["validate"] + Self.baseline + [Self.d + "scope.yaml", Self.d + "inventory.csv"])
        #expect(v.status == 0, "\(v.stderr)")
        let r = try CLIRunner.run(["analyze"] + Self.scoped + ["--rules"] + Self.baseline + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let assets = try #require(doc["assets"] as? [[String: Any]])
        let category = Dictionary(uniqueKeysWithValues: assets.map { ($0["id"] as! String, $0["category"] as! String) })
        #expect(category == ["cuifs01": "cui", "app01": "cui", "jump01": "security-protection", "ws01": "out-of-scope",
                             "ws02": "out-of-scope"])
        let reach = try CLIRunner.run(["reach", "--rules"] + Self.baseline + ["--from", "10.60.2.5", "--to", "10.60.3.4",
                                                                             "--proto", "tcp", "--port", "3389", "--format", "json"])
        let j = try #require(try JSONSerialization.jsonObject(with: Data(reach.stdout.utf8)) as? [String: Any])
        #expect(j["decision"] as? String == "deny" && j["rule"] as? String == "nsg-jump-nic/deny-vnet-rdp (200)")
        #expect(j["file"] as? String == "Fixtures/azure-demo/nsgs.json")
    }

    @Test func checkFlagsTheNSGChangeIntoTheEnclave() throws {
        let r = try CLIRunner.run(["check"] + Self.scoped + ["--baseline-rules"] + Self.baseline + ["--rules"] + Self.proposed
                                  + ["--format", "json"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("\"CHG-25\"") && r.stdout.contains("nsg-enclave/allow-smb-corp (200)"))
    }
}
