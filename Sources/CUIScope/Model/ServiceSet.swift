import Foundation

/// A set of (IP protocol, destination port) pairs, keyed as `proto << 16 | port` so that a
/// service set is an interval set and first-match evaluation can subtract services cheaply.
/// Protocols without ports (ICMP, GRE…) cover their whole 0…65535 block.
public typealias ServiceSet = IntervalSet<UInt32>

/// IANA protocol numbers the tool names.
public enum IPProtocol {
    public static let icmp: UInt8 = 1
    public static let tcp: UInt8 = 6
    public static let udp: UInt8 = 17
    public static let icmpv6: UInt8 = 58
    public static let sctp: UInt8 = 132

    public static func number(_ name: some StringProtocol) -> UInt8? {
        switch name.lowercased() {
        case "tcp": return tcp
        case "udp": return udp
        case "icmp": return icmp
        case "icmpv6", "ipv6-icmp", "icmp6": return icmpv6
        case "sctp": return sctp
        case "gre": return 47
        case "esp": return 50
        case "ah": return 51
        default: return UInt8(name)
        }
    }

    public static func name(_ n: UInt8) -> String {
        switch n {
        case tcp: return "tcp"
        case udp: return "udp"
        case icmp: return "icmp"
        case icmpv6: return "icmpv6"
        case sctp: return "sctp"
        case 47: return "gre"
        case 50: return "esp"
        case 51: return "ah"
        default: return "proto-\(n)"
        }
    }
}

extension IntervalSet where Bound == UInt32 {
    public static let maxKey: UInt32 = 0xFF_FFFF

    /// Every protocol and port; the top of the 24-bit key space is the whole set.
    public static var anyService: ServiceSet { ServiceSet(lower: 0, upper: maxKey) }

    public var isAnyService: Bool { self == .anyService }

    public static func proto(_ p: UInt8) -> ServiceSet {
        ServiceSet(lower: UInt32(p) << 16, upper: UInt32(p) << 16 | 0xFFFF)
    }

    public static func ports(_ p: UInt8, _ low: UInt16, _ high: UInt16) -> ServiceSet {
        ServiceSet(lower: UInt32(p) << 16 | UInt32(low), upper: UInt32(p) << 16 | UInt32(high))
    }

    public static func key(proto: UInt8, port: UInt16) -> UInt32 { UInt32(proto) << 16 | UInt32(port) }

    /// Parses `tcp/443`, `udp/53`, `tcp/8000-8080`, `tcp/1:1024`, `tcp/80,443`, `icmp`, `tcp`, `any`.
    /// - Returns: nil when the text is none of these.
    public static func parse(_ raw: some StringProtocol) -> ServiceSet? {
        let text = raw.trimmedWhitespace.lowercased()
        if text == "any" || text == "*" { return .anyService }
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let first = parts.first else { return nil }
        let protos: [UInt8]
        if first == "tcp-udp" || first == "tcp/udp" || first == "tcpudp" {
            protos = [IPProtocol.tcp, IPProtocol.udp]
        } else if let n = IPProtocol.number(first) {
            protos = [n]
        } else {
            return nil
        }
        if parts.count == 1 { return protos.reduce(ServiceSet()) { $0.union(.proto($1)) } }
        guard let ranges = parsePortList(parts[1]) else { return nil }
        var out = ServiceSet()
        for p in protos { for r in ranges { out = out.union(.ports(p, r.lowerBound, r.upperBound)) } }
        return out
    }

    /// Parses a port list such as `80,443,8000-8080` or `1024:65535`.
    public static func parsePortList(_ raw: some StringProtocol) -> [ClosedRange<UInt16>]? {
        var out: [ClosedRange<UInt16>] = []
        for item in raw.split(separator: ",") {
            let t = item.trimmedWhitespace
            if t == "any" || t == "*" { out.append(0...65535); continue }
            let bounds = t.split(whereSeparator: { $0 == "-" || $0 == ":" })
            if bounds.count == 1, let p = UInt16(bounds[0]) {
                out.append(p...p)
            } else if bounds.count == 2, let a = UInt16(bounds[0].trimmedWhitespace),
                let b = UInt16(bounds[1].trimmedWhitespace), a <= b
            {
                out.append(a...b)
            } else {
                return nil
            }
        }
        return out.isEmpty ? nil : out
    }

    /// Compact text such as `tcp/443,8443 udp/53` or `any`.
    public var summary: String {
        if isAnyService { return "any" }
        if isEmpty { return "none" }
        // "Everything but RDP" reads better than 250 protocol names.
        let rest = ServiceSet.anyService.subtracting(self)
        if protocols.count > 8 && rest.intervals.count < intervals.count { return "any except \(rest.summary)" }
        var byProto: [(UInt8, [String])] = []
        for iv in intervals {
            var lo = iv.lower
            while lo <= iv.upper {
                let p = UInt8(lo >> 16)
                let blockEnd = UInt32(p) << 16 | 0xFFFF
                let hi = min(iv.upper, blockEnd)
                let a = UInt16(lo & 0xFFFF)
                let b = UInt16(hi & 0xFFFF)
                let text = (a == 0 && b == 0xFFFF) ? "" : (a == b ? "\(a)" : "\(a)-\(b)")
                if let last = byProto.last, last.0 == p {
                    byProto[byProto.count - 1].1.append(text)
                } else {
                    byProto.append((p, [text]))
                }
                if hi == UInt32.max || hi >= iv.upper { break }
                lo = hi + 1
            }
        }
        return byProto.map { p, ports in
            let list = ports.filter { !$0.isEmpty }
            return list.isEmpty ? IPProtocol.name(p) : "\(IPProtocol.name(p))/\(list.joined(separator: ","))"
        }.joined(separator: " ")
    }

    /// The (protocol, port) pairs in the set, for display of small sets.
    public var protocols: [UInt8] {
        var out: [UInt8] = []
        for iv in intervals {
            for p in Int(iv.lower >> 16)...Int(iv.upper >> 16) where out.last != UInt8(p) { out.append(UInt8(p)) }
        }
        return out
    }
}
