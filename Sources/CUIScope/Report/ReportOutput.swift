import Foundation

/// Where a report's bytes go: a file handle, written in 64 KiB chunks, or memory.
///
/// A 100k-asset report is ~300 MB of JSON; building it as one `String` (and then `Data`) held
/// several copies of it at once. Renderers write into this sink as they walk the result, so
/// only one chunk is buffered at a time. It is a `TextOutputStream`, so text renderers can
/// `print(…, to: &out)` or `out.write(…)` as they would into a `String`.
///
/// `TextOutputStream.write` cannot throw: the first write error is kept, later writes are
/// dropped, and ``finish()`` throws it.
public struct ReportOutput: TextOutputStream {
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var failure: (any Error)?
    /// Bytes buffered before a write to the handle.
    static let chunkSize = 1 << 16

    /// Streams to `handle` (stdout, or a file opened for writing).
    public init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Collects everything in memory; read it back with ``text``.
    public init() { handle = nil }

    /// What was written, for an in-memory output.
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    public mutating func write(_ string: String) {
        var s = string
        s.withUTF8 { write(bytes: $0) }
    }

    /// Writes bytes that are not text (an SVG or PNG made by Graphviz).
    public mutating func write(_ data: Data) {
        data.withUnsafeBytes { write(bytes: $0.bindMemory(to: UInt8.self)) }
    }

    @inline(__always)
    mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunkSize { flushChunk() }
    }

    @inline(__always)
    mutating func write(byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= Self.chunkSize { flushChunk() }
    }

    @inline(__always)
    mutating func write(_ s: StaticString) {
        write(bytes: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Hands the buffer to the file handle (in-memory outputs keep growing).
    private mutating func flushChunk() {
        guard let handle else { return }
        if failure == nil {
            do { try handle.write(contentsOf: buffer) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is still buffered; throws the first write error of the whole output.
    public mutating func finish() throws {
        flushChunk()
        if let failure { throw failure }
    }
}
