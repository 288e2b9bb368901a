import ArgumentParser
import CUIScope
import Foundation

extension CheckFormat: ExpressibleByArgument {}

extension CUIScopeCommand {
    /// `cuiscope check`: compare a proposed firewall export with the baseline and fail on what is new.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare a proposed firewall export with the baseline: opened/closed paths, category changes, new findings.",
            discussion: """
                Exit 0 when no new finding is at or above --fail-on (findings already in the baseline are listed \
                but do not fail), 1 when one is, 2 on bad input or usage.
                """)

        @Option(name: .long, parsing: .upToNextOption, help: "The baseline (current) firewall rule exports.")
        var baselineRules: [String] = []

        @OptionGroup var inputs: InputOptions

        @Option(name: .long, help: "Fail when a new finding is at or above this severity: critical, high, medium, low.")
        var failOn: Severity = .high

        @Option(name: .long, help: "Waivers file (YAML, schemas/waivers.schema.json).")
        var waivers: String?

        @Option(name: .long, help: "Output format: text, json, sarif, junit.")
        var format: CheckFormat = .text

        @Option(name: .long, help: "Write the report to this file instead of stdout.")
        var output: String?

        @Option(name: .long, help: "Judge waiver expiry against this date (YYYY-MM-DD; default: today, UTC).")
        var today: String?

        func validate() throws {
            if baselineRules.isEmpty { throw ValidationError("at least one --baseline-rules file is required") }
            if inputs.rules.isEmpty { throw ValidationError("at least one --rules file (the proposed export) is required") }
            if failOn == .info { throw ValidationError("--fail-on takes critical, high, medium or low") }
            if let today, !WaiversParser.isDate(today) { throw ValidationError("--today expects a date YYYY-MM-DD") }
        }

        func run() throws {
            let paths = try inputs.paths()
            let result: Result<CheckInputs, InputError> = Result { () throws(InputError) in
                try CheckInputLoader.load(proposed: paths, baselineRules: baselineRules, waivers: waivers)
            }
            let loaded: CheckInputs
            switch result {
            case .success(let l): loaded = l
            case .failure(let e):
                Diagnostics.print(e.diagnostics)
                throw ExitCode(2)
            }
            let check = ChangeCheck.run(baseline: loaded.baseline, proposed: loaded.proposed,
                                        options: CheckOptions(failOn: failOn, waivers: loaded.waivers,
                                                              today: today ?? Self.systemDate()))
            try emit(CheckRenderer.render(check, format: format), to: output)
            if check.failed { throw ExitCode(1) }
        }

        /// Today's date in UTC as YYYY-MM-DD.
        static func systemDate() -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let c = calendar.dateComponents([.year, .month, .day], from: Date())
            return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
        }
    }
}
