/// A field of a text flow record as a byte range of the line buffer, valid only while the
/// reader's handler runs: flow logs have millions of lines, so fields are parsed in place
/// instead of becoming one `String` each.
struct ByteField {
    var base: UnsafePointer<UInt8>
    var count: Int

    init(_ base: UnsafePointer<UInt8>, _ count: Int) {
        self.base = base
        self.count = count
    }

    var isEmpty: Bool { count == 0 }

    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    @inline(__always) subscript(i: Int) -> UInt8 { base[i] }

    /// Leading and trailing blanks removed.
    var trimmed: ByteField {
        var s = 0
        var e = count
        while s < e, base[s] == 0x20 || base[s] == 0x09 { s += 1 }
        while e > s, base[e - 1] == 0x20 || base[e - 1] == 0x09 || base[e - 1] == 0x0D { e -= 1 }
        return ByteField(base + s, e - s)
    }

    /// Equal to an ASCII literal, ignoring ASCII case.
    func equalsIgnoringCase(_ s: StaticString) -> Bool {
        guard s.utf8CodeUnitCount == count else { return false }
        let p = s.utf8Start
        for i in 0..<count where base[i] | 0x20 != p[i] | 0x20 { return false }
        return true
    }

    func equals(_ s: StaticString) -> Bool {
        guard s.utf8CodeUnitCount == count else { return false }
        let p = s.utf8Start
        for i in 0..<count where base[i] != p[i] { return false }
        return true
    }

    /// An unsigned decimal integer (no sign, no blanks).
    var uint64: UInt64? {
        guard count > 0, count <= 20 else { return nil }
        var v: UInt64 = 0
        for i in 0..<count {
            let d = base[i] &- 48
            guard d <= 9 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            guard !o1, !o2 else { return nil }
            v = a
        }
        return v
    }

    var port: UInt16? {
        guard let v = uint64, v <= 65535 else { return nil }
        return UInt16(v)
    }

    /// A dotted IPv4 address parsed in place; anything with a colon (IPv6, zone ids) through
    /// ``IPAddress``.
    var ipAddress: IPAddress? {
        if let v4 = ipv4 { return v4 }
        for i in 0..<count where base[i] == 0x3A { return count <= 64 ? IPAddress(string) : nil }
        return nil
    }

    private var ipv4: IPAddress? {
        IPAddress.dottedQuad(UnsafeBufferPointer(start: base, count: count)).map { IPAddress(v4: $0) }
    }

    /// A non-negative decimal number (`1521911721.255387`) read exactly as `Double(text)` would
    /// for up to 15 significant digits, without creating a string.
    var decimal: Double? {
        guard count > 0, count <= 32 else { return nil }
        var mantissa: UInt64 = 0
        var scale = 0
        var digits = 0
        var seenDot = false
        for i in 0..<count {
            let b = base[i]
            if b == 0x2E {
                guard !seenDot else { return nil }
                seenDot = true
            } else if b >= 48 && b <= 57 {
                if digits >= 18 {
                    return Double(string)  // more digits than the fast path holds exactly
                }
                mantissa = mantissa * 10 + UInt64(b - 48)
                if mantissa > 0 { digits += 1 }
                if seenDot { scale += 1 }
            } else {
                return nil
            }
        }
        guard count > (seenDot ? 1 : 0) else { return nil }
        if mantissa >= 1 << 53 { return Double(string) }
        return scale == 0 ? Double(mantissa) : Double(mantissa) / ByteField.powersOfTen[scale]
    }

    private static let powersOfTen: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// A time: epoch seconds or ISO-8601 with a zone (``FlowTimestamp``).
    var timestamp: Double? {
        let t = trimmed
        guard t.count > 0 else { return nil }
        if let d = t.decimal { return d }
        return FlowTimestamp.parse(UnsafeBufferPointer(start: t.base, count: t.count))
    }
}

/// Splits a line into fields at a separator byte, reusing one array of ranges per reader.
struct FieldSplitter {
    private(set) var fields: [ByteField] = []

    /// Splits `line` at every `separator` (runs of spaces count as one when `collapse`).
    mutating func split(_ line: ByteField, separator: UInt8, collapse: Bool = false) {
        fields.removeAll(keepingCapacity: true)
        var start = 0
        var i = 0
        let n = line.count
        let p = line.base
        if collapse { while start < n, p[start] == separator { start += 1 }; i = start }
        while i < n {
            if p[i] == separator {
                fields.append(ByteField(p + start, i - start))
                i += 1
                if collapse { while i < n, p[i] == separator { i += 1 } }
                start = i
            } else {
                i += 1
            }
        }
        if start < n || !collapse { fields.append(ByteField(p + start, n - start)) }
    }

    /// Splits one RFC 4180 CSV line (quoted fields, doubled quotes). Quoted fields are unescaped
    /// into `scratch`; the fields stay valid until the next call.
    /// - Returns: false when a quote is left open at the end of the line.
    mutating func splitCSV(_ line: ByteField, scratch: ByteScratch) -> Bool {
        let p = line.base
        let n = line.count
        var hasQuote = false
        for i in 0..<n where p[i] == 0x22 {
            hasQuote = true
            break
        }
        if !hasQuote {
            split(line, separator: 0x2C)
            return true
        }
        fields.removeAll(keepingCapacity: true)
        // An unescaped field is never longer than the line, so the buffer never moves below.
        let out = scratch.reserve(n)
        var w = 0
        var i = 0
        while true {
            let start = w
            if i < n, p[i] == 0x22 {
                i += 1
                var closed = false
                while i < n {
                    if p[i] == 0x22 {
                        if i + 1 < n, p[i + 1] == 0x22 {
                            out[w] = 0x22; w += 1
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    out[w] = p[i]; w += 1
                    i += 1
                }
                if !closed { return false }
            }
            while i < n, p[i] != 0x2C { out[w] = p[i]; w += 1; i += 1 }
            fields.append(ByteField(UnsafePointer(out + start), w - start))
            if i < n, p[i] == 0x2C {
                i += 1
                continue
            }
            break
        }
        return true
    }
}

/// A growable byte buffer owned by one reader, for unescaped CSV fields.
final class ByteScratch {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// A buffer of at least `n` bytes (previous contents discarded).
    func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if n > capacity {
            storage.deallocate()
            capacity = Swift.max(n, capacity * 2)
            storage = .allocate(capacity: capacity)
        }
        return storage
    }
}
