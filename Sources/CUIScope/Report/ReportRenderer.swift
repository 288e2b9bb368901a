/// Dispatches `--format` to the renderer; renderers only read the result.
public enum ReportRenderer {
    public static func render(_ r: AnalysisResult, format: OutputFormat) -> String {
        switch format {
        case .text: return TextReportRenderer.render(r)
        case .json: return JSONReportRenderer.render(r)
        case .markdown: return MarkdownReportRenderer.render(r)
        case .csv: return CSVAssetRenderer.render(r)
        case .sarif: return SARIFRenderer.render(findings: r.findings)
        case .junit: return JUnitRenderer.render(r)
        case .oscal: return OSCALInventoryRenderer.render(r)
        }
    }
}
