import ArgumentParser
import CUIScope

extension CUIScopeCommand {
    /// `cuiscope explain ASSET-ID`: why this asset has its category, with the evidence.
    struct Explain: ParsableCommand, OutputSpec {
        static let configuration = CommandConfiguration(
            abstract: "Explain why an asset has its category, with the evidence behind it.")

        @Argument(help: "The asset id (inventory id column).")
        var assetID: String

        static let defaultFormat = QueryFormat.text
        static let outputNoun = "explanation"

        @OptionGroup var inputs: InputOptions

        @OptionGroup var output: OutputOptions<Explain>

        func run() throws {
            let input = try inputs.load()
            let result = Analyzer.run(input, includeDiagramData: false)
            guard result.assets.contains(where: { $0.id == assetID }) else {
                Diagnostics.print([.error(SourceLocation(file: "<arguments>", line: 0), "no asset with id '\(assetID)' in the inventory")])
                throw ExitCode(2)
            }
            let json = output.format == .json
            try output.sink.write { _ = ExplainRenderer.write(result, assetID: assetID, json: json, to: &$0) }
        }
    }
}
