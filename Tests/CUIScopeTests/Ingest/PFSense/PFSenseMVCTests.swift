import Testing

@testable import CUIScope

@Suite("OPNsense MVC rules (hand-written fixture)")
struct PFSenseMVCTests {
    let ep: EnforcementPoint
    let ruleSet: RuleSet

    init() throws {
        ruleSet = try loadPFSense(TestPaths.fixture("pfsense/opnsense-mvc.xml"))
        ep = try #require(ruleSet.enforcementPoints.first)
    }

    private func verdict(_ src: String, _ dst: String, _ proto: UInt8, _ port: UInt16 = 0) -> String {
        PFFirstMatchOracle.evaluate(ep, from: src, to: dst, proto: proto, port: port)?.description ?? "bad address"
    }

    @Test func sequenceOrdersMVCRulesNotDocumentOrder() {
        let mvcNames = ep.rules.map(\.name).filter { $0.hasPrefix("M") && !$0.contains("nonquick") }
        #expect(mvcNames
            == ["M5 allow lan to cui web", "M10 block lan to cui", "M20 disabled rdp", "M30 allow lan any"])
        #expect(verdict("192.168.1.20", "10.60.1.10", IPProtocol.tcp, 443) == "allow by M5 allow lan to cui web")
        #expect(verdict("192.168.1.20", "10.60.1.10", IPProtocol.tcp, 22) == "deny by M10 block lan to cui")
        #expect(verdict("192.168.1.20", "8.8.8.8", IPProtocol.tcp, 443) == "allow by M30 allow lan any")
    }

    @Test func enabledZeroIsDisabled() throws {
        let m20 = try #require(ep.rules.first { $0.name == "M20 disabled rdp" })
        #expect(m20.disabled)
        #expect(m20.uuid == "bbbbbbbb-0000-0000-0000-000000000020")
        #expect(verdict("192.168.1.20", "10.60.1.5", IPProtocol.tcp, 3389) == "deny by M10 block lan to cui")
        #expect(ruleSet.counts["disabled"] == 1)
    }

    @Test func legacyAndMVCAreBothRead() {
        #expect(ruleSet.counts["rules"] == 6)
        #expect(ruleSet.counts["legacy_rules"] == 1)
        #expect(ruleSet.counts["mvc_rules"] == 5)
        #expect(verdict("10.60.1.5", "8.8.8.8", IPProtocol.tcp, 443) == "allow by Legacy opt1 out")
        // The quick legacy rule beats the non-quick MVC block on the same traffic.
        #expect(verdict("10.60.1.5", "8.8.8.8", IPProtocol.udp, 123) == "allow by Legacy opt1 out")
        // Where no quick rule matches, the non-quick block decides over the default.
        #expect(ep.rules.last?.name == "M40 nonquick block ntp")
        #expect(ep.rules.last?.from == .zones(["lan", "opt1"]))
    }

    @Test func noAntiLockoutWhenSwitchedOffAndDynamicWan() throws {
        #expect(!ep.rules.contains { $0.name == "Anti-Lockout Rule" })
        let wan = try #require(ep.zones.first { $0.name == "wan" })
        #expect(wan.subnets.isEmpty)
        #expect(ep.vendor == "opnsense")
        #expect(ep.name == "edge.shop.test")
    }
}
