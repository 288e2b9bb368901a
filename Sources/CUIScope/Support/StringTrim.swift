import Foundation

/// Foundation's `trimmingCharacters(in: .whitespaces)` and `(in: .whitespacesAndNewlines)`
/// with the same results, without bridging to `NSString` for the cases that decide nothing:
/// text whose ends are ASCII. Readers trim every attribute, member and cell of files with
/// hundreds of thousands of them, where the bridge was a quarter of the run time. Text with a
/// non-ASCII character at an end goes to Foundation, so Unicode spaces (U+00A0, U+2028, …)
/// are trimmed exactly as before.
extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    var trimmedWhitespaceAndNewlines: String { StringTrim.trim(self[...], whole: self, newlines: true) }

    /// `trimmingCharacters(in: .whitespaces)`.
    var trimmedWhitespace: String { StringTrim.trim(self[...], whole: self, newlines: false) }
}

extension Substring {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    var trimmedWhitespaceAndNewlines: String { StringTrim.trim(self, whole: nil, newlines: true) }

    /// `trimmingCharacters(in: .whitespaces)`.
    var trimmedWhitespace: String { StringTrim.trim(self, whole: nil, newlines: false) }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, for generic text parameters.
    var trimmedWhitespaceAndNewlines: String { StringTrim.trim(Substring(self), whole: self as? String, newlines: true) }

    /// `trimmingCharacters(in: .whitespaces)`, for generic text parameters.
    var trimmedWhitespace: String { StringTrim.trim(Substring(self), whole: self as? String, newlines: false) }
}

enum StringTrim {
    /// - Parameter whole: the string itself when `s` spans all of it (returned as is when
    ///   nothing is trimmed, sharing its storage).
    static func trim(_ s: Substring, whole: String?, newlines: Bool) -> String {
        let u = s.utf8
        // ASCII members of the two sets: tab and space; with newlines also LF, VT, FF, CR.
        func inSet(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || (newlines && b >= 0x0A && b <= 0x0D) }
        var start = u.startIndex
        var end = u.endIndex
        while start < end, inSet(u[start]) { start = u.index(after: start) }
        while end > start, inSet(u[u.index(before: end)]) { end = u.index(before: end) }
        if start < end, u[start] >= 0x80 || u[u.index(before: end)] >= 0x80 {
            return s.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
        }
        if start == u.startIndex && end == u.endIndex, let whole { return whole }
        return String(s[start..<end])
    }
}
