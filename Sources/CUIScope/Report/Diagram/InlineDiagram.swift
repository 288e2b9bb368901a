/// A diagram as a page embeds it (`analyze --format html`): the SVG Graphviz draws, ready to sit
/// inside an HTML document, or — when `dot` is missing or fails — the DOT source and the reason,
/// so the report is still written and says what is absent (docs/DECISIONS.md 140).
public enum InlineDiagram: Sendable, Equatable {
    /// The `<svg>` element, without the XML declaration, doctype and comments Graphviz puts around it.
    case svg(String)
    /// The DOT text that could not be drawn, and why.
    case source(dot: String, reason: String)

    /// The boundary view of `result` (`cuiscope diagram --view boundary`), drawn by Graphviz.
    /// - Parameter dotExecutable: the `dot` binary; found on `PATH` when nil.
    public static func boundary(of result: AnalysisResult, dotExecutable: String? = nil) -> InlineDiagram {
        let dot: String
        do { dot = try DOTRenderer.render(result, options: DiagramOptions(view: .boundary)) } catch {
            return .source(dot: "", reason: error.message)
        }
        do {
            let data = try GraphvizRunner.render(dot, format: "svg", executable: dotExecutable)
            return .svg(inlineSVG(String(decoding: data, as: UTF8.self)))
        } catch {
            return .source(dot: dot, reason: error.message)
        }
    }

    /// Graphviz's SVG document reduced to its `<svg>` element with every `<!-- … -->` comment
    /// removed (they only repeat node names and the Graphviz version). Graphviz writes `-` and `>`
    /// in comments as character references, so the first `-->` after `<!--` ends the comment.
    static func inlineSVG(_ document: String) -> String {
        guard let start = document.range(of: "<svg") else { return "" }
        var rest = document[start.lowerBound...]
        var out = ""
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
            rest = rest[close.upperBound...]
            if rest.first == "\n" { rest = rest.dropFirst() }
        }
        out += rest
        return out.hasSuffix("\n") ? out : out + "\n"
    }
}
