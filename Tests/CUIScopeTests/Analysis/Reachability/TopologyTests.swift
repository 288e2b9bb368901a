import Testing

@testable import CUIScope

@Suite("Topology")
struct TopologyTests {
    typealias F = ReachFixtures

    @Test("longest prefix wins over an enclosing zone subnet")
    func longestPrefix() throws {
        let fw = F.firewall("fw", zones: [F.zone("corp", "10.0.0.0/16"), F.zone("enclave", "10.0.5.0/24")], rules: [])
        let t = Topology(enforcementPoints: [fw])
        let inner = try #require(t.place(F.ip("10.0.5.7")))
        #expect(inner.zone == "enclave")
        #expect(inner.segment?.text == "10.0.5.0/24")
        #expect(t.place(F.ip("10.0.4.255"))?.zone == "corp")
        #expect(t.place(F.ip("10.0.6.0"))?.zone == "corp")
        #expect(t.place(F.ip("10.1.0.0")) == nil)
    }

    @Test("a scope-file zone replaces the firewall's subnets for that zone name")
    func scopeOverride() {
        let fw = F.firewall("fw", zones: [F.zone("corp", "10.0.0.0/16"), F.zone("dmz", "172.16.0.0/24")], rules: [])
        let t = Topology(zones: [F.zone("corp", "10.1.0.0/16")], enforcementPoints: [fw])
        #expect(t.place(F.ip("10.0.0.1")) == nil)
        #expect(t.place(F.ip("10.1.0.1"))?.zone == "corp")
        #expect(t.place(F.ip("172.16.0.9"))?.zone == "dmz")
    }

    @Test("a range asset splits per subnet; the part in no subnet takes the inventory zone")
    func rangeSplit() {
        let fw = F.firewall("fw", zones: [F.zone("corp", "10.0.0.0/16"), F.zone("enclave", "10.0.5.0/24")], rules: [])
        let t = Topology(enforcementPoints: [fw])
        let eps = t.place(asset: F.asset("r", "10.0.4.250-10.0.5.3"), index: 7)
        #expect(eps.count == 2)
        #expect(eps.map(\.zone) == ["corp", "enclave"])
        #expect(eps.map(\.address) == [F.ip("10.0.4.250"), F.ip("10.0.5.0")])
        #expect(eps.allSatisfy { $0.assetIndex == 7 })
        #expect(eps[1].range == F.addr("10.0.5.0-10.0.5.3"))

        let edge = t.place(asset: F.asset("e", "10.0.255.254-10.1.0.1", zone: "wan"))
        #expect(edge.map(\.zone) == ["corp", "wan"])
        #expect(edge[1].address == F.ip("10.1.0.0"))
        #expect(edge[1].segment == nil)

        let outside = t.place(asset: F.asset("o", "192.168.0.0/24"))
        #expect(outside.count == 1)
        #expect(outside[0].zone == nil)
        #expect(outside[0].address == F.ip("192.168.0.0"))
    }

    @Test("routes: unfiltered same zone, intrazone hop, series, none")
    func routes() throws {
        let a = F.firewall("b-fw", zones: [F.zone("dmz", "172.16.0.0/24"), F.zone("corp", "10.0.0.0/16")], rules: [])
        let b = F.firewall("a-fw", zones: [F.zone("corp"), F.zone("enclave", "10.50.0.0/24")], rules: [])
        let t = Topology(zones: [F.zone("lab", "192.168.9.0/24")], enforcementPoints: [a, b])
        #expect(t.route(from: "lab", to: "lab") == [])
        #expect(t.route(from: "lab", to: "corp") == nil)
        #expect(t.route(from: "nowhere", to: "corp") == nil)
        // corp is on both firewalls: the intrazone hop goes through the first by name.
        #expect(t.route(from: "corp", to: "corp") == [RouteHop(enforcementPoint: 1, fromZone: "corp", toZone: "corp")])
        let path = try #require(t.route(from: "dmz", to: "enclave"))
        #expect(
            path == [
                RouteHop(enforcementPoint: 0, fromZone: "dmz", toZone: "corp"),
                RouteHop(enforcementPoint: 1, fromZone: "corp", toZone: "enclave"),
            ])
        #expect(t.route(from: "enclave", to: "dmz")?.map(\.enforcementPoint) == [1, 0])
    }

    @Test("zones only named by rules are routable")
    func ruleOnlyZones() {
        let fw = F.firewall(
            "fw", zones: [F.zone("corp", "10.0.0.0/16")],
            rules: [F.rule("out", .allow, from: ["corp"], to: ["untrust"])])
        let t = Topology(enforcementPoints: [fw])
        #expect(t.zoneNames == ["corp", "untrust"])
        #expect(t.route(from: "corp", to: "untrust")?.count == 1)
    }
}
