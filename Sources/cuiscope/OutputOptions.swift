import ArgumentParser
import CUIScope

/// What a command writes, for the output options it shares with the others: the formats its
/// `--format` accepts (a `Format` type per command, so a command's list is narrowed by giving it
/// its own enum), the default, and the wording of `--output` and `--fail-on`.
protocol OutputSpec {
    associatedtype Format: ExpressibleByArgument & CaseIterable & RawRepresentable<String>
    static var defaultFormat: Format { get }
    /// What `--output` holds: "report", "diagram".
    static var outputNoun: String { get }
}

/// `--format` and `--output`, declared once for every command that writes a result to a file.
struct OutputOptions<Spec: OutputSpec>: ParsableArguments {
    /// The parser lists the command's values, each with its description (`FormatDescriptions.swift`),
    /// after this help, so the help names exactly the formats the command accepts.
    @Option(name: .long, help: "Output format.")
    var format: Spec.Format = Spec.defaultFormat

    @Option(name: .long, help: ArgumentHelp("Write the \(Spec.outputNoun) to this file instead of stdout."))
    var output: String?

    /// Stdout, or the `--output` file.
    var sink: OutputSink { OutputSink(path: output) }
}

/// What a command that reports findings says of `--fail-on`.
protocol ReportSpec: OutputSpec {
    /// The threshold when `--fail-on` is not given; nil: never fail on findings.
    static var defaultFailOn: Severity? { get }
    static var failOnHelp: String { get }
}

/// `--format`, `--output` and `--fail-on`: the output options of the commands that report
/// findings, whose exit code 1 says a finding reached the threshold.
struct ReportOptions<Spec: ReportSpec>: ParsableArguments {
    @OptionGroup var output: OutputOptions<Spec>

    @Option(name: .long, help: ArgumentHelp(Spec.failOnHelp + (Spec.defaultFailOn.map { " (default: \($0.rawValue))" } ?? "")))
    var failOn: Severity?

    var format: Spec.Format { output.format }
    var sink: OutputSink { output.sink }
    /// `--fail-on`, else the command's default.
    var threshold: Severity? { failOn ?? Spec.defaultFailOn }
}

