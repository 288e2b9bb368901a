import Foundation
import Testing

@testable import CUIScope
import CUIScopeSynthetic

/// The class-based bulk computation must agree with the direct, rule-by-rule `evaluate()`.
@Suite("Reachability: bulk vs single query")
struct ReachabilityDifferentialTests {
    typealias F = ReachFixtures

    static let rdp = AllowlistEntry(
        services: F.svc("tcp/3389"), serviceText: "tcp/3389", to: nil, reason: "display only",
        location: SourceLocation(file: "scope.yaml", line: 12))

    /// Services that pass between two assets in either direction, by single queries.
    static func oracle(
        _ engine: ReachabilityEngine, _ a: [Endpoint], _ t: [Endpoint], allowlisted: ServiceSet = rdp.services
    ) -> ServiceSet {
        var out = ServiceSet()
        for x in a where x.zone != nil {
            for y in t where y.zone != nil {
                for (s, d) in [(x, y), (y, x)] {
                    let answer = engine.evaluate(
                        source: s.address, destination: d.address, services: .anyService,
                        fromZone: engine.topology.place(s.address) == nil ? s.zone : nil,
                        toZone: engine.topology.place(d.address) == nil ? d.zone : nil)
                    out = out.union(answer.allowed.subtracting(allowlisted))
                }
            }
        }
        return out
    }

    @Test("10,000 assets and 2,000 rules: bulk agrees with evaluate() on sampled pairs")
    func differential() throws {
        let net = SyntheticNetwork.make(assets: 10_000, rules: 2_000, seed: 42)
        let topology = Topology(zones: net.zones, enforcementPoints: net.enforcementPoints)
        let engine = ReachabilityEngine(topology: topology, allowlist: [Self.rdp])
        let endpoints = topology.place(assets: net.assets)
        let targets = Set(net.assets.indices.filter { net.assets[$0].handlesCUI })
        #expect(targets.count == 200)

        let clock = ContinuousClock()
        let start = clock.now
        let full = engine.connectivity(assets: net.assets, endpoints: endpoints, targets: targets)
        let elapsed = clock.now - start
        let connected = full.values.filter(\.isConnected).count
        print("connectivity: 10000 assets, 2000 rules, \(targets.count) targets: \(elapsed); connected \(connected)")
        #expect(full.count == net.assets.count - targets.count)
        #expect(connected > 0 && connected < full.count)

        // Exact check: a small target set, every sampled asset compared against each target.
        var rng = SplitMix64(seed: 99)
        let sortedTargets = targets.sorted()
        let few = Set((0..<10).map { _ in sortedTargets[Int.random(in: 0..<sortedTargets.count, using: &rng)] })
        let small = engine.connectivity(assets: net.assets, endpoints: endpoints, targets: few)
        let others = net.assets.indices.filter { !few.contains($0) }
        var checked = 0
        var positives = 0
        for _ in 0..<20 {
            let a = others[Int.random(in: 0..<others.count, using: &rng)]
            let got = try #require(small[a])
            var peers = 0
            var services = ServiceSet()
            for t in few.sorted() {
                let s = Self.oracle(engine, endpoints[a], endpoints[t])
                if !s.isEmpty { peers += 1 }
                services = services.union(s)
                checked += 1
            }
            positives += peers > 0 ? 1 : 0
            #expect(got.peers == peers, "asset \(net.assets[a].id)")
            #expect(got.services == services, "asset \(net.assets[a].id)")
            for edge in got.edges where edge.kind == .permit {
                // The example's hops are the rules evaluate() names for its first service.
                let key = try #require(edge.services.intervals.first?.lower)
                let answer = engine.evaluate(
                    source: try #require(edge.fromAddress), destination: try #require(edge.toAddress),
                    services: ServiceSet(lower: key, upper: key))
                #expect(answer.decision == .allow)
                #expect(answer.breakdown.first?.hops == edge.hops)
            }
        }
        #expect(checked == 20 * few.count)

        // Sampled pairs against the full run: no bulk "separated" asset may have a path.
        var pairs = 0
        while pairs < 200 {
            let a = others[Int.random(in: 0..<others.count, using: &rng)]
            guard !targets.contains(a) else { continue }
            let t = sortedTargets[Int.random(in: 0..<sortedTargets.count, using: &rng)]
            let s = Self.oracle(engine, endpoints[a], endpoints[t])
            let got = try #require(full[a])
            if !s.isEmpty {
                #expect(got.peers > 0, "\(net.assets[a].id) reaches \(net.assets[t].id)")
                #expect(got.services.isSuperset(of: s))
            }
            pairs += 1
        }
        print("differential: \(checked) exact asset pairs (\(positives) assets connected), \(pairs) sampled pairs")
    }
}
