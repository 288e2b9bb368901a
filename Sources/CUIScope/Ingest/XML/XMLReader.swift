import Foundation
internal import CLibXML2

/// The one place that calls libxml2. Streams a file through libxml2's SAX2 interface with the
/// network off, no DTD loading and no entity substitution, so a hostile export can neither
/// fetch external entities nor expand a billion laughs; entity references stay unexpanded
/// and are reported. gzip-compressed files are read as their text (libxml2 uses zlib).
///
/// Ways to read: ``document(_:displayName:skip:)`` builds one ``XMLElement`` tree (firewall
/// configs, which need random access to objects), ``stream(_:displayName:select:skipNames:handle:)``
/// (`XMLReader+Tree.swift`) materialises only the selected record elements one at a time, and
/// the attribute and field streams (`XMLReader+SAX.swift`, `XMLReader+Fields.swift`) build no
/// element at all (flow logs: constant memory in the record count).
public enum XMLReader {
    /// libxml2 options: no network, no DTD load, no entity substitution, CDATA as text,
    /// no `XML_PARSE_HUGE` (keeps libxml2's own size and depth limits).
    static let options: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// What a streaming caller decides for each element start.
    public enum Selection {
        /// Not a record: keep walking into it.
        case descend
        /// A record: build its subtree and hand it to the handler.
        case record
        /// Skip this subtree entirely (multi-MB content previews, certificates).
        case skip
    }

    /// Reads a whole document into a tree.
    /// - Parameter skip: element names whose subtrees are not kept.
    /// - Throws: ``InputError`` naming file:line:column on malformed XML or unreadable files.
    public static func document(_ path: String, displayName: String? = nil, skip: Set<String> = []) throws(InputError)
        -> XMLElement
    {
        var root: XMLElement?
        try stream(path, displayName: displayName, select: { names in
            if names.count == 1 { return .record }
            return .descend
        }, skipNames: skip) { el in root = el }
        guard let root else { throw InputError(SourceLocation(file: displayName ?? path, line: 1), "no root element") }
        return root
    }

    /// Checks well-formedness only, reporting the first fatal error (for `validate`).
    public static func checkWellFormed(_ path: String, displayName: String? = nil) -> [Diagnostic] {
        do {
            try stream(path, displayName: displayName, select: { _ in .descend }) { _ in }
            return []
        } catch {
            return error.diagnostics
        }
    }
}

/// Receives libxml2's structured errors; keeps the first fatal one with its location.
final class ErrorBox {
    let file: String
    var fatal: Diagnostic?
    var warnings: [Diagnostic] = []
    init(file: String) { self.file = file }

    func record(_ e: xmlError) {
        let message = e.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "XML error"
        let loc = SourceLocation(file: file, line: Int(e.line), column: Int(e.int2))
        if e.level.rawValue >= XML_ERR_ERROR.rawValue {
            if fatal == nil { fatal = .error(loc, "malformed XML: \(message)") }
        } else {
            warnings.append(.warning(loc, message))
        }
    }
}
