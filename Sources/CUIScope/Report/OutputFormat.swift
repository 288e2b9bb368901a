/// Output formats of `analyze`: contract tokens (docs/ARCHITECTURE.md, Command-line contract).
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, markdown, csv, sarif, junit, oscal
}

/// The tool's identity in reports; the only "placeholder" golden files allow.
public enum ToolInfo {
    public static let name = "cuiscope"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/cuiscope/cuiscope"
}
