#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address in one 128-bit space: IPv4 lives at `::ffff:a.b.c.d`, so one
/// interval arithmetic serves both families and "any" is simply the whole space.
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var value: UInt128

    public static let v4Base: UInt128 = 0xffff_0000_0000
    public static let v4Range = IntervalSet<UInt128>.Interval(v4Base, v4Base | 0xffff_ffff)

    public init(value: UInt128) { self.value = value }
    public init(v4: UInt32) { value = IPAddress.v4Base | UInt128(v4) }

    public var isIPv4: Bool { value >> 32 == 0xffff }

    /// Parses dotted IPv4 or RFC 4291 IPv6 text (zone ids such as `%eth0` are ignored).
    public init?(_ text: some StringProtocol) {
        if let v4 = IPAddress.dottedQuad(text.utf8) {
            self.init(v4: v4)
            return
        }
        var s = String(text)
        if let pct = s.firstIndex(of: "%") { s = String(s[..<pct]) }
        if s.isEmpty || s.count > 45 { return nil }
        if !s.contains(":") {
            // Strict dotted quad: inet_pton(AF_INET) rejects short forms like "10.1".
            var a = in_addr()
            guard inet_pton(AF_INET, s, &a) == 1 else { return nil }
            self.init(v4: UInt32(bigEndian: a.s_addr))
            return
        }
        var a6 = in6_addr()
        guard inet_pton(AF_INET6, s, &a6) == 1 else { return nil }
        var v: UInt128 = 0
        withUnsafeBytes(of: &a6) { raw in
            for b in raw { v = (v << 8) | UInt128(b) }
        }
        self.init(value: v)
    }

    /// A strict dotted quad read from bytes, accepting exactly what `inet_pton(AF_INET)` does
    /// (four decimal octets 0-255, no leading zeros); nil for anything else, which then takes
    /// the general path. Inventories and flow logs are mostly such hosts, and the general path
    /// builds strings and searches them through Foundation.
    @inline(__always)
    static func dottedQuad(_ bytes: some Sequence<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        var octet: UInt32 = 0
        var digits = 0
        var dots = 0
        for b in bytes {
            if b == 0x2E {
                guard digits > 0, dots < 3 else { return nil }
                value = value << 8 | octet
                octet = 0
                digits = 0
                dots += 1
            } else if b >= 0x30 && b <= 0x39 {
                if digits == 1 && octet == 0 { return nil }
                octet = octet * 10 + UInt32(b - 0x30)
                digits += 1
                guard octet <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard dots == 3, digits > 0 else { return nil }
        return value << 8 | octet
    }

    public var description: String {
        if isIPv4 {
            let v = UInt32(truncatingIfNeeded: value)
            return "\(v >> 24).\((v >> 16) & 0xff).\((v >> 8) & 0xff).\(v & 0xff)"
        }
        var a6 = in6_addr()
        withUnsafeMutableBytes(of: &a6) { raw in
            for i in 0..<16 { raw[i] = UInt8(truncatingIfNeeded: value >> UInt128((15 - i) * 8)) }
        }
        var buf = [CChar](repeating: 0, count: 64)
        _ = inet_ntop(AF_INET6, &a6, &buf, socklen_t(buf.count))
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func < (a: IPAddress, b: IPAddress) -> Bool { a.value < b.value }
}
