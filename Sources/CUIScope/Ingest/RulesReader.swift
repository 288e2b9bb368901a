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

    /// Reads every rules file of a run: files of a multi-file format (``MultiFileRulesFormatReader``)
    /// are read together as one export, in the place of the first of them; every other file on its
    /// own. Problems of every file are collected, never only the first.
    /// - Returns: the rule sets in command-line order, and the diagnostics of the files that failed.
    public static func readAll(paths: [String], lenient: Bool = false, hosts: [String: [IPAddress]] = [:],
                               format: RulesFormat? = nil) -> (ruleSets: [RuleSet], diagnostics: [Diagnostic]) {
        var groups: [String: [(path: String, displayName: String)]] = [:]
        var order: [(path: String, group: String?)] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            let head: InputHead
            do throws(InputError) { head = try InputHead(path: path, displayName: path) } catch {
                diagnostics += error.diagnostics
                continue
            }
            let reader = format.map(\.reader) ?? ReaderRegistry.rulesReader(for: head)
            // A file its format does not accept is read alone, for `read`'s message.
            guard let multi = reader as? any MultiFileRulesFormatReader, multi.sniff(head) else {
                order.append((path, nil))
                continue
            }
            let key = multi.names[0]
            if groups[key] == nil { order.append((path, key)) }
            groups[key, default: []].append((path, path))
        }
        var ruleSets: [RuleSet] = []
        for (path, group) in order {
            do throws(InputError) {
                if let group, let files = groups[group], let reader = RulesFormat(rawValue: group)?.reader as? any MultiFileRulesFormatReader,
                   files.count > 1 {
                    ruleSets.append(try reader.read(files: files, options: RulesReadOptions(lenient: lenient, hosts: hosts)))
                } else {
                    ruleSets.append(try read(path: path, displayName: path, lenient: lenient, hosts: hosts, format: format))
                }
            } catch { diagnostics += error.diagnostics }
        }
        return (ruleSets, diagnostics)
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
