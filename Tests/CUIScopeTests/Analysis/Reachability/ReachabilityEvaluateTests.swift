import Testing

@testable import CUIScope

@Suite("Reachability: single queries")
struct ReachabilityEvaluateTests {
    typealias F = ReachFixtures

    /// corp 10.0.0.0/16 (two subnets), enclave 10.50.0.0/24, one firewall between them.
    static func engine(_ rules: [Rule], interzone: RuleAction = .deny, intrazone: RuleAction = .allow)
        -> ReachabilityEngine
    {
        let fw = F.firewall(
            "fw1", zones: [F.zone("corp", "10.0.1.0/24", "10.0.2.0/24"), F.zone("enclave", "10.50.0.0/24")],
            rules: rules, interzone: interzone, intrazone: intrazone)
        return ReachabilityEngine(topology: Topology(enforcementPoints: [fw]))
    }

    static let corp = F.ip("10.0.1.10")
    static let corp2 = F.ip("10.0.2.10")
    static let cui = F.ip("10.50.0.5")

    @Test("an earlier deny shadows a later allow; other services fall through to the allow")
    func firstMatch() throws {
        let e = Self.engine([
            F.rule("deny-ssh", .deny, source: "10.0.1.0/24", services: "tcp/22", line: 10),
            F.rule("allow-all", .allow, from: ["corp"], to: ["enclave"], line: 20),
        ])
        let ssh = e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/22"))
        #expect(ssh.decision == .deny)
        #expect(ssh.breakdown.count == 1)
        let hop = try #require(ssh.breakdown.first?.hops.first)
        #expect(hop.rule == "deny-ssh")
        #expect(hop.location.line == 10)
        #expect(hop.enforcementPoint == "fw1")
        let both = e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/22 tcp/443"))
        #expect(both.decision == .allow)
        #expect(both.allowed == F.svc("tcp/443"))
        #expect(both.breakdown.map(\.decision) == [.deny, .allow])
        #expect(both.breakdown.map { $0.hops.last?.rule } == ["deny-ssh", "allow-all"])
    }

    @Test("an allow fully covered by an earlier deny never decides")
    func shadowedAllow() {
        let e = Self.engine([
            F.rule("deny-corp", .deny, source: "10.0.0.0/16", destination: "10.50.0.0/24"),
            F.rule("allow-smb", .allow, source: "10.0.1.10", destination: "10.50.0.5", services: "tcp/445"),
        ])
        let a = e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/445"))
        #expect(a.decision == .deny)
        #expect(a.breakdown.first?.hops.first?.rule == "deny-corp")
    }

    @Test("defaults: intrazone allow, interzone deny, each named; overridden defaults")
    func defaults() throws {
        let e = Self.engine([])
        let inter = e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/443"))
        #expect(inter.decision == .deny)
        let hop = try #require(inter.breakdown.first?.hops.first)
        #expect(hop.rule == nil)
        #expect(hop.defaultName == "interzone-default")
        let intra = e.evaluate(source: Self.corp, destination: Self.corp2, services: F.svc("tcp/443"))
        #expect(intra.decision == .allow)
        #expect(intra.breakdown.first?.hops.first?.defaultName == "intrazone-default")

        let flipped = Self.engine([], interzone: .allow, intrazone: .deny)
        #expect(
            flipped.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("udp/53")).decision == .allow)
        #expect(
            flipped.evaluate(source: Self.corp, destination: Self.corp2, services: F.svc("udp/53")).decision == .deny)
    }

    @Test("disabled rules never match")
    func disabled() {
        let e = Self.engine([F.rule("old-allow", .allow, disabled: true)])
        let a = e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/443"))
        #expect(a.decision == .deny)
        #expect(a.breakdown.first?.hops.first?.defaultName == "interzone-default")
    }

    @Test("rule-type intrazone and interzone restrict which zone pairs a rule sees")
    func ruleType() {
        let e = Self.engine([
            F.rule("intra-deny", .deny, type: .intrazone),
            F.rule("inter-allow", .allow, type: .interzone),
        ])
        let inter = e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/1"))
        #expect(inter.decision == .allow)
        #expect(inter.breakdown.first?.hops.first?.rule == "inter-allow")
        let intra = e.evaluate(source: Self.corp, destination: Self.corp2, services: F.svc("tcp/1"))
        #expect(intra.decision == .deny)
        #expect(intra.breakdown.first?.hops.first?.rule == "intra-deny")
    }

    @Test("negated source and destination match everything outside the set")
    func negation() {
        let e = Self.engine([
            F.rule("not-from-corp1", .allow, source: "10.0.1.0/24", negateSource: true),
            F.rule("not-to-cui5", .allow, destination: "10.50.0.5", negateDestination: true),
        ])
        #expect(e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/80")).decision == .deny)
        let other = e.evaluate(source: Self.corp2, destination: Self.cui, services: F.svc("tcp/80"))
        #expect(other.breakdown.first?.hops.first?.rule == "not-from-corp1")
        let toOther = e.evaluate(source: Self.corp, destination: F.ip("10.50.0.6"), services: F.svc("tcp/80"))
        #expect(toOther.breakdown.first?.hops.first?.rule == "not-to-cui5")
    }

    @Test("ip-range boundaries: first and last addresses in, one past out")
    func rangeBoundaries() {
        let e = Self.engine([F.rule("range", .allow, source: "10.0.1.10-10.0.1.20")])
        for (a, expected) in [
            ("10.0.1.9", RuleAction.deny), ("10.0.1.10", .allow), ("10.0.1.20", .allow),
            ("10.0.1.21", .deny),
        ] {
            #expect(
                e.evaluate(source: F.ip(a), destination: Self.cui, services: F.svc("tcp/443")).decision == expected,
                "\(a)")
        }
    }

    @Test("port-range edges and breakdown by maximal range")
    func portEdges() {
        let e = Self.engine([F.rule("web-alt", .allow, services: "tcp/8000-8080")])
        for (p, expected) in [(7999, RuleAction.deny), (8000, .allow), (8080, .allow), (8081, .deny)] {
            #expect(
                e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/\(p)")).decision == expected)
        }
        let wide = e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/7990-8090"))
        #expect(wide.allowed == F.svc("tcp/8000-8080"))
        #expect(wide.breakdown.count == 2)
        #expect(wide.breakdown.first { $0.decision == .deny }?.services == F.svc("tcp/7990-7999 tcp/8081-8090"))
    }

    /// dmz ─ edge-fw ─ corp ─ core-fw ─ enclave
    static func series(edge: [Rule], core: [Rule]) -> ReachabilityEngine {
        let e = F.firewall(
            "edge-fw", zones: [F.zone("dmz", "172.16.0.0/24"), F.zone("corp", "10.0.0.0/16")], rules: edge)
        let c = F.firewall("core-fw", zones: [F.zone("corp"), F.zone("enclave", "10.50.0.0/24")], rules: core)
        return ReachabilityEngine(topology: Topology(enforcementPoints: [e, c]))
    }

    @Test("two enforcement points in series: both must allow, both rules reported; deny at the second names it")
    func series() throws {
        let dmz = F.ip("172.16.0.4")
        let ok = Self.series(
            edge: [F.rule("dmz-to-corp", .allow, from: ["dmz"], to: ["corp"], services: "tcp/443")],
            core: [F.rule("to-enclave", .allow, from: ["corp"], to: ["enclave"], services: "tcp/443")])
        let a = ok.evaluate(source: dmz, destination: Self.cui, services: F.svc("tcp/443"))
        #expect(a.decision == .allow)
        #expect(a.breakdown.first?.hops.map(\.rule) == ["dmz-to-corp", "to-enclave"])
        #expect(a.breakdown.first?.hops.map(\.enforcementPoint) == ["edge-fw", "core-fw"])

        let blocked = Self.series(
            edge: [F.rule("dmz-to-corp", .allow, from: ["dmz"], to: ["corp"])],
            core: [F.rule("no-dmz", .deny, source: "172.16.0.0/24", line: 44)])
        let b = blocked.evaluate(source: dmz, destination: Self.cui, services: F.svc("tcp/443"))
        #expect(b.decision == .deny)
        let hops = try #require(b.breakdown.first?.hops)
        #expect(hops.map(\.action) == [.allow, .deny])
        #expect(hops.last?.rule == "no-dmz")
        #expect(hops.last?.location.line == 44)

        let first = Self.series(edge: [], core: [F.rule("any", .allow)])
        let c = first.evaluate(source: dmz, destination: Self.cui, services: F.svc("tcp/443"))
        #expect(c.breakdown.first?.hops.count == 1)  // stops at the first denying hop
        #expect(c.breakdown.first?.hops.first?.defaultName == "interzone-default")
    }

    @Test("unknown zones, no route, unfiltered zone, same segment")
    func noFirewall() {
        let e = Self.engine([F.rule("deny-all", .deny)])
        let unknown = e.evaluate(source: F.ip("192.0.2.1"), destination: Self.cui, services: F.svc("tcp/1"))
        #expect(unknown.decision == .deny)
        #expect(unknown.notes == ["source/destination not in any known zone"])
        let sameSegment = e.evaluate(source: Self.corp, destination: F.ip("10.0.1.11"), services: F.svc("tcp/445"))
        #expect(sameSegment.decision == .allow)
        #expect(sameSegment.breakdown.first?.hops == [])
        let explicit = e.evaluate(
            source: Self.corp, destination: F.ip("10.0.1.11"), services: F.svc("tcp/445"), fromZone: "corp",
            toZone: "corp")
        #expect(explicit.decision == .deny)

        let fw = F.firewall("fw", zones: [F.zone("corp", "10.0.0.0/16")], rules: [F.rule("deny-all", .deny)])
        let t = Topology(zones: [F.zone("lab", "192.168.0.0/24", "192.168.1.0/24")], enforcementPoints: [fw])
        let lab = ReachabilityEngine(topology: t)
        let flat = lab.evaluate(source: F.ip("192.168.0.1"), destination: F.ip("192.168.1.1"), services: F.svc("tcp/1"))
        #expect(flat.decision == .allow)
        #expect(flat.notes == ["same zone, no enforcement point filters it"])
        let none = lab.evaluate(source: F.ip("192.168.0.1"), destination: F.ip("10.0.0.1"), services: F.svc("tcp/1"))
        #expect(none.decision == .deny)
        #expect(none.breakdown.first?.hops == [])
    }

    @Test("hop notes carry unevaluated conditions and unresolved objects")
    func hopNotes() throws {
        let e = Self.engine([
            F.rule("users", .allow, unevaluated: ["source-user"], unresolved: ["fqdn-obj (fqdn)"])
        ])
        let a = e.evaluate(source: Self.corp, destination: Self.cui, services: F.svc("tcp/1"))
        let notes = try #require(a.breakdown.first?.hops.first?.notes)
        #expect(notes.contains { $0.contains("source-user") })
        #expect(notes.contains("rule has unresolved objects: fqdn-obj (fqdn)"))
    }
}
