/// Reads AWS VPC Flow Logs (docs/FORMATS.md, AWS VPC Flow Logs): space-separated text, with a
/// header line naming the fields (S3 delivery, default or custom format) or without one
/// (CloudWatch Logs export of the version-2 default format). `-` is a missing value;
/// `NODATA`/`SKIPDATA` rows carry no flow and are counted, not read.
///
/// When the custom format has `pkt-srcaddr`/`pkt-dstaddr`, those win over `srcaddr`/`dstaddr`:
/// behind a NAT gateway or load balancer `srcaddr` is the intermediary's interface, and scope
/// is about the hosts that actually exchanged the data (docs/DECISIONS.md).
enum AWSVPCFlowParser {
    static let format = "aws-vpc"

    /// The version-2 default format, in order.
    static let defaultFields = ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
                                "protocol", "packets", "bytes", "start", "end", "action", "log-status"]

    /// Every field name AWS documents (v2–v5), for header detection.
    static let knownFields: Set<String> = Set(defaultFields).union([
        "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr", "region", "az-id",
        "sublocation-type", "sublocation-id", "pkt-src-aws-service", "pkt-dst-aws-service", "flow-direction",
        "traffic-path", "ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn",
        "ecs-container-instance-id", "ecs-container-id", "ecs-second-container-id", "ecs-service-name",
        "ecs-task-definition-arn", "ecs-task-arn", "ecs-task-id", "reject-reason",
    ])

    /// A header line: every token a known field name, and the address fields present.
    static func isHeader(_ tokens: [Substring]) -> Bool {
        guard tokens.count >= 3 else { return false }
        let names = Set(tokens.map(String.init))
        return names.isSubset(of: knownFields) && (names.contains("srcaddr") || names.contains("pkt-srcaddr"))
            && (names.contains("dstaddr") || names.contains("pkt-dstaddr"))
    }

    /// A header-less default-format row: 14 fields, version 2+, ACCEPT/REJECT/- action and an
    /// OK/NODATA/SKIPDATA status.
    static func isDefaultRow(_ tokens: [Substring]) -> Bool {
        guard tokens.count == defaultFields.count, let v = Int(tokens[0]), v >= 2 else { return false }
        return ["ACCEPT", "REJECT", "-"].contains(tokens[12]) && ["OK", "NODATA", "SKIPDATA"].contains(tokens[13])
    }

    private enum Col: Int, CaseIterable {
        case src, dst, pktSrc, pktDst, sport, dport, proto, packets, bytes, start, end, action, status, interface, instance
    }
    private static let colNames: [Col: String] = [
        .src: "srcaddr", .dst: "dstaddr", .pktSrc: "pkt-srcaddr", .pktDst: "pkt-dstaddr", .sport: "srcport",
        .dport: "dstport", .proto: "protocol", .packets: "packets", .bytes: "bytes", .start: "start", .end: "end",
        .action: "action", .status: "log-status", .interface: "interface-id", .instance: "instance-id",
    ]

    static func read(path: String, file: String, window: FlowWindow, strict: Bool) throws(InputError) -> FlowLog {
        var sink = FlowSink(file: file, window: window, strict: strict)
        var cols: [Int]?
        var width = 0
        var splitter = FieldSplitter()
        try LineReader.forEachLine(path: path, file: file) { line, n throws(InputError) in
            let t = line.trimmed
            if t.count == 0 { return true }
            splitter.split(t, separator: 0x20, collapse: true)
            let fields = splitter.fields
            if cols == nil {
                let tokens = fields.map { Substring($0.string) }
                if isHeader(tokens) {
                    cols = try headerLayout(tokens.map(String.init), at: SourceLocation(file: file, line: n))
                    width = tokens.count
                    return true
                }
                cols = layout(defaultFields)
                width = defaultFields.count
            }
            guard let cols else { return true }
            sink.read()
            guard fields.count == width else {
                sink.malformed(line: n, "flow log record skipped: \(fields.count) fields, expected \(width)")
                return true
            }
            if let r = record(fields, cols: cols, line: line, n: n, sink: &sink) { sink.add(r, line: n) }
            return true
        }
        return try sink.finish(format: format)
    }

    /// The position of each ``Col`` in a list of field names, -1 when absent.
    private static func layout(_ names: [String]) -> [Int] {
        Col.allCases.map { c in names.firstIndex(of: colNames[c]!) ?? -1 }
    }

    /// The layout a header line names; it must name a source and a destination address.
    private static func headerLayout(_ names: [String], at location: SourceLocation) throws(InputError) -> [Int] {
        let l = layout(names)
        guard l[Col.src.rawValue] >= 0 || l[Col.pktSrc.rawValue] >= 0,
              l[Col.dst.rawValue] >= 0 || l[Col.pktDst.rawValue] >= 0
        else {
            throw InputError(location, "header names no srcaddr/dstaddr field")
        }
        return l
    }

    /// One row as a record; nil for a NODATA/SKIPDATA row (counted) and after the first bad
    /// field is reported to `sink`.
    private static func record(_ fields: [ByteField], cols: [Int], line: ByteField, n: Int, sink: inout FlowSink)
        -> FlowRecord?
    {
        func get(_ c: Col) -> ByteField? {
            let i = cols[c.rawValue]
            guard i >= 0 else { return nil }
            let f = fields[i]
            return f.count == 1 && f[0] == 0x2D ? nil : f
        }
        func col(_ c: Col) -> Int {
            let i = cols[c.rawValue]
            return i < 0 ? 0 : fields[i].base - line.base + 1
        }
        if let s = get(.status), s.equals("NODATA") || s.equals("SKIPDATA") {
            sink.noData()
            return nil
        }
        func bad(_ c: Col, _ what: String) -> FlowRecord? {
            sink.malformed(line: n, column: col(c), "flow log record skipped: '\(colNames[c]!)' \(what)")
            return nil
        }
        let srcCol: Col = get(.pktSrc) != nil ? .pktSrc : .src
        let dstCol: Col = get(.pktDst) != nil ? .pktDst : .dst
        guard let src = get(srcCol)?.ipAddress else { return bad(srcCol, "is not an IP address") }
        guard let dst = get(dstCol)?.ipAddress else { return bad(dstCol, "is not an IP address") }
        guard let protoField = get(.proto), let pv = protoField.uint64, pv <= 255 else {
            return bad(.proto, "is not a protocol number 0-255")
        }
        var r = FlowRecord(source: src, destination: dst, proto: UInt8(pv))
        if FlowFields.hasPorts(r.proto) {
            if let f = get(.sport) { guard let p = f.port else { return bad(.sport, "is not a port") }; r.sourcePort = p }
            if let f = get(.dport) { guard let p = f.port else { return bad(.dport, "is not a port") }; r.destinationPort = p }
        }
        if let f = get(.packets) { guard let v = f.uint64 else { return bad(.packets, "is not a count") }; r.packets = v }
        if let f = get(.bytes) { guard let v = f.uint64 else { return bad(.bytes, "is not a count") }; r.bytes = v }
        if let f = get(.start) { guard let v = f.decimal else { return bad(.start, "is not epoch seconds") }; r.firstSeen = v }
        if let f = get(.end) { guard let v = f.decimal else { return bad(.end, "is not epoch seconds") }; r.lastSeen = v }
        if let f = get(.action) {
            if f.equals("ACCEPT") { r.action = .allow } else if f.equals("REJECT") { r.action = .deny } else {
                return bad(.action, "is not ACCEPT or REJECT")
            }
        }
        r.device = (get(.instance) ?? get(.interface))?.string
        return r
    }
}
