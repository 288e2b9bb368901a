import Testing

@testable import CUIScope
import CUIScopeSynthetic

/// The bounded core (rules by ingress zone, per-route classes of only the endpoints that sit on
/// each side) against the independent per-packet oracle on a policy shaped like an enterprise
/// one: many zones, rules naming zone lists, `any`-zone rules before and after them, intrazone
/// and interzone rule types, disabled and negated rules, overlapping hosts, slices and ranges.
@Suite("Reachability: many zones vs the first-match oracle")
struct ManyZoneAgreementTests {
    typealias F = ReachFixtures

    /// A deterministic many-zone policy: zone `zN` is 10.N.0.0/22 (N < 60), one enforcement point.
    static func network(zones count: Int, rules ruleCount: Int, seed: UInt64) -> (Topology, EnforcementPoint) {
        var rng = SplitMix64(seed: seed)
        let names = (0..<count).map { "z\($0)" }
        func net(_ z: Int) -> String { "10.\(z).0.0/22" }
        func someAddress(_ z: Int) -> String {
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: return net(z)
            case 1: return "10.\(z).\(Int.random(in: 0..<4, using: &rng)).\(Int.random(in: 0..<4, using: &rng) * 64)/26"
            case 2:
                let lo = Int.random(in: 1..<200, using: &rng)
                return "10.\(z).1.\(lo)-10.\(z).1.\(lo + Int.random(in: 1..<50, using: &rng))"
            default: return "10.\(z).\(Int.random(in: 0..<4, using: &rng)).\(Int.random(in: 1..<255, using: &rng))"
            }
        }
        let services = ["tcp/22", "tcp/80", "tcp/443", "tcp/445", "udp/53", "tcp/3389", "tcp/8000-8100", "any", "icmp"]
        var rules: [Rule] = []
        for n in 0..<ruleCount {
            let anyFrom = Int.random(in: 0..<10, using: &rng) == 0
            let anyTo = Int.random(in: 0..<8, using: &rng) == 0
            let from = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Int.random(in: 0..<count, using: &rng) }
            let to = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Int.random(in: 0..<count, using: &rng) }
            let source = Int.random(in: 0..<4, using: &rng) == 0 ? "any" : someAddress(from[0])
            let destination = Int.random(in: 0..<5, using: &rng) == 0
                ? "any" : (0..<Int.random(in: 1...2, using: &rng)).map { _ in someAddress(to[0]) }.joined(separator: ",")
            let type: RuleType = [.universal, .universal, .universal, .intrazone, .interzone][Int.random(in: 0..<5, using: &rng)]
            rules.append(
                F.rule(
                    "r\(n)", Int.random(in: 0..<9, using: &rng) == 0 ? .deny : .allow,
                    from: anyFrom ? nil : from.map { names[$0] }, to: anyTo ? nil : to.map { names[$0] },
                    source: source, destination: destination,
                    services: services[Int.random(in: 0..<services.count, using: &rng)],
                    negateDestination: Int.random(in: 0..<40, using: &rng) == 0, type: type,
                    disabled: Int.random(in: 0..<30, using: &rng) == 0, line: n + 1))
        }
        let zones = names.indices.map { F.zone(names[$0], net($0)) }
        let ep = EnforcementPoint(
            name: "fw", vendor: "native", zones: zones, rules: rules, interzoneDefault: .deny, intrazoneDefault: .allow,
            location: SourceLocation(file: F.file, line: 1))
        return (Topology(enforcementPoints: [ep]), ep)
    }

    @Test("4,000 random packets over 60 zones: evaluate() and the batch verdicts agree with the oracle")
    func agreement() throws {
        let (topology, ep) = Self.network(zones: 60, rules: 600, seed: 11)
        let engine = ReachabilityEngine(topology: topology)
        let oracle = FirstMatchOracle(point: ep)
        var rng = SplitMix64(seed: 12)
        let protos: [(String, UInt8, UInt16)] = [
            ("tcp", 6, 22), ("tcp", 6, 80), ("tcp", 6, 443), ("tcp", 6, 445), ("udp", 17, 53), ("tcp", 6, 8050),
            ("icmp", 1, 0), ("tcp", 6, 3389),
        ]
        func address() -> IPAddress {
            IPAddress(v4: UInt32(10) << 24 | UInt32(Int.random(in: 0..<60, using: &rng)) << 16
                | UInt32(Int.random(in: 0..<1024, using: &rng)))
        }
        var queries: [ReachabilityEngine.ServiceQuery] = []
        var expected: [FirstMatchOracle.Verdict?] = []
        var allowed = 0
        // Half the packets aim at a random rule's own sources and destinations, so that rules,
        // not only defaults, decide a good share of them.
        let aimed = ep.rules.filter {
            !$0.source.addresses.isFull && !$0.destination.addresses.isFull && !$0.destination.negated
        }
        for n in 0..<4000 {
            var s = address()
            var d = address()
            if n % 2 == 0, let r = aimed.randomElement(using: &rng),
                let a = r.source.addresses.intervals.first, let b = r.destination.addresses.intervals.first
            {
                s = IPAddress(value: a.lower)
                d = IPAddress(value: b.upper)
            }
            let (name, proto, port) = protos[Int.random(in: 0..<protos.count, using: &rng)]
            let key = ServiceSet.key(proto: proto, port: port)
            let sp = try #require(topology.place(s))
            let dp = try #require(topology.place(d))
            let sameSegment = sp.zone == dp.zone && sp.segment == dp.segment
            let verdict = sameSegment
                ? nil : oracle.decide(from: sp.zone, to: dp.zone, src: s.description, dst: d.description, proto: name, port: port)
            let answer = engine.evaluate(source: s, destination: d, services: ServiceSet(lower: key, upper: key))
            if let verdict {
                #expect(answer.decision == verdict.action, "\(s)→\(d) \(name)/\(port)")
                #expect(answer.breakdown.first?.hops.first?.rule == verdict.rule, "\(s)→\(d) \(name)/\(port)")
            } else {
                #expect(answer.decision == .allow && answer.breakdown.first?.hops.isEmpty == true)
            }
            allowed += answer.decision == .allow ? 1 : 0
            queries.append(.init(source: s, destination: d, service: key))
            expected.append(verdict)
        }
        let verdicts = engine.verdicts(queries)
        for (n, v) in verdicts.enumerated() {
            let e = expected[n]
            #expect(v.allowed == (e.map { $0.action == .allow } ?? true), "query \(n)")
            #expect(v.hops.first?.rule == e?.rule, "query \(n)")
        }
        // Both outcomes occur often enough for the comparison to mean something.
        #expect(allowed > 200 && allowed < 3800, "allowed \(allowed)")
    }
}
