/// Makes input text (asset names and ids, reasons, file names) inert in the Markdown report:
/// CommonMark and GitHub-Flavored Markdown read it as the characters it is, never as raw HTML,
/// links, emphasis, table cells or @-mentions (docs/DECISIONS.md 106).
enum MarkdownText {
    /// The ASCII punctuation that starts inline markup or HTML, or splits a GFM table cell. A
    /// backslash before any ASCII punctuation is a literal character in CommonMark (§2.4).
    static let inline: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "!", "#"]

    /// Escapes `s` for a table cell or a paragraph: markup characters get a backslash, line breaks
    /// become spaces (a cell is one line), at a line start a block marker (`-`, `+`, `=`, `1.`) is
    /// escaped, and an `@` that could start a mention gets a word joiner after it (GitHub mentions text,
    /// even escaped, so only a character between `@` and the name stops one).
    static func escape(_ s: String, atLineStart: Bool = false) -> String {
        var out = ""
        var previous: Character? = nil
        for ch in s {
            let c: Character = ch == "\n" || ch == "\r" ? " " : ch
            if inline.contains(c) { out.append("\\") }
            out.append(c)
            if c == "@", previous.map({ !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "`") }) ?? true {
                out.append("\u{2060}")
            }
            previous = c
        }
        return atLineStart ? escapeLeadingMarker(out) : out
    }

    /// A line start that a block parser would read as a list item, heading underline or ordered
    /// item gets a backslash, so text that begins a line stays a paragraph.
    static func escapeLeadingMarker(_ s: String) -> String {
        guard let first = s.first else { return s }
        if "-+=".contains(first) { return "\\" + s }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        let rest = s.dropFirst(digits.count)
        // An ordered-list marker is the digits, `.` or `)`, then a space or the end (CommonMark §5.2).
        if !digits.isEmpty, let next = rest.first, next == "." || next == ")",
           rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true {
            return digits + "\\" + s.dropFirst(digits.count)
        }
        return s
    }

    /// A code span holding `s` literally: fenced with a backtick run longer than any inside it and
    /// padded when it starts or ends with a backtick (CommonMark §6.1). In a table cell pipes are
    /// escaped because GFM splits cells before it reads code spans; line breaks become spaces.
    static func code(_ s: String, inTable: Bool = true) -> String {
        guard !s.isEmpty else { return "" }
        var flat = s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        if inTable { flat = flat.replacingOccurrences(of: "|", with: "\\|") }
        var longest = 0, run = 0
        for ch in flat {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.hasPrefix(" ") && flat.hasSuffix(" ") ? " " : ""
        return fence + pad + flat + pad + fence
    }
}
