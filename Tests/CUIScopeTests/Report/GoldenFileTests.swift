import Foundation
import Testing

/// Every renderer's whole output on the demo, compared with its golden file (``Golden``), run
/// through the built executable exactly as a user runs it. Add a renderer or a case with one line
/// in ``cases``; create its file with `CUISCOPE_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests`.
@Suite("Golden files: every renderer on the demo", .serialized)
struct GoldenFileTests {
    /// The demo change check of the README and docs/CI.md (waivers judged on a fixed date).
    static let check = ["check", "--baseline-rules", "Fixtures/check/baseline.xml", "--rules", "Fixtures/check/proposed.xml",
                        "--inventory", "Fixtures/demo/inventory.csv", "--scope", "Fixtures/check/scope.yaml",
                        "--waivers", "Fixtures/check/waivers.yaml", "--today", "2026-11-02"]

    /// Golden file name → the command line that writes it.
    static let cases: [(file: String, args: [String])] = [
        ("analyze-demo.txt", ["analyze", "--format", "text"] + CLIRunner.demoArgs),
        ("analyze-demo.json", ["analyze", "--format", "json"] + CLIRunner.demoArgs),
        ("analyze-demo.md", ["analyze", "--format", "markdown"] + CLIRunner.demoArgs),
        ("analyze-demo.csv", ["analyze", "--format", "csv"] + CLIRunner.demoArgs),
        ("analyze-demo.sarif", ["analyze", "--format", "sarif"] + CLIRunner.demoArgs),
        ("analyze-demo.junit.xml", ["analyze", "--format", "junit"] + CLIRunner.demoArgs),
        ("analyze-demo.oscal.json", ["analyze", "--format", "oscal"] + CLIRunner.demoArgs),
        ("analyze-demo.oscal-poam.json", ["analyze", "--format", "oscal-poam"] + CLIRunner.demoArgs),
        ("analyze-demo.html", ["analyze", "--format", "html"] + CLIRunner.demoArgs),
        ("check-demo.txt", check + ["--format", "text"]),
        ("check-demo.json", check + ["--format", "json"]),
        ("check-demo.sarif", check + ["--format", "sarif"]),
        ("check-demo.junit.xml", check + ["--format", "junit"]),
        ("diagram-demo-boundary.dot", ["diagram", "--view", "boundary"] + CLIRunner.demoArgs),
        ("diagram-demo-dataflow.dot", ["diagram", "--view", "dataflow"] + CLIRunner.demoArgs),
        ("diagram-demo-network.dot", ["diagram", "--view", "network"] + CLIRunner.demoArgs),
    ]

    @Test("the output equals its golden file", arguments: cases.map(\.file))
    func matchesGolden(file: String) throws {
        let args = try #require(Self.cases.first { $0.file == file }).args
        let r = try CLIRunner.run(args)
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        try Golden.check(r.stdout, name: file)
    }

    @Test("every golden file belongs to a case (a renamed case leaves no stale file behind)")
    func noStaleFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.directory.path).filter { !$0.hasPrefix(".") }
        #expect(Set(files).subtracting(Self.cases.map(\.file)).sorted() == [])
    }
}
