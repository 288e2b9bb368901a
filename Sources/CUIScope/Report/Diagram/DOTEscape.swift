/// Identifiers and escaping for Graphviz DOT (https://graphviz.org/doc/info/lang.html), so that
/// any asset name — quotes, backslashes, unicode, markup — yields a valid, stable diagram.
enum DOTEscape {
    /// A DOT identifier (to be quoted) made of `prefix` and `raw`: characters outside
    /// `[A-Za-z0-9._:|/-]` are percent-encoded (UTF-8), so distinct raw values give distinct,
    /// plain-ASCII ids that no DOT escape rule can alter.
    static func identifier(_ prefix: String, _ raw: String) -> String {
        var out = prefix
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"),
                UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Graphviz expands `\G \N \E \H \T \L` in labels and tooltips even after an escaped
    /// backslash (`\\N` shows the node name; checked with Graphviz 2.43), so a backslash before one
    /// of those letters is followed by an invisible WORD JOINER (U+2060) that breaks the sequence.
    static func backslash(before next: Unicode.Scalar?) -> String {
        guard let next, "GNEHTL".unicodeScalars.contains(next) else { return "\\\\" }
        return "\\\\\u{2060}"
    }

    /// A double-quoted DOT string: `"` and `\` escaped, line breaks as `\n` (Graphviz's centred
    /// line break), other control characters dropped. Unicode passes through (DOT is UTF-8).
    static func quoted(_ text: String) -> String {
        var out = "\""
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += backslash(before: i + 1 < scalars.count ? scalars[i + 1] : nil)
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Text for inside an HTML-like label: markup characters as entities, backslashes escaped
    /// (Graphviz applies its backslash escapes to HTML labels too), control characters dropped.
    static func html(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\": out += backslash(before: i + 1 < scalars.count ? scalars[i + 1] : nil)
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<br/>"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Shortens `text` to at most `limit` characters, ending with `…` when cut.
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
