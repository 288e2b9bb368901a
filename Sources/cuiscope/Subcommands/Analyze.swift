import ArgumentParser
import CUIScope
import Foundation

extension CUIScopeCommand {
    /// `cuiscope analyze`: categorise every asset and report findings with evidence.
    struct Analyze: ParsableCommand, ReportSpec {
        static let configuration = CommandConfiguration(
            abstract: "Classify every asset into its CMMC scoping category and report findings with evidence.")

        static let defaultFormat = OutputFormat.text
        static let outputNoun = "report"
        static let defaultFailOn: Severity? = nil
        static let failOnHelp = "Exit 1 when a finding is at or above this severity (critical, high, medium, low). Default: never."

        @OptionGroup var inputs: InputOptions

        @OptionGroup var report: ReportOptions<Analyze>

        /// A `warning:` line on stderr: the report is written, but lacks what the line says.
        static func warn(_ message: String) {
            FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
        }

        func run() throws {
            let progress = inputs.progressReporter
            let input = try inputs.load(progress: progress)
            progress.note("analysing reachability and classifying")
            let format = report.format
            let result = Analyzer.run(input, includeDiagramData: format.needsNetworkSummary) { progress.phaseDone($0.rawValue) }
            inputs.warnAboutStaleData(result.findings)
            progress.note("rendering \(format.rawValue): \(result.assets.count) assets, \(result.findings.count) findings")
            let failOn = report.threshold
            try report.sink.write {
                ReportRenderer.write(result, format: format, failOn: failOn, warn: Self.warn, to: &$0)
            }
            progress.phaseDone("render")
            if let failOn = report.threshold,
                result.findings.contains(where: { $0.severity >= failOn && $0.severity != .info })
            {
                throw ExitCode(1)
            }
        }
    }
}
