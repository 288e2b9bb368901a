/// What a flow record says the device did with the traffic.
public enum FlowAction: String, Sendable, Codable {
    case allow, deny, unknown
}

/// One observed flow record, normalised (FORMATS.md §6), or an aggregate of several.
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
    public var location: SourceLocation

    public init(
        source: IPAddress, destination: IPAddress, proto: UInt8, sourcePort: UInt16? = nil,
        destinationPort: UInt16? = nil, action: FlowAction = .unknown, bytes: UInt64 = 0, packets: UInt64 = 0,
        firstSeen: Double? = nil, lastSeen: Double? = nil, count: Int = 1, device: String? = nil,
        rule: String? = nil, location: SourceLocation
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
    }

    /// The service key of this flow (protocol and destination port).
    public var serviceKey: UInt32 { ServiceSet.key(proto: proto, port: destinationPort ?? 0) }
}

/// Flows read from one input, with the records that could not be used.
public struct FlowLog: Sendable {
    public var flows: [Flow]
    public var skipped: [Diagnostic]
    public var source: String
    public var recordCount: Int

    public init(flows: [Flow] = [], skipped: [Diagnostic] = [], source: String, recordCount: Int = 0) {
        self.flows = flows
        self.skipped = skipped
        self.source = source
        self.recordCount = recordCount
    }
}
