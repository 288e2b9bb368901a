import Benchmark
import BenchmarkSupport
import CUIScope
import CUIScopeSynthetic
import Foundation

/// `analyze` end to end on the realistic enterprise profile (`cuiscope-gen --profile realistic`:
/// ~400 VLAN zones, 21k overlapping objects, deny-before-allow exceptions) at 1k, 10k and 100k
/// assets, read from the generated native files as `analyze` reads them. Besides wall time,
/// CPU and peak RSS of the whole run, each phase reports its own time (`<phase> ms`) and the
/// process's peak RSS when it ends (`<phase> peak MiB`): ingest, the phases of
/// ``AnalysisPhase`` (placement, connectivity, flows, relays, classification, findings,
/// summaries) and render (the JSON report, into memory).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident] + phaseMetrics,
        warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)

    let sizes = [("1k", 1_000, 200, 10_000), ("10k", 10_000, 2_000, 100_000), ("100k", 100_000, 20_000, 1_000_000)]
    for (label, assets, rules, flows) in sizes {
        let files = BenchmarkState<SyntheticFiles>()
        Benchmark(
            "realistic \(label): \(assets) assets, \(rules) rules, \(flows) flows",
            configuration: .init(
                setup: {
                    let dir = SyntheticInputs.scratchDirectory("realistic-\(assets)")
                    files.value = try SyntheticInputs.write(
                        profile: .realistic, assets: assets, rules: rules, flows: flows, seed: 42, to: dir)
                },
                teardown: {
                    if let file = files.value.all.first {
                        try? FileManager.default.removeItem(at: URL(fileURLWithPath: file).deletingLastPathComponent())
                    }
                    files.clear()
                })
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                var clock = PhaseClock(benchmark: benchmark)
                let input = try InputLoader.load(files.value.paths)
                clock.done("ingest")
                let result = Analyzer.run(input, includeDiagramData: false) { clock.done($0.rawValue) }
                var out = ReportOutput()
                ReportRenderer.write(result, format: .json, to: &out)
                clock.done("render")
                blackHole(out.text.utf8.count)
            }
        }
    }
}

/// The phases reported, each as a time and a peak-RSS metric.
let phaseNames = ["ingest"] + AnalysisPhase.allCases.map(\.rawValue) + ["render"]
let phaseMetrics: [BenchmarkMetric] = phaseNames.flatMap { name in
    [
        BenchmarkMetric.custom("\(name) ms", polarity: .prefersSmaller, useScalingFactor: false),
        BenchmarkMetric.custom("\(name) peak MiB", polarity: .prefersSmaller, useScalingFactor: false),
    ]
}

/// Time since the previous phase ended, and peak RSS so far, as custom measurements.
struct PhaseClock {
    let benchmark: Benchmark
    private var last = ContinuousClock.now

    init(benchmark: Benchmark) { self.benchmark = benchmark }

    mutating func done(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        let ms = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        benchmark.measurement(.custom("\(name) ms", polarity: .prefersSmaller, useScalingFactor: false), ms)
        benchmark.measurement(
            .custom("\(name) peak MiB", polarity: .prefersSmaller, useScalingFactor: false), PeakMemory.residentMiB)
    }
}
