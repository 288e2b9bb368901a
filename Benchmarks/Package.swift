// swift-tools-version: 6.1
import PackageDescription

/// SwiftPM names a path dependency after its directory (the clone's or worktree's name), not
/// after its manifest, so the products of `../` are looked up under that name.
let cuiscope = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "cuiscope")

// Benchmarks live in their own package so that `swift build` / `swift test` of cuiscope never
// resolve or build ordo-one/benchmark (BENCHMARKS.md: run with
// `swift package --package-path Benchmarks benchmark`; CI does not run them).
let package = Package(
    name: "cuiscope-benchmarks",
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The setup/measure hand-over shared by the benchmark executables. The synthetic inputs
        // and `cuiscope-gen` live in the root package (product CUIScopeSynthetic).
        .target(name: "BenchmarkSupport"),
        .executableTarget(
            name: "Reachability",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "CUIScope", package: cuiscope),
                .product(name: "CUIScopeSynthetic", package: cuiscope),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Reachability",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Analysis",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "CUIScope", package: cuiscope),
                .product(name: "CUIScopeSynthetic", package: cuiscope),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Analysis",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Realistic",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "CUIScope", package: cuiscope),
                .product(name: "CUIScopeSynthetic", package: cuiscope),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Realistic",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Ingest",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "CUIScope", package: cuiscope),
                .product(name: "CUIScopeSynthetic", package: cuiscope),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Ingest",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ],
    swiftLanguageModes: [.v6]
)
