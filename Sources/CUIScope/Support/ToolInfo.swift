/// The tool's identity in reports; the only "placeholder" golden files allow.
public enum ToolInfo {
    public static let name = "cuiscope"
    public static let version = "0.1.0"
    /// The project's repository: the one place its address is spelled.
    public static let repositoryURL = "https://github.com/cuiscope/cuiscope"
    public static let informationURI = repositoryURL
    /// The namespace (`ns`) of the props cuiscope adds to OSCAL documents, which OSCAL's own
    /// namespace does not define (the CMMC category, reasons, FedRAMP facts); the OSCAL inventory
    /// reader reads the category, kind and addresses back from it.
    public static let oscalNamespace = repositoryURL + "/ns/oscal"

    /// A page of the repository's docs, on the main branch, with an optional heading anchor.
    /// - Parameters:
    ///   - path: relative to the repository root, e.g. `docs/SCOPING.md`.
    ///   - anchor: GitHub's anchor of a heading (lower case), without `#`.
    public static func documentURL(_ path: String, anchor: String? = nil) -> String {
        "\(repositoryURL)/blob/main/\(path)" + (anchor.map { "#\($0)" } ?? "")
    }
}
