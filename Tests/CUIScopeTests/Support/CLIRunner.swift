import Foundation

/// Runs the built `cuiscope` executable, as a user or a CI pipeline would.
enum CLIRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable sits next to the test bundle in the build products directory.
    static var executable: URL {
        let products = Bundle.module.bundleURL.deletingLastPathComponent()
        return products.appendingPathComponent("cuiscope")
    }

    /// Runs `cuiscope args…` from the repository root (so fixture paths read as in the README).
    /// - Parameter environment: variables set over the test's own environment (`PATH` without
    ///   Graphviz, say).
    static func run(_ args: [String], environment: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        p.currentDirectoryURL = TestPaths.repoRoot
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read before waiting so a large report cannot fill the pipe and block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    /// The demo's inputs, exactly as the README runs them.
    static let demoArgs = [
        "--scope", "Fixtures/demo/scope.yaml", "--inventory", "Fixtures/demo/inventory.csv",
        "--rules", "Fixtures/demo/firewall.xml", "--flows", "Fixtures/demo/flows.xml",
        "--fedramp", "Fixtures/demo/fedramp-marketplace.json",
        // A fixed assessment date: the Marketplace snapshot's age (CLOUD-41) would change daily.
        "--today", "2026-12-04",
    ]
}
