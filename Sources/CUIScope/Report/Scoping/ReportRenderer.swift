/// Dispatches `--format` to the renderer; renderers only read the result.
public enum ReportRenderer {
    /// - Parameter failOn: `--fail-on`, for the formats that mark failures (JUnit).
    public static func render(_ r: AnalysisResult, format: OutputFormat, failOn: Severity? = nil) -> String {
        switch format {
        case .text: return TextReportRenderer.render(r)
        case .json: return JSONReportRenderer.render(r)
        case .markdown: return MarkdownReportRenderer.render(r)
        case .csv: return CSVAssetRenderer.render(r)
        case .sarif:
            return SARIFRenderer.render(findings: r.findings, assetLocations: r.assetLocations, fallback: r.fallbackLocation)
        case .junit: return JUnitRenderer.render(r, failOn: failOn)
        case .oscal: return OSCALSSPRenderer.render(r)
        case .oscalPOAM: return OSCALPOAMRenderer.render(r)
        case .html: return HTMLReportRenderer.render(r, diagram: .boundary(of: r))
        }
    }

    /// Streams the report to `out`: JSON, text, markdown, CSV and HTML as they walk the result (a
    /// 100k-asset report is never held whole); the other formats are nested documents rendered first.
    /// - Parameter warn: told when the output is written but lacks something (HTML without a drawn
    ///   diagram because Graphviz is missing), for the CLI's stderr.
    public static func write(_ r: AnalysisResult, format: OutputFormat, failOn: Severity? = nil,
                             warn: (String) -> Void = { _ in }, to out: inout ReportOutput) {
        switch format {
        case .html:
            let diagram = InlineDiagram.boundary(of: r)
            if case .source(_, let reason) = diagram {
                warn("the HTML report embeds the diagram's DOT source instead of the drawing: \(reason)")
            }
            HTMLReportRenderer.write(r, diagram: diagram, to: &out)
        case .text: TextReportRenderer.write(r, to: &out)
        case .json: JSONReportRenderer.write(r, to: &out)
        case .markdown: MarkdownReportRenderer.write(r, to: &out)
        case .csv: CSVAssetRenderer.write(r, to: &out)
        case .sarif, .junit, .oscal, .oscalPOAM: out.write(render(r, format: format, failOn: failOn))
        }
    }
}
