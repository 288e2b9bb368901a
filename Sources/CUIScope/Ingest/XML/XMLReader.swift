import Foundation
internal import CLibXML2

/// The one place that calls libxml2. Streams a file through `xmlTextReader` with the
/// network off, no DTD loading and no entity substitution, so a hostile export can neither
/// fetch external entities nor expand a billion laughs; entity references stay unexpanded
/// and are reported.
///
/// Two ways to read: ``document(_:)`` builds one ``XMLElement`` tree (firewall configs, which
/// need random access to objects), and ``stream(_:skip:select:handle:)`` materialises only
/// the selected record elements one at a time (flow logs: constant memory in the record count).
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

    /// Streams a file, calling `handle` with each element for which `select` answers `.record`.
    /// - Parameters:
    ///   - select: called at each element start with the path of local names from the root
    ///     (the element itself last); not called inside a record.
    ///   - skipNames: element names skipped wherever they appear inside a record.
    public static func stream(
        _ path: String, displayName: String? = nil, select: ([String]) -> Selection, skipNames: Set<String> = [],
        handle: (XMLElement) throws(InputError) -> Void
    ) throws(InputError) {
        let file = displayName ?? path
        let (reader, errors) = try openReader(path, file: file)
        defer { xmlFreeTextReader(reader) }
        defer { withExtendedLifetime(errors) {} }
        var walk = TreeWalk(reader: reader, file: file, errors: errors, locator: XMLTagLocator(path: path))
        defer { walk.locator?.close() }

        while true {
            // After a skipped subtree the reader already stands on the next node.
            let ret = walk.pending ?? xmlTextReaderRead(reader)
            walk.pending = nil
            if ret == 0 { break }
            if ret < 0 || errors.fatal != nil {
                throw InputError([errors.fatal ?? Diagnostic.error(
                    SourceLocation(file: file, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                   column: Int(xmlTextReaderGetParserColumnNumber(reader))),
                    "malformed XML")])
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                try walk.elementStart(select: select, skipNames: skipNames, handle: handle)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                try walk.elementEnd(handle: handle)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                walk.text()
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                walk.entityReference()
            default:
                break
            }
        }
        if let fatal = errors.fatal { throw InputError([fatal]) }
        if let record = walk.stack.first {
            throw InputError(SourceLocation(file: file, line: record.location.line), "unexpected end of file inside <\(record.name)>")
        }
    }

    /// Opens `path` for streaming with the safe options; libxml2's structured errors go to the
    /// returned box, which the caller keeps alive (and frees the reader) while reading.
    static func openReader(_ path: String, file: String) throws(InputError) -> (xmlTextReaderPtr, ErrorBox) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(SourceLocation(file: file, line: 0), "cannot read file")
        }
        guard let reader = xmlReaderForFile(path, nil, options) else {
            throw InputError(SourceLocation(file: file, line: 0), "cannot open file as XML")
        }
        let errors = ErrorBox(file: file)
        xmlTextReaderSetStructuredErrorHandler(reader, { ctx, err in
            guard let ctx, let err else { return }
            Unmanaged<ErrorBox>.fromOpaque(ctx).takeUnretainedValue().record(err.pointee)
        }, Unmanaged.passUnretained(errors).toOpaque())
        return (reader, errors)
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

    static func readAttributes(_ reader: xmlTextReaderPtr, _ names: inout InternTable)
        -> [(name: String, value: String)]
    {
        var out: [(name: String, value: String)] = []
        guard xmlTextReaderHasAttributes(reader) == 1 else { return out }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            let n = names.string(xmlTextReaderConstLocalName(reader))
            let v = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            out.append((n, v))
        }
        _ = xmlTextReaderMoveToElement(reader)
        return out
    }
}

/// The state of one ``XMLReader/stream(_:displayName:select:skipNames:handle:)`` walk: the path
/// of element names outside records, and the open elements of the record being built.
private struct TreeWalk {
    let reader: xmlTextReaderPtr
    let file: String
    let errors: ErrorBox
    /// Exact start-tag positions (the parser's own position runs a chunk ahead); nil once it
    /// loses step with the parser.
    var locator: XMLTagLocator?
    var names = InternTable()
    var pathNames: [String] = []
    /// Open elements of the record being built (empty when outside a record).
    var stack: [XMLElement] = []
    var recordDepth = -1
    var entityWarned = false
    /// The result of `xmlTextReaderNext` after a skipped subtree: the reader is already on the
    /// node that follows it (often the next sibling's start, or the parent's end), which the
    /// walk must handle before reading on.
    var pending: Int32?

    /// Where the current start tag is: the locator's exact position, else the parser's.
    mutating func startLocation(_ raw: UnsafePointer<xmlChar>?) -> SourceLocation {
        var loc = SourceLocation(file: file, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                 column: Int(xmlTextReaderGetParserColumnNumber(reader)))
        if locator != nil {
            if let raw, let tag = locator?.nextStartTag(matching: raw) {
                loc = SourceLocation(file: file, line: tag.line, column: tag.column)
            } else {
                locator?.close()
                locator = nil
            }
        }
        return loc
    }

    /// An element start: outside a record, `select` decides; inside one, the element joins the
    /// record unless its name is in `skipNames`.
    mutating func elementStart(
        select: ([String]) -> XMLReader.Selection, skipNames: Set<String>, handle: (XMLElement) throws(InputError) -> Void
    ) throws(InputError) {
        let raw = xmlTextReaderConstLocalName(reader)
        let name = names.string(raw)
        let depth = Int(xmlTextReaderDepth(reader))
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        let loc = startLocation(raw)
        guard stack.isEmpty else {
            if skipNames.contains(name) {
                if !isEmpty { skipSubtree() }
                return
            }
            let el = XMLElement(name: name, attributes: XMLReader.readAttributes(reader, &names), location: loc)
            stack[stack.count - 1].append(el)
            if !isEmpty { stack.append(el) }
            return
        }
        while pathNames.count > depth { pathNames.removeLast() }
        pathNames.append(name)
        switch select(pathNames) {
        case .skip:
            if !isEmpty { skipSubtree() }
            pathNames.removeLast()
        case .descend:
            if isEmpty { pathNames.removeLast() }
        case .record:
            let el = XMLElement(name: name, attributes: XMLReader.readAttributes(reader, &names), location: loc)
            if isEmpty {
                pathNames.removeLast()
                try handle(el)
            } else {
                stack = [el]
                recordDepth = depth
            }
        }
    }

    /// Moves the reader past the current element's subtree, and the locator with it.
    private mutating func skipSubtree() {
        pending = xmlTextReaderNext(reader)
        locator?.skipSubtree()
    }

    /// An element end: closes an element of the record (handing the record over when it is the
    /// record's own end), or leaves an element outside records.
    mutating func elementEnd(handle: (XMLElement) throws(InputError) -> Void) throws(InputError) {
        if !stack.isEmpty {
            let done = stack.removeLast()
            if stack.isEmpty {
                let depth = Int(xmlTextReaderDepth(reader))
                precondition(depth == recordDepth)
                pathNames.removeLast()
                try handle(done)
            }
        } else if !pathNames.isEmpty {
            pathNames.removeLast()
        }
    }

    /// Text and CDATA inside a record are kept on the innermost open element.
    func text() {
        if let top = stack.last, let v = xmlTextReaderConstValue(reader) {
            top.rawText += String(cString: v)
        }
    }

    /// An entity reference is left unexpanded; the first one is reported.
    mutating func entityReference() {
        guard !entityWarned else { return }
        entityWarned = true
        errors.warnings.append(.warning(
            SourceLocation(file: file, line: Int(xmlTextReaderGetParserLineNumber(reader))),
            "entity reference left unexpanded (entity expansion is disabled)"))
    }
}

/// libxml2 interns names in a dictionary, so the pointer identifies the name: convert each
/// distinct name to a Swift string once.
struct InternTable {
    var table: [UnsafePointer<xmlChar>: String] = [:]
    mutating func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        if let s = table[p] { return s }
        let s = String(cString: p)
        table[p] = s
        return s
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
