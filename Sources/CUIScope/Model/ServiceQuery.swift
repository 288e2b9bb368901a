/// The service of a one-packet question (`cuiscope reach --proto P --port N`) as a ``ServiceSet``.
public enum ServiceQuery {
    /// - Parameters:
    ///   - proto: `tcp`, `udp`, `icmp`, any name ``IPProtocol/number(_:)`` knows, a protocol
    ///     number 0–255, or `any` (case-insensitive).
    ///   - port: one destination port 0–65535, or nil for every port. A range is refused: the
    ///     question is about one packet, and a range could be decided by several rules. With
    ///     `any`, the port is asked of both TCP and UDP.
    /// - Throws: ``ArgumentError`` naming `--proto` or `--port` and the accepted values.
    public static func services(proto: String, port: String?) throws(ArgumentError) -> ServiceSet {
        let number = try port.map { text throws(ArgumentError) in
            guard let n = UInt16(text) else {
                throw ArgumentError("--port expects one port number 0-65535, got '\(text)'")
            }
            return n
        }
        if proto.lowercased() == "any" {
            guard let number else { return .anyService }
            return ServiceSet.ports(IPProtocol.tcp, number, number).union(.ports(IPProtocol.udp, number, number))
        }
        guard let p = IPProtocol.number(proto) else {
            throw ArgumentError("--proto expects tcp, udp, icmp, any or a protocol number")
        }
        return number.map { ServiceSet.ports(p, $0, $0) } ?? .proto(p)
    }
}
