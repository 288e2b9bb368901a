/// Reads `show configuration | display set` output into a ``JunosConfigTree``
/// (docs/FORMATS.md, Juniper SRX).
///
/// Each line is one statement: `set PATH…`, `deactivate PATH…` (the subtree stays, marked
/// inactive) or `activate PATH…`. Words are separated by blanks; a double-quoted word may hold
/// blanks and `\"`; `[ a b ]` stands for one statement per listed word. Every word keeps its line
/// and column, so a rule's location is the first line that names it.
public enum JunosSetParser {
    /// Whether text looks like `display set` output.
    static let signatures = ["set version ", "set security ", "set interfaces ", "set applications ",
                             "set system host-name ", "set groups ", "deactivate security "]

    /// Parses the text.
    /// - Throws: ``InputError`` listing every line that is not a statement (unknown verb,
    ///   unterminated quote, empty `set`), with line and column.
    public static func parse(_ text: String, file: String, log: inout DiagnosticLog) throws(InputError) -> JunosConfigTree {
        let tree = JunosConfigTree(file: file)
        var errors = DiagnosticLog()
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = index + 1
            let trimmed = raw.trimmedWhitespaceAndNewlines
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("/*") { continue }
            let (tokens, problem) = tokenize(Substring(raw), file: file, line: line)
            if let problem { errors.append(problem); continue }
            statement(tokens, tree: tree, file: file, line: line, errors: &errors, log: &log)
        }
        try errors.throwIfErrors()
        return tree
    }

    /// Applies one tokenised line to the tree.
    private static func statement(_ tokens: [(String, SourceLocation)], tree: JunosConfigTree, file: String, line: Int,
                                  errors: inout DiagnosticLog, log: inout DiagnosticLog) {
        let verb = tokens[0]
        let rest = Array(tokens.dropFirst())
        if tokens.last?.0 == "{" || verb.0 == "}" || verb.0 == "inactive:" {
            errors.error(verb.1, "hierarchical (curly-brace) configuration is not read; expected display set lines (export with | display set or | display xml)")
            return
        }
        guard !rest.isEmpty || verb.0 == "top" else {
            errors.error(verb.1, "expected a configuration path after \(verb.0)")
            return
        }
        for words in expandLists(rest) {
            let path = words.map(\.0), locations = words.map(\.1)
            switch verb.0 {
            case "set": tree.insert(path, at: locations)
            case "deactivate": tree.setInactive(path, true, at: verb.1)
            case "activate": tree.setInactive(path, false, at: verb.1)
            case "delete", "insert", "rename", "annotate", "protect", "unprotect", "top", "edit", "up", "exit":
                log.warning(verb.1, "'\(verb.0)' statement not applied (a display set listing holds only set, deactivate and activate)")
                return
            default:
                errors.error(verb.1, "unknown statement '\(verb.0)'; expected set, deactivate or activate")
                return
            }
        }
    }

    /// Expands `[ a b c ]` into one word list per element.
    static func expandLists(_ tokens: [(String, SourceLocation)]) -> [[(String, SourceLocation)]] {
        guard let open = tokens.firstIndex(where: { $0.0 == "[" }),
              let close = tokens[open...].firstIndex(where: { $0.0 == "]" }) else { return [tokens] }
        let head = Array(tokens[..<open]), tail = Array(tokens[(close + 1)...])
        return tokens[(open + 1)..<close].flatMap { item in expandLists(head + [item] + tail) }
    }

    /// Splits a line into words with their columns; quotes removed. The diagnostic names an
    /// unterminated quote.
    static func tokenize(_ raw: Substring, file: String, line: Int) -> ([(String, SourceLocation)], Diagnostic?) {
        var tokens: [(String, SourceLocation)] = []
        var current = "", start = 0, column = 0
        var inQuote = false, escaped = false, started = false
        var quoteColumn = 0
        for ch in raw {
            column += 1
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" && inQuote { escaped = true; continue }
            if ch == "\"" {
                if !started { start = column; started = true }
                inQuote.toggle()
                if inQuote { quoteColumn = column }
                continue
            }
            if ch.isWhitespace && !inQuote {
                if started { tokens.append((current, SourceLocation(file: file, line: line, column: start))) }
                current = ""; started = false
                continue
            }
            if !started { start = column; started = true }
            current.append(ch)
        }
        if inQuote {
            return ([], .error(SourceLocation(file: file, line: line, column: quoteColumn),
                               "unterminated quote; expected a closing \""))
        }
        if started { tokens.append((current, SourceLocation(file: file, line: line, column: start))) }
        return (tokens, nil)
    }
}
