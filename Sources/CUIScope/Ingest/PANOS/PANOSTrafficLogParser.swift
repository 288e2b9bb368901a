import Foundation

/// Reads a PAN-OS XML API traffic-log query answer (`type=log&log-type=traffic`; docs/FORMATS.md,
/// Flow logs, PAN-OS traffic log): `/response/result/log/logs/entry`, one session per entry with
/// ~110 child fields, of which only the dozen needed are read, as bytes
/// (``XMLReader/streamFieldRecords``).
///
/// Time: `high_res_timestamp` carries a zone and is preferred; `time_generated` has none (it is
/// the firewall's local time) and is read as UTC (docs/DECISIONS.md). The session started
/// `elapsed` seconds before it was logged. Any action other than `allow` (deny, drop,
/// reset-client/-server/-both) is a denial.
enum PANOSTrafficLogParser {
    static let format = "panos-traffic"

    private static let fields = ["src", "dst", "sport", "dport", "proto", "action", "bytes", "packets", "rule",
                                 "device_name", "high_res_timestamp", "time_generated", "elapsed", "repeatcnt",
                                 "serial", "type"]
    private enum F: Int {
        case src, dst, sport, dport, proto, action, bytes, packets, rule, device, hires, generated, elapsed, repeatcnt,
            serial, type
    }

    static func read(path: String, file: String, window: FlowWindow, strict: Bool) throws(InputError) -> FlowLog {
        var sink = FlowSink(file: file, window: window, strict: strict)
        var names = ByteStringTable()
        if let root = try XMLReader.rootElement(path, displayName: file == path ? nil : file) {
            guard root.name == "response" else {
                throw InputError(root.location, "expected root element <response>, found <\(root.name)>")
            }
            if root.attributes["status"] == "error" {
                throw InputError(root.location, "the PAN-OS API answered status=\"error\": no traffic log in this file")
            }
        }
        let sawLogs = try XMLReader.streamFieldRecords(
            path, displayName: file == path ? nil : file, recordPath: ["response", "result", "log", "logs", "entry"],
            fields: fields
        ) { entry in
            sink.read()
            if let problem = record(entry, names: &names, into: &sink) {
                sink.malformed(line: entry.location.line, column: entry.location.column,
                               "traffic log entry skipped: \(problem)")
            }
        }
        if !sawLogs {
            throw InputError(SourceLocation(file: file, line: 1),
                             "no result/log/logs in this <response> (expected a PAN-OS traffic log query answer)")
        }
        return try sink.finish(format: format)
    }

    /// Adds one entry to the sink; the reason when it is malformed.
    private static func record(_ entry: XMLFieldRecord, names: inout ByteStringTable, into sink: inout FlowSink)
        -> String?
    {
        func get(_ f: F) -> ByteField? {
            guard let v = entry[f.rawValue]?.xmlTrimmed, !v.isEmpty else { return nil }
            return v
        }
        if let t = get(.type), !t.equalsIgnoringCase("TRAFFIC") { return "type is \(t.string), not TRAFFIC" }
        guard let src = get(.src)?.ipAddress else { return "<src> is not an IP address" }
        guard let dst = get(.dst)?.ipAddress else { return "<dst> is not an IP address" }
        guard let proto = get(.proto).flatMap(FlowFields.proto) else { return "<proto> is not a protocol name or number" }
        var r = FlowRecord(source: src, destination: dst, proto: proto)
        if FlowFields.hasPorts(proto) {
            guard let sp = get(.sport)?.port else { return "<sport> is not a port 0-65535" }
            guard let dp = get(.dport)?.port else { return "<dport> is not a port 0-65535" }
            r.sourcePort = sp
            r.destinationPort = dp
        }
        guard let a = get(.action) else { return "<action> is missing" }
        r.action = a.equalsIgnoringCase("allow") ? .allow : .deny
        if let b = get(.bytes) { guard let n = b.uint64 else { return "<bytes> is not a count" }; r.bytes = n }
        if let b = get(.packets) { guard let n = b.uint64 else { return "<packets> is not a count" }; r.packets = n }
        if let c = get(.repeatcnt) {
            guard let n = c.uint64, n >= 1, n <= UInt64(Int.max) else { return "<repeatcnt> is not a positive count" }
            r.count = Int(n)
        }
        var logged: Double?
        if let h = get(.hires) { logged = h.timestamp }
        if logged == nil, let g = get(.generated) {
            logged = FlowTimestamp.parse(UnsafeBufferPointer(start: g.base, count: g.count), assumeUTC: true)
            if logged == nil { return "<time_generated> is not a date and time" }
        }
        if let t = logged {
            r.lastSeen = t
            r.firstSeen = t
            if let e = get(.elapsed) {
                guard let secs = e.decimal else { return "<elapsed> is not a number of seconds" }
                r.firstSeen = t - secs
            }
        }
        r.rule = get(.rule).map { names.string($0) }
        r.device = (get(.device) ?? get(.serial)).map { names.string($0) }
        sink.add(r, line: entry.location.line, column: entry.location.column)
        return nil
    }
}

extension ByteField {
    /// Without leading and trailing XML white space (space, tab, LF, CR).
    var xmlTrimmed: ByteField {
        var s = 0
        var e = count
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while s < e, blank(base[s]) { s += 1 }
        while e > s, blank(base[e - 1]) { e -= 1 }
        return ByteField(base + s, e - s)
    }
}
