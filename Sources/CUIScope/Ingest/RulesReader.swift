/// Reads a firewall rules file of any supported format, detected from content (the root
/// element), never from the file extension (docs/FORMATS.md, Detecting the format).
/// A rules format named on the command line (`--rules-format`), overriding detection.
public enum RulesFormat: String, CaseIterable, Sendable {
    case native, panos, pfsense, opnsense

    /// Whether a document element fits this format.
    func accepts(root: String) -> Bool {
        switch self {
        case .native: return root == NativeRulesParser.rootName
        case .panos: return PANOSConfigParser.isPANOS(rootName: root)
        case .pfsense, .opnsense: return PFSenseConfigParser.isPFSense(rootName: root)
        }
    }
}

public enum RulesReader {
    /// Root element names and the format each one means, for messages.
    static let knownRoots = "<cuiscope-rules> (cuiscope native), <config> or <response> (PAN-OS), "
        + "<pfsense> (pfSense), <opnsense> (OPNsense)"

    /// Reads `path` as a rules export.
    /// - Parameters:
    ///   - displayName: the name to report instead of `path`.
    ///   - lenient: skip rules with problems and list them in ``RuleSet/diagnostics``.
    ///   - hosts: name → addresses from a hosts file or the inventory, the only way FQDN
    ///     objects are resolved (never DNS).
    /// - Throws: ``InputError`` naming file:line:column for unreadable, malformed, unsupported
    ///   or invalid input.
    public static func read(path: String, displayName: String? = nil, lenient: Bool = false,
                            hosts: [String: [IPAddress]] = [:], format: RulesFormat? = nil) throws(InputError)
        -> RuleSet
    {
        let file = displayName ?? path
        guard let root = try XMLReader.rootElement(path, displayName: displayName) else {
            throw InputError(SourceLocation(file: file, line: 1),
                             "not an XML rules export (expected one of \(knownRoots))")
        }
        if let format, !format.accepts(root: root.name) {
            throw InputError(root.location, "--rules-format \(format.rawValue) does not read a document whose root element is <\(root.name)>")
        }
        // Extension point: one case per vendor format, keyed by the document element.
        switch root.name {
        case NativeRulesParser.rootName:
            let document = try XMLReader.document(path, displayName: displayName)
            return try NativeRulesParser.parse(document, file: file, lenient: lenient)
        case let name where PANOSConfigParser.isPANOS(rootName: name):
            let document = try XMLReader.document(path, displayName: displayName,
                                                  skip: PANOSConfigParser.skippedElements)
            return try PANOSConfigParser.parse(document, file: file, hosts: hosts, lenient: lenient)
        case let name where PFSenseConfigParser.isPFSense(rootName: name):
            let document = try XMLReader.document(path, displayName: displayName)
            return try PFSenseConfigParser.parse(document, file: file, lenient: lenient)
        default:
            throw InputError(root.location,
                             "unrecognised rules format: root element <\(root.name)> (expected one of \(knownRoots))")
        }
    }
}
