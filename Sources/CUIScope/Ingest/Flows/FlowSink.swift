/// One normalised flow record as a reader hands it over (FORMATS.md §6): readers never keep
/// records, they pass each one to a ``FlowSink`` which filters and aggregates it at once.
struct FlowRecord {
    var source: IPAddress
    var destination: IPAddress
    var proto: UInt8
    var sourcePort: UInt16?
    var destinationPort: UInt16?
    var action: FlowAction = .unknown
    var bytes: UInt64 = 0
    var packets: UInt64 = 0
    var firstSeen: Double?
    var lastSeen: Double?
    /// Records this one stands for (native `count`, PAN-OS `repeatcnt`).
    var count = 1
    var device: String?
    var rule: String?
}

/// Receives records while a reader streams a file: applies the observation window and adds
/// each record to its (source, destination, protocol, destination port, allow/deny) aggregate
/// immediately, so memory is proportional to the distinct conversations, not to the records.
/// Malformed records are counted and the first ``FlowLog/maxListed`` listed.
struct FlowSink {
    private struct Key: Hashable {
        var source: UInt128
        var destination: UInt128
        var port: UInt16
        var proto: UInt8
        var action: UInt8
    }

    let file: String
    let window: FlowWindow
    let strict: Bool
    private var index: [Key: Int] = [:]
    private var flows: [Flow] = []
    private var skipped: [Diagnostic] = []
    private(set) var counts = FlowCounts()
    /// Records read, whatever became of them.
    private(set) var records = 0
    private var firstSeen: Double?
    private var lastSeen: Double?

    init(file: String, window: FlowWindow, strict: Bool) {
        self.file = file
        self.window = window
        self.strict = strict
    }

    /// Counts one record read from the file (call once per record, before ``add`` or ``malformed``).
    @inline(__always)
    mutating func read(_ n: Int = 1) { records += n }

    /// A row that by design carries no flow (AWS `NODATA`/`SKIPDATA`).
    mutating func noData() { counts.noData += 1 }

    /// A record that could not be read: counted, listed up to the cap.
    mutating func malformed(line: Int, column: Int = 0, _ message: String) {
        counts.malformed += 1
        if skipped.count < FlowLog.maxListed {
            skipped.append(.error(SourceLocation(file: file, line: line, column: column), message))
        }
    }

    /// Adds one well-formed record found at `line`:`column`.
    @inline(__always)
    mutating func add(_ r: FlowRecord, line: Int, column: Int = 0) {
        switch window.admits(first: r.firstSeen, last: r.lastSeen) {
        case .some(true): break
        case .some(false):
            counts.outsideWindow += 1
            return
        case .none:
            counts.untimed += 1
            return
        }
        counts.kept += 1
        switch r.action {
        case .allow: counts.allowed += 1
        case .deny: counts.denied += 1
        case .unknown: break
        }
        let first = r.firstSeen ?? r.lastSeen
        let last = r.lastSeen ?? r.firstSeen
        if let t = first { firstSeen = Swift.min(firstSeen ?? t, t) }
        if let t = last { lastSeen = Swift.max(lastSeen ?? t, t) }
        let key = Key(source: r.source.value, destination: r.destination.value, port: r.destinationPort ?? 0,
                      proto: r.proto, action: r.action == .deny ? 1 : (r.action == .allow ? 0 : 2))
        if let i = index[key] {
            flows[i].count += r.count
            flows[i].bytes &+= r.bytes
            flows[i].packets &+= r.packets
            if let t = first { flows[i].firstSeen = Swift.min(flows[i].firstSeen ?? t, t) }
            if let t = last { flows[i].lastSeen = Swift.max(flows[i].lastSeen ?? t, t) }
            if flows[i].sourcePort != r.sourcePort { flows[i].sourcePort = nil }
            if flows[i].device == nil { flows[i].device = r.device }
            if flows[i].rule == nil { flows[i].rule = r.rule }
            if flows[i].locations.count < Flow.maxLocations {
                flows[i].locations.append(SourceLocation(file: file, line: line, column: column))
            }
        } else {
            index[key] = flows.count
            flows.append(Flow(
                source: r.source, destination: r.destination, proto: r.proto, sourcePort: r.sourcePort,
                destinationPort: r.destinationPort, action: r.action, bytes: r.bytes, packets: r.packets,
                firstSeen: first, lastSeen: last, count: r.count, device: r.device, rule: r.rule,
                location: SourceLocation(file: file, line: line, column: column)))
        }
    }

    /// The aggregated log.
    /// - Throws: ``InputError`` listing the malformed records when `strict` and there were any.
    func finish(format: String) throws(InputError) -> FlowLog {
        var listed = skipped
        if counts.malformed > skipped.count {
            listed.append(.warning(SourceLocation(file: file, line: 0),
                                   "\(counts.malformed - skipped.count) more malformed records not listed"))
        }
        if strict && counts.malformed > 0 { throw InputError(listed) }
        return FlowLog(flows: flows, skipped: listed, source: file, recordCount: records, format: format,
                       window: window, firstSeen: firstSeen, lastSeen: lastSeen, counts: counts)
    }
}
