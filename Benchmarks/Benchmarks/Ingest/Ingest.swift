import Benchmark
import CUIScope
import Foundation
import BenchmarkSupport
import CUIScopeSynthetic

/// Reading the large inputs: a 100k-row inventory CSV, 20k native rules, 1M native flow
/// records. Flows go through `FlowsReader.read`, the entry point `analyze` uses.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)

    let files = BenchmarkState<SyntheticFiles>()
    let dir = SyntheticInputs.scratchDirectory("ingest")
    let configuration = Benchmark.Configuration(
        setup: {
            files.value = try SyntheticInputs.write(
                assets: 100_000, rules: 20_000, flows: 1_000_000, seed: 42, to: dir)
        },
        teardown: {
            files.clear()
            try? FileManager.default.removeItem(atPath: dir)
        })

    Benchmark("inventory CSV 100k rows", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try InventoryReader.read(path: files.value.inventory, format: nil, mappings: [:], lenient: false))
        }
    }
    Benchmark("native rules XML 20k rules", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try RulesReader.read(path: files.value.rules, lenient: false, hosts: [:]))
        }
    }
    Benchmark("native flows XML 1M records", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try FlowsReader.read(path: files.value.flows!, strict: false))
        }
    }
}
