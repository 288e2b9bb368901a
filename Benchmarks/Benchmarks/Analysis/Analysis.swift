import Benchmark
import CUIScope
import Foundation
import BenchmarkSupport
import CUIScopeSynthetic

/// The whole analysis (`Analyzer.run`: placement, connectivity, observed flows, classification,
/// findings) and the JSON report, on inputs read from generated files exactly as `analyze` reads them.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)

    for (assets, rules, flows) in [(10_000, 2_000, 100_000), (100_000, 20_000, 1_000_000)] {
        let label = "\(assets / 1000)k assets \(rules / 1000)k rules \(flows / 1000)k flows"
        let input = BenchmarkState<AnalysisInput>()
        let result = BenchmarkState<AnalysisResult>()
        let setup: Benchmark.BenchmarkSetupHook = {
            let dir = SyntheticInputs.scratchDirectory("analysis-\(assets)")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let files = try SyntheticInputs.write(assets: assets, rules: rules, flows: flows, seed: 42, to: dir)
            input.value = try InputLoader.load(files.paths)
        }
        Benchmark(
            "Analyzer.run \(label)",
            configuration: .init(setup: setup, teardown: { input.clear() })
        ) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(Analyzer.run(input.value)) }
        }
        Benchmark(
            "JSON report \(label)",
            configuration: .init(
                setup: {
                    try await setup()
                    result.value = Analyzer.run(input.value)
                    input.clear()
                }, teardown: { result.clear() })
        ) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(ReportRenderer.render(result.value, format: .json)) }
        }
    }
}
