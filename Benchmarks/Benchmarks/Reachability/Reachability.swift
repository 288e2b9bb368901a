import Benchmark
import CUIScope
import BenchmarkSupport
import CUIScopeSynthetic

/// Data-capable connectivity of every asset to the CUI assets (`ReachabilityEngine.connectivity`)
/// on ``SyntheticNetwork``: the rule-evaluation core of `analyze`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)

    for (assets, rules) in [(10_000, 2_000), (100_000, 20_000)] {
        struct Prepared {
            var engine: ReachabilityEngine
            var assets: [Asset]
            var endpoints: [[Endpoint]]
            var targets: Set<Int>
        }
        let state = BenchmarkState<Prepared>()
        Benchmark(
            "connectivity \(assets / 1000)k assets \(rules / 1000)k rules",
            configuration: .init(
                setup: {
                    let net = SyntheticNetwork.make(assets: assets, rules: rules, seed: 42)
                    let topology = Topology(zones: net.zones, enforcementPoints: net.enforcementPoints)
                    state.value = Prepared(
                        engine: ReachabilityEngine(topology: topology, allowlist: []), assets: net.assets,
                        endpoints: topology.place(assets: net.assets),
                        targets: Set(net.assets.indices.filter { net.assets[$0].handlesCUI }))
                }, teardown: { state.clear() })
        ) { benchmark in
            let p = state.value
            for _ in benchmark.scaledIterations {
                blackHole(p.engine.connectivity(assets: p.assets, endpoints: p.endpoints, targets: p.targets))
            }
        }
    }
}
