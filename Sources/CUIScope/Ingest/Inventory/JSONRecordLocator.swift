/// Finds where JSON records start in the raw bytes. Foundation's JSONSerialization gives values
/// without positions, yet every asset must carry its file:line; a light structural scan of the
/// already-validated bytes recovers the opening `{` of each element of the records array.
struct JSONRecordLocator {
    private let bytes: [UInt8]
    /// Byte offsets where each line starts (LF, CRLF and lone CR all end a line).
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { starts.append(i + 1) }
            i += 1
        }
        lineStarts = starts
    }

    /// 1-based line and column (in characters) of a byte offset.
    func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let end = min(max(offset, start), bytes.count)
        let column = bytes[start..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (lo + 1, column)
    }

    /// Byte offsets of the elements of the array reached by following `path` (object keys) from
    /// the root; an empty path means the root is the array. Returns nil when the path does not
    /// lead to an array.
    func elementOffsets(path: [String]) -> [Int]? {
        var i = skipSpace(0)
        for key in path {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
            i += 1
            while true {
                i = skipSpace(i)
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
                let keyEnd = skipString(i)
                let name = String(decoding: bytes[(i + 1)..<(keyEnd - 1)], as: UTF8.self)
                i = skipSpace(keyEnd)
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i = skipSpace(i + 1)
                if name == key { break }
                i = skipSpace(skipValue(i))
                guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { return nil }
                i += 1
            }
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return nil }
        i = skipSpace(i + 1)
        var offsets: [Int] = []
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { return offsets }
        while i < bytes.count {
            offsets.append(i)
            i = skipSpace(skipValue(i))
            guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { break }
            i = skipSpace(i + 1)
        }
        return offsets
    }

    private func skipSpace(_ start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return i
    }

    /// From an opening quote to just past the closing quote.
    private func skipString(_ start: Int) -> Int {
        var i = start + 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if bytes[i] == UInt8(ascii: "\"") { return i + 1 }
            i += 1
        }
        return i
    }

    /// Past one value of any kind, counting brackets (no recursion, so nesting depth is free).
    private func skipValue(_ start: Int) -> Int {
        var i = start
        var depth = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i = skipString(i)
                if depth == 0 { return i }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return i }
                depth -= 1
                if depth == 0 { return i + 1 }
            case UInt8(ascii: ","):
                if depth == 0 { return i }
            default:
                if depth == 0, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return i }
            }
            i += 1
        }
        return i
    }
}
