/// Deterministic hashes for fingerprints and ids: Swift's `Hasher` is seeded per process, so
/// anything written to a report uses FNV-1a instead.
public enum StableHash {
    public static func fnv1a64(_ s: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// 16 hex digits.
    public static func hex(_ s: String) -> String {
        let v = fnv1a64(s)
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A name-based UUID (RFC 9562 version 8 layout) from two FNV-1a hashes of `name`.
    public static func uuid(_ name: String) -> String {
        var hi = fnv1a64(name)
        var lo = fnv1a64(name, seed: 0x8422_2325_cbf2_9ce4)
        hi = (hi & ~0xF000) | 0x8000  // version 8
        lo = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC variant
        func h(_ v: UInt64, _ n: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: n - s.count) + s
        }
        let a = h(hi >> 32, 8), b = h((hi >> 16) & 0xFFFF, 4), c = h(hi & 0xFFFF, 4)
        let d = h(lo >> 48, 4), e = h(lo & 0xFFFF_FFFF_FFFF, 12)
        return "\(a)-\(b)-\(c)-\(d)-\(e)"
    }
}
