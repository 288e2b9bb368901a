/// A scanner for one-object-per-line JSON logs (Zeek JSON): walks the top-level members of
/// one object in place, handing over each key and scalar value as bytes, with no `String` or
/// dictionary per line. Nested objects and arrays are checked and skipped.
enum FlatJSON {
    struct Problem {
        /// 0-based byte offset in the line.
        var column: Int
        var message: String
    }

    /// Scans one object. `visit` receives each member's key and value: a string's content
    /// (unescaped into `scratch` when it has escapes), a number's or literal's text, nil for
    /// `null`, the raw text for nested objects and arrays.
    /// - Returns: the first syntax problem, or nil.
    static func scan(_ line: ByteField, scratch: ByteScratch, _ visit: (ByteField, ByteField?) -> Void) -> Problem? {
        var c = Cursor(p: line.base, n: line.count, out: scratch.reserve(line.count))
        c.ws()
        guard c.i < c.n, c.p[c.i] == 0x7B else { return Problem(column: c.i, message: "expected a JSON object") }
        c.i += 1
        c.ws()
        if c.i < c.n, c.p[c.i] == 0x7D {
            c.i += 1
        } else {
            while true {
                if let problem = c.member(visit) { return problem }
                c.ws()
                guard c.i < c.n else { return Problem(column: c.i, message: "unexpected end of line") }
                if c.p[c.i] == 0x2C { c.i += 1; continue }
                if c.p[c.i] == 0x7D { c.i += 1; break }
                return Problem(column: c.i, message: "expected ',' or '}'")
            }
        }
        c.ws()
        return c.i == c.n ? nil : Problem(column: c.i, message: "text after the object")
    }

    /// A position in one line, and the scratch buffer unescaped strings are written to.
    private struct Cursor {
        let p: UnsafePointer<UInt8>
        let n: Int
        let out: UnsafeMutablePointer<UInt8>
        /// Bytes of `out` used so far.
        var w = 0
        /// The read position in `p`.
        var i = 0

        init(p: UnsafePointer<UInt8>, n: Int, out: UnsafeMutablePointer<UInt8>) {
            self.p = p
            self.n = n
            self.out = out
        }

        mutating func ws() { while i < n, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D || p[i] == 0x0A { i += 1 } }

        /// One `"key": value` member, handed to `visit`; the problem when it is malformed.
        mutating func member(_ visit: (ByteField, ByteField?) -> Void) -> Problem? {
            ws()
            guard i < n, p[i] == 0x22, let key = string() else {
                return Problem(column: i, message: "expected a member name")
            }
            ws()
            guard i < n, p[i] == 0x3A else { return Problem(column: i, message: "expected ':'") }
            i += 1
            ws()
            guard i < n else { return Problem(column: i, message: "unexpected end of line") }
            let vstart = i
            switch p[i] {
            case 0x22:
                guard let v = string() else { return Problem(column: vstart, message: "unterminated string") }
                visit(key, v)
            case 0x7B, 0x5B:
                guard skipNested() else { return Problem(column: vstart, message: "unterminated object or array") }
                visit(key, ByteField(p + vstart, i - vstart))
            default:
                while i < n, p[i] != 0x2C, p[i] != 0x7D, p[i] != 0x20, p[i] != 0x09 { i += 1 }
                let v = ByteField(p + vstart, i - vstart)
                if v.count == 0 { return Problem(column: vstart, message: "expected a value") }
                if v.equals("null") {
                    visit(key, nil)
                } else if v.equals("true") || v.equals("false") || v[0] == 0x2D || (v[0] >= 0x30 && v[0] <= 0x39) {
                    visit(key, v)
                } else {
                    return Problem(column: vstart, message: "expected a value")
                }
            }
            return nil
        }

        /// Reads a string starting at the opening quote; returns its content.
        mutating func string() -> ByteField? {
            i += 1
            let start = i
            var escaped = false
            while i < n, p[i] != 0x22 {
                if p[i] == 0x5C { escaped = true; i += 2 } else { i += 1 }
            }
            guard i < n else { return nil }
            let end = i
            i += 1
            guard escaped else { return ByteField(p + start, end - start) }
            return unescape(start, end)
        }

        /// The content of `p[start..<end]` with its escapes resolved, written to `out`.
        private mutating func unescape(_ start: Int, _ end: Int) -> ByteField? {
            let s = w
            var j = start
            while j < end {
                if p[j] != 0x5C { out[w] = p[j]; w += 1; j += 1; continue }
                j += 1
                guard j < end else { return nil }
                switch p[j] {
                case 0x6E: out[w] = 0x0A
                case 0x74: out[w] = 0x09
                case 0x72: out[w] = 0x0D
                case 0x62: out[w] = 0x08
                case 0x66: out[w] = 0x0C
                case 0x75:
                    guard j + 4 < end, let v = UInt32(String(decoding: UnsafeBufferPointer(start: p + j + 1, count: 4), as: UTF8.self), radix: 16)
                    else { return nil }
                    let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                    for b in String(scalar).utf8 { out[w] = b; w += 1 }
                    j += 5
                    continue
                default: out[w] = p[j]
                }
                w += 1
                j += 1
            }
            return ByteField(UnsafePointer(out + s), w - s)
        }

        /// Skips a nested object or array, honouring strings.
        mutating func skipNested() -> Bool {
            var depth = 0
            while i < n {
                switch p[i] {
                case 0x22:
                    guard string() != nil else { return false }
                    continue
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 { i += 1; return true }
                default: break
                }
                i += 1
            }
            return false
        }
    }
}
