import ArgumentParser
import CUIScope
import Foundation

extension DiagramView: ExpressibleByArgument {}
extension DiagramAggregation: ExpressibleByArgument {}

extension CUIScopeCommand {
    /// `cuiscope diagram`: the assessment boundary, data flows or network as Graphviz DOT (or SVG/PNG).
    struct Diagram: ParsableCommand, OutputSpec {
        static let configuration = CommandConfiguration(
            abstract: "Draw the CMMC assessment boundary, data flows or network from the analysis (Graphviz DOT).",
            discussion: """
                The diagram is computed from the same analysis as `analyze`, so it cannot drift from the evidence. \
                --format svg|png runs Graphviz `dot` when it is on PATH; DOT never needs it.
                """)

        static let defaultFormat = DiagramFormat.dot
        static let outputNoun = "diagram"

        @OptionGroup var inputs: InputOptions

        @Option(name: .long, help: "View: boundary (what crosses the boundary), dataflow (where CUI moves), network (zones, enforcement points, subnets).")
        var view: DiagramView = .boundary

        @Option(name: .long, help: "Collapse assets: auto (above \(DiagramOptions.autoThreshold) assets), none, zone, category.")
        var aggregate: DiagramAggregation = .auto

        @Option(name: .long, help: "Draw only this asset and the assets it shares an edge with.")
        var around: String?

        @Option(name: .long, help: "Draw only the assets of this zone and the assets they share an edge with.")
        var zone: String?

        @Flag(name: .long, help: "Draw only assets named by findings and the flagged edges.")
        var onlyFindings = false

        @Option(name: .long, help: "Title drawn at the top (default: the view and organisation); the date the inputs carry is added below it.")
        var title: String?

        @OptionGroup var output: OutputOptions<Diagram>

        func run() throws {
            let input = try inputs.load()
            let result = Analyzer.run(input)
            let options = DiagramOptions(
                view: view, aggregate: aggregate, around: around, zone: zone, onlyFindings: onlyFindings, title: title)
            let dot: String
            do { dot = try DOTRenderer.render(result, options: options) } catch {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(2)
            }
            if output.format == .dot { return try output.sink.write(dot) }
            let data: Data
            do { data = try GraphvizRunner.render(dot, format: output.format.rawValue) } catch {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(2)
            }
            try output.sink.write(data)
        }
    }
}
