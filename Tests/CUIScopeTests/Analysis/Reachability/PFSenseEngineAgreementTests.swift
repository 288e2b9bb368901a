import Testing
@testable import CUIScope

/// The reachability engine (ingress rules, then the egress stage the topology adds for pf-style
/// devices) must give the same verdict and deciding rule as the independent per-packet oracle,
/// on every address pair and service of the hand-written pfSense semantics fixture.
@Suite struct PFSenseEngineAgreementTests {
    @Test(arguments: ["pfsense/semantics.xml", "pfsense/opnsense-mvc.xml"])
    func engineAgreesWithTheOracle(fixture: String) throws {
        let set = try loadPFSense(TestPaths.fixture(fixture))
        let ep = try #require(set.enforcementPoints.first)
        let engine = ReachabilityEngine(topology: Topology(enforcementPoints: set.enforcementPoints))
        // Two hosts per subnet (first and last usable), outside addresses, and every single host a rule names.
        var hosts: [String] = ["203.0.113.9", "2001:db8:ffff::9", "198.51.100.7", "10.5.5.5", "2001:db8:2::5"]
        for r in ep.rules + ep.egressRules {
            for iv in (r.source.addresses.intervals + r.destination.addresses.intervals) where iv.lower == iv.upper {
                hosts.append(IPAddress(value: iv.lower).description)
            }
        }
        hosts = Array(Set(hosts)).sorted()
        for z in ep.zones { for s in z.subnets { for iv in s.addresses.intervals.prefix(1) {
            hosts.append(IPAddress(value: iv.lower + 1).description)
            hosts.append(IPAddress(value: iv.upper > iv.lower + 1 ? iv.upper - 1 : iv.upper).description)
        } } }
        let services: [(UInt8, UInt16)] = [(6, 22), (6, 80), (6, 443), (6, 3389), (6, 8080), (17, 53), (17, 161), (17, 514), (1, 0)]
        var compared = 0
        var egressDenies = 0
        for src in hosts {
            for dst in hosts where dst != src {
                for (proto, port) in services {
                    guard let expected = PFFirstMatchOracle.evaluate(ep, from: src, to: dst, proto: proto, port: port),
                        let s = IPAddress(src), let d = IPAddress(dst)
                    else { continue }
                    let answer = engine.evaluate(
                        source: s, destination: d, services: .ports(proto, port, port),
                        fromZone: PFFirstMatchOracle.zone(of: s, in: ep), toZone: PFFirstMatchOracle.zone(of: d, in: ep))
                    let hops = answer.breakdown.first?.hops ?? []
                    let deciding = hops.first { $0.action == .deny } ?? hops.first
                    #expect(answer.decision == expected.action, "\(src) → \(dst) \(proto)/\(port)")
                    #expect(deciding?.rule == expected.rule, "\(src) → \(dst) \(proto)/\(port)")
                    if deciding?.enforcementPoint.hasSuffix("(egress)") == true { egressDenies += 1 }
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
        if fixture == "pfsense/semantics.xml" { #expect(egressDenies > 0) }  // the egress stage was exercised
    }
}
