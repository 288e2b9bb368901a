import Testing

@testable import CUIScope
import CUIScopeSynthetic

@Suite("Reachability: bulk connectivity")
struct ConnectivityTests {
    typealias F = ReachFixtures

    struct Net {
        var assets: [Asset]
        var engine: ReachabilityEngine
        func run(_ examples: Int = 3) -> [Int: Connectivity] {
            let eps = engine.topology.place(assets: assets)
            let targets = Set(assets.indices.filter { assets[$0].handlesCUI })
            return engine.connectivity(assets: assets, endpoints: eps, targets: targets, examplesPerAsset: examples)
        }
        func index(_ id: String) -> Int { assets.firstIndex { $0.id == id } ?? -1 }
    }

    /// dmz ─ edge-fw ─ corp ─ core-fw ─ enclave; lab is a zone no firewall joins.
    static func net(edge: [Rule], core: [Rule], allowlist: [AllowlistEntry] = [], extra: [Asset] = []) -> Net {
        let e = F.firewall(
            "edge-fw", zones: [F.zone("dmz", "172.16.0.0/24"), F.zone("corp", "10.0.1.0/24", "10.0.2.0/24")],
            rules: edge)
        let c = F.firewall("core-fw", zones: [F.zone("corp"), F.zone("enclave", "10.50.0.0/24")], rules: core)
        let t = Topology(zones: [F.zone("lab", "192.168.0.0/24")], enforcementPoints: [e, c])
        let assets =
            [
                F.asset("cui-db", "10.50.0.5", cui: true),
                F.asset("cui-app", "10.50.0.6", cui: true),
                F.asset("ws-1", "10.0.1.10"),
                F.asset("ws-2", "10.0.2.10"),
                F.asset("web", "172.16.0.4"),
                F.asset("lab-pc", "192.168.0.7"),
            ] + extra
        return Net(assets: assets, engine: ReachabilityEngine(topology: t, allowlist: allowlist))
    }

    @Test("permit edges across two firewalls name both rules; a later hop's deny is the separation evidence")
    func series() throws {
        let n = Self.net(
            edge: [F.rule("dmz-in", .allow, from: ["dmz"], to: ["corp"], services: "tcp/443", line: 5)],
            core: [
                F.rule(
                    "ws1-to-db", .allow, source: "10.0.1.10", destination: "10.50.0.5", services: "tcp/1433", line: 8),
                F.rule(
                    "web-to-app", .allow, source: "172.16.0.4", destination: "10.50.0.6", services: "tcp/443", line: 9),
                F.rule("deny-rest", .deny, to: ["enclave"], line: 10),
            ])
        let r = n.run()
        let ws1 = try #require(r[n.index("ws-1")])
        #expect(ws1.peers == 1)
        #expect(ws1.services == F.svc("tcp/1433"))
        let edge = try #require(ws1.edges.first)
        #expect(edge.kind == .permit)
        #expect((edge.from, edge.to) == ("ws-1", "cui-db"))
        #expect(edge.toAddress == F.ip("10.50.0.5"))
        #expect(edge.hops.map(\.rule) == ["ws1-to-db"])

        let web = try #require(r[n.index("web")])
        #expect(web.peers == 1)
        #expect(web.edges.first?.hops.map(\.rule) == ["dmz-in", "web-to-app"])
        #expect(web.edges.first?.hops.map(\.enforcementPoint) == ["edge-fw", "core-fw"])

        let ws2 = try #require(r[n.index("ws-2")])
        #expect(ws2.peers == 0)
        #expect(ws2.edges.isEmpty)
        #expect(ws2.blocked.map(\.ruleLabel).contains("deny-rest"))
        #expect(ws2.blocked.allSatisfy { $0.action == .deny })
        #expect(r[n.index("cui-db")] == nil)  // targets get no entry
    }

    @Test("no route at all: separated, with the target zone named")
    func noRoute() throws {
        let n = Self.net(edge: [F.rule("all", .allow)], core: [F.rule("all", .allow)])
        let lab = try #require(n.run()[n.index("lab-pc")])
        #expect(lab.peers == 0)
        #expect(lab.noRouteZones == ["enclave"])
        #expect(lab.blocked.isEmpty)
    }

    @Test("same subnet is adjacency even when the firewall would deny it")
    func sameSegment() throws {
        let n = Self.net(
            edge: [], core: [F.rule("deny-all", .deny)], extra: [F.asset("printer", "10.50.0.200")])
        let p = try #require(n.run()[n.index("printer")])
        #expect(p.peers == 2)
        let e = try #require(p.edges.first)
        #expect(e.kind == .sameSegment)
        #expect(e.segment == "10.50.0.0/24")
        #expect(e.services == .anyService)
        #expect(e.hops.isEmpty)
    }

    @Test("a zone no firewall filters is one segment")
    func unfilteredZone() throws {
        let e = F.firewall("fw", zones: [F.zone("corp", "10.0.0.0/16")], rules: [F.rule("deny-all", .deny)])
        let t = Topology(zones: [F.zone("plant", "192.168.0.0/24", "192.168.1.0/24")], enforcementPoints: [e])
        let assets = [F.asset("hmi", "192.168.0.5", cui: true), F.asset("plc", "192.168.1.9")]
        let r = ReachabilityEngine(topology: t).connectivity(
            assets: assets, endpoints: t.place(assets: assets), targets: [0])
        let plc = try #require(r[1])
        #expect(plc.peers == 1)
        #expect(plc.edges.first?.kind == .sameSegment)
        #expect(plc.edges.first?.segment == "zone plant")
    }

    @Test("allowlisted services do not make an edge; other services still do")
    func allowlist() throws {
        let rdp = AllowlistEntry(
            services: F.svc("tcp/3389"), serviceText: "tcp/3389", to: "cui-db", reason: "display only",
            location: SourceLocation(file: "scope.yaml", line: 30))
        let rules = [F.rule("rdp", .allow, source: "10.0.1.0/24", destination: "10.50.0.0/24", services: "tcp/3389")]
        let n = Self.net(edge: [], core: rules, allowlist: [rdp])
        let ws1 = try #require(n.run()[n.index("ws-1")])
        #expect(ws1.peers == 1)  // cui-app is not covered by the entry
        #expect(ws1.edges.map(\.to) == ["cui-app"])

        let any = AllowlistEntry(
            services: F.svc("tcp/3389"), serviceText: "tcp/3389", to: nil, reason: "display only",
            location: SourceLocation(file: "scope.yaml", line: 31))
        let m = Self.net(edge: [], core: rules, allowlist: [any])
        let none = try #require(m.run()[m.index("ws-1")])
        #expect(none.peers == 0)
        #expect(none.edges.isEmpty)

        let wider = Self.net(
            edge: [], core: [F.rule("rdp-smb", .allow, source: "10.0.1.0/24", services: "tcp/3389 tcp/445")],
            allowlist: [any])
        let smb = try #require(wider.run()[wider.index("ws-1")])
        #expect(smb.services == F.svc("tcp/445"))
    }

    @Test("edges are capped and ordered; both directions count once per peer")
    func examples() throws {
        let n = Self.net(edge: [], core: [F.rule("all", .allow)])
        let r = n.run(3)
        let ws1 = try #require(r[n.index("ws-1")])
        #expect(ws1.peers == 2)
        #expect(ws1.edges.count == 3)
        #expect(ws1.edges.map { "\($0.from)>\($0.to)" } == ["ws-1>cui-app", "cui-app>ws-1", "ws-1>cui-db"])
        #expect(n.run(1)[n.index("ws-1")]?.edges.count == 1)
    }

    @Test("same inputs give identical results")
    func determinism() {
        let net = SyntheticNetwork.make(assets: 1500, rules: 300, seed: 7)
        let t = Topology(zones: net.zones, enforcementPoints: net.enforcementPoints)
        let targets = Set(net.assets.indices.filter { net.assets[$0].handlesCUI })
        let eps = t.place(assets: net.assets)
        let first = ReachabilityEngine(topology: t).connectivity(assets: net.assets, endpoints: eps, targets: targets)
        let again = SyntheticNetwork.make(assets: 1500, rules: 300, seed: 7)
        #expect(again.assets == net.assets)
        let t2 = Topology(zones: again.zones, enforcementPoints: again.enforcementPoints)
        let second = ReachabilityEngine(topology: t2).connectivity(
            assets: again.assets, endpoints: t2.place(assets: again.assets), targets: targets)
        #expect(first == second)
        #expect(first.values.contains { $0.isConnected })
        #expect(first.values.contains { !$0.isConnected })
    }
}
