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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Writers of the synthetic inputs (inventory CSV, native rules XML, native flows XML),
        // shared by the generator and the ingest benchmarks.
        .target(
            name: "SyntheticInputs",
            dependencies: [.product(name: "CUIScope", package: cuiscope)]),
        .executableTarget(
            name: "cuiscope-gen",
            dependencies: [
                "SyntheticInputs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "Reachability",
            dependencies: [
                "SyntheticInputs",
                .product(name: "CUIScope", package: cuiscope),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Reachability",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Analysis",
            dependencies: [
                "SyntheticInputs",
                .product(name: "CUIScope", package: cuiscope),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Analysis",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "Ingest",
            dependencies: [
                "SyntheticInputs",
                .product(name: "CUIScope", package: cuiscope),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Ingest",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ],
    swiftLanguageModes: [.v6]
)
