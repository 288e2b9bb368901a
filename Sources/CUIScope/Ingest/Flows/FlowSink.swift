/// One normalised flow record as a reader hands it over (docs/FORMATS.md, Flow logs): readers
/// never keep records, they pass each one to a ``FlowSink`` which filters and aggregates it at once.
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
    let file: String
    let window: FlowWindow
    let strict: Bool
    private var index = FlowAggregateIndex()
    private var flows: [Flow] = []
    /// Locations of later records of an aggregate (its second, third, …), in record order,
    /// added to the flows' `locations` by ``finish(format:)``: appending while streaming
    /// touched each aggregate's separately allocated array, a cache miss per record.
    private var laterLocations: [(flow: Int, line: Int, column: Int)] = []
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
        let key = FlowAggregateIndex.Key(
            source: r.source.value, destination: r.destination.value, port: r.destinationPort ?? 0,
            proto: r.proto, action: FlowAggregateIndex.Key.actionCode(r.action))
        let found = flows.withUnsafeBufferPointer { index.find(key, in: $0) }
        if let found {
            flows.withUnsafeMutableBufferPointer { buffer in
                Self.merge(r, first: first, last: last, into: &buffer[found.flow])
            }
            if found.locations < Flow.maxLocations {
                index.countLocation(at: found.slot)
                laterLocations.append((found.flow, line, column))
            }
        } else {
            index.insert(key, at: flows.count)
            flows.append(Flow(
                source: r.source, destination: r.destination, proto: r.proto, sourcePort: r.sourcePort,
                destinationPort: r.destinationPort, action: r.action, bytes: r.bytes, packets: r.packets,
                firstSeen: first, lastSeen: last, count: r.count, device: r.device, rule: r.rule,
                location: SourceLocation(file: file, line: line, column: column)))
        }
    }

    /// Folds one more record into its aggregate (one exclusive access instead of one per field).
    @inline(__always)
    private static func merge(_ r: FlowRecord, first: Double?, last: Double?, into f: inout Flow) {
        f.count += r.count
        f.bytes &+= r.bytes
        f.packets &+= r.packets
        if let t = first { f.firstSeen = Swift.min(f.firstSeen ?? t, t) }
        if let t = last { f.lastSeen = Swift.max(f.lastSeen ?? t, t) }
        if f.sourcePort != r.sourcePort { f.sourcePort = nil }
        if f.device == nil { f.device = r.device }
        if f.rule == nil { f.rule = r.rule }
    }

    /// The aggregated log.
    /// - Throws: ``InputError`` listing the malformed records when `strict` and there were any.
    mutating func finish(format: String) throws(InputError) -> FlowLog {
        var flows = self.flows
        self.flows = []
        // Each aggregate's location array is allocated once at its final size (appending one
        // at a time regrew it; most aggregates need none: see ``Flow/locations``).
        var later = [UInt8](repeating: 0, count: flows.count)
        for l in laterLocations { later[l.flow] &+= 1 }
        for l in laterLocations {
            flows[l.flow].appendLocation(SourceLocation(file: file, line: l.line, column: l.column),
                                         total: 1 + Int(later[l.flow]))
        }
        laterLocations = []
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

/// The aggregate of each (source, destination, destination port, protocol, action) key: an
/// open-addressing table of flow indices, probed with a seeded multiplicative hash and each
/// slot's stored hash, so a lookup touches one slot and (on a hash match) one ``Flow``.
/// `Dictionary` spent most of the aggregation time in SipHash and rehashing 48-byte keys. The
/// seed is random per table (as `Hasher`'s is per process), so a crafted flow log cannot aim
/// its keys at one probe chain; the table never decides order (flows stay in first-seen order).
struct FlowAggregateIndex {
    struct Key {
        var source: UInt128
        var destination: UInt128
        var port: UInt16
        var proto: UInt8
        var action: UInt8

        @inline(__always)
        static func actionCode(_ a: FlowAction) -> UInt8 { a == .deny ? 1 : (a == .allow ? 0 : 2) }

        /// Compares field by field through the pointer: passing the `Flow` by value would copy
        /// (and retain) its strings and locations for every probe.
        @inline(__always)
        func matches(_ f: UnsafePointer<Flow>) -> Bool {
            f.pointee.source.value == source && f.pointee.destination.value == destination
                && (f.pointee.destinationPort ?? 0) == port && f.pointee.proto == proto
                && Key.actionCode(f.pointee.action) == action
        }
    }

    /// Per slot: hash (high 30 bits), the aggregate's location count (2 bits: 1 to
    /// ``Flow/maxLocations``) and flow index + 1 (low 32 bits); 0 is empty.
    private var slots: [UInt64] = []
    private var mask = 0
    private var used = 0
    private let seed = UInt64.random(in: 1...UInt64.max) | 1

    @inline(__always)
    private func hash(_ k: Key) -> UInt32 {
        @inline(__always) func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
            let m = (h ^ v).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
            return m.high ^ m.low
        }
        var h = seed
        h = mix(h, UInt64(truncatingIfNeeded: k.source))
        h = mix(h, UInt64(truncatingIfNeeded: k.source >> 64))
        h = mix(h, UInt64(truncatingIfNeeded: k.destination))
        h = mix(h, UInt64(truncatingIfNeeded: k.destination >> 64))
        h = mix(h, UInt64(k.port) << 16 | UInt64(k.proto) << 8 | UInt64(k.action))
        return UInt32(truncatingIfNeeded: h ^ (h >> 32)) >> 2
    }

    /// `key`'s aggregate, if there is one: its index in `flows`, its slot and how many
    /// locations it has.
    @inline(__always)
    func find(_ key: Key, in flows: UnsafeBufferPointer<Flow>) -> (flow: Int, slot: Int, locations: Int)? {
        guard used > 0 else { return nil }
        let h = hash(key)
        return slots.withUnsafeBufferPointer { s in
            var i = Int(h) & mask
            while true {
                let slot = s[i]
                if slot == 0 { return nil }
                if UInt32(truncatingIfNeeded: slot >> 34) == h {
                    let f = Int(UInt32(truncatingIfNeeded: slot)) - 1
                    if key.matches(flows.baseAddress! + f) { return (f, i, Int(slot >> 32) & 3) }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Counts one more location for the aggregate in `slot`.
    @inline(__always)
    mutating func countLocation(at slot: Int) {
        assert(Flow.maxLocations <= 3, "the slot holds location counts up to 3")
        slots[slot] &+= 1 << 32
    }

    /// Records that `key` (not present) is aggregated at `position`, with one location.
    mutating func insert(_ key: Key, at position: Int) {
        precondition(position < Int(UInt32.max), "too many flow aggregates")
        if (used + 1) * 2 > slots.count { grow() }
        place(UInt64(hash(key)) << 34 | 1 << 32 | UInt64(position + 1))
        used += 1
    }

    private mutating func place(_ entry: UInt64) {
        let h = Int(truncatingIfNeeded: entry >> 34)
        let mask = self.mask
        slots.withUnsafeMutableBufferPointer { s in
            var i = h & mask
            while s[i] != 0 { i = (i + 1) & mask }
            s[i] = entry
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: Swift.max(1024, old.count * 2))
        mask = slots.count - 1
        for entry in old where entry != 0 { place(entry) }
    }
}
