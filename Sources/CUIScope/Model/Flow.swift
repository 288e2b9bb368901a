/// What a flow record says the device did with the traffic.
public enum FlowAction: String, Sendable, Codable {
    case allow, deny, unknown
}

/// One observed flow record, normalised (docs/FORMATS.md, Flow logs), or an aggregate of several.
public struct Flow: Sendable, Hashable {
    public var source: IPAddress
    public var destination: IPAddress
    public var proto: UInt8
    public var sourcePort: UInt16?
    public var destinationPort: UInt16?
    public var action: FlowAction
    public var bytes: UInt64
    public var packets: UInt64
    /// Seconds since 1970 (UTC), when known.
    public var firstSeen: Double?
    public var lastSeen: Double?
    /// Records aggregated into this flow.
    public var count: Int
    public var device: String?
    public var rule: String?
    /// The first record's location.
    public var location: SourceLocation
    /// The first few records' locations (at most ``Flow/maxLocations``), `location` first, so
    /// an aggregate still points an assessor at concrete lines.
    public var locations: [SourceLocation] {
        get { storedLocations ?? [location] }
        set { storedLocations = newValue.count == 1 && newValue[0] == location ? nil : newValue }
    }
    /// `nil` when the only location is `location`: most aggregates stand for one record, and a
    /// one-element array per flow was a heap allocation each (tens of MB at a million flows).
    private var storedLocations: [SourceLocation]?

    /// Adds a later record's location in place; `total` (how many locations the flow will
    /// have) sizes the array once.
    public mutating func appendLocation(_ l: SourceLocation, total: Int) {
        if storedLocations == nil {
            var first: [SourceLocation] = []
            first.reserveCapacity(total)
            first.append(location)
            storedLocations = first
        }
        storedLocations?.append(l)
    }

    /// How many record locations an aggregate keeps.
    public static let maxLocations = 3

    public init(
        source: IPAddress, destination: IPAddress, proto: UInt8, sourcePort: UInt16? = nil,
        destinationPort: UInt16? = nil, action: FlowAction = .unknown, bytes: UInt64 = 0, packets: UInt64 = 0,
        firstSeen: Double? = nil, lastSeen: Double? = nil, count: Int = 1, device: String? = nil,
        rule: String? = nil, location: SourceLocation, locations: [SourceLocation]? = nil
    ) {
        self.source = source
        self.destination = destination
        self.proto = proto
        self.sourcePort = sourcePort
        self.destinationPort = destinationPort
        self.action = action
        self.bytes = bytes
        self.packets = packets
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.count = count
        self.device = device
        self.rule = rule
        self.location = location
        self.storedLocations = nil
        if let locations { self.locations = locations }
    }

    /// The service key of this flow (protocol and destination port).
    public var serviceKey: UInt32 { ServiceSet.key(proto: proto, port: destinationPort ?? 0) }
}

/// Flows read from one input, aggregated while streaming to one ``Flow`` per (source,
/// destination, protocol, destination port, allow/deny), so memory grows with the distinct
/// conversations rather than with the records (a week of firewall logs is millions of rows).
public struct FlowLog: Sendable {
    /// The aggregates, in order of first appearance in the file.
    public var flows: [Flow]
    /// Malformed records (the first ``FlowLog/maxListed``), each with its location.
    public var skipped: [Diagnostic]
    public var source: String
    /// Records read from the file, before the window filter (malformed and marker rows included).
    public var recordCount: Int
    /// The reader that understood the file: `native-flows`, `panos-traffic`, `zeek-conn`, …
    public var format: String
    /// The observation window the records were filtered to.
    public var window: FlowWindow
    /// Earliest and latest time among the records kept, when any carries a time.
    public var firstSeen: Double?
    public var lastSeen: Double?
    /// Per-source record counts for the report.
    public var counts: FlowCounts

    /// Malformed records listed individually; the rest are only counted.
    public static let maxListed = 1000

    public init(flows: [Flow] = [], skipped: [Diagnostic] = [], source: String, recordCount: Int = 0,
                format: String = "flows", window: FlowWindow = .unbounded, firstSeen: Double? = nil,
                lastSeen: Double? = nil, counts: FlowCounts = FlowCounts()) {
        self.flows = flows
        self.skipped = skipped
        self.source = source
        self.recordCount = recordCount
        self.format = format
        self.window = window
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.counts = counts
    }
}

/// What happened to the records of one flow source.
public struct FlowCounts: Sendable, Hashable {
    /// Records kept (inside the window) and aggregated.
    public var kept = 0
    public var allowed = 0
    public var denied = 0
    /// Records outside `--since`/`--until`.
    public var outsideWindow = 0
    /// Records without any time, dropped because a window was asked for.
    public var untimed = 0
    /// Records that could not be read (skipped, listed up to a cap).
    public var malformed = 0
    /// Rows that carry no flow by design (AWS `NODATA`/`SKIPDATA`).
    public var noData = 0

    public init() {}

    /// The counts as report keys (snake_case), zero counts left out except `kept`.
    public func dictionary(aggregates: Int) -> [String: Int] {
        var d: [String: Int] = ["kept": kept, "aggregates": aggregates]
        for (k, v) in [("allowed", allowed), ("denied", denied), ("outside_window", outsideWindow),
                       ("untimed", untimed), ("malformed", malformed), ("no_data", noData)] where v > 0 {
            d[k] = v
        }
        return d
    }
}

/// The observation window (`--since`/`--until`), seconds since 1970 UTC; either end may be open.
public struct FlowWindow: Sendable, Hashable {
    public var since: Double?
    public var until: Double?

    public static let unbounded = FlowWindow()

    public init(since: Double? = nil, until: Double? = nil) {
        self.since = since
        self.until = until
    }

    public var isBounded: Bool { since != nil || until != nil }

    /// Whether a record seen from `first` to `last` overlaps the window; nil when the record has
    /// no time and the window is bounded (it cannot be placed).
    @inline(__always)
    public func admits(first: Double?, last: Double?) -> Bool? {
        guard isBounded else { return true }
        guard let start = first ?? last, let end = last ?? first else { return nil }
        if let since, end < since { return false }
        if let until, start > until { return false }
        return true
    }
}
