import Foundation
import Testing

@testable import CUIScope

/// `analyze --format html` read by Python's HTML parser (`Support/check_html.py`): hostile names
/// stay text, the only script is the report's own, nothing is fetched, and the page holds every
/// asset and finding with the attributes its filters use (docs/DECISIONS.md 140–143).
@Suite("HTML report: escaping, self-containment and content", .serialized)
struct HTMLReportTests {
    /// Names and ids meant to become markup, script or a fetch.
    static let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "'><svg onload=alert(3)>",
                          "</textarea><b>x</b>", "&lt;b&gt; &amp;", "x <!-- c --> y", "a_b c", "javascript:alert(4)"]

    static func hostileInventory() -> String {
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var csv = "id,name,addresses,kind,cui,zone\n"
        for (i, n) in hostile.enumerated() {
            csv += "\(q(n)),\(q(n)),10.0.0.\(i + 1),server,\(i % 2 == 0 ? "yes" : ""),\(q(i % 3 == 0 ? n : "z"))\n"
        }
        return csv
    }

    /// Runs `analyze --format html` on the hostile inventory and returns the page.
    static func hostilePage() throws -> String {
        let inventory = TestPaths.temporaryFile(hostileInventory(), name: "hostile-html.csv")
        let scope = TestPaths.temporaryFile("organisation: \"<b>Org</b> & co\"\nlevel: 2\n", name: "hostile-scope.yaml")
        let r = try CLIRunner.run(["analyze", "--format", "html", "--inventory", inventory, "--scope", scope])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    static func check(_ page: String, literals: [String]) throws -> (status: Int32, output: String) {
        let file = TestPaths.temporaryFile(page, name: "report.html")
        let list = TestPaths.temporaryFile(String(decoding: try JSONEncoder().encode(literals), as: UTF8.self), name: "l.json")
        let script = TestPaths.repoRoot.appendingPathComponent("Tests/CUIScopeTests/Support/check_html.py").path
        return try ExternalValidators.python([script, file, list])
    }

    @Test("hostile names and ids read back as text; no element, handler or fetch comes from them")
    func hostileNamesStayText() throws {
        let page = try Self.hostilePage()
        let out = try Self.check(page, literals: Self.hostile + ["<b>Org</b> & co"])
        #expect(out.status == 0, "\(out.output)")
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("the demo page is self-contained: one inline script, no fetch, only in-page links")
    func demoIsSelfContained() throws {
        let r = try CLIRunner.run(["analyze", "--format", "html"] + CLIRunner.demoArgs)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Self.check(r.stdout, literals: ["Example Machining LLC"])
        #expect(out.status == 0, "\(out.output)")
        #expect(r.stdout.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
    }

    @Test("every asset is a row of its category and every finding an article with its severity")
    func everyAssetAndFinding() throws {
        let result = DiagramTestSupport.demo
        let page = HTMLReportRenderer.render(result, diagram: .svg("<svg></svg>\n"))
        for a in result.assets {
            #expect(page.contains("<tr class=\"asset\" id=\"\(HTMLText.anchor("asset-", a.id))\" data-category=\"\(a.category.rawValue)\">"))
        }
        let articles = page.components(separatedBy: "<article class=\"finding\"").count - 1
        #expect(articles == result.findings.count)
        for s in Severity.allCases {
            let n = result.findings.filter { $0.severity == s }.count
            #expect(page.components(separatedBy: "data-severity=\"\(s.rawValue)\"").count - 1 == n)
        }
        #expect(page.contains("<dt>Inputs dated</dt><dd>2026-10-07T23:59:58Z (the latest time the inputs carry)</dd>"))
        #expect(page.contains("Fixtures/demo/firewall.xml:68"))
    }

    @Test("without Graphviz the page embeds the DOT source under a notice, and the CLI warns")
    func withoutGraphviz() throws {
        let result = DiagramTestSupport.demo
        let diagram = InlineDiagram.boundary(of: result, dotExecutable: "/nonexistent/dot")
        guard case .source(let dot, let reason) = diagram else {
            Issue.record("expected the DOT source, got \(diagram)")
            return
        }
        #expect(dot.hasPrefix("digraph"))
        #expect(reason.contains("/nonexistent/dot"))
        let r = try CLIRunner.run(["analyze", "--format", "html"] + CLIRunner.demoArgs, environment: ["PATH": "/nonexistent"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: the HTML report embeds the diagram's DOT source instead of the drawing"))
        #expect(r.stdout.contains("<p class=\"notice\">The diagram could not be drawn:"))
        #expect(r.stdout.contains("<pre class=\"dot\">digraph &quot;cuiscope&quot; {"))
        #expect(!r.stdout.contains("<svg"))
    }

    @Test("Graphviz's SVG loses its XML prolog, doctype and comments, and nothing else")
    func inlineSVG() {
        let doc = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
             "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Generated by graphviz version 2.43.0 (0)
             -->
            <svg width="8pt" height="8pt">
            <!-- a&#45;&gt;b -->
            <g id="edge1" class="edge"><title>a&#45;&gt;b</title></g>
            </svg>
            """
        #expect(InlineDiagram.inlineSVG(doc) == "<svg width=\"8pt\" height=\"8pt\">\n<g id=\"edge1\" class=\"edge\"><title>a&#45;&gt;b</title></g>\n</svg>\n")
        #expect(InlineDiagram.inlineSVG("no drawing") == "")
    }

    @Test("anchors are one-to-one and need no decoding")
    func anchors() {
        #expect(HTMLText.anchor("asset-", "enc-ws01") == "asset-enc-ws01")
        #expect(HTMLText.anchor("asset-", "a_b") == "asset-a_5fb")
        #expect(HTMLText.anchor("asset-", "a b") == "asset-a_20b")
        #expect(HTMLText.anchor("asset-", "é") == "asset-_c3_a9")
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>\u{0}") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\u{FFFD}")
    }
}
