import Foundation
internal import CLibXML2

/// One attribute of the element being streamed: the (interned) local name and the value as
/// bytes owned by libxml2, valid only during the handler call.
struct XMLRawAttribute {
    var name: String
    /// A dense number for `name`, stable within one walk: lets a caller map names to fields
    /// once per distinct name instead of comparing strings per record.
    var nameID: Int
    var value: ByteField
}

/// Fast record paths for flow logs: millions of small records, where building an
/// ``XMLElement`` (and a `String` per attribute) for each dominates the run time. Same
/// libxml2 safety options and error reporting as ``XMLReader/stream(_:displayName:select:skipNames:handle:)``.
extension XMLReader {
    /// Streams a file calling `handle` for each element `select` answers `.record` for, with its
    /// attributes as raw bytes and its exact start-tag position; no tree is built. Unlike
    /// ``stream(_:displayName:select:skipNames:handle:)``, `select` is also asked about the
    /// children of a record (so a caller can notice unexpected content).
    /// - Parameter handle: receives the element's local name, its attributes, its location and
    ///   its depth (root = 0).
    static func streamAttributes(
        _ path: String, displayName: String? = nil, select: ([String]) -> Selection,
        handle: (String, [XMLRawAttribute], SourceLocation, Int) throws(InputError) -> Void
    ) throws(InputError) {
        try streamAttributesSAX(path, displayName: displayName, select: select, handle: handle)
    }

    /// Streams a file calling `handle` once per element `select` answers `.record` for, with the
    /// text of its direct children named in `fields` (nil when absent), in `fields` order: the
    /// light path for logs whose fields are child elements (PAN-OS traffic logs, ~110 fields per
    /// entry, of which a dozen matter). Other children are not materialised.
    static func streamFields(
        _ path: String, displayName: String? = nil, select: ([String]) -> Selection, fields: [String],
        handle: (String, [String?], SourceLocation) throws(InputError) -> Void
    ) throws(InputError) {
        let wanted = Dictionary(fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var values = [String?](repeating: nil, count: fields.count)
        var record: (name: String, location: SourceLocation, depth: Int)?
        var field = -1  // index of the field being read (direct child of the record)
        try walk(path, displayName: displayName, select: { names in
            record == nil ? select(names) : .descend
        }) { event throws(InputError) in
            switch event {
            case .start(_, _, let name, let location, let depth):
                if let r = record {
                    // Only direct children are fields; deeper text is told apart by depth below.
                    if depth == r.depth + 1 {
                        field = wanted[name] ?? -1
                        if field >= 0 { values[field] = "" }
                    }
                } else {
                    record = (name, location, depth)
                    for i in values.indices { values[i] = nil }
                    field = -1
                }
            case .text(let text, let depth):
                if let r = record, field >= 0, depth == r.depth + 2 { values[field] = (values[field] ?? "") + text }
            case .end(let depth):
                guard let r = record else { return }
                if depth == r.depth {
                    record = nil
                    try handle(r.name, values, r.location)
                } else if depth == r.depth + 1 {
                    field = -1
                }
            }
        }
    }

    enum WalkEvent {
        /// Reader (positioned on the element), names table of this walk, name, location, depth.
        case start(xmlTextReaderPtr, InternTableBox, String, SourceLocation, Int)
        case text(String, Int)
        case end(Int)
    }

    /// Walks the document: `select` decides at each element start whether to skip its subtree,
    /// report it (`.record`: a start event, its children walked too) or only walk into it.
    private static func walk(
        _ path: String, displayName: String?, select: ([String]) -> Selection,
        _ visit: (WalkEvent) throws(InputError) -> Void
    ) throws(InputError) {
        let file = displayName ?? path
        let (reader, errors) = try openReader(path, file: file)
        defer { xmlFreeTextReader(reader) }
        defer { withExtendedLifetime(errors) {} }
        var locator = XMLTagLocator(path: path)
        defer { locator?.close() }
        let names = InternTableBox()
        var pathNames: [String] = []
        // Depths at which the walk reports (records and their descendants).
        var reporting = -1
        var pending: Int32?  // after a skipped subtree, the reader already stands on the next node

        while true {
            let ret = pending ?? xmlTextReaderRead(reader)
            pending = nil
            if ret == 0 { break }
            if ret < 0 || errors.fatal != nil {
                throw InputError([errors.fatal ?? Diagnostic.error(
                    SourceLocation(file: file, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                   column: Int(xmlTextReaderGetParserColumnNumber(reader))),
                    "malformed XML")])
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let raw = xmlTextReaderConstLocalName(reader)
                let name = names.string(raw)
                let depth = Int(xmlTextReaderDepth(reader))
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                let loc = startLocation(reader, raw, file: file, locator: &locator)
                while pathNames.count > depth { pathNames.removeLast() }
                pathNames.append(name)
                if reporting >= 0 && depth <= reporting { reporting = -1 }
                let choice = select(pathNames)
                switch choice {
                case .skip:
                    if !isEmpty {
                        pending = xmlTextReaderNext(reader)
                        locator?.skipSubtree()
                    }
                    pathNames.removeLast()
                    continue
                case .descend:
                    if reporting >= 0 { try visit(.start(reader, names, name, loc, depth)) }
                case .record:
                    if reporting < 0 { reporting = depth }
                    try visit(.start(reader, names, name, loc, depth))
                }
                if isEmpty {
                    pathNames.removeLast()
                    if reporting >= 0 { try visit(.end(depth)) }
                    if reporting == depth { reporting = -1 }
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                let depth = Int(xmlTextReaderDepth(reader))
                if !pathNames.isEmpty { pathNames.removeLast() }
                if reporting >= 0 { try visit(.end(depth)) }
                if reporting == depth { reporting = -1 }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
                if reporting >= 0, let v = xmlTextReaderConstValue(reader) {
                    try visit(.text(String(cString: v), Int(xmlTextReaderDepth(reader))))
                }
            default:
                break
            }
        }
        if let fatal = errors.fatal { throw InputError([fatal]) }
    }

    /// Where the current start tag is: the locator's exact position, else the parser's (and the
    /// locator is dropped once it loses step with the parser).
    private static func startLocation(
        _ reader: xmlTextReaderPtr, _ raw: UnsafePointer<xmlChar>?, file: String, locator: inout XMLTagLocator?
    ) -> SourceLocation {
        let loc = SourceLocation(file: file, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                 column: Int(xmlTextReaderGetParserColumnNumber(reader)))
        guard locator != nil, let raw else { return loc }
        if let tag = locator?.nextStartTag(matching: raw) { return SourceLocation(file: file, line: tag.line, column: tag.column) }
        locator?.close()
        locator = nil
        return loc
    }
}

/// Names interned for one walk: libxml2 interns names in the reader's dictionary, so within
/// one reader the pointer identifies the name (never across readers: the dictionary is freed).
final class InternTableBox {
    private var table: [UnsafePointer<xmlChar>: Int] = [:]
    private var names: [String] = []
    /// A direct-mapped cache of pointer → id in front of `table`: records repeat the same
    /// handful of names, and one masked compare is far cheaper than hashing.
    private var cacheKeys = [UnsafePointer<xmlChar>?](repeating: nil, count: 64)
    private var cacheIDs = [Int](repeating: 0, count: 64)

    func string(_ p: UnsafePointer<xmlChar>?) -> String { interned(p).0 }

    @inline(__always)
    func interned(_ p: UnsafePointer<xmlChar>?) -> (String, Int) {
        guard let p else { return ("", -1) }
        let slot = Int(bitPattern: UInt(bitPattern: p) >> 3) & 63
        if cacheKeys[slot] == p {
            let id = cacheIDs[slot]
            return (names[id], id)
        }
        let id: Int
        if let known = table[p] {
            id = known
        } else {
            id = names.count
            names.append(String(cString: p))
            table[p] = id
        }
        cacheKeys[slot] = p
        cacheIDs[slot] = id
        return (names[id], id)
    }
}
