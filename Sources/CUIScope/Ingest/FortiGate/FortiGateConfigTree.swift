/// One node of a FortiOS configuration (`config …` block or `edit …` entry), as the CLI writes
/// it in `show full-configuration` and backups: `config` opens a table, `edit` an entry, `set`
/// a setting, `next` closes an entry and `end` a table (docs/FORMATS.md, FortiGate).
public struct FortiNode: Sendable {
    public var name: String
    public var isEdit: Bool
    /// Settings in document order: key → tokens (quotes removed), with the `set` line.
    public var settings: [String: (values: [String], location: SourceLocation)] = [:]
    public var children: [FortiNode] = []
    public var location: SourceLocation

    public func values(_ key: String) -> [String] { settings[key]?.values ?? [] }
    public func value(_ key: String) -> String? { settings[key]?.values.first }
    /// The `config` child table with this name (`firewall policy`).
    public func table(_ name: String) -> FortiNode? { children.first { !$0.isEdit && $0.name == name } }
    public var edits: [FortiNode] { children.filter(\.isEdit) }
}

/// Builds the `config`/`edit` tree from configuration text.
public enum FortiConfigTree {
    /// Whether text looks like a FortiOS configuration.
    public static func sniff(_ text: String) -> Bool {
        text.contains("#config-version=") || text.contains("config firewall policy")
            || text.contains("config system interface")
    }

    /// Parses the text into a synthetic root whose children are the top-level tables.
    /// - Throws: ``InputError`` for an unbalanced `next`/`end` or an unterminated quote.
    public static func parse(_ text: String, file: String) throws(InputError) -> FortiNode {
        var stack = [FortiNode(name: "", isEdit: false, location: SourceLocation(file: file, line: 0))]
        var log = DiagnosticLog()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let loc = SourceLocation(file: file, line: index + 1, column: 1)
            let line = raw.trimmedWhitespaceAndNewlines
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let tokens = tokenize(line) else {
                log.error(loc, "unterminated quote; expected a closing \"")
                continue
            }
            let keyword = tokens[0]
            let rest = Array(tokens.dropFirst())
            switch keyword {
            case "config", "edit":
                stack.append(FortiNode(name: rest.joined(separator: " "), isEdit: keyword == "edit", location: loc))
            case "set":
                guard let key = rest.first else { log.error(loc, "expected a setting name after set"); continue }
                stack[stack.count - 1].settings[key] = (Array(rest.dropFirst()), loc)
            case "append":
                // `append KEY values` adds to a list setting (FortiOS CLI reference).
                guard let key = rest.first else { log.error(loc, "expected a setting name after append"); continue }
                let before = stack[stack.count - 1].settings[key]?.values ?? []
                stack[stack.count - 1].settings[key] = (before + rest.dropFirst(), loc)
            case "unset":
                if let key = rest.first { stack[stack.count - 1].settings[key] = nil }
            case "end" where stack.count > 2 && stack[stack.count - 1].isEdit && stack[stack.count - 2].name == "vdom":
                // A VDOM's block in a backup has no `next`: its `end` closes the entry and `config vdom`.
                for _ in 0..<2 {
                    let node = stack.removeLast()
                    stack[stack.count - 1].children.append(node)
                }
            case "next", "end":
                guard stack.count > 1, stack[stack.count - 1].isEdit == (keyword == "next") else {
                    log.error(loc, "unexpected \(keyword); expected \(stack.last?.isEdit == true ? "next" : "end")")
                    continue
                }
                let node = stack.removeLast()
                stack[stack.count - 1].children.append(node)
            default:
                log.error(loc, "unknown keyword \(keyword); expected config, edit, set, next or end")
            }
        }
        if stack.count > 1 {
            log.error(stack[stack.count - 1].location, "block not closed; expected next/end before end of file")
        }
        try log.throwIfErrors()
        return stack[0]
    }

    /// Splits a line into words; double-quoted words may hold spaces and `\"`.
    static func tokenize(_ line: String) -> [String]? {
        var tokens: [String] = []
        var current = ""
        var inQuote = false
        var escaped = false
        var started = false
        for ch in line {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" && inQuote { escaped = true; continue }
            if ch == "\"" { inQuote.toggle(); started = true; continue }
            if ch.isWhitespace && !inQuote {
                if started { tokens.append(current); current = ""; started = false }
                continue
            }
            current.append(ch)
            started = true
        }
        if inQuote { return nil }
        if started { tokens.append(current) }
        return tokens
    }
}
