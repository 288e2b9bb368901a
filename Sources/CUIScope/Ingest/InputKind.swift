import Foundation

/// What an input file is, decided from its first bytes and (for XML) its root element, never
/// from its extension (docs/FORMATS.md, Detecting the format).
public enum InputKind: Sendable, Equatable {
    /// A firewall rules export; `root` is the document element name.
    case rules(root: String)
    /// A flow log; `root` is the document element name.
    case flows(root: String)
    /// XML whose root element no reader knows.
    case unknownXML(root: String, location: SourceLocation)
    /// An asset inventory, CSV or JSON.
    case inventory
    /// A `--scope` YAML file.
    case scope

    /// Root elements of the rules formats (read by ``RulesReader``).
    static let rulesRoots: Set<String> = [NativeRulesParser.rootName, "config", "response", "pfsense", "opnsense"]
    /// Root elements of the flow formats (read by ``FlowsReader``).
    static let flowsRoots: Set<String> = [NativeFlowsParser.rootName]

    /// Sniffs a file's kind from content.
    /// - Throws: ``InputError`` when the file cannot be read.
    public static func detect(path: String, displayName: String? = nil) throws(InputError) -> InputKind {
        let file = displayName ?? path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(SourceLocation(file: file, line: 0), "cannot read file")
        }
        // Decompressed: a gzip file is recognised by what it holds.
        let head = Data(InputFile.head(path: path))
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        switch first {
        case UInt8(ascii: "<"):
            guard let root = try XMLReader.rootElement(path, displayName: displayName) else {
                return .unknownXML(root: "", location: SourceLocation(file: file, line: 1))
            }
            if root.name == "response", isPANOSLogResponse(head) { return .flows(root: root.name) }
            if rulesRoots.contains(root.name) { return .rules(root: root.name) }
            if flowsRoots.contains(root.name) { return .flows(root: root.name) }
            return .unknownXML(root: root.name, location: root.location)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if let f = FlowsReader.sniffText(Array(bytes)) { return .flows(root: f.rawValue) }
            return .inventory
        default:
            // Text flow logs (Zeek, AWS VPC, headed CSV with source and destination columns).
            if let f = FlowsReader.sniffText(Array(bytes)) { return .flows(root: f.rawValue) }
            return looksLikeYAMLMapping(bytes) ? .scope : .inventory
        }
    }

    /// A PAN-OS XML API log query answer (`<response><result><job>…<log><logs>`) rather than a
    /// config (`<response><result><config>`).
    private static func isPANOSLogResponse(_ head: Data) -> Bool {
        FlowsReader.isPANOSLogResponse(Array(head))
    }

    /// The first meaningful line is `key:` or `key: value` (or `---`): YAML, not a CSV header.
    private static func looksLikeYAMLMapping(_ bytes: Data.SubSequence) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line == "---" || line.hasPrefix("%YAML") { return true }
            return line.wholeMatch(of: /[A-Za-z_][A-Za-z0-9_\-]*[ \t]*:([ \t].*)?/) != nil
        }
        return false
    }
}
