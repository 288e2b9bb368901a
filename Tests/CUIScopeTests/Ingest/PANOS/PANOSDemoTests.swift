import Testing

@testable import CUIScope

/// The documented demo export (`Fixtures/panos-demo/firewall.xml`) reads cleanly and says what
/// the README claims: corp reaches the enclave only on tcp/443 to the VDI gateway.
@Suite("PAN-OS demo export")
struct PANOSDemoTests {
    static func load() throws -> RuleSet {
        let root = try XMLReader.document(TestPaths.demo("panos-demo/firewall.xml"), displayName: "firewall.xml",
                                          skip: PANOSConfigParser.skippedElements)
        return try PANOSConfigParser.parse(root, file: "firewall.xml")
    }

    @Test func readsCleanlyWithTheExpectedCounts() throws {
        let set = try Self.load()
        #expect(set.diagnostics.isEmpty)
        #expect(set.counts["rules"] == 15)
        #expect(set.counts["disabled"] == 1)
        #expect(set.counts["negated"] == 2)
        #expect(set.counts["fqdn_objects"] == 1)
        #expect(set.counts["unresolved_references"] == 1)
        let ep = try #require(set.enforcementPoints.first)
        #expect(ep.name == "exm-pa440/vsys1")
        #expect(ep.zones.map(\.name) == ["enclave", "corp", "dmz", "guest", "mgmt"])
        #expect(ep.zones[1].subnets.map(\.text) == ["10.20.10.0/24", "10.20.20.0/24"])
        #expect(ep.ruleOnlyZones.isEmpty)
    }

    @Test func corpReachesTheEnclaveOnlyThroughTheVDIGateway() throws {
        let oracle = FirstMatchOracle(point: try #require(try Self.load().enforcementPoints.first))
        #expect(oracle.decide(from: "corp", to: "enclave", src: "10.20.10.101", dst: "10.50.1.10", port: 443)
            == .init(action: .allow, rule: "corp-to-vdi-gateway"))
        #expect(oracle.decide(from: "corp", to: "enclave", src: "10.20.10.101", dst: "10.50.1.20", port: 445)
            == .init(action: .deny, rule: "interzone-cleanup"))
        #expect(oracle.decide(from: "corp", to: "enclave", src: "10.20.10.101", dst: "10.50.1.10", port: 3389)
            == .init(action: .deny, rule: "interzone-cleanup"))
        // The too-broad admin rule opens every enclave port from mgmt.
        #expect(oracle.decide(from: "mgmt", to: "enclave", src: "10.99.0.50", dst: "10.50.1.20", port: 445)
            == .init(action: .allow, rule: "mgmt-admin-any"))
    }
}
