/// Reads a flow log of any supported format, detected from content (DESIGN.md
/// "Command-line contract"). Malformed records are skipped and listed unless `strict`.
public enum FlowsReader {
    /// Root element names and the format each one means, for messages.
    static let knownRoots = "<cuiscope-flows> (cuiscope native), <response> (PAN-OS traffic log)"

    /// Reads `path` as a flow log.
    /// - Parameters:
    ///   - displayName: the name to report instead of `path`.
    ///   - strict: fail on malformed records instead of skipping them.
    /// - Throws: ``InputError`` naming file:line:column for unreadable, malformed or unsupported
    ///   input, and (when `strict`) for every malformed record.
    public static func read(path: String, displayName: String? = nil, strict: Bool = false) throws(InputError)
        -> FlowLog
    {
        let file = displayName ?? path
        guard let root = try XMLReader.rootElement(path, displayName: displayName) else {
            // Extension point: text and JSON flow logs (Zeek conn.log, AWS/Azure/GCP) are
            // detected here from their first line.
            throw InputError(SourceLocation(file: file, line: 1),
                             "unrecognised flow log format (expected XML with one of \(knownRoots))")
        }
        // Extension point: one case per XML flow format, keyed by the document element.
        switch root.name {
        case NativeFlowsParser.rootName:
            return try NativeFlowsParser.read(path: path, displayName: displayName, strict: strict)
        case "response":
            throw InputError(root.location, "PAN-OS traffic logs are not supported yet")
        default:
            throw InputError(root.location,
                             "unrecognised flow log format: root element <\(root.name)> (expected one of \(knownRoots))")
        }
    }
}
