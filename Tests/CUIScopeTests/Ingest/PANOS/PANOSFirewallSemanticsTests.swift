import Foundation
import Testing

@testable import CUIScope

/// First-match semantics of a hand-written firewall config (`Fixtures/panos/semantics-firewall.xml`),
/// checked on the produced rules directly and through ``FirstMatchOracle``.
@Suite("PAN-OS firewall semantics")
struct PANOSFirewallSemanticsTests {
    static let file = "panos/semantics-firewall.xml"

    static func load(hosts: [String: [IPAddress]] = [:]) throws -> RuleSet {
        let root = try XMLReader.document(TestPaths.fixture(file), displayName: file,
                                          skip: PANOSConfigParser.skippedElements)
        return try PANOSConfigParser.parse(root, file: file, hosts: hosts)
    }

    static func point() throws -> EnforcementPoint {
        try #require(try load().enforcementPoints.first)
    }

    @Test func enforcementPointNameZonesAndCounts() throws {
        let set = try Self.load()
        let ep = try #require(set.enforcementPoints.first)
        #expect(set.enforcementPoints.count == 1)
        #expect(ep.name == "fw-test/vsys1")
        #expect(ep.vendor == "panos")
        let subnets = Dictionary(uniqueKeysWithValues: ep.zones.map { ($0.name, $0.subnets.map(\.text)) })
        #expect(subnets["inside"] == ["10.1.0.0/16"])
        #expect(subnets["outside"] == ["203.0.113.0/24"])
        // Sub-interface units, one of them addressed through an address object.
        #expect(subnets["dmz"] == ["10.5.0.0/24", "10.6.0.0/24"])
        #expect(subnets["loop"] == ["10.200.0.1"])
        #expect(set.counts["rules"] == 9)
        #expect(set.counts["disabled"] == 1)
        #expect(set.counts["negated"] == 1)
        #expect(set.counts["fqdn_objects"] == 1)
        #expect(set.counts["dynamic_groups"] == 4)
        #expect(set.counts["unresolved_references"] == 4)
        #expect(set.counts["unevaluated_rules"] == 1)
        #expect(ep.rules.map(\.name) == [
            "off", "range-1000-2000", "shadowed", "internet", "to-webprod", "to-web-or-db", "runtime-and-fqdn",
            "dmz-intra-deny", "shadowing-vsys-over-shared",
        ])
        #expect(ep.rules[1].uuid == "00000000-0000-0000-0000-000000000002")
        #expect(ep.rules[0].location.line == 76)  // the rule's <entry> line
    }

    @Test func disabledRulesNeverMatch() throws {
        let oracle = FirstMatchOracle(point: try Self.point())
        #expect(oracle.point.rules[0].disabled)
        // "off" would deny everything inside → outside; "internet" decides instead.
        #expect(oracle.decide(from: "inside", to: "outside", src: "10.1.5.5", dst: "8.8.8.8", port: 443)
            == .init(action: .allow, rule: "internet"))
    }

    @Test func negatedDestinationMeansOutsideTheResolvedGroup() throws {
        let ep = try Self.point()
        let rule = ep.rules[3]
        #expect(rule.destination.negated)
        #expect(rule.destination.members == ["g-private"])
        #expect(!rule.destination.addresses.contains(IPAddress("172.20.1.1")!))
        #expect(rule.destination.addresses.contains(IPAddress("172.32.0.0")!))
        let oracle = FirstMatchOracle(point: ep)
        #expect(oracle.decide(from: "inside", to: "outside", src: "10.1.5.5", dst: "10.20.0.1", port: 443)
            == .init(action: .deny, rule: nil))
        #expect(oracle.decide(from: "inside", to: "outside", src: "10.1.5.5", dst: "192.169.0.1", port: 443)
            == .init(action: .allow, rule: "internet"))
        // Nested service groups: service-https + svc-range + udp/53, nothing else.
        #expect(oracle.decide(from: "inside", to: "outside", src: "10.1.5.5", dst: "8.8.8.8", proto: "udp", port: 53)
            == .init(action: .allow, rule: "internet"))
        #expect(oracle.decide(from: "inside", to: "outside", src: "10.1.5.5", dst: "8.8.8.8", proto: "tcp", port: 53)
            == .init(action: .deny, rule: nil))
        #expect(oracle.decide(from: "inside", to: "outside", src: "10.1.5.5", dst: "8.8.8.8", port: 80)
            == .init(action: .deny, rule: nil))
    }

    @Test func ipRangeAndPortRangeEdges() throws {
        let oracle = FirstMatchOracle(point: try Self.point())
        func d(_ src: String, _ port: UInt16) -> FirstMatchOracle.Verdict {
            oracle.decide(from: "inside", to: "dmz", src: src, dst: "10.5.0.9", port: port)
        }
        let allow = FirstMatchOracle.Verdict(action: .allow, rule: "range-1000-2000")
        let byDefault = FirstMatchOracle.Verdict(action: .deny, rule: nil)
        #expect(d("10.1.2.10", 1000) == allow)
        #expect(d("10.1.2.20", 2000) == allow)
        #expect(d("10.1.2.9", 1500) == byDefault)
        #expect(d("10.1.2.21", 1500) == byDefault)
        #expect(d("10.1.2.10", 999) == byDefault)
        #expect(d("10.1.2.10", 2001) == byDefault)
    }

    @Test func shadowedRuleNeverDecides() throws {
        let ep = try Self.point()
        let oracle = FirstMatchOracle(point: ep)
        // "shadowed" (h-15, tcp/1500, deny) sits below "range-1000-2000", which covers it entirely.
        #expect(ep.rules[1].source.addresses.isSuperset(of: ep.rules[2].source.addresses))
        #expect(ep.rules[1].services.isSuperset(of: ep.rules[2].services))
        #expect(oracle.decide(from: "inside", to: "dmz", src: "10.1.2.15", dst: "10.5.0.9", port: 1500)
            == .init(action: .allow, rule: "range-1000-2000"))
    }

    @Test func nestedGroupsAndVsysObjectsShadowShared() throws {
        let ep = try Self.point()
        // g-outer = g-inner(r1) + srv (vsys 10.1.1.1, not shared 10.9.9.9), duplicate member tolerated.
        #expect(ep.rules[1].source.addresses.summary == "10.1.1.1,10.1.2.10-10.1.2.20")
        #expect(ep.rules[8].source.addresses.summary == "10.1.1.1,10.9.9.8")
        let oracle = FirstMatchOracle(point: ep)
        #expect(oracle.decide(from: "inside", to: "dmz", src: "10.9.9.9", dst: "10.5.0.9", port: 1500)
            == .init(action: .deny, rule: nil))
        #expect(oracle.decide(from: "outside", to: "loop", src: "10.9.9.8", dst: "10.200.0.1", port: 22)
            == .init(action: .allow, rule: "shadowing-vsys-over-shared"))
    }

    @Test func dynamicGroupsMatchTaggedObjectsOfTheConfig() throws {
        let ep = try Self.point()
        #expect(ep.rules[4].destination.addresses.summary == "10.3.0.1")
        #expect(ep.rules[5].destination.addresses.summary == "10.3.0.1-10.3.0.4")
        #expect(ep.rules[4].services.summary == "tcp/443")
        #expect(ep.rules[5].services.summary == "tcp/22,3389 udp/3389")
        let oracle = FirstMatchOracle(point: ep)
        func d(_ dst: String, _ proto: String, _ port: UInt16) -> FirstMatchOracle.Verdict {
            oracle.decide(from: "outside", to: "dmz", src: "203.0.113.5", dst: dst, proto: proto, port: port)
        }
        #expect(d("10.3.0.1", "tcp", 443) == .init(action: .allow, rule: "to-webprod"))
        #expect(d("10.3.0.2", "tcp", 443) == .init(action: .deny, rule: nil))
        #expect(d("10.3.0.2", "tcp", 22) == .init(action: .allow, rule: "to-web-or-db"))
        #expect(d("10.3.0.3", "udp", 3389) == .init(action: .allow, rule: "to-web-or-db"))
        #expect(d("10.3.0.5", "tcp", 22) == .init(action: .deny, rule: nil))
    }

    @Test func runTimeObjectsAreUnresolvedAndMatchNothing() throws {
        let rule = try Self.point().rules[6]
        #expect(rule.destination.addresses.isEmpty)
        #expect(rule.destination.unresolved.count == 4)
        #expect(rule.destination.unresolved.contains { $0.hasPrefix("dg-none (dynamic group") })
        #expect(rule.destination.unresolved.contains { $0.hasPrefix("portal (FQDN portal.example.com") })
        #expect(rule.destination.unresolved.contains { $0.hasPrefix("panw-known-ip-list (predefined external") })
        #expect(rule.destination.unresolved.contains { $0.hasPrefix("CN (region") })
        #expect(rule.services.isAnyService)
        #expect(rule.notes.contains { $0.contains("some-unlisted-app") })
        #expect(rule.unevaluated == ["source-user: example\\contractors", "schedule: business-hours"])
    }

    @Test func fqdnResolvesOnlyThroughTheHostsMapping() throws {
        let set = try Self.load(hosts: ["portal.example.com": [IPAddress("10.5.0.80")!]])
        let rule = try #require(set.enforcementPoints.first?.rules[6])
        #expect(rule.destination.addresses.summary == "10.5.0.80")
        #expect(rule.destination.unresolved.count == 3)
        #expect(set.counts["unresolved_references"] == 3)
    }

    @Test func intrazoneRuleTypeAndBuiltInDefaults() throws {
        let ep = try Self.point()
        #expect(ep.rules[7].ruleType == .intrazone)
        #expect(ep.intrazoneDefault == .allow)
        #expect(ep.interzoneDefault == .deny)
        let oracle = FirstMatchOracle(point: ep)
        #expect(oracle.decide(from: "dmz", to: "dmz", src: "10.5.0.66", dst: "10.6.0.9", port: 445)
            == .init(action: .deny, rule: "dmz-intra-deny"))
        #expect(oracle.decide(from: "dmz", to: "dmz", src: "10.5.0.67", dst: "10.6.0.9", port: 445)
            == .init(action: .allow, rule: nil))
    }

    @Test func overriddenDefaultsCarryTheirLocation() throws {
        let text = try String(contentsOfFile: TestPaths.fixture(Self.file), encoding: .utf8)
            .replacingOccurrences(of: "          </rulebase>", with: """
                            <default-security-rules>
                              <rules>
                                <entry name="intrazone-default"><action>deny</action></entry>
                                <entry name="interzone-default"><action>allow</action></entry>
                              </rules>
                            </default-security-rules>
                          </rulebase>
                """)
        let path = TestPaths.temporaryFile(text, name: "override.xml")
        let set = try PANOSConfigParser.parse(try XMLReader.document(path, displayName: "override.xml"), file: "override.xml")
        let ep = try #require(set.enforcementPoints.first)
        #expect(ep.intrazoneDefault == .deny)
        #expect(ep.interzoneDefault == .allow)
        #expect(ep.location.file == "override.xml")
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[ep.location.line - 1]
            .contains("interzone-default"))
        let oracle = FirstMatchOracle(point: ep)
        #expect(oracle.decide(from: "dmz", to: "dmz", src: "10.5.0.67", dst: "10.6.0.9", port: 445)
            == .init(action: .deny, rule: nil))
        #expect(oracle.decide(from: "inside", to: "dmz", src: "10.1.9.9", dst: "10.5.0.9", port: 445)
            == .init(action: .allow, rule: nil))
    }
}
