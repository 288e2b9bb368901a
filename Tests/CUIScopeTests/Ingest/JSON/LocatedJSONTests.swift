import Foundation
import Testing

@testable import CUIScope

@Suite("Located JSON reader")
struct LocatedJSONTests {
    static func parse(_ text: String) throws(InputError) -> LocatedJSON {
        try LocatedJSONParser.parse(Data(text.utf8), file: "t.json")
    }

    @Test("values carry 1-based line and character column")
    func locations() throws {
        let root = try Self.parse("{\n  \"é\": [1, \"x\"],\n\t\"b\": {\"c\": null}\n}")
        #expect(root.location == SourceLocation(file: "t.json", line: 1, column: 1))
        let array = try #require(root.member("É")?.elements)
        // "é" is two bytes but one character: `[` is the 8th character of line 2.
        #expect(array[0].location == SourceLocation(file: "t.json", line: 2, column: 9))
        #expect(array[1].location.column == 12)
        #expect(root.member("b")?.member("c")?.isNull == true)
        #expect(root.member("b")?.location == SourceLocation(file: "t.json", line: 3, column: 7))
    }

    @Test("escapes and surrogate pairs decode; numbers keep their text")
    func strings() throws {
        let root = try Self.parse(#"["a\"b\\c\/\n\u00e9\ud83d\ude00", -1.5e3, true, false]"#)
        let e = try #require(root.elements)
        #expect(e[0].stringValue == "a\"b\\c/\né😀")
        if case .number(let n) = e[1].value { #expect(n == "-1.5e3") } else { Issue.record("number expected") }
        if case .bool(let b) = e[2].value { #expect(b) } else { Issue.record("bool expected") }
        #expect(e[3].typeName == "a boolean")
    }

    @Test(
        "malformed input is an error at its place",
        arguments: [
            ("{\"a\": 1,}", 1, 9),
            ("[1 2]", 1, 4),
            ("\"abc", 1, 5),
            ("{\"a\": tru}", 1, 7),
            ("[\"\\ud800x\"]", 1, 9),
            ("[1]\n x", 2, 2),
            ("", 1, 1),
            ("[01.]", 1, 5),
        ])
    func malformed(text: String, line: Int, column: Int) {
        let e = #expect(throws: InputError.self) { try Self.parse(text) }
        #expect(e?.diagnostics.first?.location == SourceLocation(file: "t.json", line: line, column: column))
    }

    @Test("deep nesting is refused instead of overflowing the stack")
    func depthLimit() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let e = #expect(throws: InputError.self) { try Self.parse(deep) }
        #expect(e?.diagnostics.first?.message.contains("nesting") == true)
    }

    @Test("a UTF-8 byte order mark is skipped and invalid UTF-8 in strings is an error")
    func encoding() throws {
        var bom = Data([0xEF, 0xBB, 0xBF])
        bom.append(Data("{\"a\": 1}".utf8))
        #expect(try LocatedJSONParser.parse(bom, file: "t.json").member("a") != nil)
        let bad = Data([0x22, 0xFF, 0x22])
        #expect(throws: InputError.self) { try LocatedJSONParser.parse(bad, file: "t.json") }
    }
}
