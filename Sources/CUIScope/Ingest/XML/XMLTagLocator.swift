/// Finds the exact line and column of each start tag, for ``XMLReader``.
///
/// `xmlTextReader` only knows where its parser is, which runs up to a chunk ahead of the node
/// being reported, and libxml2 nodes carry no column (and cap lines at 65535). This scanner
/// reads the same file alongside the reader, start tag by start tag in document order, so every
/// element gets the position of its `<`: 1-based line and column (column counted in
/// characters). It understands only what it must skip — comments, CDATA, processing
/// instructions, DOCTYPE with internal subset, quoted attribute values — because libxml2 has
/// already checked well-formedness; the reader cross-checks each tag name and falls back to
/// the parser position if the two ever disagree (e.g. a UTF-16 file).
struct XMLTagLocator {
    struct StartTag {
        var name: String
        var line: Int
        var column: Int
        var isEmpty: Bool
    }

    private static let chunk = 1 << 18
    /// The (decompressed) file: gzip inputs are located in their text, as libxml2 parses it.
    private let input: InputFile
    /// One chunk of the file; the scanning loops below work on it directly (no optionals, no
    /// bounds checks per byte: at a million records this scanner reads hundreds of MB).
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var index = 0
    /// The byte before `buffer[0]` (the last byte of the previous chunk), for ``previousByte``.
    private var carried: UInt8 = 0
    private var line = 1
    private var column = 1
    private var lastWasCR = false
    private var lastTagWasEmpty = true

    init?(path: String) {
        guard let input = try? InputFile(path: path, file: path) else { return nil }
        self.input = input
        buffer = .allocate(capacity: XMLTagLocator.chunk)
    }

    /// Frees the buffer (the file closes with the last copy); call once when done.
    func close() {
        buffer.deallocate()
    }

    /// Reads the next chunk; false at the end of the file.
    private mutating func refill() -> Bool {
        if count > 0 { carried = buffer[count - 1] }
        count = input.readOrEnd(into: buffer, count: XMLTagLocator.chunk)
        index = 0
        return count > 0
    }

    @inline(__always)
    private mutating func peek() -> UInt8? {
        if index == count, !refill() { return nil }
        return buffer[index]
    }

    @discardableResult
    @inline(__always)
    private mutating func next() -> UInt8? {
        advance(until: { _ in true })
    }

    /// Consumes bytes, keeping line and column, up to and including the first one for which
    /// `stop` holds, and returns it (nil at the end of the file). Line breaks: LF, CR, CRLF;
    /// the column counts characters (UTF-8 continuation bytes do not advance it).
    @inline(__always)
    private mutating func advance(until stop: (UInt8) -> Bool) -> UInt8? {
        while true {
            if index == count, !refill() { return nil }
            let p = buffer
            let end = count
            var i = index
            var ln = line
            var col = column
            var cr = lastWasCR
            while i < end {
                let b = p[i]
                i &+= 1
                if b == 0x0A {
                    if !cr { ln &+= 1 }
                    col = 1
                    cr = false
                } else if b == 0x0D {
                    ln &+= 1
                    col = 1
                    cr = true
                } else {
                    if b & 0xC0 != 0x80 { col &+= 1 }
                    cr = false
                }
                if stop(b) {
                    index = i
                    line = ln
                    column = col
                    lastWasCR = cr
                    return b
                }
            }
            index = i
            line = ln
            column = col
            lastWasCR = cr
        }
    }

    /// The byte consumed just before the last one.
    private var previousByte: UInt8 {
        index >= 2 ? buffer[index - 2] : carried
    }

    /// Skips past the first occurrence of `terminator`.
    private mutating func skip(past terminator: [UInt8]) {
        var matched = 0
        while let b = next() {
            if b == terminator[matched] {
                matched += 1
                if matched == terminator.count { return }
            } else {
                matched = b == terminator[0] ? 1 : 0
            }
        }
    }

    /// Skips `<!…>` declarations (DOCTYPE and its internal subset), honouring quotes and brackets.
    private mutating func skipDeclaration() {
        var depth = 0
        var quote: UInt8 = 0
        while let b = next() {
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x5B {
                depth += 1
            } else if b == 0x5D {
                depth -= 1
            } else if b == 0x3C, peek() == 0x21 {
                next()
                if peek() == 0x2D { skip(past: Array("-->".utf8)) } else { skipDeclaration() }
            } else if b == 0x3E, depth <= 0 {
                return
            }
        }
    }

    /// Skips the rest of a start tag after its name (attributes, honouring quotes, up to `>`).
    /// - Returns: whether the tag is empty (`/>`); nil at the end of the file.
    @inline(__always)
    private mutating func skipTagRest() -> Bool? {
        while true {
            guard let b = advance(until: { $0 == 0x22 || $0 == 0x27 || $0 == 0x3E }) else { return nil }
            if b == 0x3E { return previousByte == 0x2F }
            guard advance(until: { $0 == b }) != nil else { return nil }
        }
    }

    /// Consumes up to the next `<` that opens a start tag, skipping end tags (when `ends` is
    /// false), comments, CDATA, processing instructions and declarations.
    /// - Returns: the `<`'s position and whether an end tag was met instead (only when `ends`).
    @inline(__always)
    private mutating func nextTagOpening(ends: Bool) -> (line: Int, column: Int, isEnd: Bool)? {
        while advance(until: { $0 == 0x3C }) != nil {
            let tagLine = line
            let tagColumn = column - 1
            guard let c = peek() else { return nil }
            switch c {
            case 0x2F:  // </name>
                _ = advance(until: { $0 == 0x3E })
                if ends { return (tagLine, tagColumn, true) }
            case 0x3F:  // <? … ?>
                skip(past: Array("?>".utf8))
            case 0x21:  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE …>
                next()
                if peek() == 0x2D {
                    skip(past: Array("-->".utf8))
                } else if peek() == 0x5B {
                    skip(past: Array("]]>".utf8))
                } else {
                    skipDeclaration()
                }
            default:
                return (tagLine, tagColumn, false)
            }
        }
        return nil
    }

    @inline(__always)
    private static func endsName(_ n: UInt8) -> Bool {
        n == 0x20 || n == 0x09 || n == 0x0A || n == 0x0D || n == 0x2F || n == 0x3E
    }

    private enum Token {
        case start(StartTag)
        case end
    }

    /// The next start or end tag, skipping everything else.
    private mutating func nextTag() -> Token? {
        guard let at = nextTagOpening(ends: true) else { return nil }
        if at.isEnd { return .end }
        var name: [UInt8] = []
        while let n = peek(), !Self.endsName(n) {
            name.append(n)
            next()
        }
        let isEmpty = skipTagRest() ?? false
        return .start(StartTag(name: String(decoding: name, as: UTF8.self), line: at.line, column: at.column,
                               isEmpty: isEmpty))
    }

    /// The next start tag in document order.
    mutating func nextStartTag() -> StartTag? {
        while let token = nextTag() {
            if case .start(let tag) = token {
                lastTagWasEmpty = tag.isEmpty
                return tag
            }
        }
        return nil
    }

    /// The position of the next start tag if its (local) name is `local`, without building
    /// strings: the fast path for every reader, where each element is one start tag.
    mutating func nextStartTag(matching local: UnsafePointer<UInt8>) -> (line: Int, column: Int)? {
        guard let at = nextTagOpening(ends: false) else { return nil }
        // Compare the name (after any prefix) with `local` while reading it.
        var i = 0
        var matches = true
        while let n = peek(), !Self.endsName(n) {
            if n == 0x3A {  // prefix: start again after the colon
                i = 0
                matches = true
            } else if matches {
                if local[i] == n { i += 1 } else { matches = false }
            }
            next()
        }
        lastTagWasEmpty = skipTagRest() ?? false
        return matches && local[i] == 0 ? (at.line, at.column) : nil
    }

    /// Skips the content of the start tag last returned (the reader skipped that subtree).
    mutating func skipSubtree() {
        guard !lastTagWasEmpty else { return }
        var depth = 1
        while depth > 0, let token = nextTag() {
            switch token {
            case .start(let tag): if !tag.isEmpty { depth += 1 }
            case .end: depth -= 1
            }
        }
        lastTagWasEmpty = true
    }
}
