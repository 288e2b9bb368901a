// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cuiscope",
    products: [
        .executable(name: "cuiscope", targets: ["cuiscope"]),
        .library(name: "CUIScope", targets: ["CUIScope"]),
        // Generated contractor networks for benchmarks and tests; not part of the CUIScope library.
        .library(name: "CUIScopeSynthetic", targets: ["CUIScopeSynthetic"]),
        .executable(name: "cuiscope-gen", targets: ["cuiscope-gen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(
            name: "CUIScope",
            dependencies: ["CLibXML2", "CZlib", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "cuiscope",
            dependencies: ["CUIScope", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(
            name: "CUIScopeSynthetic",
            dependencies: ["CUIScope"]),
        .executableTarget(
            name: "cuiscope-gen",
            dependencies: ["CUIScopeSynthetic", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(
            name: "CUIScopeTests",
            dependencies: ["CUIScope", "CUIScopeSynthetic", "CZlib"],
            resources: [.copy("Fixtures"), .copy("Golden")]),
    ],
    swiftLanguageModes: [.v6]
)
