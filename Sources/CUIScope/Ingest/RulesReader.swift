/// Reads a firewall rules file of any supported format, detected from content (root element,
/// JSON keys or text signature), never from the file extension (docs/FORMATS.md, Detecting the
/// format). The formats are the readers of ``ReaderRegistry/rules``.
public enum RulesReader {
    /// Root elements, keys and signatures each format is recognised by, for messages.
    static var knownRoots: String { ReaderRegistry.rulesSignatures }

    /// Reads `path` as a rules export.
    /// - Parameters:
    ///   - displayName: the name to report instead of `path`.
    ///   - lenient: skip rules with problems and list them in ``RuleSet/diagnostics``.
    ///   - hosts: name → addresses from a hosts file or the inventory, the only way FQDN
    ///     objects are resolved (never DNS).
    ///   - format: `--rules-format`; the file must still look like that format.
    /// - Throws: ``InputError`` naming file:line:column for unreadable, malformed, unsupported
    ///   or invalid input.
    public static func read(path: String, displayName: String? = nil, lenient: Bool = false,
                            hosts: [String: [IPAddress]] = [:], format: RulesFormat? = nil) throws(InputError)
        -> RuleSet
    {
        let file = displayName ?? path
        let head = try InputHead(path: path, displayName: displayName)
        let start = head.xmlRoot?.location ?? SourceLocation(file: file, line: 1)
        let options = RulesReadOptions(lenient: lenient, hosts: hosts)
        if let format {
            let reader = format.reader
            guard reader.sniff(head) else {
                let what = head.xmlRoot.map { "a document whose root element is <\($0.name)>" } ?? "this file"
                throw InputError(start, "--rules-format \(format.rawValue) does not read \(what) (expected \(reader.signature))")
            }
            return try reader.read(path: path, displayName: displayName, options: options)
        }
        if let reader = ReaderRegistry.rulesReader(for: head) {
            return try reader.read(path: path, displayName: displayName, options: options)
        }
        throw InputError(start, unrecognised(head))
    }

    /// Why a file no rules reader accepts was refused: a recognised but unsupported format is
    /// named; anything else lists what each reader looks for.
    static func unrecognised(_ head: InputHead) -> String {
        if let known = ReaderRegistry.recognisedFormat(for: head) { return ReaderRegistry.unsupportedMessage(known) }
        if head.xmlRoot?.name == NmapXMLParser.rootName { return "an nmap scan, not a rules export (pass it with --scan)" }
        if let root = head.xmlRoot {
            return "unrecognised rules format: root element <\(root.name)> (expected one of \(knownRoots))"
        }
        if head.firstByte == UInt8(ascii: "<") { return "malformed XML rules export (expected one of \(knownRoots))" }
        return "unrecognised rules format (expected one of \(knownRoots))"
    }
}
