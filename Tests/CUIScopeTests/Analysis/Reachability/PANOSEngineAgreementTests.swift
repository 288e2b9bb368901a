import Testing
@testable import CUIScope

/// `cuiscope reach` on PAN-OS input must give the firewall's own first-match verdict and rule
/// name: the engine is checked against the independent per-packet oracle on every zone pair,
/// every host the policy names and a set of services, for the hand-written firewall and
/// Panorama fixtures and the real stage00 export.
@Suite struct PANOSEngineAgreementTests {
    @Test(arguments: [
        "Tests/CUIScopeTests/Fixtures/panos/semantics-firewall.xml",
        "Tests/CUIScopeTests/Fixtures/panos/semantics-panorama.xml",
        "Fixtures/panos-demo/firewall.xml",
    ])
    func engineAgreesWithTheOracle(path: String) throws {
        try Self.compare(TestPaths.repoRoot.appendingPathComponent(path).path)
    }

    @Test(.tags(.samples), .samplesPresent, arguments: [
        "panos/pan-os-php_stage00_panos-8.0_smb-firewall.xml",
        "panos/pan-os-php_panorama-8.0.xml",
    ])
    func engineAgreesWithTheOracleOnSamples(path: String) throws {
        try Self.compare(TestPaths.realWorld(path))
    }

    static func compare(_ file: String) throws {
        let set = try RulesReader.read(path: file)
        var compared = 0
        for ep in set.enforcementPoints {
            let engine = ReachabilityEngine(topology: Topology(enforcementPoints: [ep]))
            let oracle = FirstMatchOracle(point: ep)
            var hosts = Set<UInt128>()
            for r in ep.rules {
                for iv in (r.source.addresses.intervals + r.destination.addresses.intervals).prefix(40) {
                    hosts.insert(iv.lower)
                    hosts.insert(iv.upper)
                    if iv.upper > iv.lower { hosts.insert(iv.upper - 1) }
                }
            }
            hosts.insert(IPAddress(v4: 0x0808_0808).value)
            let sample = Array(hosts).sorted().prefix(16).map { IPAddress(value: $0) }
            let zones = Array(ep.zoneNames).sorted().prefix(6)
            let services: [(String, UInt8, UInt16)] = [("tcp", 6, 22), ("tcp", 6, 80), ("tcp", 6, 443), ("udp", 17, 53),
                                                        ("tcp", 6, 3389), ("tcp", 6, 8080)]
            for from in zones {
                for to in zones {
                    for s in sample {
                        for d in sample.prefix(8) {
                            for (name, proto, port) in services {
                                let expected = oracle.decide(from: from, to: to, src: s.description, dst: d.description,
                                                             proto: name, port: port)
                                let answer = engine.evaluate(source: s, destination: d, services: .ports(proto, port, port),
                                                             fromZone: from, toZone: to)
                                let hop = answer.breakdown.first?.hops.first
                                #expect(answer.decision == expected.action, "\(ep.name) \(from)→\(to) \(s)→\(d) \(name)/\(port)")
                                #expect(hop?.rule == expected.rule, "\(ep.name) \(from)→\(to) \(s)→\(d) \(name)/\(port)")
                                compared += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(compared > 500)
    }
}
