internal import CZlib
import Foundation

/// An input file's bytes as every reader sees them: a gzip-compressed file (magic bytes
/// `1f 8b`, whatever its name) is decompressed while it is read; any other file passes
/// through unchanged. Flow logs for a month compress ten to twenty times, so users keep them
/// compressed; reading them in place avoids a temporary copy of gigabytes.
///
/// zlib's `gzread` does both (it copies files that are not gzip), so there is one read path.
/// XML is decompressed by libxml2 itself (built with zlib), and the position locators read
/// through this type, so line and column numbers count lines of the decompressed text.
final class InputFile {
    private let handle: gzFile
    /// The name diagnostics use.
    let file: String
    private var failed = false

    /// Opens `path` for reading.
    /// - Throws: ``InputError`` when the file cannot be read.
    init(path: String, file: String, unreadable: String = "cannot read file") throws(InputError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            FileManager.default.isReadableFile(atPath: path), let h = gzopen(path, "rb")
        else {
            throw InputError(SourceLocation(file: file, line: 0), unreadable)
        }
        // Before the first read: zlib's own buffer (default 8 KB) is too small for logs of GBs.
        gzbuffer(h, 1 << 18)
        handle = h
        self.file = file
    }

    deinit { gzclose(handle) }

    /// Whether the file starts with the gzip magic bytes.
    static func isGzip(path: String) -> Bool {
        guard let f = fopen(path, "rb") else { return false }
        defer { fclose(f) }
        return fgetc(f) == 0x1F && fgetc(f) == 0x8B
    }

    /// Reads up to `count` bytes into `buffer`.
    /// - Returns: the number of bytes read; 0 at the end of the file.
    /// - Throws: ``InputError`` on a read error or corrupt or truncated gzip data.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        let n = gzread(handle, buffer, UInt32(clamping: count))
        var code: Int32 = 0
        let message = gzerror(handle, &code).map { String(cString: $0) } ?? "read error"
        if n > 0 || (n == 0 && code != Z_BUF_ERROR) { return Int(n) }
        // -1: corrupt data; 0 with Z_BUF_ERROR: the file ends inside a gzip stream.
        let what = n == 0 ? "truncated gzip data (the file ends inside the compressed stream)" : "corrupt gzip data"
        throw InputError(SourceLocation(file: file, line: 0), "cannot read file: \(what): \(message)")
    }

    /// Like ``read(into:count:)``, but a read error ends the file instead of throwing: for the
    /// position locators, which run beside libxml2 and leave error reporting to it.
    func readOrEnd(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if failed { return 0 }
        guard let n = try? read(into: buffer, count: count) else {
            failed = true
            return 0
        }
        return n
    }

    /// The whole (decompressed) file.
    /// - Parameter unreadable: the message when the file is missing or unreadable.
    /// - Throws: ``InputError`` when it cannot be read, or its gzip data is corrupt.
    static func contents(path: String, file: String? = nil, unreadable: String = "cannot read file") throws(InputError)
        -> Data
    {
        let input = try InputFile(path: path, file: file ?? path, unreadable: unreadable)
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 1)
        defer { buffer.deallocate() }
        var out = Data()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        out.reserveCapacity(isGzip(path: path) ? size * 4 : size)
        while true {
            let n = try input.read(into: buffer, count: chunk)
            if n == 0 { break }
            out.append(buffer.assumingMemoryBound(to: UInt8.self), count: n)
        }
        return out
    }

    /// The first `limit` (decompressed) bytes of a file; empty when it cannot be read.
    static func head(path: String, limit: Int = 65536) -> [UInt8] {
        guard let input = try? InputFile(path: path, file: path) else { return [] }
        var out = [UInt8](repeating: 0, count: limit)
        var got = 0
        while got < limit {
            let n = out.withUnsafeMutableBytes { b in
                b.baseAddress.map { input.readOrEnd(into: $0 + got, count: limit - got) } ?? 0
            }
            if n == 0 { break }
            got += n
        }
        out.removeLast(limit - got)
        return out
    }
}
