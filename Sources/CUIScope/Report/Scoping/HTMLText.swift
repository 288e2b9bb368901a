/// Makes input text (asset names and ids, reasons, rule names, file names) inert in the HTML
/// report: every character that could open a tag, an entity or leave an attribute value is
/// written as a character reference, so a name like `<script>` shows as itself
/// (docs/DECISIONS.md 141).
enum HTMLText {
    /// Escapes `s` for element content and for double- or single-quoted attribute values: `&`,
    /// `<`, `>`, `"` and `'` become references; NUL, which HTML parsers replace or drop, becomes
    /// U+FFFD so every browser shows the same text.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// An element id for `raw` under `prefix` (`asset-`, `finding-`): letters, digits, `-` and
    /// `.` are kept, every other UTF-8 byte (`_` included) becomes `_` and two hex digits. The
    /// mapping is one-to-one, so two assets never share an anchor, and the result needs no
    /// percent-decoding in a URL fragment.
    static func anchor(_ prefix: String, _ raw: String) -> String {
        var out = prefix
        for byte in raw.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || c == "-" || c == "." {
                out.append(c)
            } else {
                out += "_" + String(byte, radix: 16).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    /// The string with `0` in front until it has `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
