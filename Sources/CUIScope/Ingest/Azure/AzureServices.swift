/// Protocols, ports and address prefixes of NSG rules (docs/FORMATS.md, Azure NSG).
enum AzureServices {
    /// The protocol number of `Tcp`, `Udp`, `Icmp`, `Esp`, `Ah`; -1 for `*` (or `Any`).
    static func protocolNumber(_ text: String) -> Int? {
        switch text.lowercased() {
        case "*", "any": return -1
        case "tcp": return 6
        case "udp": return 17
        case "icmp": return 1
        case "esp": return 50
        case "ah": return 51
        default: return nil
        }
    }

    /// The destination services of a rule; nil for a malformed port range.
    static func services(_ r: AzureSecurityRule) -> ServiceSet? {
        guard let n = protocolNumber(r.proto) else { return nil }
        let ports = r.destinationPorts.isEmpty ? ["*"] : r.destinationPorts
        var out = ServiceSet()
        for p in ports {
            guard let range = portRange(p) else { return nil }
            let protos: [UInt8] = n == -1 ? [6, 17] : [UInt8(n)]
            if n == -1 && range == 0...65535 { return .anyService }
            for proto in protos {
                out = out.union(proto == 6 || proto == 17 ? .ports(proto, range.lowerBound, range.upperBound) : .proto(proto))
            }
        }
        return out
    }

    /// `*`, `80` or `1024-65535`.
    static func portRange(_ text: String) -> ClosedRange<UInt16>? {
        if text == "*" { return 0...65535 }
        let parts = text.split(separator: "-").map { UInt16($0.trimmingCharacters(in: .whitespaces)) }
        guard let low = parts.first ?? nil, let high = parts.last ?? nil, parts.count <= 2, low <= high else { return nil }
        return low...high
    }

    /// The addresses of the load balancer health probe (`AzureLoadBalancer` tag).
    static let loadBalancer = AddressSet.parse("168.63.129.16")!
}
