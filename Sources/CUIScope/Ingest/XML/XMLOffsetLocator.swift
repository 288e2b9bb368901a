#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line and column of byte offsets of a file, asked for in increasing order.
///
/// The SAX walks know where a record's start tag begins in the parser's input (its byte
/// offset in the decompressed text) and ask here for its line and column. This costs one
/// sequential pass with `memchr` over line ends, whatever the number of elements, where
/// ``XMLTagLocator`` parses every start tag a second time (a PAN-OS traffic-log entry has
/// ~50). Positions follow ``XMLTagLocator``'s conventions exactly: LF, CR and CRLF end a line;
/// columns are 1-based and count characters (UTF-8 continuation bytes do not advance them).
struct XMLOffsetLocator {
    private static let chunk = 1 << 18
    private let input: InputFile
    private let buffer: UnsafeMutablePointer<UInt8>
    /// Absolute offset of `buffer[0]`.
    private var bufferStart = 0
    private var count = 0
    /// Bytes of the buffer whose lines and columns are counted.
    private var scanned = 0
    private var line = 1
    private var column = 1
    /// The last counted byte was a CR (an LF right after it is part of the same line end).
    private var afterCR = false

    init?(path: String) {
        guard let input = try? InputFile(path: path, file: path) else { return nil }
        self.input = input
        buffer = .allocate(capacity: XMLOffsetLocator.chunk)
    }

    /// Frees the buffer; call once when done.
    func close() { buffer.deallocate() }

    /// The position of the byte at `offset`; nil past the end of the file or for an offset
    /// before one already asked for.
    mutating func position(of offset: Int) -> (line: Int, column: Int)? {
        guard offset >= bufferStart + scanned else { return nil }
        while offset >= bufferStart + count {
            count(upTo: count)
            bufferStart += count
            scanned = 0
            count = input.readOrEnd(into: buffer, count: XMLOffsetLocator.chunk)
            if count == 0 { return nil }
        }
        count(upTo: offset - bufferStart)
        return (line, column)
    }

    /// Counts lines and columns over `buffer[scanned..<end]`.
    private mutating func count(upTo end: Int) {
        var i = scanned
        scanned = end
        guard i < end else { return }
        if afterCR && buffer[i] == 0x0A {
            i += 1
            afterCR = false
        }
        if memchr(buffer + i, 0x0D, end - i) != nil {
            countExactly(from: i, to: end)
            return
        }
        // No CR in the range: jump from LF to LF, then count the characters of the last line.
        var lineStart = -1
        var j = i
        while j < end, let hit = memchr(buffer + j, 0x0A, end - j) {
            j = UnsafeMutableRawPointer(buffer).distance(to: hit) + 1
            line &+= 1
            lineStart = j
        }
        if lineStart >= 0 {
            column = 1 &+ characters(from: lineStart, to: end)
        } else {
            column &+= characters(from: i, to: end)
        }
        afterCR = false
    }

    /// Characters (UTF-8 lead or ASCII bytes) in `buffer[from..<to]`.
    @inline(__always)
    private func characters(from: Int, to: Int) -> Int {
        var n = 0
        var j = from
        while j < to {
            if buffer[j] & 0xC0 != 0x80 { n &+= 1 }
            j &+= 1
        }
        return n
    }

    /// The byte-by-byte count, for ranges with CR line ends.
    private mutating func countExactly(from start: Int, to end: Int) {
        var i = start
        while i < end {
            let b = buffer[i]
            i &+= 1
            if b == 0x0A {
                if !afterCR { line &+= 1 }
                column = 1
                afterCR = false
            } else if b == 0x0D {
                line &+= 1
                column = 1
                afterCR = true
            } else {
                if b & 0xC0 != 0x80 { column &+= 1 }
                afterCR = false
            }
        }
    }
}
