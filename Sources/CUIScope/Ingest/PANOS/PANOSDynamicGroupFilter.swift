/// The tag expression of a PAN-OS dynamic address group (`dynamic/filter`), such as
/// `'web' and ('prod' or "stage")`.
///
/// PAN-OS writes tags quoted with `'` or `"` (needed when a tag holds spaces), or bare; `and`
/// and `or` combine them (case-insensitive), parentheses group, and real exports carry stray
/// spaces (`'Test' `). `and` binds tighter than `or`. Tags compare case-sensitively: PAN-OS
/// keeps `Test` and `TEST` as two tags (stage00 defines both).
indirect enum PANOSDynamicGroupFilter: Hashable, Sendable {
    case tag(String)
    case and(PANOSDynamicGroupFilter, PANOSDynamicGroupFilter)
    case or(PANOSDynamicGroupFilter, PANOSDynamicGroupFilter)

    /// Why a filter text could not be read; the message names the token position, not the text.
    struct ParseError: Error, Equatable {
        var message: String
    }

    /// Whether an object carrying `tags` belongs to the group.
    func matches(_ tags: Set<String>) -> Bool {
        switch self {
        case .tag(let t): return tags.contains(t)
        case .and(let a, let b): return a.matches(tags) && b.matches(tags)
        case .or(let a, let b): return a.matches(tags) || b.matches(tags)
        }
    }

    /// Every tag the expression names.
    var tags: Set<String> {
        switch self {
        case .tag(let t): return [t]
        case .and(let a, let b), .or(let a, let b): return a.tags.union(b.tags)
        }
    }

    /// Parses a filter text.
    /// - Throws: ``ParseError`` on an empty filter, an unclosed quote or parenthesis, or two
    ///   tags without an operator between them.
    static func parse(_ text: String) throws(ParseError) -> PANOSDynamicGroupFilter {
        var parser = Parser(tokens: try tokenize(text))
        let expr = try parser.parseOr()
        if parser.position < parser.tokens.count {
            throw ParseError(message: "unexpected token \(parser.position + 1) after a complete expression")
        }
        return expr
    }

    enum Token: Equatable {
        case tag(String), and, or, open, close
    }

    static func tokenize(_ text: String) throws(ParseError) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" { tokens.append(.open); i += 1; continue }
            if c == ")" { tokens.append(.close); i += 1; continue }
            if c == "'" || c == "\"" {
                guard let end = chars[(i + 1)...].firstIndex(of: c) else {
                    throw ParseError(message: "unclosed quote at character \(i + 1)")
                }
                tokens.append(.tag(String(chars[(i + 1)..<end])))
                i = end + 1
                continue
            }
            var j = i
            while j < chars.count, !chars[j].isWhitespace, chars[j] != "(", chars[j] != ")" { j += 1 }
            let word = String(chars[i..<j])
            switch word.lowercased() {
            case "and": tokens.append(.and)
            case "or": tokens.append(.or)
            default: tokens.append(.tag(word))
            }
            i = j
        }
        if tokens.isEmpty { throw ParseError(message: "empty filter") }
        return tokens
    }

    /// Recursive descent: or := and ('or' and)*; and := atom ('and' atom)*; atom := tag | '(' or ')'.
    struct Parser {
        var tokens: [Token]
        var position = 0

        mutating func parseOr() throws(ParseError) -> PANOSDynamicGroupFilter {
            var left = try parseAnd()
            while position < tokens.count, tokens[position] == .or {
                position += 1
                left = .or(left, try parseAnd())
            }
            return left
        }

        mutating func parseAnd() throws(ParseError) -> PANOSDynamicGroupFilter {
            var left = try parseAtom()
            while position < tokens.count, tokens[position] == .and {
                position += 1
                left = .and(left, try parseAtom())
            }
            return left
        }

        mutating func parseAtom() throws(ParseError) -> PANOSDynamicGroupFilter {
            guard position < tokens.count else {
                throw ParseError(message: "expression ends where a tag or '(' was expected")
            }
            let token = tokens[position]
            position += 1
            switch token {
            case .tag(let t):
                return .tag(t)
            case .open:
                let inner = try parseOr()
                guard position < tokens.count, tokens[position] == .close else {
                    throw ParseError(message: "missing ')' for the '(' at token \(position)")
                }
                position += 1
                return inner
            case .and, .or, .close:
                throw ParseError(message: "token \(position) is an operator or ')' where a tag was expected")
            }
        }
    }
}
