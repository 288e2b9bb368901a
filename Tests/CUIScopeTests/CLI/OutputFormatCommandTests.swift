import Foundation
import Testing

@testable import CUIScope

/// `--format` on every command: it accepts exactly the formats the command writes, its help lists
/// exactly those, and anything else is a usage error (exit 2) naming the allowed values.
@Suite("CLI: --format per command", .serialized)
struct OutputFormatCommandTests {
    /// Each command, the arguments that make it run on the demo, and the formats it writes.
    static let commands: [(name: String, args: [String], formats: [String])] = [
        ("analyze", CLIRunner.demoArgs, OutputFormat.allCases.map(\.rawValue)),
        ("check", ["--baseline-rules", "Fixtures/check/baseline.xml", "--rules", "Fixtures/check/proposed.xml",
                   "--inventory", "Fixtures/demo/inventory.csv", "--scope", "Fixtures/check/scope.yaml", "--today", "2026-11-02"],
         CheckFormat.allCases.map(\.rawValue)),
        ("explain", ["corp-lt-03"] + CLIRunner.demoArgs, QueryFormat.allCases.map(\.rawValue)),
        ("reach", ["--rules", "Fixtures/demo/firewall.xml", "--from", "10.20.10.57", "--to", "10.50.1.10"],
         QueryFormat.allCases.map(\.rawValue)),
        ("diagram", CLIRunner.demoArgs, ["dot"]),
    ]

    /// Every format token any command knows.
    static let allTokens = Set(OutputFormat.allCases.map(\.rawValue) + CheckFormat.allCases.map(\.rawValue)
        + QueryFormat.allCases.map(\.rawValue) + DiagramFormat.allCases.map(\.rawValue) + ["html", "xml"])

    static func command(_ name: String) throws -> (name: String, args: [String], formats: [String]) {
        try #require(commands.first { $0.name == name })
    }

    @Test("help lists exactly the command's formats", arguments: commands.map(\.name))
    func helpListsExactlyTheFormats(name: String) throws {
        let help = try CLIRunner.run([name, "--help"])
        #expect(help.status == 0)
        // "--format <format>  Output format. (default: text)", then one "  value  - description" line per value.
        let lines = help.stdout.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("  --format <format>") })
        let listed = lines[(start + 1)...].prefix { !$0.hasPrefix("  -") }
            .compactMap { $0.firstMatch(of: #/^\s+(\S+)\s+- /#).map { String($0.1) } }
        let expected = name == "diagram" ? DiagramFormat.allCases.map(\.rawValue) : try Self.command(name).formats
        #expect(listed == expected)
    }

    @Test("every format the command lists runs", arguments: commands.map(\.name))
    func everyListedFormatRuns(name: String) throws {
        let c = try Self.command(name)
        for format in c.formats {
            let r = try CLIRunner.run([name] + c.args + ["--format", format])
            #expect(r.status == 0 || r.status == 1, "\(name) --format \(format): \(r.stderr)")
            #expect(!r.stdout.isEmpty, "\(name) --format \(format)")
        }
    }

    @Test("any other format exits 2 and names the allowed values", arguments: commands.map(\.name))
    func otherFormatsAreUsageErrors(name: String) throws {
        let c = try Self.command(name)
        let allowed = name == "diagram" ? DiagramFormat.allCases.map(\.rawValue) : c.formats
        // A token of another command, and one no command knows.
        let others = Self.allTokens.subtracting(allowed).sorted()
        for format in Set(others.prefix(2) + ["xml"]).sorted() {
            let r = try CLIRunner.run([name] + c.args + ["--format", format])
            #expect(r.status == 2, "\(name) --format \(format) exited \(r.status)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("'\(format)' is invalid"), "\(r.stderr)")
            // Short lists read "one of 'text' and 'json'", long ones list "- text" per line.
            for value in allowed {
                #expect(r.stderr.contains("'\(value)'") || r.stderr.contains("- \(value)\n"), "\(name): \(r.stderr)")
            }
        }
    }

    @Test("analyze JUnit failures follow --fail-on, like check; findings below it are listed, not failed")
    func junitFollowsFailOn() throws {
        let json = try CLIRunner.run(["analyze", "--format", "json"] + CLIRunner.demoArgs).stdout
        let findings = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        func failingIDs(at threshold: Severity) -> Set<String> {
            Set(findings.filter {
                let s = Severity(rawValue: $0["severity"] as? String ?? "") ?? .info
                return s != .info && s >= threshold
            }.compactMap { $0["id"] as? String })
        }
        for threshold in [Severity.critical, .high, .medium, .low] {
            let r = try CLIRunner.run(["analyze", "--format", "junit", "--fail-on", threshold.rawValue] + CLIRunner.demoArgs)
            let failing = Set(r.stdout.matches(of: /<testcase classname="([^"]+)"[^>]*>\s*<failure/).map { String($0.1) })
            #expect(failing == failingIDs(at: threshold), "--fail-on \(threshold.rawValue)")
            #expect(r.stdout.contains("failures=\"\(failing.count)\""))
            #expect(r.status == (failing.isEmpty ? 0 : 1))
        }
        let critical = try CLIRunner.run(["analyze", "--format", "junit", "--fail-on", "critical"] + CLIRunner.demoArgs)
        #expect(critical.stdout.contains("<system-out>not failing:"))
        // Without --fail-on: exit 0, and every finding but info fails its test case.
        let plain = try CLIRunner.run(["analyze", "--format", "junit"] + CLIRunner.demoArgs)
        #expect(plain.status == 0)
        let failing = Set(plain.stdout.matches(of: /<testcase classname="([^"]+)"[^>]*>\s*<failure/).map { String($0.1) })
        #expect(failing == failingIDs(at: .low))
    }

    @Test("shell completions (README) name every subcommand and every format value", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let r = try CLIRunner.run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        for name in Self.commands.map(\.name) + ["validate"] { #expect(r.stdout.contains(name), "\(shell): \(name)") }
        for token in Self.allTokens.subtracting(["html", "xml"]) { #expect(r.stdout.contains(token), "\(shell): \(token)") }
        if shell == "bash" {
            let script = TestPaths.temporaryFile(r.stdout, name: "cuiscope.bash")
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/bin/bash")
            check.arguments = ["-n", script]
            try check.run()
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "bash -n refuses the completion script")
        }
    }
}
