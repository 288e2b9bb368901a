import Foundation

/// One field of a CSV record: its text (quotes removed, doubled quotes undone) and where it starts.
public struct CSVField: Sendable, Hashable {
    public var text: String
    /// 1-based line of the field's first character (the opening quote for a quoted field).
    public var line: Int
    /// 1-based column, counted in characters (Unicode scalars), of the field's first character.
    public var column: Int
}

/// One CSV record: its fields in order and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    public var fields: [CSVField]
    /// 1-based line where the record starts (a quoted newline makes a record span several lines).
    public var line: Int

    /// True for a record whose every field is empty (`,,,` rows that spreadsheets leave behind).
    public var isBlank: Bool { fields.allSatisfy { $0.text.isEmpty } }
}

/// An RFC 4180 reader over raw bytes, as inventory exports really arrive: UTF-8 with or without a
/// BOM, or Windows-1252 when the bytes are not valid UTF-8 (Excel "CSV" on Windows); LF, CRLF or
/// CR-only line ends (old Mac Excel); quoted fields holding commas, newlines and doubled quotes.
///
/// Records are produced one at a time by ``next()``, each field decoded straight from its byte
/// slice, so memory stays proportional to one record plus the input bytes.
public struct CSVReader {
    /// The text encoding the reader settled on.
    public enum Encoding: String, Sendable {
        case utf8, utf8BOM = "utf8-bom", windows1252
    }

    public let file: String
    public let encoding: Encoding
    private let bytes: [UInt8]
    private var position: Int
    private var line = 1
    private var column = 1

    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the name diagnostics use.
    public init(data: Data, file: String) {
        self.file = file
        var raw = [UInt8](data)
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            raw.removeFirst(3)
            encoding = .utf8BOM
        } else if String(validating: raw, as: UTF8.self) != nil {
            encoding = .utf8
        } else {
            raw = Windows1252.transcodeToUTF8(raw)
            encoding = .windows1252
        }
        // An invalid UTF-8 file that started with a BOM is still decoded leniently below
        // (String(decoding:) substitutes U+FFFD); the BOM is a strong enough claim.
        bytes = raw
        position = 0
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    /// The next record, or nil at the end of the input. Empty lines are skipped.
    /// - Throws: ``InputError`` at the opening quote of a quoted field that never closes.
    public mutating func next() throws(InputError) -> CSVRecord? {
        // Skip empty lines between records.
        while position < bytes.count, bytes[position] == Self.lf || bytes[position] == Self.cr {
            consumeLineEnd()
        }
        guard position < bytes.count else { return nil }
        let recordLine = line
        var fields: [CSVField] = []
        while true {
            let field = try readField()
            fields.append(field)
            guard position < bytes.count else { break }
            let b = bytes[position]
            if b == Self.comma {
                advance()
                if position >= bytes.count {
                    // A trailing comma at end of file still ends with an empty field.
                    fields.append(CSVField(text: "", line: line, column: column))
                    break
                }
                continue
            }
            // Line end: the record is complete.
            consumeLineEnd()
            break
        }
        return CSVRecord(fields: fields, line: recordLine)
    }

    /// Reads one field starting at the current position, stopping before its terminator.
    private mutating func readField() throws(InputError) -> CSVField {
        let startLine = line, startColumn = column
        if position < bytes.count, bytes[position] == Self.quote {
            advance()
            var buffer: [UInt8] = []
            var closed = false
            while position < bytes.count {
                let b = bytes[position]
                if b == Self.quote {
                    if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                        buffer.append(Self.quote)
                        advance()
                        advance()
                        continue
                    }
                    advance()
                    closed = true
                    break
                }
                if b == Self.cr || b == Self.lf {
                    // Newlines inside quotes are kept as LF, whatever the file uses.
                    buffer.append(Self.lf)
                    consumeLineEnd()
                    continue
                }
                buffer.append(b)
                advance()
            }
            guard closed else {
                throw InputError(
                    SourceLocation(file: file, line: startLine, column: startColumn),
                    "unterminated quoted field: the quote opened here is never closed")
            }
            // Text after the closing quote (`"abc"def`) is not RFC 4180; keep it rather than lose it.
            let tailStart = position
            while position < bytes.count, !isTerminator(bytes[position]) { advance() }
            if position > tailStart { buffer.append(contentsOf: bytes[tailStart..<position]) }
            return CSVField(text: String(decoding: buffer, as: UTF8.self), line: startLine, column: startColumn)
        }
        let start = position
        while position < bytes.count, !isTerminator(bytes[position]) { advance() }
        return CSVField(
            text: String(decoding: bytes[start..<position], as: UTF8.self), line: startLine, column: startColumn)
    }

    private func isTerminator(_ b: UInt8) -> Bool { b == Self.comma || b == Self.lf || b == Self.cr }

    /// Moves past one byte, counting columns in characters (UTF-8 continuation bytes do not count).
    private mutating func advance() {
        if bytes[position] & 0xC0 != 0x80 { column += 1 }
        position += 1
    }

    /// Moves past one line end: CRLF, LF or a lone CR.
    private mutating func consumeLineEnd() {
        if bytes[position] == Self.cr, position + 1 < bytes.count, bytes[position + 1] == Self.lf { position += 1 }
        position += 1
        line += 1
        column = 1
    }
}
