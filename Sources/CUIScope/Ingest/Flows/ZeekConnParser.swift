import Foundation

/// Reads Zeek `conn.log` (docs/FORMATS.md, Flow logs, Zeek conn.log): the TSV form with
/// `#separator`/`#fields` headers, and the JSON-lines form (`LogAscii::use_json`). One record per
/// connection; `-` is unset.
///
/// Zeek observes, it does not enforce, so the action comes from the connection state: a TCP
/// connection that never completed its handshake (`S0`, `REJ`, `RSTOS0`, `RSTRH`, `SH`, `SHR`)
/// carried no data and is evidence of an attempt only (deny); any other TCP state, and all UDP
/// and ICMP traffic (connectionless: the payload was sent), is allow (docs/DECISIONS.md).
enum ZeekConnParser {
    static let format = "zeek-conn"

    /// The conn.log fields read, by their `#fields` names.
    enum Field: Int, CaseIterable {
        case ts, origH, origP, respH, respP, proto, duration, origBytes, respBytes, connState, origPkts, respPkts
        var name: String {
            ["ts", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "duration", "orig_bytes",
             "resp_bytes", "conn_state", "orig_pkts", "resp_pkts"][rawValue]
        }
    }

    /// Reads the TSV form.
    static func readTSV(path: String, file: String, window: FlowWindow, strict: Bool) throws(InputError) -> FlowLog {
        var sink = FlowSink(file: file, window: window, strict: strict)
        var separator: UInt8 = 0x09
        var unset: [UInt8] = Array("-".utf8)
        var columns: [Int]?  // column index per Field
        var width = 0
        var splitter = FieldSplitter()
        var values = [ByteField?](repeating: nil, count: Field.allCases.count)
        try LineReader.forEachLine(path: path, file: file) { line, n throws(InputError) in
            if line.count == 0 { return true }
            if line[0] == 0x23 {  // '#': header or footer
                let text = line.string
                if text.hasPrefix("#separator") {
                    let v = text.dropFirst("#separator".count).trimmingCharacters(in: .whitespaces)
                    if v.hasPrefix("\\x"), let b = UInt8(v.dropFirst(2), radix: 16) {
                        separator = b
                    } else if let b = v.utf8.first {
                        separator = b
                    }
                    return true
                }
                let parts = text.split(separator: Character(UnicodeScalar(separator)), omittingEmptySubsequences: false)
                guard let key = parts.first else { return true }
                if key == "#unset_field", parts.count > 1 { unset = Array(parts[1].utf8) }
                if key == "#fields" {
                    let names = parts.dropFirst().map(String.init)
                    width = names.count
                    var cols: [Int] = []
                    for f in Field.allCases {
                        guard let i = names.firstIndex(of: f.name) else {
                            if f == .duration || f == .origBytes || f == .respBytes || f == .connState || f == .origPkts
                                || f == .respPkts
                            {
                                cols.append(-1)
                                continue
                            }
                            throw InputError(SourceLocation(file: file, line: n), "#fields has no '\(f.name)' column")
                        }
                        cols.append(i)
                    }
                    columns = cols
                }
                return true
            }
            guard let columns else {
                throw InputError(SourceLocation(file: file, line: n),
                                 "conn.log record before the #fields header (expected Zeek TSV headers)")
            }
            sink.read()
            splitter.split(line, separator: separator)
            guard splitter.fields.count == width else {
                sink.malformed(line: n, "conn.log record skipped: \(splitter.fields.count) fields, #fields names \(width)")
                return true
            }
            for f in Field.allCases {
                let c = columns[f.rawValue]
                if c < 0 { values[f.rawValue] = nil; continue }
                let v = splitter.fields[c]
                values[f.rawValue] = (v.count == unset.count && unset.withUnsafeBufferPointer { u in
                    (0..<v.count).allSatisfy { v[$0] == u[$0] } }) ? nil : v
            }
            let column = { (f: Field) -> Int in
                let c = columns[f.rawValue]
                return c < 0 ? 0 : splitter.fields[c].base - line.base + 1
            }
            switch record(values) {
            case .success(let r): sink.add(r, line: n)
            case .failure(let e): sink.malformed(line: n, column: column(e.field), "conn.log record skipped: " + e.message)
            }
            return true
        }
        if columns == nil && sink.records == 0 {
            throw InputError(SourceLocation(file: file, line: 1), "no #fields header (expected a Zeek conn.log)")
        }
        return try sink.finish(format: format)
    }

    /// Reads the JSON-lines form (one flat object per line).
    static func readJSONLines(path: String, file: String, window: FlowWindow, strict: Bool) throws(InputError)
        -> FlowLog
    {
        var sink = FlowSink(file: file, window: window, strict: strict)
        var values = [ByteField?](repeating: nil, count: Field.allCases.count)
        let scratch = ByteScratch()
        try LineReader.forEachLine(path: path, file: file) { line, n throws(InputError) in
            let t = line.trimmed
            if t.count == 0 { return true }
            sink.read()
            for i in values.indices { values[i] = nil }
            let bad = FlatJSON.scan(t, scratch: scratch) { key, value in
                guard let f = ZeekConnParser.jsonField(key) else { return }
                values[f.rawValue] = value
            }
            if let bad {
                sink.malformed(line: n, column: bad.column + (t.base - line.base) + 1, "conn.log record skipped: \(bad.message)")
                return true
            }
            switch record(values) {
            case .success(let r): sink.add(r, line: n)
            case .failure(let e): sink.malformed(line: n, "conn.log record skipped: " + e.message)
            }
            return true
        }
        return try sink.finish(format: format)
    }

    private static func jsonField(_ key: ByteField) -> Field? {
        switch key.count {
        case 2: return key.equals("ts") ? .ts : nil
        case 5: return key.equals("proto") ? .proto : nil
        case 8: return key.equals("duration") ? .duration : nil
        case 9:
            if key.equals("id.orig_h") { return .origH }
            if key.equals("id.orig_p") { return .origP }
            if key.equals("id.resp_h") { return .respH }
            if key.equals("id.resp_p") { return .respP }
            if key.equals("orig_pkts") { return .origPkts }
            if key.equals("resp_pkts") { return .respPkts }
            return nil
        case 10:
            if key.equals("orig_bytes") { return .origBytes }
            if key.equals("resp_bytes") { return .respBytes }
            if key.equals("conn_state") { return .connState }
            return nil
        default: return nil
        }
    }

    struct Problem: Error {
        var field: Field
        var message: String
    }

    /// One connection from its field values (nil = unset or absent).
    static func record(_ v: [ByteField?]) -> Result<FlowRecord, Problem> {
        func get(_ f: Field) -> ByteField? { v[f.rawValue] }
        guard let tsField = get(.ts), let ts = tsField.timestamp else {
            return .failure(Problem(field: .ts, message: "'ts' is not a time"))
        }
        guard let src = get(.origH)?.ipAddress else {
            return .failure(Problem(field: .origH, message: "'id.orig_h' is not an IP address"))
        }
        guard let dst = get(.respH)?.ipAddress else {
            return .failure(Problem(field: .respH, message: "'id.resp_h' is not an IP address"))
        }
        guard let protoField = get(.proto) else {
            return .failure(Problem(field: .proto, message: "'proto' is unset"))
        }
        let proto: UInt8
        if protoField.equals("unknown_transport") { proto = 0 } else if let p = FlowFields.proto(protoField) {
            proto = p
        } else {
            return .failure(Problem(field: .proto, message: "'proto' is not tcp, udp, icmp or unknown_transport"))
        }
        guard let sport = get(.origP).map({ $0.port }) ?? nil else {
            return .failure(Problem(field: .origP, message: "'id.orig_p' is not a port 0-65535"))
        }
        guard let dport = get(.respP).map({ $0.port }) ?? nil else {
            return .failure(Problem(field: .respP, message: "'id.resp_p' is not a port 0-65535"))
        }
        var r = FlowRecord(source: src, destination: dst, proto: proto)
        // ICMP "ports" are type and code: not a service port.
        if FlowFields.hasPorts(proto) {
            r.sourcePort = sport
            r.destinationPort = dport
        }
        for (f, name) in [(Field.origBytes, "orig_bytes"), (.respBytes, "resp_bytes")] {
            guard let b = get(f) else { continue }
            guard let n = b.uint64 else { return .failure(Problem(field: f, message: "'\(name)' is not a count")) }
            r.bytes &+= n
        }
        for (f, name) in [(Field.origPkts, "orig_pkts"), (.respPkts, "resp_pkts")] {
            guard let b = get(f) else { continue }
            guard let n = b.uint64 else { return .failure(Problem(field: f, message: "'\(name)' is not a count")) }
            r.packets &+= n
        }
        r.firstSeen = ts
        if let d = get(.duration) {
            guard let secs = d.decimal else { return .failure(Problem(field: .duration, message: "'duration' is not an interval")) }
            r.lastSeen = ts + secs
        } else {
            r.lastSeen = ts
        }
        r.action = proto == IPProtocol.tcp ? tcpAction(get(.connState)) : .allow
        return .success(r)
    }

    /// TCP connection states without an established handshake are attempts (deny).
    static func tcpAction(_ state: ByteField?) -> FlowAction {
        guard let s = state else { return .unknown }
        if s.equals("S0") || s.equals("REJ") || s.equals("RSTOS0") || s.equals("RSTRH") || s.equals("SH")
            || s.equals("SHR")
        {
            return .deny
        }
        return .allow
    }
}
