import Foundation
internal import CLibXML2

/// One record of a field stream: the text of the wanted child elements as bytes owned by the
/// walk, valid only during the handler call.
struct XMLFieldRecord {
    let location: SourceLocation
    fileprivate let bytes: UnsafePointer<UInt8>
    fileprivate let starts: UnsafePointer<Int32>
    fileprivate let lengths: UnsafePointer<Int32>

    /// The text of field `i` (in the order the fields were asked for), nil when the record has
    /// no such child.
    @inline(__always)
    subscript(_ i: Int) -> ByteField? {
        let s = starts[i]
        return s < 0 ? nil : ByteField(bytes + Int(s), Int(lengths[i]))
    }
}

/// Field records on SAX2: logs whose records are elements with one child element per field
/// (a PAN-OS traffic-log entry has ~50, of which a dozen matter). The callbacks only compare
/// interned name pointers and copy the wanted fields' text bytes; nothing else of a record is
/// materialised, no `String` is built, and the handler runs once per record.
extension XMLReader {
    /// The field walk's state.
    fileprivate struct FieldWalk {
        var depth: Int32 = -1
        var skipping: Int32 = -1
        let recordDepth: Int32
        var inRecord = false
        var field: Int32 = -1
        /// Names expected at depths 0 through `recordDepth`, NUL-terminated.
        let path: [[CChar]]
        let fields: [[CChar]]
        /// Name pointer → field index (-1: not a field), open addressing: names are interned
        /// in the parser's dictionary, so each distinct name is compared with the fields once.
        static let tableSize = 256
        let cacheKeys = UnsafeMutablePointer<UnsafePointer<xmlChar>?>.allocate(capacity: tableSize)
        let cacheFields = UnsafeMutablePointer<Int32>.allocate(capacity: tableSize)
        var cached = 0
        var bytes: UnsafeMutablePointer<UInt8>
        var capacity = 4096
        var used = 0
        let starts: UnsafeMutablePointer<Int32>
        let lengths: UnsafeMutablePointer<Int32>
        var containerSeen = false
        var recordPosition = (line: 0, column: 0)
        var positions: SAXPositions
        var thrown: InputError?
        let file: String
        let handle: (XMLFieldRecord) throws(InputError) -> Void

        init(path: [String], fields: [String], file: String, positions: SAXPositions,
             handle: @escaping (XMLFieldRecord) throws(InputError) -> Void) {
            recordDepth = Int32(path.count - 1)
            self.path = path.map { Array($0.utf8CString) }
            self.fields = fields.map { Array($0.utf8CString) }
            cacheKeys.initialize(repeating: nil, count: Self.tableSize)
            cacheFields.initialize(repeating: -1, count: Self.tableSize)
            bytes = .allocate(capacity: capacity)
            starts = .allocate(capacity: max(1, fields.count))
            lengths = .allocate(capacity: max(1, fields.count))
            self.file = file
            self.positions = positions
            self.handle = handle
        }

        func free() {
            cacheKeys.deallocate()
            cacheFields.deallocate()
            bytes.deallocate()
            starts.deallocate()
            lengths.deallocate()
            positions.close()
        }

        @inline(__always)
        mutating func fieldIndex(_ local: UnsafePointer<xmlChar>) -> Int32 {
            let mask = Self.tableSize - 1
            var slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: local)) &* 0x9E37_79B9_7F4A_7C15) >> 56) & mask
            while let key = cacheKeys[slot] {
                if key == local { return cacheFields[slot] }
                slot = (slot + 1) & mask
            }
            var found: Int32 = -1
            for (i, f) in fields.enumerated() where Self.same(f, local) {
                found = Int32(i)
                break
            }
            // A document with very many distinct names stops filling the table (it stays probe-able).
            if cached < Self.tableSize / 2 {
                cacheKeys[slot] = local
                cacheFields[slot] = found
                cached += 1
            }
            return found
        }

        /// Whether the NUL-terminated `name` spells `local`.
        static func same(_ name: [CChar], _ local: UnsafePointer<xmlChar>) -> Bool {
            name.withUnsafeBufferPointer { b in b.baseAddress.map { strcmp($0, local) == 0 } ?? false }
        }

        mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
            if used + n > capacity {
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: (used + n) * 2)
                bigger.update(from: bytes, count: used)
                bytes.deallocate()
                bytes = bigger
                capacity = (used + n) * 2
            }
            (bytes + used).update(from: p, count: n)
            used += n
        }
    }

    /// Streams `path` calling `handle` once per element at `recordPath` (names from the root,
    /// the record's last), with the text of its direct children named in `fields`. Elements off
    /// the path are skipped with their subtrees; text of deeper descendants is ignored.
    /// - Returns: whether the record's parent element (`recordPath` minus its last name) occurs.
    @discardableResult
    static func streamFieldRecords(
        _ path: String, displayName: String? = nil, recordPath: [String], fields: [String],
        handle: (XMLFieldRecord) throws(InputError) -> Void
    ) throws(InputError) -> Bool {
        let file = displayName ?? path
        return try withoutActuallyEscaping(handle) { (handle) throws(InputError) -> Bool in
            let w = UnsafeMutablePointer<FieldWalk>.allocate(capacity: 1)
            w.initialize(to: FieldWalk(path: recordPath, fields: fields, file: file,
                                       positions: SAXPositions(path: path), handle: handle))
            defer {
                w.pointee.free()
                w.deinitialize(count: 1)
                w.deallocate()
            }
            let failure = parse(path, file: file, walk: UnsafeMutableRawPointer(w), install: installFieldCallbacks) {
                w.pointee.thrown != nil
            }
            if let thrown = w.pointee.thrown { throw thrown }
            if let failure { throw failure }
            return w.pointee.containerSeen
        }
    }

    private static func installFieldCallbacks(_ sax: xmlSAXHandlerPtr) {
        sax.pointee.startElementNs = { ctx, local, _, _, _, _, _, _, _ in
            guard let ctx, let local else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            XMLReader.fieldStart(XMLReader.fieldWalk(c), c, local)
        }
        sax.pointee.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            XMLReader.fieldEnd(XMLReader.fieldWalk(c), c)
        }
        let text: charactersSAXFunc = { ctx, ch, len in
            guard let ctx, let ch else { return }
            let w = XMLReader.fieldWalk(ctx.assumingMemoryBound(to: xmlParserCtxt.self))
            if w.pointee.field >= 0 && w.pointee.depth == w.pointee.recordDepth + 1 {
                w.pointee.append(ch, Int(len))
            }
        }
        sax.pointee.characters = text
        sax.pointee.cdataBlock = text
        sax.pointee.ignorableWhitespace = text
    }

    @inline(__always)
    fileprivate static func fieldWalk(_ c: xmlParserCtxtPtr) -> UnsafeMutablePointer<FieldWalk> {
        c.pointee._private.assumingMemoryBound(to: SAXContext.self).pointee.walk.assumingMemoryBound(to: FieldWalk.self)
    }

    fileprivate static func fieldStart(_ w: UnsafeMutablePointer<FieldWalk>, _ c: xmlParserCtxtPtr,
                                   _ local: UnsafePointer<xmlChar>) {
        w.pointee.depth += 1
        let depth = w.pointee.depth
        w.pointee.positions.elementStarted(c, local: local)
        if w.pointee.skipping >= 0 { return }
        let record = w.pointee.recordDepth
        if depth > record {
            if depth == record + 1 {
                let f = w.pointee.fieldIndex(local)
                w.pointee.field = f
                if f >= 0 {
                    w.pointee.starts[Int(f)] = Int32(w.pointee.used)
                    w.pointee.lengths[Int(f)] = 0
                }
            }
            return
        }
        let matches = FieldWalk.same(w.pointee.path[Int(depth)], local)
        if !matches {
            w.pointee.skipping = depth
            return
        }
        if depth == record - 1 { w.pointee.containerSeen = true }
        if depth == record {
            w.pointee.inRecord = true
            w.pointee.used = 0
            for i in 0..<w.pointee.fields.count { w.pointee.starts[i] = -1 }
            w.pointee.recordPosition = w.pointee.positions.current(c)
        }
    }

    fileprivate static func fieldEnd(_ w: UnsafeMutablePointer<FieldWalk>, _ c: xmlParserCtxtPtr) {
        let depth = w.pointee.depth
        w.pointee.depth -= 1
        if w.pointee.skipping >= 0 {
            if w.pointee.skipping == depth { w.pointee.skipping = -1 }
            return
        }
        let record = w.pointee.recordDepth
        if depth == record + 1, w.pointee.field >= 0 {
            let f = Int(w.pointee.field)
            w.pointee.lengths[f] = Int32(w.pointee.used) - w.pointee.starts[f]
            w.pointee.field = -1
        } else if depth == record, w.pointee.inRecord, w.pointee.thrown == nil {
            w.pointee.inRecord = false
            let (line, column) = w.pointee.recordPosition
            let r = XMLFieldRecord(location: SourceLocation(file: w.pointee.file, line: line, column: column),
                                   bytes: w.pointee.bytes, starts: w.pointee.starts, lengths: w.pointee.lengths)
            do throws(InputError) {
                try w.pointee.handle(r)
            } catch {
                w.pointee.thrown = error
                xmlStopParser(c)
            }
        }
    }
}
