import Foundation

/// Reads a PAN-OS XML API traffic-log query answer (`type=log&log-type=traffic`; docs/FORMATS.md,
/// Flow logs, PAN-OS traffic log): `/response/result/log/logs/entry`, one session per entry with
/// ~110 child fields, of which only the dozen needed are materialised (``XMLReader/streamFields``).
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
        var sawLogs = false
        var status: String?
        if let root = try XMLReader.rootElement(path, displayName: file == path ? nil : file) {
            status = root.attributes["status"]
            guard root.name == "response" else {
                throw InputError(root.location, "expected root element <response>, found <\(root.name)>")
            }
            if status == "error" {
                throw InputError(root.location, "the PAN-OS API answered status=\"error\": no traffic log in this file")
            }
        }
        try XMLReader.streamFields(path, displayName: file == path ? nil : file, select: { names in
            let expected = ["response", "result", "log", "logs", "entry"]
            guard names.count <= expected.count, Array(expected.prefix(names.count)) == names else { return .skip }
            if names.count == 4 { sawLogs = true }
            return names.count == 5 ? .record : .descend
        }, fields: fields) { _, v, loc in
            sink.read()
            func get(_ f: F) -> String? {
                guard let s = v[f.rawValue]?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
                return s
            }
            func bad(_ what: String) {
                sink.malformed(line: loc.line, column: loc.column, "traffic log entry skipped: \(what)")
            }
            if let t = get(.type), t.uppercased() != "TRAFFIC" { return bad("type is \(t), not TRAFFIC") }
            guard let src = get(.src).flatMap({ IPAddress($0) }) else { return bad("<src> is not an IP address") }
            guard let dst = get(.dst).flatMap({ IPAddress($0) }) else { return bad("<dst> is not an IP address") }
            guard let proto = get(.proto).flatMap({ IPProtocol.number($0) }) else {
                return bad("<proto> is not a protocol name or number")
            }
            var r = FlowRecord(source: src, destination: dst, proto: proto)
            if FlowFields.hasPorts(proto) {
                guard let sp = get(.sport).flatMap({ UInt16($0) }) else { return bad("<sport> is not a port 0-65535") }
                guard let dp = get(.dport).flatMap({ UInt16($0) }) else { return bad("<dport> is not a port 0-65535") }
                r.sourcePort = sp
                r.destinationPort = dp
            }
            guard let a = get(.action) else { return bad("<action> is missing") }
            r.action = a.lowercased() == "allow" ? .allow : .deny
            if let b = get(.bytes) { guard let n = UInt64(b) else { return bad("<bytes> is not a count") }; r.bytes = n }
            if let b = get(.packets) { guard let n = UInt64(b) else { return bad("<packets> is not a count") }; r.packets = n }
            if let c = get(.repeatcnt) { guard let n = Int(c), n >= 1 else { return bad("<repeatcnt> is not a positive count") }; r.count = n }
            var logged: Double?
            if let h = get(.hires) { logged = FlowTimestamp.parse(h) }
            if logged == nil, let g = get(.generated) {
                logged = Array(g.utf8).withUnsafeBufferPointer { FlowTimestamp.parse($0, assumeUTC: true) }
                if logged == nil { return bad("<time_generated> is not a date and time") }
            }
            if let t = logged {
                r.lastSeen = t
                r.firstSeen = t
                if let e = get(.elapsed) {
                    guard let secs = Double(e), secs >= 0 else { return bad("<elapsed> is not a number of seconds") }
                    r.firstSeen = t - secs
                }
            }
            r.rule = get(.rule)
            r.device = get(.device) ?? get(.serial)
            sink.add(r, line: loc.line, column: loc.column)
        }
        if !sawLogs {
            throw InputError(SourceLocation(file: file, line: 1),
                             "no result/log/logs in this <response> (expected a PAN-OS traffic log query answer)")
        }
        return try sink.finish(format: format)
    }
}
