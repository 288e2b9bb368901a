/// A streaming JSON writer producing the same bytes as Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` on Linux (swift-foundation), so
/// reports can be written straight to their output instead of through an encoder tree, `Data`
/// and a `String` (docs/DECISIONS.md 41).
///
/// The layout it reproduces: two-space indent; `"key" : value`; `",\n"` between members;
/// every container, even an empty one, opens with a newline and closes on its own line
/// (`[\n\n  ]`); strings escape `"` `\` and the C0 controls (`\b \f \n \r \t`, else `\u00xx`
/// in lower-case hex) and nothing else (not `/`, not DEL, not non-ASCII).
///
/// Keys are the caller's job to sort (`JSONEncoder` sorts by UTF-8 bytes on Linux): callers
/// emit struct members in that order, and ``object(_:)`` sorts dictionaries. Debug builds
/// check the order of every object's keys.
public struct JSONWriter {
    public var output: ReportOutput
    private var indent = 0
    /// No member or element written yet in the innermost open container.
    private var first = true
    /// A key was just written: its value follows on the same line, without a separator.
    private var afterKey = false
    #if DEBUG
    /// The last key of each open container (nil for arrays and objects without keys yet).
    private var lastKeys: [[UInt8]?] = []
    #endif

    public init(output: ReportOutput) { self.output = output }

    // MARK: Containers

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        separate()
        output.write(byte: bracket)
        output.write(byte: UInt8(ascii: "\n"))
        indent += 1
        first = true
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        output.write(byte: UInt8(ascii: "\n"))
        indent -= 1
        writeIndent()
        output.write(byte: bracket)
        first = false
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    /// Before a member or an element: `",\n"` unless first, then the indent; nothing after a key.
    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if indent == 0 { return }
        if first {
            first = false
        } else {
            output.write(byte: UInt8(ascii: ","))
            output.write(byte: UInt8(ascii: "\n"))
        }
        writeIndent()
    }

    private static let spaces: StaticString = "                                                                "

    private mutating func writeIndent() {
        var n = indent * 2
        while n > 0 {
            let k = min(n, Self.spaces.utf8CodeUnitCount)
            output.write(bytes: UnsafeBufferPointer(start: Self.spaces.utf8Start, count: k))
            n -= k
        }
    }

    // MARK: Keys

    /// A member name the caller knows needs no escaping (the report's own snake_case keys).
    public mutating func key(_ k: StaticString) {
        let bytes = UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount)
        #if DEBUG
        checkOrder(Array(bytes))
        #endif
        separate()
        output.write(byte: UInt8(ascii: "\""))
        output.write(bytes: bytes)
        output.write("\" : " as StaticString)
        afterKey = true
    }

    /// A member name from the data (dictionary keys), escaped like any string.
    public mutating func key(_ k: String) {
        #if DEBUG
        checkOrder(Array(k.utf8))
        #endif
        separate()
        writeQuoted(k)
        output.write(" : " as StaticString)
        afterKey = true
    }

    #if DEBUG
    private mutating func checkOrder(_ key: [UInt8]) {
        if let last = lastKeys[lastKeys.count - 1] {
            assert(last.lexicographicallyPrecedes(key),
                   "JSONWriter: key \(String(decoding: key, as: UTF8.self)) after \(String(decoding: last, as: UTF8.self))")
        }
        lastKeys[lastKeys.count - 1] = key
    }
    #endif

    // MARK: Values

    public mutating func string(_ s: String) {
        separate()
        writeQuoted(s)
    }

    public mutating func int(_ v: Int) {
        separate()
        // Decimal digits into a small stack buffer: no String per number.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = v.magnitude
            var i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") &+ UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if v < 0 { output.write(byte: UInt8(ascii: "-")) }
            output.write(bytes: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }

    public mutating func bool(_ v: Bool) {
        separate()
        output.write(v ? "true" : "false" as StaticString)
    }

    public mutating func null() {
        separate()
        output.write("null" as StaticString)
    }

    // MARK: Conveniences (each mirrors how a synthesized or hand-written `encode(to:)` writes it)

    public mutating func member(_ k: StaticString, _ v: String) { key(k); string(v) }
    public mutating func member(_ k: StaticString, _ v: Int) { key(k); int(v) }
    public mutating func member(_ k: StaticString, _ v: Bool) { key(k); bool(v) }
    public mutating func member(_ k: StaticString, _ v: [String]) { key(k); array(v) }

    /// An optional as synthesized `Encodable` writes it (`encodeIfPresent`): omitted when nil.
    public mutating func memberIfPresent(_ k: StaticString, _ v: String?) { if let v { member(k, v) } }
    public mutating func memberIfPresent(_ k: StaticString, _ v: Int?) { if let v { member(k, v) } }

    /// An optional as `encode(_:forKey:)` writes it: `null` when nil.
    public mutating func memberOrNull(_ k: StaticString, _ v: String?) {
        key(k)
        if let v { string(v) } else { null() }
    }

    public mutating func array(_ strings: [String]) {
        beginArray()
        for s in strings { string(s) }
        endArray()
    }

    /// A `[String: Int]` dictionary, keys sorted by their UTF-8 bytes as `JSONEncoder` does.
    public mutating func object(_ dict: [String: Int]) {
        beginObject()
        for (k, v) in dict.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(k)
            int(v)
        }
        endObject()
    }

    // MARK: Strings

    /// `"…"` with `"`, `\` and C0 controls escaped; runs of plain bytes are copied at once.
    private mutating func writeQuoted(_ s: String) {
        output.write(byte: UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { buf in
            guard let base = buf.baseAddress else { return }
            var mark = 0
            var i = 0
            let n = buf.count
            while i < n {
                let b = base[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                    i += 1
                    continue
                }
                if i > mark { output.write(bytes: UnsafeBufferPointer(start: base + mark, count: i - mark)) }
                output.write(byte: UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): output.write(byte: UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): output.write(byte: UInt8(ascii: "\\"))
                case 0x08: output.write(byte: UInt8(ascii: "b"))
                case 0x0C: output.write(byte: UInt8(ascii: "f"))
                case 0x0A: output.write(byte: UInt8(ascii: "n"))
                case 0x0D: output.write(byte: UInt8(ascii: "r"))
                case 0x09: output.write(byte: UInt8(ascii: "t"))
                default:
                    output.write("u00" as StaticString)
                    output.write(byte: Self.hex[Int(b >> 4)])
                    output.write(byte: Self.hex[Int(b & 0xF)])
                }
                i += 1
                mark = i
            }
            if n > mark { output.write(bytes: UnsafeBufferPointer(start: base + mark, count: n - mark)) }
        }
        output.write(byte: UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
