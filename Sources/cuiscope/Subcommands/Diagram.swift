import ArgumentParser
import CUIScope
import Foundation

extension DiagramView: ExpressibleByArgument {}
extension DiagramAggregation: ExpressibleByArgument {}
extension DiagramFormat: ExpressibleByArgument {}

extension CUIScopeCommand {
    /// `cuiscope diagram`: the assessment boundary, data flows or network as Graphviz DOT (or SVG/PNG).
    struct Diagram: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the CMMC assessment boundary, data flows or network from the analysis (Graphviz DOT).",
            discussion: """
                The diagram is computed from the same analysis as `analyze`, so it cannot drift from the evidence. \
                --format svg|png runs Graphviz `dot` when it is on PATH; DOT never needs it.
                """)

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

        @Option(name: .long, help: "Output format: dot, svg, png (svg and png run Graphviz dot).")
        var format: DiagramFormat = .dot

        @Option(name: .long, help: "Write the diagram to this file instead of stdout.")
        var output: String?

        func run() throws {
            let input = try inputs.load()
            let result = Analyzer.run(input)
            let options = DiagramOptions(
                view: view, aggregate: aggregate, around: around, zone: zone, onlyFindings: onlyFindings)
            let dot: String
            do { dot = try DOTRenderer.render(result, options: options) } catch {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(2)
            }
            if format == .dot { return try emit(dot, to: output) }
            let data: Data
            do { data = try GraphvizRunner.render(dot, format: format.rawValue) } catch {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(2)
            }
            try emit(data, to: output)
        }
    }
}

/// Writes bytes (SVG, PNG) to stdout or `--output`.
private func emit(_ data: Data, to output: String?) throws {
    if let output {
        do { try data.write(to: URL(fileURLWithPath: output)) } catch {
            FileHandle.standardError.write(Data("\(output): error: cannot write output: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    } else {
        FileHandle.standardOutput.write(data)
    }
}
