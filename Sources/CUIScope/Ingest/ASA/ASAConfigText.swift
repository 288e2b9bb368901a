/// One word of a configuration line and the 1-based column it starts at, so a problem can be
/// reported at the word that causes it.
struct ASAWord: Sendable {
    let text: String
    let column: Int
}

/// One non-comment line of `show running-config`: its words and where it is.
struct ASALine: Sendable {
    let number: Int
    let words: [ASAWord]
    /// The whole line as written (remarks and descriptions keep their spaces).
    let raw: Substring

    func word(_ i: Int) -> String? { i < words.count ? words[i].text : nil }
    func location(_ file: String, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: number, column: column)
    }
    /// The text after the first `count` words, spaces kept.
    func rest(after count: Int) -> String {
        guard count < words.count else { return "" }
        let start = raw.index(raw.startIndex, offsetBy: words[count].column - 1)
        return String(raw[start...]).trimmedWhitespace
    }
}

/// A top-level command and the indented sub-commands under it (`interface …` with `nameif`,
/// `object-group network …` with `network-object`), as the ASA prints its configuration.
struct ASABlock: Sendable {
    let head: ASALine
    var children: [ASALine] = []
    var keyword: String { head.words[0].text }
}

/// Splits configuration text into blocks. `!` lines are separators and `:` lines are the
/// banner of a saved configuration (`: Saved`, `: Serial Number`); both are skipped.
enum ASAConfigText {
    static func blocks(_ text: String) -> [ASABlock] {
        var out: [ASABlock] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.last == "\r" ? raw.dropLast() : raw
            // A lone `!` ends the command: what follows is a comment.
            let words = Array(split(line).prefix { $0.text != "!" })
            guard let first = words.first, !first.text.hasPrefix("!"), !first.text.hasPrefix(":") else { continue }
            let parsed = ASALine(number: number, words: words, raw: line)
            if first.column > 1, !out.isEmpty {
                out[out.count - 1].children.append(parsed)
            } else {
                out.append(ASABlock(head: parsed))
            }
        }
        return out
    }

    /// Words separated by spaces or tabs, with their columns.
    static func split(_ line: Substring) -> [ASAWord] {
        var words: [ASAWord] = []
        var current = ""
        var start = 0
        var column = 0
        for ch in line {
            column += 1
            if ch == " " || ch == "\t" {
                if !current.isEmpty { words.append(ASAWord(text: current, column: start)); current = "" }
            } else {
                if current.isEmpty { start = column }
                current.append(ch)
            }
        }
        if !current.isEmpty { words.append(ASAWord(text: current, column: start)) }
        return words
    }
}

/// A problem with one word of a line: the parser reports it at that word's column.
struct ASASyntaxError: Error {
    let column: Int
    let message: String
}

/// Reads the words of one line left to right.
struct ASAWordCursor {
    let line: ASALine
    var index: Int

    init(_ line: ASALine, from index: Int) {
        self.line = line
        self.index = index
    }

    var atEnd: Bool { index >= line.words.count }
    var peek: String? { line.word(index) }
    func peek(_ ahead: Int) -> String? { line.word(index + ahead) }
    /// The column of the current word, or just past the line's end.
    var column: Int {
        if index < line.words.count { return line.words[index].column }
        guard let last = line.words.last else { return 1 }
        return last.column + last.text.count
    }

    /// The next word, or an error naming what was expected.
    mutating func next(_ expected: String) throws(ASASyntaxError) -> String {
        guard let w = peek else { throw ASASyntaxError(column: column, message: "expected \(expected) at end of line") }
        index += 1
        return w
    }

    /// Consumes the next word when it is `word`.
    mutating func take(_ word: String) -> Bool {
        guard peek?.lowercased() == word else { return false }
        index += 1
        return true
    }

    func fail(_ message: String) -> ASASyntaxError { ASASyntaxError(column: column, message: message) }
}
