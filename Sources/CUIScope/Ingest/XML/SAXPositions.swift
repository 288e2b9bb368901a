internal import CLibXML2

/// Exact start-tag positions for the SAX2 walks.
///
/// For UTF-8 input (the case of every export and log in practice), the position of a start
/// tag comes from its byte offset in the parser's input: when libxml2 calls `startElementNs`
/// the whole tag is still in its buffer (it re-parses a tag if the buffer moves, and shrinks it
/// only between tags), so the `<` is found by scanning back from the parser's cursor, and the
/// buffer's `consumed` count turns that into an absolute offset for ``XMLOffsetLocator``.
/// Input in another encoding is converted before parsing, so its offsets are not the file's:
/// then ``XMLTagLocator`` re-reads the file tag by tag. Either way the position is the one of
/// the `<`, as ``XMLTagLocator`` defines it; if a locator ever fails, libxml2's own position is
/// used for the rest of the file.
struct SAXPositions {
    private let path: String
    private var offsets: XMLOffsetLocator?
    private var tags: XMLTagLocator?
    private var decided = false
    /// In tag mode, the position of the element most recently started.
    private var lastTag: (line: Int, column: Int)?

    init(path: String) { self.path = path }

    /// Frees the locators; call once when done.
    func close() {
        offsets?.close()
        tags?.close()
    }

    /// Call at every element start, before ``current(_:)`` (the tag locator must see every tag).
    @inline(__always)
    mutating func elementStarted(_ ctxt: xmlParserCtxtPtr, local: UnsafePointer<xmlChar>) {
        if !decided { decide(ctxt) }
        guard tags != nil else { return }
        lastTag = tags?.nextStartTag(matching: local)
        if lastTag == nil {
            tags?.close()
            tags = nil
        }
    }

    /// The position of the element whose start is being reported.
    mutating func current(_ ctxt: xmlParserCtxtPtr) -> (line: Int, column: Int) {
        if offsets != nil {
            if let offset = Self.startOffset(ctxt), let p = offsets?.position(of: offset) { return p }
            offsets?.close()
            offsets = nil
        }
        if let lastTag { return lastTag }
        let input = ctxt.pointee.input
        return (Int(input?.pointee.line ?? 0), Int(input?.pointee.col ?? 0))
    }

    private mutating func decide(_ ctxt: xmlParserCtxtPtr) {
        decided = true
        if ctxt.pointee.input?.pointee.buf?.pointee.encoder == nil {
            offsets = XMLOffsetLocator(path: path)
        } else {
            tags = XMLTagLocator(path: path)
        }
    }

    /// Absolute offset of the `<` of the start tag being reported, or nil if it is not in the
    /// buffer (never expected).
    static func startOffset(_ ctxt: xmlParserCtxtPtr) -> Int? {
        guard let input = ctxt.pointee.input, let base = input.pointee.base, var p = input.pointee.cur else {
            return nil
        }
        // A `<` cannot occur inside attribute values (libxml2 rejects it), so the nearest one
        // before the cursor opens this tag.
        while p > base {
            p -= 1
            if p.pointee == 0x3C { return Int(input.pointee.consumed) + (p - base) }
        }
        return nil
    }
}
