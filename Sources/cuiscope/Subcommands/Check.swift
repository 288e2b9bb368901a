import ArgumentParser
import CUIScope
import Foundation


extension CUIScopeCommand {
    /// `cuiscope check`: compare a proposed firewall export with the baseline and fail on what is new.
    struct Check: ParsableCommand, ReportSpec {
        static let configuration = CommandConfiguration(
            abstract: "Compare a proposed firewall export with the baseline: opened/closed paths, category changes, new findings.",
            discussion: """
                Exit 0 when no new finding is at or above --fail-on (findings already in the baseline are listed \
                but do not fail), 1 when one is, 2 on bad input or usage.
                """)

        static let defaultFormat = CheckFormat.text
        static let outputNoun = "report"
        static let defaultThreshold = Severity.high
        static let defaultFailOn: Severity? = defaultThreshold
        static let failOnHelp = "Fail when a new finding is at or above this severity: critical, high, medium, low."

        @Option(name: .long, parsing: .upToNextOption, help: "The baseline (current) firewall rule exports.")
        var baselineRules: [String] = []

        @OptionGroup var inputs: InputOptions

        @OptionGroup var report: ReportOptions<Check>

        @Option(name: .long, help: "Waivers file (YAML, schemas/waivers.schema.json).")
        var waivers: String?

        func validate() throws {
            if baselineRules.isEmpty { throw ValidationError("at least one --baseline-rules file is required") }
            if inputs.rules.isEmpty { throw ValidationError("at least one --rules file (the proposed export) is required") }
            if report.failOn == .info { throw ValidationError("--fail-on takes critical, high, medium or low") }
        }

        func run() throws {
            let paths = try inputs.paths()
            let loaded = try loadOrExit { () throws(InputError) in
                try CheckInputLoader.load(proposed: paths, baselineRules: baselineRules, waivers: waivers)
            }
            let check = ChangeCheck.run(baseline: loaded.baseline, proposed: loaded.proposed,
                                        options: CheckOptions(failOn: report.threshold ?? Self.defaultThreshold, waivers: loaded.waivers,
                                                              today: inputs.assessmentDate))
            try report.sink.write(CheckRenderer.render(check, format: report.format))
            if check.failed { throw ExitCode(1) }
        }
    }
}
