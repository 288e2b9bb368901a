import Foundation
import Testing
@testable import CUIScope

/// An invalid byte is reported at its line and column by every command, not as "not XML" on
/// line 1 (issue: `validate` named line 5 while `analyze` said `file:1:0`).
@Suite("XML: encoding errors keep their position")
struct XMLEncodingErrorTests {
    /// The demo's native rules with two bytes that are not UTF-8 in a comment on line 5.
    static func rulesWithBadByte() throws -> String {
        var lines = try Data(contentsOf: URL(fileURLWithPath: TestPaths.demo("demo/firewall.xml")))
            .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
        lines[4].append(contentsOf: Array("<!-- ".utf8) + [0xFF, 0xFE] + Array(" -->".utf8))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-utf8-\(UUID().uuidString).xml")
        try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: url)
        return url.path
    }

    @Test("the rules reader names the bad byte's line, as validate does")
    func rulesReaderNamesTheLine() throws {
        let path = try Self.rulesWithBadByte()
        do {
            _ = try RulesReader.read(path: path, displayName: "bad.xml")
            Issue.record("a file with invalid UTF-8 was read")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.location.file == "bad.xml" && d.location.line == 5 && d.location.column > 1, "\(d)")
            #expect(d.message.contains("UTF-8"))
        }
        let validated = Validator.validate(paths: [path], inventoryCheck: { _ in [] })
        #expect(validated.first?.location.line == 5)
    }

    @Test("a CSV is still simply not XML")
    func csvIsNotXML() throws {
        let path = TestPaths.temporaryFile("id,addresses\n\u{FF}h1,10.0.0.1\n", name: "inv.csv")
        #expect(try XMLReader.rootElement(path) == nil)
    }
}
