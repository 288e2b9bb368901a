/// Reads a firewall rules file of any supported format, detected from content (the root
/// element), never from the file extension (DESIGN.md "Command-line contract").
public enum RulesReader {
    /// Root element names and the format each one means, for messages.
    static let knownRoots = "<cuiscope-rules> (cuiscope native), <config> or <response> (PAN-OS), "
        + "<pfsense> (pfSense), <opnsense> (OPNsense)"

    /// Reads `path` as a rules export.
    /// - Parameters:
    ///   - displayName: the name to report instead of `path`.
    ///   - lenient: skip rules with problems and list them in ``RuleSet/diagnostics``.
    /// - Throws: ``InputError`` naming file:line:column for unreadable, malformed, unsupported
    ///   or invalid input.
    public static func read(path: String, displayName: String? = nil, lenient: Bool = false) throws(InputError)
        -> RuleSet
    {
        let file = displayName ?? path
        guard let root = try XMLReader.rootElement(path, displayName: displayName) else {
            throw InputError(SourceLocation(file: file, line: 1),
                             "not an XML rules export (expected one of \(knownRoots))")
        }
        // Extension point: one case per vendor format, keyed by the document element.
        switch root.name {
        case NativeRulesParser.rootName:
            let document = try XMLReader.document(path, displayName: displayName)
            return try NativeRulesParser.parse(document, file: file, lenient: lenient)
        case "config", "response":
            throw InputError(root.location, "PAN-OS exports are not supported yet")
        case "pfsense":
            throw InputError(root.location, "pfSense exports are not supported yet")
        case "opnsense":
            throw InputError(root.location, "OPNsense exports are not supported yet")
        default:
            throw InputError(root.location,
                             "unrecognised rules format: root element <\(root.name)> (expected one of \(knownRoots))")
        }
    }
}
