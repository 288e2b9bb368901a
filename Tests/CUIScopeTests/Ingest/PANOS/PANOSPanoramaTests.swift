import Testing

@testable import CUIScope

/// Panorama effective policy on `Fixtures/panos/semantics-panorama.xml` (after batfish's
/// device-group-inheritance test): pre/post ordering through `parent-dg`, shared rules, child
/// objects shadowing the parent's, targeted rules, default overrides and template zones.
@Suite("Panorama policy")
struct PANOSPanoramaTests {
    static let file = "panos/semantics-panorama.xml"

    static func load() throws -> RuleSet {
        let root = try XMLReader.document(TestPaths.fixture(file), displayName: file)
        return try PANOSConfigParser.parse(root, file: file)
    }

    static func point(_ name: String) throws -> EnforcementPoint {
        try #require(try load().enforcementPoints.first { $0.name == name })
    }

    @Test func onePointPerDeviceGroupAndPerFirewallWhereRulesAreTargeted() throws {
        let set = try Self.load()
        #expect(set.enforcementPoints.map(\.name) == ["DG_PARENT", "DG_CHILD/00000002", "DG_CHILD/00000003", "DG_EMPTY"])
        #expect(set.enforcementPoints.allSatisfy { $0.vendor == "panorama" })
        #expect(set.counts["rules"] == 9)
    }

    @Test func ordersSharedAncestorAndOwnPreAndPostRules() throws {
        #expect(try Self.point("DG_CHILD/00000002").rules.map(\.name) == [
            "SHARED_PRE", "PRE_PARENT", "PARENT_COMMON", "PRE_CHILD", "ALL_BUT_3", "POST_CHILD", "POST_PARENT",
            "SHARED_POST",
        ])
        #expect(try Self.point("DG_CHILD/00000003").rules.map(\.name) == [
            "SHARED_PRE", "PRE_PARENT", "PARENT_COMMON", "PRE_CHILD", "ONLY_3", "POST_CHILD", "POST_PARENT",
            "SHARED_POST",
        ])
        #expect(try Self.point("DG_PARENT").rules.map(\.name) == [
            "SHARED_PRE", "PRE_PARENT", "PARENT_COMMON", "POST_PARENT", "SHARED_POST",
        ])
        #expect(try Self.point("DG_EMPTY").rules.map(\.name) == ["SHARED_PRE", "SHARED_POST"])
    }

    @Test func firstMatchFollowsTheInheritedOrder() throws {
        let parent = FirstMatchOracle(point: try Self.point("DG_PARENT"))
        let child = FirstMatchOracle(point: try Self.point("DG_CHILD/00000002"))
        func d(_ o: FirstMatchOracle, _ dst: String, _ port: UInt16 = 80) -> FirstMatchOracle.Verdict {
            o.decide(from: "Z1", to: "Z2", src: "192.168.1.1", dst: dst, port: port)
        }
        // Parent pre-rules come before the child's pre-rules …
        #expect(d(parent, "10.10.2.21") == .init(action: .allow, rule: "PRE_PARENT"))
        #expect(d(child, "10.10.2.21") == .init(action: .allow, rule: "PRE_PARENT"))
        // … and the child's post-rules before the parent's.
        #expect(d(parent, "10.10.2.22") == .init(action: .deny, rule: "POST_PARENT"))
        #expect(d(child, "10.10.2.22") == .init(action: .allow, rule: "POST_CHILD"))
        // Shared pre-rules come first everywhere.
        #expect(d(child, "10.10.9.9") == .init(action: .deny, rule: "SHARED_PRE"))
        #expect(d(child, "10.10.9.10") == .init(action: .allow, rule: "SHARED_POST"))
    }

    @Test func childObjectsShadowTheParentsInInheritedRules() throws {
        let parent = try Self.point("DG_PARENT")
        let child = try Self.point("DG_CHILD/00000002")
        // PARENT_COMMON names COMMON_ADDR: the parent's 10.10.2.20, the child's 10.10.3.30 (not shared's 10.10.1.10).
        #expect(parent.rules[2].destination.addresses.summary == "10.10.2.20")
        #expect(child.rules[2].destination.addresses.summary == "10.10.3.30")
        #expect(child.rules[2].services.summary == "tcp/22")
        let o = FirstMatchOracle(point: child)
        #expect(o.decide(from: "Z1", to: "Z2", src: "192.168.1.1", dst: "10.10.3.30", port: 22)
            == .init(action: .deny, rule: "PARENT_COMMON"))
        // The parent's COMMON_ADDR is not what the child's firewalls see: the interzone default (shared override: allow) decides.
        #expect(o.decide(from: "Z1", to: "Z2", src: "192.168.1.1", dst: "10.10.2.20", port: 22)
            == .init(action: .allow, rule: nil))
    }

    @Test func targetedRulesApplyOnlyToTheirFirewalls() throws {
        let two = FirstMatchOracle(point: try Self.point("DG_CHILD/00000002"))
        let three = FirstMatchOracle(point: try Self.point("DG_CHILD/00000003"))
        #expect(three.decide(from: "Z1", to: "Z2", src: "192.168.1.1", dst: "10.10.7.7")
            == .init(action: .deny, rule: "ONLY_3"))
        #expect(two.decide(from: "Z1", to: "Z2", src: "192.168.1.1", dst: "10.10.7.7")
            == .init(action: .allow, rule: nil))
        #expect(two.decide(from: "Z1", to: "Z2", src: "192.168.1.1", dst: "10.10.8.8")
            == .init(action: .deny, rule: "ALL_BUT_3"))
        #expect(three.decide(from: "Z1", to: "Z2", src: "192.168.1.1", dst: "10.10.8.8")
            == .init(action: .allow, rule: nil))
    }

    @Test func defaultsComeFromTheNearestOverride() throws {
        let parent = try Self.point("DG_PARENT")
        let child = try Self.point("DG_CHILD/00000002")
        #expect(parent.interzoneDefault == .allow)  // shared override
        #expect(parent.intrazoneDefault == .allow)  // built-in
        #expect(child.interzoneDefault == .allow)
        #expect(child.intrazoneDefault == .deny)  // DG_CHILD's own override
        #expect(FirstMatchOracle(point: child).decide(from: "Z1", to: "Z1", src: "192.168.1.1", dst: "192.168.1.2")
            == .init(action: .deny, rule: nil))
    }

    @Test func zonesComeFromTheTemplateStackOfTheFirewalls() throws {
        let child = try Self.point("DG_CHILD/00000003")
        #expect(child.zones.map(\.name) == ["Z1", "Z2"])
        #expect(child.zones.map { $0.subnets.map(\.text) } == [["192.168.0.0/16"], ["10.0.0.0/8"]])
        #expect(try Self.point("DG_EMPTY").zones.isEmpty)
    }
}
