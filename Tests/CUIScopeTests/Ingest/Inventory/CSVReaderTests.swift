import Foundation
import Testing

@testable import CUIScope

@Suite("CSV reader")
struct CSVReaderTests {
    private func records(_ bytes: [UInt8]) throws -> (encoding: CSVReader.Encoding, records: [CSVRecord]) {
        var reader = CSVReader(data: Data(bytes), file: "t.csv")
        var out: [CSVRecord] = []
        while let r = try reader.next() { out.append(r) }
        return (reader.encoding, out)
    }

    private func records(_ text: String) throws -> [CSVRecord] { try records(Array(text.utf8)).records }

    @Test("LF, CRLF and CR-only line ends give the same records and line numbers")
    func lineEnds() throws {
        for eol in ["\n", "\r\n", "\r"] {
            let recs = try records(["a,b", "1,2", "", "3,4"].joined(separator: eol) + eol)
            #expect(recs.map { $0.fields.map(\.text) } == [["a", "b"], ["1", "2"], ["3", "4"]])
            #expect(recs.map(\.line) == [1, 2, 4])
        }
    }

    @Test("quoted fields keep commas, newlines and doubled quotes; later records keep their lines")
    func quoting() throws {
        let recs = try records("id,note\nx,\"say \"\"hi\"\", then\r\nleave\"\ny,plain\n")
        #expect(recs.count == 3)
        #expect(recs[1].fields[1].text == "say \"hi\", then\nleave")
        #expect(recs[1].fields[1].line == 2 && recs[1].fields[1].column == 3)
        #expect(recs[2].line == 4)
        #expect(recs[2].fields.map(\.text) == ["y", "plain"])
    }

    @Test("columns count characters, not bytes")
    func columnsInCharacters() throws {
        let recs = try records("é€x,second\n")
        #expect(recs[0].fields[1].column == 5)
    }

    @Test("a trailing comma yields an empty last field; a missing final newline is fine")
    func trailingComma() throws {
        #expect(try records("a,b,").first?.fields.map(\.text) == ["a", "b", ""])
        #expect(try records("a,b").first?.fields.map(\.text) == ["a", "b"])
    }

    @Test("UTF-8 BOM is stripped and reported")
    func bom() throws {
        let (encoding, recs) = try records([0xEF, 0xBB, 0xBF] + Array("id,name\n".utf8))
        #expect(encoding == .utf8BOM)
        #expect(recs[0].fields[0].text == "id")
        #expect(recs[0].fields[0].column == 1)
    }

    @Test("bytes that are not UTF-8 are read as Windows-1252")
    func windows1252() throws {
        // "Caf\xE9 \x96 \x93q\x94 \x80" : é, en dash, curly quotes, euro sign
        let (encoding, recs) = try records(Array("Caf".utf8) + [0xE9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80])
        #expect(encoding == .windows1252)
        #expect(recs[0].fields[0].text == "Café – \u{201C}q\u{201D} €")
    }

    @Test("an unterminated quote is an error at the opening quote")
    func unterminated() throws {
        var reader = CSVReader(data: Data("a,b\nc,\"open\nmore\n".utf8), file: "u.csv")
        _ = try reader.next()
        let error = #expect(throws: InputError.self) { _ = try reader.next() }
        #expect(error?.diagnostics.first?.location == SourceLocation(file: "u.csv", line: 2, column: 3))
        #expect(error?.diagnostics.first?.message.contains("unterminated quoted field") == true)
    }
}
