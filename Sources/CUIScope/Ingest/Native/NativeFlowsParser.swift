import Foundation

/// Reads the native `<cuiscope-flows>` format (docs/FORMATS.md, Native flows XML;
/// `schemas/cuiscope-flows.xsd`) through the attribute-only XML path, one `<flow>` at a time,
/// into a ``FlowSink``: no element tree and no string per attribute, so a million records read
/// in about the time libxml2 takes to parse them.
///
/// Flow logs are large and dirty: a malformed record is skipped and listed with its location
/// rather than failing the run, unless `strict` (docs/FORMATS.md, Bad input).
public enum NativeFlowsParser {
    /// The root element name this parser reads.
    public static let rootName = "cuiscope-flows"
    static let format = "native-flows"

    /// Reads a `<cuiscope-flows>` file.
    /// - Parameters:
    ///   - displayName: the name to report instead of `path`.
    ///   - window: keep only records overlapping this window.
    ///   - strict: fail on any malformed record instead of skipping it.
    /// - Throws: ``InputError`` for unreadable or malformed XML, a different root element, or
    ///   (when `strict`) every malformed record.
    public static func read(path: String, displayName: String?, window: FlowWindow = .unbounded,
                            strict: Bool) throws(InputError) -> FlowLog {
        let file = displayName ?? path
        guard let root = try XMLReader.rootElement(path, displayName: displayName) else {
            throw InputError(SourceLocation(file: file, line: 1), "not an XML file (expected <\(rootName)>)")
        }
        guard root.name == rootName else {
            throw InputError(root.location, "expected root element <\(rootName)>, found <\(root.name)>")
        }
        if let version = root.attributes["version"], version.trimmingCharacters(in: .whitespaces) != "1" {
            throw InputError(root.location, "unsupported <\(rootName)> version (expected version=\"1\")")
        }
        var sink = FlowSink(file: file, window: window, strict: strict)
        // A record is committed when the next one starts (or at the end), so that an element
        // nested inside it can still disqualify it. The pending record is parsed in place (no
        // `Result` or optional tuple to copy per record: a million records pass through here).
        var pending = FlowRecord(source: IPAddress(v4: 0), destination: IPAddress(v4: 0), proto: IPProtocol.tcp)
        var pendingLine = 0
        var pendingColumn = 0
        var hasPending = false
        var pendingBad = false
        var fields = NativeFlowRecord.FieldTable()
        func commit() {
            if hasPending && !pendingBad {
                sink.add(pending, line: pendingLine, column: pendingColumn)
            }
            hasPending = false
            pendingBad = false
        }
        try XMLReader.streamAttributes(path, displayName: displayName, select: { names in
            names.count == 1 ? .descend : .record
        }) { name, attributes, location, depth in
            if depth == 1 {
                commit()
                sink.read()
                guard name == "flow" else {
                    sink.malformed(line: location.line, column: location.column,
                                   "unexpected element <\(name)> in <cuiscope-flows> (expected <flow>); skipped")
                    pendingBad = true
                    return
                }
                if let problem = NativeFlowRecord.parse(attributes, fields: &fields, into: &pending) {
                    sink.malformed(line: location.line, column: location.column, "flow record skipped: " + problem.message)
                    pendingBad = true
                } else {
                    hasPending = true
                    pendingLine = location.line
                    pendingColumn = location.column
                }
            } else if depth == 2, !pendingBad {
                let line = hasPending ? pendingLine : location.line
                let column = hasPending ? pendingColumn : location.column
                sink.malformed(line: line, column: column,
                               "flow record skipped: unexpected element <\(name)> inside <flow>")
                hasPending = false
                pendingBad = true
            }
        }
        commit()
        return try sink.finish(format: format)
    }
}

/// One `<flow>` element's attributes to a ``FlowRecord``.
enum NativeFlowRecord {
    enum Field: String {
        case src, dst, proto, sport, dport, action, bytes, packets, count, device, rule
        case firstSeen = "first-seen"
        case lastSeen = "last-seen"
    }

    /// Attribute name ids (``XMLRawAttribute/nameID``) to fields, filled as names appear.
    struct FieldTable {
        private var table: [Field?] = []
        private var known: [Bool] = []
        mutating func field(_ a: XMLRawAttribute) -> Field? {
            guard a.nameID >= 0 else { return Field(rawValue: a.name) }
            if a.nameID >= table.count {
                table += [Field?](repeating: nil, count: a.nameID - table.count + 1)
                known += [Bool](repeating: false, count: a.nameID - known.count + 1)
            }
            if !known[a.nameID] {
                table[a.nameID] = Field(rawValue: a.name)
                known[a.nameID] = true
            }
            return table[a.nameID]
        }
    }

    static func parse(_ attributes: [XMLRawAttribute]) -> Result<FlowRecord, RecordProblem> {
        var fields = FieldTable()
        return parse(attributes, fields: &fields)
    }

    static func parse(_ attributes: [XMLRawAttribute], fields: inout FieldTable) -> Result<FlowRecord, RecordProblem> {
        var r = FlowRecord(source: IPAddress(v4: 0), destination: IPAddress(v4: 0), proto: IPProtocol.tcp)
        if let problem = parse(attributes, fields: &fields, into: &r) { return .failure(problem) }
        return .success(r)
    }

    /// Parses into `r` (reset first), returning the record's problems, if any.
    static func parse(_ attributes: [XMLRawAttribute], fields: inout FieldTable, into r: inout FlowRecord)
        -> RecordProblem?
    {
        var problems: [String] = []
        var src: IPAddress?
        var dst: IPAddress?
        var sawSrc = false
        var sawDst = false
        r = FlowRecord(source: IPAddress(v4: 0), destination: IPAddress(v4: 0), proto: IPProtocol.tcp)
        for a in attributes {
            let value = a.value.trimmed
            guard let field = fields.field(a) else {
                problems.append("unknown attribute '\(a.name)'")
                continue
            }
            switch field {
            case .src:
                sawSrc = true
                src = value.ipAddress
                if src == nil { problems.append("attribute 'src' is not an IP address") }
            case .dst:
                sawDst = true
                dst = value.ipAddress
                if dst == nil { problems.append("attribute 'dst' is not an IP address") }
            case .proto:
                if let p = FlowFields.proto(value) { r.proto = p } else {
                    problems.append("attribute 'proto' is not a protocol name or number 0-255")
                }
            case .sport:
                r.sourcePort = value.port
                if r.sourcePort == nil { problems.append("attribute 'sport' is not a port 0-65535") }
            case .dport:
                r.destinationPort = value.port
                if r.destinationPort == nil { problems.append("attribute 'dport' is not a port 0-65535") }
            case .action:
                if let act = FlowFields.action(value) { r.action = act } else {
                    problems.append("attribute 'action' must be allow, deny, drop, reject or unknown")
                }
            case .bytes:
                if let v = value.uint64 { r.bytes = v } else { problems.append("attribute 'bytes' is not a count") }
            case .packets:
                if let v = value.uint64 { r.packets = v } else { problems.append("attribute 'packets' is not a count") }
            case .count:
                if let v = value.uint64, v >= 1, v <= UInt64(Int.max) { r.count = Int(v) } else {
                    problems.append("attribute 'count' is not a positive count")
                }
            case .firstSeen:
                r.firstSeen = value.timestamp
                if r.firstSeen == nil {
                    problems.append("attribute 'first-seen' is not an ISO-8601 time with zone or epoch seconds")
                }
            case .lastSeen:
                r.lastSeen = value.timestamp
                if r.lastSeen == nil {
                    problems.append("attribute 'last-seen' is not an ISO-8601 time with zone or epoch seconds")
                }
            case .device: r.device = value.isEmpty ? nil : value.string
            case .rule: r.rule = value.isEmpty ? nil : value.string
            }
        }
        if !sawSrc { problems.append("missing attribute 'src'") }
        if !sawDst { problems.append("missing attribute 'dst'") }
        guard problems.isEmpty, let src, let dst else { return RecordProblem(problems.joined(separator: "; ")) }
        r.source = src
        r.destination = dst
        return nil
    }
}
