#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    private let file: UnsafeMutablePointer<FILE>
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var count = 0
    private var index = 0
    private var line = 1
    private var column = 1
    private var lastWasCR = false
    private var lastTagWasEmpty = true

    init?(path: String) {
        guard let f = fopen(path, "rb") else { return nil }
        file = f
    }

    /// Closes the file; call once when done.
    func close() { fclose(file) }

    private mutating func peek() -> UInt8? {
        if index == count {
            count = fread(&buffer, 1, buffer.count, file)
            index = 0
            if count <= 0 {
                count = 0
                return nil
            }
        }
        return buffer[index]
    }

    @discardableResult
    private mutating func next() -> UInt8? {
        guard let b = peek() else { return nil }
        index += 1
        if b == 0x0A {
            if !lastWasCR { line += 1 }
            column = 1
        } else if b == 0x0D {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
        lastWasCR = b == 0x0D
        return b
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

    private enum Token {
        case start(StartTag)
        case end
    }

    /// The next start or end tag, skipping everything else.
    private mutating func nextTag() -> Token? {
        while let b = next() {
            guard b == 0x3C else { continue }
            let tagLine = line
            let tagColumn = column - 1
            guard let c = peek() else { return nil }
            switch c {
            case 0x2F:  // </name>
                skip(past: [0x3E])
                return .end
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
                var name: [UInt8] = []
                while let n = peek(), n != 0x20, n != 0x09, n != 0x0A, n != 0x0D, n != 0x2F, n != 0x3E {
                    name.append(n)
                    next()
                }
                var quote: UInt8 = 0
                var previous: UInt8 = 0
                while let a = next() {
                    if quote != 0 {
                        if a == quote { quote = 0 }
                    } else if a == 0x22 || a == 0x27 {
                        quote = a
                    } else if a == 0x3E {
                        break
                    }
                    previous = a
                }
                return .start(StartTag(name: String(decoding: name, as: UTF8.self), line: tagLine,
                                       column: tagColumn, isEmpty: previous == 0x2F))
            }
        }
        return nil
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
    /// strings: the fast path for flow logs, where every record is one start tag.
    mutating func nextStartTag(matching local: UnsafePointer<UInt8>) -> (line: Int, column: Int)? {
        while let b = next() {
            guard b == 0x3C else { continue }
            let tagLine = line
            let tagColumn = column - 1
            guard let c = peek() else { return nil }
            switch c {
            case 0x2F:
                skip(past: [0x3E])
            case 0x3F:
                skip(past: Array("?>".utf8))
            case 0x21:
                next()
                if peek() == 0x2D {
                    skip(past: Array("-->".utf8))
                } else if peek() == 0x5B {
                    skip(past: Array("]]>".utf8))
                } else {
                    skipDeclaration()
                }
            default:
                // Compare the name (after any prefix) with `local` while reading it.
                var i = 0
                var matches = true
                while let n = peek(), n != 0x20, n != 0x09, n != 0x0A, n != 0x0D, n != 0x2F, n != 0x3E {
                    if n == 0x3A {  // prefix: start again after the colon
                        i = 0
                        matches = true
                    } else if matches {
                        if local[i] == n { i += 1 } else { matches = false }
                    }
                    next()
                }
                var quote: UInt8 = 0
                var previous: UInt8 = 0
                while let a = next() {
                    if quote != 0 {
                        if a == quote { quote = 0 }
                    } else if a == 0x22 || a == 0x27 {
                        quote = a
                    } else if a == 0x3E {
                        break
                    }
                    previous = a
                }
                lastTagWasEmpty = previous == 0x2F
                return matches && local[i] == 0 ? (tagLine, tagColumn) : nil
            }
        }
        return nil
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
