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
}
