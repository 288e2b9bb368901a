import ArgumentParser
import CUIScope

extension CUIScopeCommand {
    /// `cuiscope explain ASSET-ID`: why this asset has its category, with the evidence.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain why an asset has its category, with the evidence behind it.")

        @Argument(help: "The asset id (inventory id column).")
        var assetID: String

        @OptionGroup var inputs: InputOptions

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let input = try inputs.load()
            let result = Analyzer.run(input, includeDiagramData: false)
            guard result.assets.contains(where: { $0.id == assetID }) else {
                Diagnostics.print([.error(SourceLocation(file: "<arguments>", line: 0), "no asset with id '\(assetID)' in the inventory")])
                throw ExitCode(2)
            }
            try OutputSink(path: nil).write { _ = ExplainRenderer.write(result, assetID: assetID, json: format == .json, to: &$0) }
        }
    }
}
