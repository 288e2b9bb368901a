import Foundation
import Testing

/// Runs the built `cuiscope` binary exactly as docs/CI.md does, and checks exit codes.
@Suite("check: command line")
struct CheckCommandTests {
    static func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let r = try CLIRunner.run(args)
        return (r.status, r.stdout, r.stderr)
    }

    /// The shared arguments of the docs/CI.md examples.
    static let inputs = ["--inventory", "Fixtures/demo/inventory.csv", "--scope", "Fixtures/check/scope.yaml",
                         "--waivers", "Fixtures/check/waivers.yaml"]

    @Test("docs/CI.md commands: the any-any change fails with exit 1, SARIF and JUnit written")
    func ciExample() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let sarif = dir.appendingPathComponent("cuiscope.sarif").path
        let junit = dir.appendingPathComponent("cuiscope-junit.xml").path
        // GitHub Actions step.
        let a = try Self.run(["check", "--baseline-rules", "Fixtures/check/baseline.xml", "--rules",
                              "Fixtures/check/proposed.xml"] + Self.inputs + ["--format", "sarif", "--output", sarif])
        #expect(a.status == 1, "\(a.stderr)")
        let sarifText = try String(contentsOfFile: sarif, encoding: .utf8)
        #expect(try CheckOutputTests.validateSARIF(sarifText).status == 0)
        #expect(sarifText.contains("corp-any-enclave") && sarifText.contains("\"startLine\" : 99"))
        // GitLab CI job.
        let b = try Self.run(["check", "--baseline-rules", "Fixtures/check/baseline.xml", "--rules",
                              "Fixtures/check/proposed.xml"] + Self.inputs + ["--format", "junit", "--output", junit])
        #expect(b.status == 1)
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("<failure message="))
        // Human text on stdout names the rule and file:line.
        let c = try Self.run(["check", "--baseline-rules", "Fixtures/check/baseline.xml", "--rules",
                              "Fixtures/check/proposed.xml"] + Self.inputs)
        #expect(c.status == 1)
        #expect(c.stdout.contains("FAIL:") && c.stdout.contains("Fixtures/check/proposed.xml:99"))
    }

    @Test("exit 0 when the change only tightens; exit 2 on bad input or usage")
    func exitCodes() throws {
        let ok = try Self.run(["check", "--baseline-rules", "Fixtures/check/baseline.xml", "--rules",
                               "Tests/CUIScopeTests/Fixtures/check/proposed-tighten.xml", "--inventory",
                               "Fixtures/demo/inventory.csv", "--scope", "Fixtures/check/scope.yaml",
                               "--today", "2026-11-02"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("PASS:"))
        let badWaivers = TestPaths.temporaryFile("- id: CHG-25\n  subject: x\n", name: "w.yaml")
        let bad = try Self.run(["check", "--baseline-rules", "Fixtures/check/baseline.xml", "--rules",
                                "Fixtures/check/proposed.xml", "--inventory", "Fixtures/demo/inventory.csv",
                                "--waivers", badWaivers])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("w.yaml:1:3: error: waiver is missing 'owner'"))
        let usage = try Self.run(["check", "--rules", "Fixtures/check/proposed.xml", "--inventory",
                                  "Fixtures/demo/inventory.csv"])
        #expect(usage.status == 2)
        let format = try Self.run(["check", "--baseline-rules", "Fixtures/check/baseline.xml", "--rules",
                                   "Fixtures/check/proposed.xml", "--inventory", "Fixtures/demo/inventory.csv",
                                   "--format", "csv"])
        #expect(format.status == 2)
    }
}
