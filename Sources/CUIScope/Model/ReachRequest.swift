/// One `reach` question as the user wrote it: on the command line (`--from`, `--to`, `--proto`,
/// `--port`, `--from-zone`, `--to-zone`) or as one line of a `--queries` file.
public struct ReachRequest: Sendable, Hashable {
    /// An IP address, or an asset id (resolved against the inventory).
    public var from: String
    public var to: String
    /// `tcp`, `udp`, `icmp`, another protocol name or number, or `any`.
    public var proto: String
    public var port: UInt16?
    public var fromZone: String?
    public var toZone: String?

    public init(
        from: String, to: String, proto: String = "any", port: UInt16? = nil, fromZone: String? = nil,
        toZone: String? = nil
    ) {
        self.from = from
        self.to = to
        self.proto = proto
        self.port = port
        self.fromZone = fromZone
        self.toZone = toZone
    }

    /// The services asked about (``ServiceQuery/services(proto:port:)``); nil when `proto` is
    /// not a protocol.
    public var services: ServiceSet? { try? ServiceQuery.services(proto: proto, port: port.map(String.init)) }

    public static let protoExpected = "tcp, udp, icmp, any or a protocol number"
}

/// Why a reach question cannot be asked (a bad query line, an end that names nothing).
public struct ReachRequestError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
