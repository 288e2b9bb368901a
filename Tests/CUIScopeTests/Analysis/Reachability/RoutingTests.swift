import Testing

@testable import CUIScope

/// Static routes and the firewall's own addresses (docs/DECISIONS.md 67, docs/DECISIONS.md 68) on a
/// hand-written PAN-OS config (`Fixtures/panos/routes-firewall.xml`). Expected answers follow the
/// Palo Alto documentation: the longest-prefix route picks the egress interface, the egress
/// interface's zone is the destination zone of the security policy, a discard route drops the
/// packet, a `no-install` route is not in the forwarding table, and traffic to an interface
/// address of the firewall is matched against the policy into that interface's zone.
@Suite("Reachability: static routes and the firewall's own addresses")
struct RoutingTests {
    static let file = "panos/routes-firewall.xml"
    typealias F = ReachFixtures

    static func engine() throws -> (ReachabilityEngine, EnforcementPoint) {
        let root = try XMLReader.document(TestPaths.fixture(file), displayName: file,
                                          skip: PANOSConfigParser.skippedElements)
        let set = try PANOSConfigParser.parse(root, file: file)
        let ep = try #require(set.enforcementPoints.first)
        return (ReachabilityEngine(topology: Topology(enforcementPoints: set.enforcementPoints)), ep)
    }

    @Test("every static route of both virtual routers is read, with zone, next hop and line")
    func routesRead() throws {
        let (_, ep) = try Self.engine()
        #expect(ep.routes.map(\.name) == [
            "default-isp", "blackhole-bogons", "to-branch", "campus-via-core", "not-installed", "default-v6",
            "branch-lan",
        ])
        let byName = Dictionary(uniqueKeysWithValues: ep.routes.map { ($0.name, $0) })
        #expect(byName["default-isp"]?.zone == "untrust")
        #expect(byName["default-isp"]?.location.line == 22)
        #expect(byName["campus-via-core"]?.zone == "corp")  // next hop 10.1.0.254 is on corp
        #expect(byName["blackhole-bogons"]?.discard == true)
        #expect(byName["to-branch"]?.nextHop == "next-vr vr-branch")
        #expect(byName["not-installed"]?.installed == false)
        #expect(byName["branch-lan"]?.router == "vr-branch")
    }

    @Test("an Internet destination leaves by the default route into untrust and meets corp→untrust")
    func internetEgress() throws {
        let (e, _) = try Self.engine()
        let https = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("52.1.1.1"), services: F.svc("tcp/443"))
        #expect(https.decision == .allow)
        #expect(https.toZone == "untrust")
        #expect(https.breakdown.first?.hops.last?.rule == "corp-web-out")
        #expect(https.notes.contains { $0.contains("static route 'default-isp'") && $0.contains(":22:") })
        let ssh = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("52.1.1.1"), services: F.svc("tcp/22"))
        #expect(ssh.decision == .deny)
        let v6 = e.evaluate(source: F.ip("2001:db8:1::5"), destination: F.ip("2606:4700::1"), services: F.svc("tcp/443"))
        #expect(v6.toZone == "untrust")
        #expect(v6.decision == .allow)
    }

    @Test("the Internet as a source arrives from untrust and meets the interzone default")
    func internetInbound() throws {
        let (e, _) = try Self.engine()
        let a = e.evaluate(source: F.ip("52.1.1.1"), destination: F.ip("10.50.1.10"), services: F.svc("tcp/443"))
        #expect(a.fromZone == "untrust")
        #expect(a.decision == .deny)
        #expect(a.breakdown.first?.hops.first?.enforcementPoint == "fw-route/vsys1")
    }

    @Test("discard and not-installed routes and next-vr chains")
    func routeKinds() throws {
        let (e, _) = try Self.engine()
        let bogon = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("198.18.0.9"), services: F.svc("tcp/443"))
        #expect(bogon.decision == .deny)
        #expect(bogon.notes.contains { $0.hasPrefix("no route to destination 198.18.0.9: discarded by static route 'blackhole-bogons'") })
        // 100.64.0.0/10 is not installed, so the default route carries it to untrust.
        let cgnat = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("100.64.1.1"), services: F.svc("tcp/443"))
        #expect(cgnat.toZone == "untrust")
        let branch = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("172.20.3.4"), services: F.svc("tcp/445"))
        #expect(branch.toZone == "branch")
        #expect(branch.decision == .allow)
        #expect(branch.notes.contains { $0.contains("'to-branch'") && $0.contains("then static route 'branch-lan'") })
        let campus = e.evaluate(source: F.ip("10.50.1.10"), destination: F.ip("10.2.9.9"), services: F.svc("tcp/445"))
        #expect(campus.toZone == "corp")
    }

    @Test("a packet to the firewall's own address is decided by its rules, not 'same segment'")
    func firewallSelf() throws {
        let (e, _) = try Self.engine()
        let ssh = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("10.1.0.1"), services: F.svc("tcp/22"))
        #expect(ssh.decision == .deny)
        #expect(ssh.breakdown.first?.hops.first?.rule == "no-ssh-to-firewall")
        #expect(ssh.notes.contains { $0.contains("firewall's own address") && $0.contains("Security Protection Asset") })
        // Intrazone default (allow) decides other services to the firewall.
        let dns = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("10.1.0.1"), services: F.svc("udp/53"))
        #expect(dns.decision == .allow)
        #expect(dns.breakdown.first?.hops.count == 1)
        // The untrust-side address from corp: the corp→untrust policy decides.
        let wan = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("203.0.113.2"), services: F.svc("tcp/22"))
        #expect(wan.decision == .deny)
        #expect(wan.toZone == "untrust")
        let v6 = e.evaluate(source: F.ip("2001:db8:1::5"), destination: F.ip("2001:db8:1::1"), services: F.svc("tcp/22"))
        // The deny rule names only the IPv4 address: the intrazone default decides, at the firewall.
        #expect(v6.decision == .allow)
        #expect(v6.breakdown.first?.hops.count == 1)
        #expect(v6.notes.contains { $0.contains("firewall's own address") })
        // A neighbour on the same segment is still unfiltered.
        let peer = e.evaluate(source: F.ip("10.1.0.5"), destination: F.ip("10.1.0.6"), services: F.svc("tcp/22"))
        #expect(peer.decision == .allow)
        #expect(peer.breakdown.first?.hops.isEmpty == true)
    }

    @Test("without routes an unknown address keeps the old answer")
    func noRoutes() {
        let fw = F.firewall("fw1", zones: [F.zone("corp", "10.0.1.0/24")], rules: [])
        let e = ReachabilityEngine(topology: Topology(enforcementPoints: [fw]))
        let a = e.evaluate(source: F.ip("10.0.1.5"), destination: F.ip("52.1.1.1"), services: F.svc("tcp/443"))
        #expect(a.notes == ["source/destination not in any known zone"])
    }
}

/// The real stage00 export: every static route is read. The count is taken independently of the
/// reader, by a walk over the raw element tree (and `python3 -c "import xml.etree.ElementTree as E;
/// print(len(E.parse(F).findall('.//static-route/entry')))"`, which prints 6).
@Suite("Real-world samples: PAN-OS static routes", .tags(.samples), .samplesPresent)
struct PANOSRoutesRealWorldTests {
    static func rawRoutes(_ el: XMLElement, parent: String = "") -> Int {
        (parent == "static-route" && el.name == "entry" ? 1 : 0)
            + el.children.reduce(0) { $0 + rawRoutes($1, parent: el.name) }
    }

    @Test func stage00RoutesAreAllRead() throws {
        let (root, set) = try PANOSRealWorldTests.load("panos/pan-os-php_stage00_panos-8.0_smb-firewall.xml")
        let routes = set.enforcementPoints.flatMap(\.routes)
        #expect(Self.rawRoutes(root) == 6)
        #expect(routes.count == Self.rawRoutes(root))
        let byName = Dictionary(routes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["default"]?.installed == false)  // `route-table/no-install`
        #expect(byName["private_172_16"]?.nextHop == "next-vr vr_bgp100")
    }
}
