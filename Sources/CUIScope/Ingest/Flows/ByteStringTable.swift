/// Strings for byte fields that repeat across millions of records (rule and device names of
/// a traffic log): each distinct value becomes one `String`, built once, and later records get
/// that string back from an open-addressing table keyed by the bytes, without allocating.
struct ByteStringTable {
    private var hashes: [UInt64] = []
    private var keys: [[UInt8]] = []
    private var values: [String] = []
    /// Slot → index into `keys`/`values` + 1; 0 is empty.
    private var slots = [Int32](repeating: 0, count: 256)
    /// A string interned more than this many distinct values is no longer worth a table.
    private static let limit = 1 << 20

    /// The string of `field`'s bytes.
    mutating func string(_ field: ByteField) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in 0..<field.count { h = (h ^ UInt64(field[i])) &* 0x100_0000_01B3 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = Int(slots[i])
            if s == 0 { break }
            if hashes[s - 1] == h, equal(keys[s - 1], field) { return values[s - 1] }
            i = (i + 1) & mask
        }
        let text = field.string
        guard values.count < Self.limit else { return text }
        hashes.append(h)
        keys.append(Array(UnsafeBufferPointer(start: field.base, count: field.count)))
        values.append(text)
        slots[i] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
        return text
    }

    private func equal(_ key: [UInt8], _ field: ByteField) -> Bool {
        guard key.count == field.count else { return false }
        for i in 0..<key.count where key[i] != field[i] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (n, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(n + 1)
        }
    }
}
