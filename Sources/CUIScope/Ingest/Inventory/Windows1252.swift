/// Windows-1252 decoding, for spreadsheets saved as "CSV" by Excel on Windows: bytes 0x80–0x9F
/// are the cp1252 punctuation (en dash, curly quotes, €), every other byte is Latin-1.
enum Windows1252 {
    /// Unicode scalars for 0x80–0x9F; the five bytes cp1252 leaves undefined map to the C1
    /// control of the same value, as Windows' own converter does.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar value of one cp1252 byte.
    static func scalar(_ b: UInt8) -> UInt32 {
        (0x80...0x9F).contains(b) ? high[Int(b - 0x80)] : UInt32(b)
    }

    /// Re-encodes cp1252 bytes as UTF-8, so the CSV parser has one byte format to read.
    static func transcodeToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let v = scalar(b)
            if v < 0x800 {
                out.append(UInt8(0xC0 | (v >> 6)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (v >> 12)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return out
    }
}
