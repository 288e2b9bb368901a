import Testing

@testable import CUIScope

/// pfSense routes, Internet destinations, a floating egress rule on WAN and the firewall's own
/// addresses (`Fixtures/pfsense/routes.xml`). Expected answers follow the Netgate documentation:
/// floating rules first, then the arrival interface's rules, first quick match wins, default
/// deny; an `out` floating rule on WAN filters traffic leaving by WAN; the default gateway carries
/// every destination no connected network or static route holds; a route to the Null4 gateway
/// rejects; the anti-lockout rule passes LAN to the LAN address on the GUI port.
@Suite("Reachability: pfSense routes, Internet and self")
struct PFSenseRoutingTests {
    typealias F = ReachFixtures

    static func engine() throws -> (ReachabilityEngine, EnforcementPoint) {
        let set = try loadPFSense(TestPaths.fixture("pfsense/routes.xml"))
        let ep = try #require(set.enforcementPoints.first)
        return (ReachabilityEngine(topology: Topology(enforcementPoints: set.enforcementPoints)), ep)
    }

    @Test("gateways and static routes are read")
    func routes() throws {
        let (_, ep) = try Self.engine()
        #expect(ep.routes.map(\.name) == ["default gateway WAN_GW", "campus", "bogon sink"])
        #expect(ep.routes.map(\.zone) == ["wan", "lan", nil])
        #expect(ep.routes[2].discard)
    }

    @Test("Internet egress passes LAN rules, then the floating out rule on WAN")
    func internetEgress() throws {
        let (e, _) = try Self.engine()
        let https = e.evaluate(source: F.ip("10.0.0.5"), destination: F.ip("52.1.1.1"), services: F.svc("tcp/443"))
        #expect(https.decision == .allow)
        #expect(https.toZone == "wan")
        #expect(https.notes.contains { $0.contains("default gateway WAN_GW") })
        let smtp = e.evaluate(source: F.ip("10.0.0.5"), destination: F.ip("52.1.1.1"), services: F.svc("tcp/25"))
        #expect(smtp.decision == .deny)
        #expect(smtp.breakdown.first?.hops.last?.rule == "no smtp out")
        let inbound = e.evaluate(source: F.ip("52.1.1.1"), destination: F.ip("10.1.0.5"), services: F.svc("tcp/443"))
        #expect(inbound.fromZone == "wan")
        #expect(inbound.decision == .deny)
        // No IPv6 default gateway and no dynamic WAN for IPv6: no route.
        let v6 = e.evaluate(source: F.ip("2001:db8:a::5"), destination: F.ip("2606:4700::1"), services: F.svc("tcp/443"))
        #expect(v6.decision == .deny)
        #expect(v6.notes.contains { $0.hasPrefix("no route to destination 2606:4700::1") })
    }

    @Test("static route, Null4 route")
    func staticRoutes() throws {
        let (e, _) = try Self.engine()
        let campus = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("10.9.1.1"), services: F.svc("tcp/445"))
        #expect(campus.toZone == "lan")
        #expect(campus.decision == .deny)  // CUI interface has no pass rule
        let sink = e.evaluate(source: F.ip("10.0.0.5"), destination: F.ip("198.18.0.9"), services: F.svc("tcp/443"))
        #expect(sink.decision == .deny)
        #expect(sink.notes.contains { $0.contains("discarded by static route 'bogon sink'") })
    }

    @Test("the firewall's own LAN address: anti-lockout, then the unnamed rule by its tracker id")
    func selfAddress() throws {
        let (e, _) = try Self.engine()
        let gui = e.evaluate(source: F.ip("10.0.0.5"), destination: F.ip("10.0.0.1"), services: F.svc("tcp/443"))
        #expect(gui.decision == .allow)
        #expect(gui.breakdown.first?.hops.first?.rule == "Anti-Lockout Rule")
        let ssh = e.evaluate(source: F.ip("10.0.0.5"), destination: F.ip("10.0.0.1"), services: F.svc("tcp/2222"))
        #expect(ssh.decision == .deny)
        #expect(ssh.breakdown.first?.hops.first?.rule == "1700000206")
        #expect(ssh.breakdown.first?.hops.count == 1)  // no egress leg: the packet ends at the firewall
        let v6 = e.evaluate(source: F.ip("2001:db8:a::5"), destination: F.ip("2001:db8:a::1"), services: F.svc("tcp/80"))
        #expect(v6.notes.contains { $0.contains("firewall's own address") })
        #expect(v6.decision == .allow)  // "LAN tcp out" is inet46
    }
}

@Suite("Reachability: the internet node")
struct InternetNodeTests {
    @Test("reach --to internet and --from internet use a free public address routed by the default route")
    func internetNode() throws {
        let set = try loadPFSense(TestPaths.fixture("pfsense/routes.xml"))
        let q = ReachQuery(input: AnalysisInput(inventories: [], ruleSets: [set], flowLogs: []))
        #expect(q.internetAddress == IPAddress("8.8.8.8"))
        let out = try q.answer(ReachRequest(from: "10.0.0.5", to: "internet", proto: "tcp", port: 443)).get()
        #expect(out.decision == .allow)
        #expect(out.toZone == "wan")
        #expect(out.notes.first == "internet stands for 8.8.8.8, a public address no zone or asset holds")
        let inbound = try q.answer(ReachRequest(from: "INTERNET", to: "10.1.0.5", proto: "tcp", port: 443)).get()
        #expect(inbound.fromZone == "wan")
        #expect(inbound.decision == .deny)
    }
}
