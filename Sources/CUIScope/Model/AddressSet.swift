import Foundation

/// A set of IP addresses (IPv4 and IPv6 together), as a firewall rule or a zone matches them.
public typealias AddressSet = IntervalSet<UInt128>

extension IntervalSet where Bound == UInt128 {
    /// Every IPv4 address (`0.0.0.0/0`), as opposed to `.full`, which also holds IPv6.
    public static var allIPv4: AddressSet { AddressSet(IPAddress.v4Range) }

    public static func host(_ a: IPAddress) -> AddressSet { AddressSet(lower: a.value, upper: a.value) }

    public func contains(_ a: IPAddress) -> Bool { contains(a.value) }

    /// Parses one address literal: `any`, a host (`10.1.2.3`, `2001:db8::1`), a prefix
    /// (`10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `2001:db8::/32`) or a range (`10.0.0.1-10.0.0.9`).
    /// Host bits set under a prefix (`10.1.2.3/24`) are accepted: the prefix is meant.
    /// - Returns: nil when the text is none of these.
    public static func parse(_ raw: some StringProtocol) -> AddressSet? {
        let text = raw.trimmedWhitespace
        if text.isEmpty { return nil }
        if text.lowercased() == "any" { return .full }
        if let slash = text.firstIndex(of: "/") {
            guard let base = IPAddress(text[..<slash]) else { return nil }
            let lenText = text[text.index(after: slash)...]
            let maxLen = base.isIPv4 ? 32 : 128
            var len: Int
            if let n = Int(lenText), n >= 0, n <= maxLen {
                len = n
            } else if base.isIPv4, let mask = IPAddress(lenText), mask.isIPv4 {
                let m = UInt32(truncatingIfNeeded: mask.value)
                let ones = m.nonzeroBitCount
                guard m.leadingZeroBitCount == 0 || m == 0, (m << ones) == 0 || ones == 32 else { return nil }
                len = ones
            } else {
                return nil
            }
            if base.isIPv4 { len += 96 }
            let hostBits = 128 - len
            let mask: UInt128 = hostBits == 128 ? .max : (hostBits == 0 ? 0 : (UInt128(1) << UInt128(hostBits)) - 1)
            return AddressSet(lower: base.value & ~mask, upper: base.value | mask)
        }
        if let dash = text.firstIndex(of: "-"), !text.hasPrefix("-") {
            guard let a = IPAddress(text[..<dash].trimmedWhitespace),
                let b = IPAddress(text[text.index(after: dash)...].trimmedWhitespace),
                a.isIPv4 == b.isIPv4, a <= b
            else { return nil }
            return AddressSet(lower: a.value, upper: b.value)
        }
        guard let a = IPAddress(text) else { return nil }
        return .host(a)
    }

    /// Compact text for reports: `any`, hosts, CIDRs where an interval is a prefix, else ranges.
    public var summary: String {
        if isFull { return "any" }
        if isEmpty { return "none" }
        return intervals.map { iv -> String in
            let lo = IPAddress(value: iv.lower)
            let hi = IPAddress(value: iv.upper)
            if iv.lower == iv.upper { return lo.description }
            if iv == IPAddress.v4Range { return "0.0.0.0/0" }
            let size = iv.upper &- iv.lower &+ 1
            if size != 0, size.nonzeroBitCount == 1, iv.lower & (size - 1) == 0, lo.isIPv4 == hi.isIPv4 {
                let bits = size.trailingZeroBitCount
                return "\(lo)/\((lo.isIPv4 ? 32 : 128) - bits)"
            }
            return "\(lo)-\(hi)"
        }.joined(separator: ",")
    }
}
