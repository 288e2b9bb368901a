/// A pull tokenizer over a JSON file read in chunks, with the line and column of every token:
/// for JSON flow logs (Azure NSG/VNet) that are one large document, so they stream in constant
/// memory instead of being parsed whole. Checks the grammar as it goes (brackets, commas,
/// colons, literals); strings are unescaped.
struct JSONTokenReader {
    enum Token: Equatable {
        case beginObject, endObject, beginArray, endArray
        /// An object member name.
        case key(String)
        case string(String)
        case number(String)
        case bool(Bool)
        case null
        case end
    }

    private let input: InputFile
    private let file: String
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var count = 0
    private var index = 0
    private var line = 1
    private var column = 1
    private var lastWasCR = false
    /// Open containers: true = object. `expectKey` after `{` or `,` in an object.
    private var stack: [Bool] = []
    private var expectKey = false
    private var needSeparator = false
    private var started = false

    init(path: String, file: String) throws(InputError) {
        input = try InputFile(path: path, file: file)
        self.file = file
    }

    /// Nothing to release early: the file closes with the reader.
    func close() {}

    var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private mutating func peek() -> UInt8? {
        if index == count {
            // A read error (corrupt gzip) ends the input: the grammar check reports the cut.
            count = buffer.withUnsafeMutableBytes { input.readOrEnd(into: $0.baseAddress!, count: $0.count) }
            index = 0
            if count <= 0 { count = 0; return nil }
        }
        return buffer[index]
    }

    @discardableResult
    private mutating func advance() -> UInt8? {
        guard let b = peek() else { return nil }
        index += 1
        if b == 0x0A {
            if !lastWasCR { line += 1 }
            column = 1
        } else if b == 0x0D {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
        lastWasCR = b == 0x0D
        return b
    }

    private mutating func skipSpace() {
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || (b == 0xEF && !started) {
            if b == 0xEF {  // UTF-8 BOM
                advance(); advance(); advance()
                continue
            }
            advance()
        }
    }

    private func fail(_ at: SourceLocation, _ message: String) -> InputError { InputError(at, "malformed JSON: " + message) }

    /// The next token and where it starts.
    mutating func next() throws(InputError) -> (Token, SourceLocation) {
        skipSpace()
        var at = location
        guard let b = peek() else {
            if !stack.isEmpty || !started { throw fail(at, "unexpected end of file") }
            return (.end, at)
        }
        if stack.isEmpty && started { throw fail(at, "text after the top-level value") }
        // Separators between values.
        if b == 0x7D || b == 0x5D {
            guard let top = stack.last, top == (b == 0x7D) else { throw fail(at, "unexpected '\(UnicodeScalar(b))'") }
            if expectKey && needSeparator { throw fail(at, "expected a member name after ','") }
            advance()
            stack.removeLast()
            needSeparator = true
            expectKey = false
            return (b == 0x7D ? .endObject : .endArray, at)
        }
        if needSeparator {
            guard b == 0x2C else { throw fail(at, "expected ',' or a closing bracket") }
            advance()
            skipSpace()
            at = location
            expectKey = stack.last == true
        }
        guard let c = peek() else { throw fail(at, "unexpected end of file") }
        started = true
        if expectKey {
            guard c == 0x22 else { throw fail(at, "expected a member name") }
            let name = try string()
            skipSpace()
            guard peek() == 0x3A else { throw fail(location, "expected ':'") }
            advance()
            expectKey = false
            needSeparator = false
            return (.key(name), at)
        }
        needSeparator = true
        switch c {
        case 0x7B:
            advance()
            stack.append(true)
            expectKey = true
            needSeparator = false
            skipSpace()
            if peek() == 0x7D { expectKey = false; needSeparator = true }
            return (.beginObject, at)
        case 0x5B:
            advance()
            stack.append(false)
            needSeparator = false
            skipSpace()
            if peek() == 0x5D { needSeparator = true }
            return (.beginArray, at)
        case 0x22:
            return (.string(try string()), at)
        default:
            var bytes: [UInt8] = []
            while let d = peek(), !(d == 0x2C || d == 0x7D || d == 0x5D || d == 0x20 || d == 0x09 || d == 0x0A || d == 0x0D) {
                bytes.append(d)
                advance()
            }
            let text = String(decoding: bytes, as: UTF8.self)
            switch text {
            case "true": return (.bool(true), at)
            case "false": return (.bool(false), at)
            case "null": return (.null, at)
            default:
                guard Double(text) != nil else { throw fail(at, "expected a value") }
                return (.number(text), at)
            }
        }
    }

    /// Reads a string at its opening quote.
    private mutating func string() throws(InputError) -> String {
        let at = location
        advance()
        var bytes: [UInt8] = []
        while true {
            guard let b = advance() else { throw fail(at, "unterminated string") }
            if b == 0x22 { break }
            if b == 0x5C {
                guard let e = advance() else { throw fail(at, "unterminated string") }
                switch e {
                case 0x6E: bytes.append(0x0A)
                case 0x74: bytes.append(0x09)
                case 0x72: bytes.append(0x0D)
                case 0x62: bytes.append(0x08)
                case 0x66: bytes.append(0x0C)
                case 0x75:
                    var hex: [UInt8] = []
                    for _ in 0..<4 { if let h = advance() { hex.append(h) } }
                    guard let v = UInt32(String(decoding: hex, as: UTF8.self), radix: 16) else {
                        throw fail(at, "bad \\u escape")
                    }
                    bytes += Array(String(Unicode.Scalar(v) ?? "\u{FFFD}").utf8)
                default: bytes.append(e)
                }
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
