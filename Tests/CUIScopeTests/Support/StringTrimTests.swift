import Foundation
import Testing

@testable import CUIScope

/// The readers' trimming must equal Foundation's on every text, Unicode spaces included.
@Suite("Support: trimming without Foundation bridging")
struct StringTrimTests {
    static let samples = [
        "", " ", "\t\n", "a", " a ", "\ta\tb\t", "\r\n10.0.0.1\r\n", "\u{0B}x\u{0C}", "\u{A0}x", "x\u{A0}",
        " \u{A0} x \u{2028}", "\u{85}y\u{85}", " é ", "é", " \u{301}a ", "\u{3000}全角\u{3000}", "a b", "\n\n",
        "  tcp/443  ", "\u{FEFF}bom",
    ]

    @Test("equal to trimmingCharacters(in:) for strings and substrings")
    func sameAsFoundation() {
        for s in Self.samples {
            #expect(s.trimmedWhitespaceAndNewlines == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(s.debugDescription)")
            #expect(s.trimmedWhitespace == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
            let sub = ("[" + s + "]").dropFirst().dropLast()
            #expect(sub.trimmedWhitespaceAndNewlines == sub.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(sub.trimmedWhitespace == sub.trimmingCharacters(in: .whitespaces))
        }
    }
}
