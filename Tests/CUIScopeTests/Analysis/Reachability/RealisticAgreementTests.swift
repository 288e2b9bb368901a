import Foundation
import Testing

@testable import CUIScope
import CUIScopeSynthetic

/// The bounded reachability core on the realistic enterprise profile (hundreds of zones,
/// overlapping objects, deny-before-allow exceptions, `application-default`, negated RFC 1918
/// destinations), read from the generated PAN-OS config as a user would give it: single
/// queries and the batch flow verdicts against the independent first-match oracle, and bulk
/// connectivity against single queries.
@Suite("Reachability: realistic profile at 1k vs the oracle")
struct RealisticAgreementTests {
    struct Loaded {
        var input: AnalysisInput
        var topology: Topology
        var engine: ReachabilityEngine
        var point: EnforcementPoint
    }

    static func load() throws -> Loaded {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-agree-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try SyntheticInputs.write(profile: .realistic, assets: 1000, rules: 200, flows: 0, seed: 42, to: dir)
        let paths = try #require(files.panosPaths)
        let input = try InputLoader.load(paths)
        let topology = Topology(enforcementPoints: input.enforcementPoints)
        #expect(input.enforcementPoints.count == 1)
        let point = try #require(input.enforcementPoints.first)
        return Loaded(input: input, topology: topology, engine: ReachabilityEngine(topology: topology), point: point)
    }

    @Test("5,000 random packets: evaluate() and the batch verdicts give the oracle's verdict and rule")
    func packets() throws {
        let l = try Self.load()
        let oracle = FirstMatchOracle(point: l.point)
        var rng = SplitMix64(seed: 5)
        let hosts = l.input.assets.flatMap { a in a.addresses.intervals.prefix(2).map { IPAddress(value: $0.lower) } }
        let subnets = l.topology.zones.flatMap { $0.subnets.flatMap(\.addresses.intervals) }
        func address() -> IPAddress {
            if Int.random(in: 0..<3, using: &rng) > 0 { return hosts[Int.random(in: 0..<hosts.count, using: &rng)] }
            let iv = subnets[Int.random(in: 0..<subnets.count, using: &rng)]
            let span = UInt64(min(iv.upper - iv.lower, 4095))
            return IPAddress(value: iv.lower + UInt128(UInt64.random(in: 0...span, using: &rng)))
        }
        let services: [(String, UInt8, UInt16)] = [
            ("tcp", 6, 22), ("tcp", 6, 80), ("tcp", 6, 443), ("tcp", 6, 445), ("udp", 17, 53), ("tcp", 6, 3389),
            ("tcp", 6, 1433), ("udp", 17, 161), ("tcp", 6, 8443), ("icmp", 1, 0), ("tcp", 6, 9100), ("udp", 17, 123),
        ]
        var queries: [ReachabilityEngine.ServiceQuery] = []
        var expected: [FirstMatchOracle.Verdict?] = []
        var allowed = 0
        var compared = 0
        while queries.count < 5000 {
            let s = address()
            let d = address()
            guard let sp = l.topology.place(s), let dp = l.topology.place(d) else { continue }
            let (name, proto, port) = services[Int.random(in: 0..<services.count, using: &rng)]
            let key = ServiceSet.key(proto: proto, port: port)
            let sameSegment = sp.zone == dp.zone && sp.segment == dp.segment
            let verdict = sameSegment
                ? nil : oracle.decide(from: sp.zone, to: dp.zone, src: s.description, dst: d.description, proto: name, port: port)
            let answer = l.engine.evaluate(source: s, destination: d, services: ServiceSet(lower: key, upper: key))
            if let verdict {
                #expect(answer.decision == verdict.action, "\(s)→\(d) \(name)/\(port)")
                #expect(answer.breakdown.first?.hops.first?.rule == verdict.rule, "\(s)→\(d) \(name)/\(port)")
                compared += 1
            }
            allowed += answer.decision == .allow ? 1 : 0
            queries.append(.init(source: s, destination: d, service: key))
            expected.append(verdict)
        }
        for (n, v) in l.engine.verdicts(queries).enumerated() {
            #expect(v.allowed == (expected[n].map { $0.action == .allow } ?? true), "query \(n)")
            #expect(v.hops.first?.rule == expected[n]?.rule, "query \(n)")
        }
        #expect(compared > 4000)
        #expect(allowed > 250 && allowed < 4750, "allowed \(allowed)")
    }

    @Test("bulk connectivity agrees with single queries for sampled assets and targets")
    func connectivity() throws {
        let l = try Self.load()
        let assets = l.input.assets
        let endpoints = l.topology.place(assets: assets)
        var rng = SplitMix64(seed: 6)
        let cui = assets.indices.filter { assets[$0].handlesCUI || assets[$0].declared == .cui }
        #expect(cui.count > 5)
        let few = Set((0..<6).map { _ in cui[Int.random(in: 0..<cui.count, using: &rng)] })
        let result = l.engine.connectivity(assets: assets, endpoints: endpoints, targets: few)
        let others = assets.indices.filter { !few.contains($0) }
        var connected = 0
        for _ in 0..<40 {
            let a = others[Int.random(in: 0..<others.count, using: &rng)]
            let got = try #require(result[a])
            var peers = 0
            var services = ServiceSet()
            for t in few.sorted() {
                let s = ReachabilityDifferentialTests.oracle(l.engine, endpoints[a], endpoints[t], allowlisted: ServiceSet())
                if !s.isEmpty { peers += 1 }
                services = services.union(s)
            }
            connected += peers > 0 ? 1 : 0
            #expect(got.peers == peers, "asset \(assets[a].id)")
            #expect(got.services == services, "asset \(assets[a].id)")
        }
        #expect(connected > 0)
    }
}
