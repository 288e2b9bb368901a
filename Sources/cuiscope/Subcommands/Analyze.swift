import ArgumentParser
import CUIScope

extension CUIScopeCommand {
    /// `cuiscope analyze`: categorise every asset and report findings with evidence.
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify every asset into its CMMC scoping category and report findings with evidence.")

        @OptionGroup var inputs: InputOptions

        @Option(name: .long, help: "Output format: text, json, markdown, csv, sarif, junit, oscal.")
        var format: OutputFormat = .text

        @Option(name: .long, help: "Write the report to this file instead of stdout.")
        var output: String?

        @Option(name: .long, help: "Exit 1 when a finding is at or above this severity (critical, high, medium, low). Default: never.")
        var failOn: Severity?

        func run() throws {
            let progress = inputs.progressReporter
            let input = try inputs.load(progress: progress)
            progress.note("analysing reachability and classifying")
            let result = Analyzer.run(input, includeDiagramData: false) { progress.phaseDone($0.rawValue) }
            progress.note("rendering \(format.rawValue): \(result.assets.count) assets, \(result.findings.count) findings")
            try emitStreaming(to: output) { ReportRenderer.write(result, format: format, to: &$0) }
            progress.phaseDone("render")
            if let failOn, result.findings.contains(where: { $0.severity >= failOn && $0.severity != .info }) {
                throw ExitCode(1)
            }
        }
    }
}
