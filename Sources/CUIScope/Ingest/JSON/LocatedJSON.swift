import Foundation

/// A JSON value that remembers where it starts in its file.
///
/// Foundation's `JSONSerialization` forgets positions, but every parsed object must keep its
/// provenance (file:line:column) and every error must name one, so JSON inputs go through
/// this small reader instead. Objects keep their members in file order, duplicates included.
struct LocatedJSON: Sendable {
    indirect enum Value: Sendable {
        case object([(key: String, value: LocatedJSON)])
        case array([LocatedJSON])
        case string(String)
        /// The number as written: callers decide how to read it.
        case number(String)
        case bool(Bool)
        case null
    }

    var value: Value
    /// Where the value's first character is (1-based line and column, columns in characters).
    var location: SourceLocation

    /// The JSON type name, for "expected a string, found an array" messages.
    var typeName: String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    var members: [(key: String, value: LocatedJSON)]? {
        if case .object(let m) = value { return m }
        return nil
    }

    var elements: [LocatedJSON]? {
        if case .array(let a) = value { return a }
        return nil
    }

    var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The first member whose key equals `key` ignoring case and surrounding whitespace:
    /// the Marketplace feeds are not consistent about either.
    func member(_ key: String) -> LocatedJSON? {
        guard let members else { return nil }
        // Exact spelling first: it is the common case and needs no string allocation.
        if let hit = members.first(where: { $0.key == key }) { return hit.value }
        let wanted = key.lowercased()
        return members.first { $0.key.trimmingCharacters(in: .whitespaces).lowercased() == wanted }?.value
    }

    /// The first of several alternative keys that is present.
    func member(anyOf keys: [String]) -> LocatedJSON? {
        for key in keys { if let v = member(key) { return v } }
        return nil
    }
}

/// Parses RFC 8259 JSON from bytes into ``LocatedJSON``, tracking line and column.
///
/// Recursive descent over UTF-8 bytes with a depth limit, so hostile input ends in an
/// ``InputError`` rather than a stack overflow. Messages say what was expected and where;
/// they never quote string content.
struct LocatedJSONParser {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    /// Index of the first byte of the current line, to compute columns.
    private var lineStart = 0
    private var depth = 0

    /// Nesting deeper than this is rejected (no real feed nests beyond ten levels).
    static let maximumDepth = 256

    /// Parses a whole document; anything but whitespace after the top value is an error.
    /// - Throws: ``InputError`` naming file:line:column and what was expected.
    static func parse(_ data: Data, file: String) throws(InputError) -> LocatedJSON {
        var parser = LocatedJSONParser(bytes: [UInt8](data), file: file)
        // Skip a UTF-8 byte order mark, which some exporters write.
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.index = 3
            parser.lineStart = 3
        }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw parser.error("expected end of input after the top-level value")
        }
        return value
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Column cache: minified feeds put megabytes on one line, so columns are counted
    /// incrementally from the last position asked for, never from the line start again.
    private var columnCacheIndex = 0
    private var columnCacheValue = 1

    private mutating func currentLocation() -> SourceLocation {
        if columnCacheIndex < lineStart || columnCacheIndex > index {
            columnCacheIndex = lineStart
            columnCacheValue = 1
        }
        // Columns count characters: skip UTF-8 continuation bytes.
        while columnCacheIndex < index {
            if bytes[columnCacheIndex] & 0xC0 != 0x80 { columnCacheValue += 1 }
            columnCacheIndex += 1
        }
        return SourceLocation(file: file, line: line, column: columnCacheValue)
    }

    private mutating func error(_ message: String) -> InputError {
        InputError(currentLocation(), message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws(InputError) -> LocatedJSON {
        guard index < bytes.count else { throw error("expected a JSON value, found end of input") }
        let start = currentLocation()
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return LocatedJSON(value: try parseObject(), location: start)
        case UInt8(ascii: "["):
            return LocatedJSON(value: try parseArray(), location: start)
        case UInt8(ascii: "\""):
            return LocatedJSON(value: .string(try parseString()), location: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return LocatedJSON(value: .bool(true), location: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return LocatedJSON(value: .bool(false), location: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return LocatedJSON(value: .null, location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return LocatedJSON(value: .number(try parseNumber()), location: start)
        default:
            throw error("expected a JSON value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func enter() throws(InputError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(InputError) -> LocatedJSON.Value {
        try enter()
        defer { depth -= 1 }
        index += 1  // {
        var members: [(key: String, value: LocatedJSON)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a quoted member name in object")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after member name")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append((key, value))
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or '}' in object, found end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw error("expected ',' or '}' in object")
        }
    }

    private mutating func parseArray() throws(InputError) -> LocatedJSON.Value {
        try enter()
        defer { depth -= 1 }
        index += 1  // [
        var elements: [LocatedJSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or ']' in array, found end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            throw error("expected ',' or ']' in array")
        }
    }

    private mutating func expectLiteral(_ word: String) throws(InputError) {
        let literal = Array(word.utf8)
        guard index + literal.count <= bytes.count, bytes[index..<(index + literal.count)].elementsEqual(literal) else {
            throw error("expected '\(word)'")
        }
        index += literal.count
    }

    private mutating func parseNumber() throws(InputError) -> String {
        let start = index
        func digits(_ p: inout LocatedJSONParser) -> Int {
            let s = p.index
            while p.index < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.index]) {
                p.index += 1
            }
            return p.index - s
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits(&self) > 0 else { throw error("expected digits in number") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error("expected digits after '.' in number") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(&self) > 0 else { throw error("expected digits in number exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func parseString() throws(InputError) -> String {
        index += 1  // opening quote
        var out: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[runStart..<index])
                index += 1
                break
            }
            if b < 0x20 {
                throw error("control character in string (escape it as \\u00XX)")
            }
            if b != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            out.append(contentsOf: bytes[runStart..<index])
            index += 1
            guard index < bytes.count else { throw error("unterminated escape in string") }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else { throw error("expected a low surrogate escape after a high surrogate") }
                    index += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("unpaired low surrogate escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw error("invalid escape in string")
            }
            runStart = index
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw error("string is not valid UTF-8")
        }
        return s
    }

    private mutating func parseHex4() throws(InputError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("expected four hex digits after \\u")
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }
}
