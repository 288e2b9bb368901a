/// Protocols and ports of security-group permissions and NACL entries as ``ServiceSet``s
/// (docs/FORMATS.md, AWS VPC). ICMP types and codes are not told apart: a rule for one ICMP
/// type counts as all of ICMP, which can only overstate reachability.
enum AWSServices {
    /// The services a permission covers; nil for a protocol or port range the API never returns.
    static func services(_ p: AWSPermission) -> ServiceSet? {
        guard let proto = number(p.proto) else { return nil }
        return services(proto: proto, from: p.fromPort, to: p.toPort)
    }

    /// The services a NACL entry covers; nil for an unknown protocol.
    static func services(_ e: AWSACLEntry) -> ServiceSet? {
        guard let proto = number(e.proto) else { return nil }
        return services(proto: proto, from: e.ports?.lowerBound, to: e.ports?.upperBound)
    }

    /// `-1` (all) as nil-protocol -1; names and numbers as the protocol number.
    static func number(_ text: String) -> Int? {
        switch text.lowercased() {
        case "-1", "all": return -1
        case "tcp": return 6
        case "udp": return 17
        case "icmp": return 1
        case "icmpv6": return 58
        default:
            guard let n = Int(text), (0...255).contains(n) else { return nil }
            return n
        }
    }

    /// Ports apply to TCP and UDP only; a missing or `-1` bound means every port.
    static func services(proto: Int, from: Int?, to: Int?) -> ServiceSet? {
        if proto == -1 { return .anyService }
        guard proto == 6 || proto == 17 else { return .proto(UInt8(proto)) }
        let low = from.flatMap { $0 < 0 ? nil : $0 } ?? 0
        let high = to.flatMap { $0 < 0 ? nil : $0 } ?? 65535
        guard low <= high, high <= 65535 else { return nil }
        return .ports(UInt8(proto), UInt16(low), UInt16(high))
    }

    /// Services as written, for evidence: `tcp/443`, `udp/1024-65535`, `icmp`, `any`.
    static func text(proto: String, from: Int?, to: Int?) -> String {
        guard let n = number(proto), n != -1 else { return "any" }
        let name = IPProtocol.name(UInt8(n))
        guard n == 6 || n == 17 else { return name }
        let low = from.flatMap { $0 < 0 ? nil : $0 } ?? 0
        let high = to.flatMap { $0 < 0 ? nil : $0 } ?? 65535
        if low == 0 && high == 65535 { return name }
        return low == high ? "\(name)/\(low)" : "\(name)/\(low)-\(high)"
    }
}
