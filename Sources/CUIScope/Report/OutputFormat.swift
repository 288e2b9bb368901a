/// Output formats of `analyze`: contract tokens (docs/ARCHITECTURE.md, Command-line contract).
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, markdown, csv, sarif, junit, oscal
    case oscalPOAM = "oscal-poam"
    case html

    /// Formats that describe the network (enforcement points, cloud services, diagrams) and so
    /// need the analysis run with its diagram data (`Analyzer.run(includeDiagramData: true)`).
    public var needsNetworkSummary: Bool { self == .oscal || self == .html }
}

/// Output formats of the one-asset or one-path queries, `explain` and `reach`.
public enum QueryFormat: String, CaseIterable, Sendable {
    case text, json
}
