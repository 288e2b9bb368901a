/// Reads Azure network flow logs, streamed token by token (docs/FORMATS.md, Flow logs, Azure
/// NSG and VNet flow logs):
/// - NSG flow logs v1/v2: `records[].properties.flows[].{rule, flows[].flowTuples[]}`, tuples
///   `unixTs,src,dst,sport,dport,T/U,I/O,A/D[,B/C/E,pktsS2D,bytesS2D,pktsD2S,bytesD2S]`;
/// - VNet flow logs v4: `records[].flowRecords.flows[].flowGroups[].{rule, flowTuples[]}`,
///   tuples `msTs,src,dst,sport,dport,protoNumber,I/O,B/C/E/D,encryption[,pkts/bytes…]`.
///
/// Tuples are held only until their rule group closes (the rule may follow them), so memory
/// is one group, not one file. The device is the NSG or target resource named in the record.
enum AzureFlowParser {
    static let format = "azure-flows"

    private enum Kind { case nsg, vnet }

    static func read(path: String, file: String, window: FlowWindow, strict: Bool) throws(InputError) -> FlowLog {
        var sink = FlowSink(file: file, window: window, strict: strict)
        var tokens = try JSONTokenReader(path: path, file: file)
        defer { tokens.close() }
        // Member names of the enclosing objects (nil for array levels), root first.
        var path: [String?] = []
        var pendingKey: String?
        var device: String?
        var groupRule: String?
        var groupTuples: [(String, SourceLocation, Kind)] = []
        var groupDepth = -1
        var sawRecords = false

        func keys() -> [String] { path.compactMap { $0 } }
        func flushGroup() {
            for (tuple, loc, kind) in groupTuples {
                sink.read()
                switch parseTuple(tuple, kind: kind) {
                case .success(var r):
                    r.rule = groupRule
                    r.device = device
                    sink.add(r, line: loc.line, column: loc.column)
                case .failure(let problem):
                    sink.malformed(line: loc.line, column: loc.column, "flow tuple skipped: \(problem.message)")
                }
            }
            groupTuples.removeAll(keepingCapacity: true)
            groupRule = nil
            groupDepth = -1
        }

        while true {
            let (token, loc) = try tokens.next()
            switch token {
            case .end:
                if !sawRecords {
                    throw InputError(SourceLocation(file: file, line: 1), "no \"records\" array (expected an Azure NSG or VNet flow log)")
                }
                return try sink.finish(format: format)
            case .key(let k):
                pendingKey = k
                continue
            case .beginObject, .beginArray:
                path.append(pendingKey)
                pendingKey = nil
                let k = keys()
                if token == .beginArray, k == ["records"] { sawRecords = true }
                if token == .beginObject, k == ["records"], path.count == 3 { device = nil }
                if token == .beginObject, k == ["records", "properties", "flows"] || k == ["records", "flowRecords", "flows", "flowGroups"] {
                    groupDepth = path.count
                }
            case .endObject, .endArray:
                if groupDepth == path.count && token == .endObject { flushGroup() }
                path.removeLast()
            case .string(let s):
                let k = pendingKey.map { keys() + [$0] } ?? keys()
                pendingKey = nil
                switch k {
                case ["records", "resourceId"], ["records", "targetResourceID"]:
                    if let last = s.split(separator: "/").last { device = String(last) }
                case ["records", "properties", "flows", "rule"], ["records", "flowRecords", "flows", "flowGroups", "rule"]:
                    groupRule = s
                case ["records", "properties", "flows", "flows", "flowTuples"]:
                    groupTuples.append((s, loc, .nsg))
                case ["records", "flowRecords", "flows", "flowGroups", "flowTuples"]:
                    groupTuples.append((s, loc, .vnet))
                default: break
                }
            case .number, .bool, .null:
                pendingKey = nil
            }
        }
    }

    /// One tuple to a record.
    private static func parseTuple(_ tuple: String, kind: Kind) -> Result<FlowRecord, RecordProblem> {
        var bytes = Array(tuple.utf8)
        return bytes.withUnsafeMutableBufferPointer { buf -> Result<FlowRecord, RecordProblem> in
            guard let base = buf.baseAddress else { return .failure(RecordProblem("empty tuple")) }
            var splitter = FieldSplitter()
            splitter.split(ByteField(UnsafePointer(base), buf.count), separator: 0x2C)
            let f = splitter.fields
            guard f.count >= 8 else { return .failure(RecordProblem("\(f.count) fields, expected at least 8")) }
            guard let ts = f[0].decimal else { return .failure(RecordProblem("time is not a number")) }
            guard let src = f[1].ipAddress else { return .failure(RecordProblem("source is not an IP address")) }
            guard let dst = f[2].ipAddress else { return .failure(RecordProblem("destination is not an IP address")) }
            var r = FlowRecord(source: src, destination: dst, proto: IPProtocol.tcp)
            switch kind {
            case .nsg:
                r.firstSeen = ts
                if f[5].equals("T") { r.proto = IPProtocol.tcp } else if f[5].equals("U") { r.proto = IPProtocol.udp } else {
                    return .failure(RecordProblem("protocol is not T or U"))
                }
                if f[7].equals("A") { r.action = .allow } else if f[7].equals("D") { r.action = .deny } else {
                    return .failure(RecordProblem("decision is not A or D"))
                }
            case .vnet:
                r.firstSeen = ts / 1000
                guard let p = f[5].uint64, p <= 255 else { return .failure(RecordProblem("protocol is not a number 0-255")) }
                r.proto = UInt8(p)
                guard f[7].count == 1, "BCED".utf8.contains(f[7][0]) else { return .failure(RecordProblem("state is not B, C, E or D")) }
                r.action = f[7][0] == UInt8(ascii: "D") ? .deny : .allow
            }
            r.lastSeen = r.firstSeen
            if FlowFields.hasPorts(r.proto) {
                guard let sp = f[3].port else { return .failure(RecordProblem("source port is not a port")) }
                guard let dp = f[4].port else { return .failure(RecordProblem("destination port is not a port")) }
                r.sourcePort = sp
                r.destinationPort = dp
            }
            // Counters: packets and bytes source→destination, then destination→source.
            let counters = 9  // same place in NSG v2 and VNet v4 tuples
            if f.count >= counters + 4 {
                for (i, isBytes) in [(counters, false), (counters + 1, true), (counters + 2, false), (counters + 3, true)] {
                    if f[i].isEmpty { continue }
                    guard let v = f[i].uint64 else { return .failure(RecordProblem("packet or byte count is not a number")) }
                    if isBytes { r.bytes &+= v } else { r.packets &+= v }
                }
            }
            return .success(r)
        }
    }
}
