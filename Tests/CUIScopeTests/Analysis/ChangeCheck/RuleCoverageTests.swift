import Testing

@testable import CUIScope

/// Shadowed and redundant rules, and rule-list diffs, on small hand-made rule lists.
@Suite("check: rule coverage and rule diff")
struct RuleCoverageTests {
    static func rule(_ name: String, _ action: RuleAction, src: String = "any", dst: String = "any",
                     svc: String = "any", from: String = "corp", to: String = "enclave", line: Int) -> Rule
    {
        Rule(name: name, action: action, from: .zones([from]), to: .zones([to]),
             source: AddressMatch(set: AddressSet.parse(src) ?? .full), destination: AddressMatch(set: AddressSet.parse(dst) ?? .full),
             services: ServiceSet.parse(svc) ?? .anyService, location: SourceLocation(file: "fw.xml", line: line))
    }

    static func point(_ rules: [Rule]) -> EnforcementPoint {
        EnforcementPoint(name: "fw", vendor: "native", zones: [Zone(name: "corp"), Zone(name: "enclave")], rules: rules,
                         location: SourceLocation(file: "fw.xml", line: 1))
    }

    @Test("a deny covered by an earlier, wider allow is shadowed")
    func shadowedDeny() {
        let ep = Self.point([
            Self.rule("wide", .allow, src: "10.0.0.0/8", line: 2),
            Self.rule("narrow-deny", .deny, src: "10.1.0.0/16", svc: "tcp/22", line: 3),
        ])
        let c = RuleCoverageAnalysis.status(of: 1, in: ep)
        #expect(c?.status == .shadowed)
        #expect(c?.by.map(\.rule) == ["wide"])
        #expect(RuleCoverageAnalysis.status(of: 0, in: ep) == nil)
    }

    @Test("covered only by the union of two earlier rules")
    func coveredByUnion() {
        let ep = Self.point([
            Self.rule("low", .allow, src: "10.0.0.0-10.0.0.127", line: 2),
            Self.rule("high", .deny, src: "10.0.0.128-10.0.0.255", svc: "tcp", line: 3),
            Self.rule("all", .deny, src: "10.0.0.0/24", svc: "tcp/22", line: 4),
        ])
        #expect(RuleCoverageAnalysis.status(of: 2, in: ep)?.status == .shadowed)
        // Partly covered: tcp/80 of 10.0.0.128/25 is its own.
        let ep2 = Self.point([
            Self.rule("low", .allow, src: "10.0.0.0-10.0.0.127", line: 2),
            Self.rule("all", .deny, src: "10.0.0.0/24", svc: "tcp/22", line: 3),
            Self.rule("after", .allow, line: 4),
        ])
        #expect(RuleCoverageAnalysis.status(of: 1, in: ep2) == nil)
    }

    @Test("same-action cover and same-action fallthrough are redundant")
    func redundant() {
        let ep = Self.point([
            Self.rule("ssh-net", .allow, src: "10.0.0.0/8", svc: "tcp/22", line: 2),
            Self.rule("ssh-host", .allow, src: "10.1.2.3", svc: "tcp/22", line: 3),
            Self.rule("deny-rest", .deny, line: 4),
        ])
        #expect(RuleCoverageAnalysis.status(of: 1, in: ep)?.status == .redundant)
        // An explicit deny in front of the interzone default deny changes nothing either.
        #expect(RuleCoverageAnalysis.status(of: 2, in: ep)?.status == .redundant)
        // A rule naming other zones is not covered by a corp-only rule.
        let ep2 = Self.point([
            Self.rule("corp", .allow, line: 2),
            Rule(name: "any-zone", action: .allow, from: .any, to: .zones(["enclave"]), location: SourceLocation(file: "fw.xml", line: 3)),
        ])
        #expect(RuleCoverageAnalysis.status(of: 1, in: ep2) == nil)
    }

    @Test("rule diff: uuid before name, one move reported once")
    func ruleDiff() {
        var a = Self.rule("a", .allow, svc: "tcp/1", line: 2)
        a.uuid = "u-1"
        let b = Self.rule("b", .allow, svc: "tcp/2", line: 3)
        let c = Self.rule("c", .allow, svc: "tcp/3", line: 4)
        let d = Self.rule("d", .deny, line: 5)
        var renamed = a
        renamed.name = "a-renamed"
        var widened = c
        widened.services = .anyService
        let changes = RuleDiff.changes(baseline: [Self.point([a, b, c, d])], proposed: [Self.point([d, renamed, widened])])
        let text = changes.map { "\($0.kind.rawValue) \($0.rule)" }
        #expect(text.contains("removed b"))
        #expect(text.contains("modified a-renamed"))
        #expect(text.contains("modified c"))
        #expect(text.filter { $0.hasPrefix("reordered") } == ["reordered d"])
        #expect(!text.contains { $0.hasPrefix("added") })
        #expect(RuleDiff.longestIncreasing([3, 0, 1, 2]) == [0, 1, 2])
    }
}
