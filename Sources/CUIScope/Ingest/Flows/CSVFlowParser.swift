import Foundation

/// Reads a headed CSV flow export (RFC 4180; `nfdump -o csv`, SIEM and firewall exports):
/// header names are matched case-insensitively against common aliases, and `--flow-map
/// 'Column Name=field'` maps the rest. Required: source and destination address.
enum CSVFlowParser {
    static let format = "csv-flows"

    /// The fields a column can map to.
    enum Field: String, CaseIterable {
        case src, dst, sport, dport, proto, action, bytes, packets
        case firstSeen = "first-seen"
        case lastSeen = "last-seen"
        case count, device, rule
    }

    /// Header aliases (lower-case, `_`/`-`/space-insensitive) per field.
    static let aliases: [String: Field] = {
        var d: [String: Field] = [:]
        let table: [(Field, [String])] = [
            (.src, ["src", "source", "srcaddr", "srcip", "sourceip", "sourceaddress", "sa", "idorigh", "srcaddress"]),
            (.dst, ["dst", "destination", "dstaddr", "dstip", "destinationip", "destinationaddress", "destip", "da",
                    "idresph", "dstaddress"]),
            (.sport, ["sport", "srcport", "sourceport", "sp", "idorigp"]),
            (.dport, ["dport", "dstport", "destinationport", "destport", "dp", "idrespp", "port"]),
            (.proto, ["proto", "protocol", "pr", "ipprotocol"]),
            (.action, ["action", "disposition", "verdict", "decision"]),
            (.bytes, ["bytes", "ibyt", "totalbytes", "octets", "byt"]),
            (.packets, ["packets", "ipkt", "pkts", "totalpackets", "pkt"]),
            (.firstSeen, ["firstseen", "first", "start", "starttime", "ts", "time", "timestamp", "te0", "ts0",
                          "datetime", "receivetime"]),
            (.lastSeen, ["lastseen", "last", "end", "endtime", "te"]),
            (.count, ["count", "flows", "fl", "sessions", "repeatcount"]),
            (.device, ["device", "devicename", "firewall", "host", "observer", "sensor"]),
            (.rule, ["rule", "rulename", "policy", "policyname"]),
        ]
        for (f, names) in table { for n in names { d[n] = f } }
        return d
    }()

    static func normalise(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    /// The header maps both addresses: this is a flow CSV (not an inventory).
    static func headerLooksLikeFlows(_ line: String) -> Bool {
        let fields = Set(line.split(separator: ",").map { aliases[normalise(String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\" ")))] })
        return fields.contains(.src) && fields.contains(.dst)
    }

    static func read(path: String, file: String, mapping: [String: String], window: FlowWindow, strict: Bool)
        throws(InputError) -> FlowLog
    {
        let explicit = try explicitColumns(mapping)
        var sink = FlowSink(file: file, window: window, strict: strict)
        var cols: [Int]?  // column per Field, -1 when absent
        var width = 0
        var splitter = FieldSplitter()
        let scratch = ByteScratch()
        try LineReader.forEachLine(path: path, file: file) { line, n throws(InputError) in
            if line.trimmed.count == 0 { return true }
            guard splitter.splitCSV(line, scratch: scratch) else {
                if cols == nil { throw InputError(SourceLocation(file: file, line: n), "unterminated quote in the header") }
                sink.read()
                sink.malformed(line: n, "flow record skipped: unterminated quote")
                return true
            }
            let fields = splitter.fields
            guard let cols else {
                cols = try layout(header: fields, explicit: explicit, mapping: mapping, at: SourceLocation(file: file, line: n))
                width = fields.count
                return true
            }
            sink.read()
            guard fields.count == width else {
                sink.malformed(line: n, "flow record skipped: \(fields.count) fields, the header has \(width)")
                return true
            }
            if let r = record(fields, cols: cols, line: line, n: n, sink: &sink) { sink.add(r, line: n) }
            return true
        }
        if cols == nil { throw InputError(SourceLocation(file: file, line: 1), "empty CSV flow log (no header)") }
        return try sink.finish(format: format)
    }

    /// `--flow-map` as normalised column → field; its targets must be fields.
    private static func explicitColumns(_ mapping: [String: String]) throws(InputError) -> [String: Field] {
        var explicit: [String: Field] = [:]
        for (column, target) in mapping.sorted(by: { $0.key < $1.key }) {
            guard let f = Field(rawValue: target.lowercased()) else {
                throw InputError(SourceLocation(file: "--flow-map", line: 0),
                                 "'\(column)=\(target)': unknown field '\(target)' (expected one of \(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            explicit[normalise(column)] = f
        }
        return explicit
    }

    /// The header's column for each field (-1 when absent): `--flow-map` first, then aliases.
    /// - Throws: when a mapped column is not in the header or an address column is missing.
    private static func layout(header fields: [ByteField], explicit: [String: Field], mapping: [String: String],
                               at location: SourceLocation) throws(InputError) -> [Int]
    {
        var layout = [Int](repeating: -1, count: Field.allCases.count)
        for (i, f) in fields.enumerated() {
            let key = normalise(f.string.trimmingCharacters(in: .whitespaces))
            guard let field = explicit[key] ?? aliases[key] else { continue }
            let slot = Field.allCases.firstIndex(of: field)!
            if layout[slot] < 0 || explicit[key] != nil { layout[slot] = i }
        }
        for (column, _) in mapping where !fields.contains(where: { normalise($0.string) == normalise(column) }) {
            throw InputError(location, "--flow-map names column '\(column)', which the header does not have")
        }
        for required in [Field.src, .dst] where layout[Field.allCases.firstIndex(of: required)!] < 0 {
            throw InputError(location,
                             "no column for '\(required.rawValue)' in the header (map one with --flow-map 'Column=\(required.rawValue)')")
        }
        return layout
    }

    /// One data row as a record; nil after the first bad column is reported to `sink`.
    private static func record(_ fields: [ByteField], cols: [Int], line: ByteField, n: Int, sink: inout FlowSink)
        -> FlowRecord?
    {
        func get(_ f: Field) -> ByteField? {
            let i = cols[Field.allCases.firstIndex(of: f)!]
            guard i >= 0 else { return nil }
            let v = fields[i].trimmed
            return v.count == 0 || (v.count == 1 && v[0] == 0x2D) ? nil : v
        }
        func bad(_ f: Field, _ what: String) -> FlowRecord? {
            let b = fields[cols[Field.allCases.firstIndex(of: f)!]].base
            let inLine = b >= line.base && b < line.base + line.count
            sink.malformed(line: n, column: inLine ? b - line.base + 1 : 0,
                           "flow record skipped: column '\(f.rawValue)' \(what)")
            return nil
        }
        guard let src = get(.src)?.ipAddress else { return bad(.src, "is not an IP address") }
        guard let dst = get(.dst)?.ipAddress else { return bad(.dst, "is not an IP address") }
        var r = FlowRecord(source: src, destination: dst, proto: IPProtocol.tcp)
        if let v = get(.proto) { guard let p = FlowFields.proto(v) else { return bad(.proto, "is not a protocol") }; r.proto = p }
        if let v = get(.sport) { guard let p = v.port else { return bad(.sport, "is not a port 0-65535") }; r.sourcePort = p }
        if let v = get(.dport) { guard let p = v.port else { return bad(.dport, "is not a port 0-65535") }; r.destinationPort = p }
        if !FlowFields.hasPorts(r.proto) { r.sourcePort = nil; r.destinationPort = nil }
        if let v = get(.action) { guard let a = FlowFields.action(v) else { return bad(.action, "is not allow or deny") }; r.action = a }
        if let v = get(.bytes) { guard let b = v.uint64 else { return bad(.bytes, "is not a count") }; r.bytes = b }
        if let v = get(.packets) { guard let b = v.uint64 else { return bad(.packets, "is not a count") }; r.packets = b }
        if let v = get(.count) {
            guard let c = v.uint64, c >= 1, c <= UInt64(Int.max) else { return bad(.count, "is not a positive count") }
            r.count = Int(c)
        }
        if let v = get(.firstSeen) { guard let t = v.timestamp else { return bad(.firstSeen, "is not an ISO-8601 time with zone or epoch seconds") }; r.firstSeen = t }
        if let v = get(.lastSeen) { guard let t = v.timestamp else { return bad(.lastSeen, "is not an ISO-8601 time with zone or epoch seconds") }; r.lastSeen = t }
        r.device = get(.device)?.string
        r.rule = get(.rule)?.string
        return r
    }
}
