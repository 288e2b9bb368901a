import Foundation

/// The first bytes of an input file (decompressed when gzip) and, for XML, its document
/// element: everything a reader's content sniff may look at (docs/FORMATS.md, Detecting the
/// format). Read once per file, so every reader in the registry sniffs the same bytes.
public struct InputHead: Sendable {
    /// Up to 64 KiB from the start, without a UTF-8 byte-order mark.
    public let bytes: [UInt8]
    /// The first byte that is not white space, if any.
    public let firstByte: UInt8?
    /// The document element when the content starts with `<` and is well-formed up to it.
    public let xmlRoot: XMLRootElement?

    /// Reads the head of `path`.
    /// - Throws: ``InputError`` when the file cannot be read or opened as XML.
    public init(path: String, displayName: String? = nil) throws(InputError) {
        var head = InputFile.head(path: path)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        bytes = head
        firstByte = head.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        xmlRoot = firstByte == UInt8(ascii: "<") ? try XMLReader.rootElement(path, displayName: displayName) : nil
    }

    /// Whether the content is JSON (object or array).
    public var isJSON: Bool { firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") }

    /// The head as text (invalid UTF-8 replaced).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the JSON head holds every one of `keys` as an object key (`"key":`).
    public func hasJSONKeys(_ keys: [String]) -> Bool {
        guard isJSON else { return false }
        let t = text
        return keys.allSatisfy { key in t.contains(#""\#(key)":"#) || t.contains(#""\#(key)" :"#) }
    }

    /// The first `limit` lines that are not blank, trimmed (text exports' signatures live there).
    public func leadingLines(_ limit: Int = 200) -> [Substring] {
        guard !isJSON, firstByte != UInt8(ascii: "<") else { return [] }
        var out: [Substring] = []
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty { continue }
            out.append(line)
            if out.count == limit { break }
        }
        return out
    }

    /// Whether some leading line starts with one of `prefixes`.
    public func hasLine(startingWith prefixes: [String], within limit: Int = 200) -> Bool {
        leadingLines(limit).contains { line in prefixes.contains { line.hasPrefix($0) } }
    }
}
