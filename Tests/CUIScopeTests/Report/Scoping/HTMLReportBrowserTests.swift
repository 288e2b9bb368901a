import Foundation
import Testing

@testable import CUIScope

/// The demo's HTML report in a real headless browser (Debian's chromium): the boundary diagram is
/// in the rendered DOM, the filters preselected by the URL fragment hide exactly the rows that do
/// not match, hostile names stay text after the page's script ran, and a screenshot is taken
/// (docs/DECISIONS.md 142).
@Suite("HTML report in headless chromium", .tags(.browser), .browserPresent, .serialized)
struct HTMLReportBrowserTests {
    /// The demo report, written once to a file the browser opens.
    static let demoPage: String = {
        guard let r = try? CLIRunner.run(["analyze", "--format", "html"] + CLIRunner.demoArgs), r.status == 0 else {
            return TestPaths.temporaryFile("", name: "empty.html")
        }
        return TestPaths.temporaryFile(r.stdout, name: "demo-report.html")
    }()

    /// The opening tags of the elements matching `pattern` (a tag and class), with their attributes.
    static func openTags(_ dom: String, _ pattern: String) -> [String] {
        guard let regex = try? Regex("<\(pattern)[^>]*>") else { return [] }
        return dom.matches(of: regex).map { String(dom[$0.range]) }
    }

    static func attribute(_ tag: String, _ name: String) -> String? {
        guard let regex = try? Regex("\\s\(name)=\"([^\"]*)\""), let m = tag.firstMatch(of: regex) else { return nil }
        return m.output[1].substring.map(String.init)
    }

    static func isHidden(_ tag: String) -> Bool { tag.contains(" hidden=\"\"") || tag.contains(" hidden>") || tag.hasSuffix(" hidden") }

    @Test("the script ran and the boundary diagram is drawn in the page")
    func diagramRenders() throws {
        let dom = try HeadlessBrowser.dumpDOM(file: Self.demoPage)
        #expect(dom.contains("data-filters=\"ready\""), "the page's script did not run")
        let figure = try #require(dom.range(of: "<figure class=\"diagram\">"))
        let svg = try #require(dom.range(of: "<svg", range: figure.upperBound..<dom.endIndex))
        let end = try #require(dom.range(of: "</svg>", range: svg.upperBound..<dom.endIndex))
        let drawing = String(dom[svg.lowerBound..<end.upperBound])
        #expect(drawing.contains("class=\"cluster\""))
        // One node per drawn asset (the demo draws every asset), each named `asset:ID` by the builder.
        #expect(drawing.components(separatedBy: "<title>asset:").count - 1 >= 30)
        #expect(drawing.contains("CMMC assessment scope") && drawing.contains(">in scope<"))
        #expect(!Self.isHidden(Self.openTags(dom, "form id=\"filters\"").first ?? " hidden"))
    }

    @Test("a fragment preselects the filters: exactly the matching assets and findings stay visible")
    func fragmentFilters() throws {
        let dom = try HeadlessBrowser.dumpDOM(file: Self.demoPage, fragment: "category=cui&severity=high")
        let rows = Self.openTags(dom, "tr class=\"asset\"")
        let findings = Self.openTags(dom, "article class=\"finding\"")
        #expect(rows.count == 39)
        #expect(findings.count == 26)
        for row in rows { #expect(Self.isHidden(row) == (Self.attribute(row, "data-category") != "cui"), "\(row)") }
        for f in findings { #expect(Self.isHidden(f) == (Self.attribute(f, "data-severity") != "high"), "\(f)") }
        let sections = Self.openTags(dom, "section class=\"category\"")
        for s in sections { #expect(Self.isHidden(s) == (Self.attribute(s, "data-category") != "cui"), "\(s)") }
        #expect(dom.contains("Showing 14 of 39 assets and 10 of 26 findings"))
    }

    @Test("the text filter keeps the rows that contain the text")
    func textFilter() throws {
        let dom = try HeadlessBrowser.dumpDOM(file: Self.demoPage, fragment: "q=Oscilloscope")
        let rows = Self.openTags(dom, "tr class=\"asset\"")
        let visible = rows.filter { !Self.isHidden($0) }.compactMap { Self.attribute($0, "id") }
        #expect(!visible.isEmpty)
        #expect(visible.count < rows.count)
        #expect(Self.openTags(dom, "article class=\"finding\"").allSatisfy { $0.contains("data-severity") })
    }

    @Test("hostile names are still text once the page's script has run")
    func hostileNamesInTheBrowser() throws {
        let page = TestPaths.temporaryFile(try HTMLReportTests.hostilePage(), name: "hostile.html")
        let dom = try HeadlessBrowser.dumpDOM(file: page, fragment: "q=%3Cscript")
        #expect(dom.contains("data-filters=\"ready\""))
        #expect(!dom.contains("<img"))
        #expect(!dom.contains("<b>x</b>"))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(Self.openTags(dom, "script").count == 1)
    }

    @Test("a screenshot of the demo report is a PNG of the requested size")
    func screenshot() throws {
        let png = TestPaths.temporaryFile("", name: "report.png")
        try HeadlessBrowser.screenshot(file: Self.demoPage, to: png, width: 1000, height: 700)
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height, big-endian, at bytes 16–23.
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1000 && height == 700)
        #expect(data.count > 20_000)
    }
}
