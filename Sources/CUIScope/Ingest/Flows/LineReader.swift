/// Reads a text file in large chunks and hands over one line at a time as bytes in the read
/// buffer (no `String` per line): text flow logs run to millions of lines. LF, CRLF and CR
/// line ends; a UTF-8 byte order mark is dropped; gzip-compressed files are read decompressed
/// (``InputFile``). Memory is one chunk plus the longest line.
struct LineReader {
    static let chunkSize = 1 << 20

    /// Calls `handle(line, lineNumber)` for every line (1-based numbers); `handle` returns
    /// false to stop early.
    /// - Throws: ``InputError`` when the file cannot be opened or read.
    static func forEachLine(
        path: String, file: String, _ handle: (ByteField, Int) throws(InputError) -> Bool
    ) throws(InputError) {
        let input = try InputFile(path: path, file: file)
        var capacity = chunkSize * 2
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0       // bytes in buffer
        var lineStart = 0    // start of the unfinished line
        var lineNumber = 1
        var first = true
        var skipLF = false   // previous chunk ended in CR
        var eof = false
        while !eof {
            if capacity - filled < chunkSize {
                // Move the unfinished line to the front, growing the buffer for very long lines.
                let keep = filled - lineStart
                if keep + chunkSize > capacity {
                    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: (keep + chunkSize) * 2)
                    bigger.update(from: buffer + lineStart, count: keep)
                    buffer.deallocate()
                    buffer = bigger
                    capacity = (keep + chunkSize) * 2
                } else if lineStart > 0 {
                    (buffer).update(from: buffer + lineStart, count: keep)
                }
                filled = keep
                lineStart = 0
            }
            let n = try input.read(into: buffer + filled, count: chunkSize)
            if n == 0 { eof = true }
            var i = filled
            filled += n
            if first && filled >= 3 || (first && eof) {
                first = false
                if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                    lineStart = 3
                    i = max(i, 3)
                }
            }
            if skipLF && i < filled {
                if buffer[i] == 0x0A { i += 1; lineStart = i }
                skipLF = false
            }
            while i < filled {
                let b = buffer[i]
                if b == 0x0A || b == 0x0D {
                    let line = ByteField(UnsafePointer(buffer + lineStart), i - lineStart)
                    guard try handle(line, lineNumber) else { return }
                    lineNumber += 1
                    i += 1
                    if b == 0x0D {
                        if i < filled {
                            if buffer[i] == 0x0A { i += 1 }
                        } else {
                            skipLF = true
                        }
                    }
                    lineStart = i
                } else {
                    i += 1
                }
            }
            if eof && lineStart < filled {
                _ = try handle(ByteField(UnsafePointer(buffer + lineStart), filled - lineStart), lineNumber)
            }
        }
    }

    /// The first `limit` (decompressed) bytes of a file, BOM removed, for format detection.
    static func head(path: String, limit: Int = 65536) -> [UInt8] {
        var out = InputFile.head(path: path, limit: limit)
        if out.starts(with: [0xEF, 0xBB, 0xBF]) { out.removeFirst(3) }
        return out
    }
}
