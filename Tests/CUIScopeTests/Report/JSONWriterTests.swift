import Foundation
import Testing

@testable import CUIScope

/// The streaming JSON writer and report renderer emit exactly what `JSONEncoder`
/// (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`) emitted before them.
@Suite("Report: streaming JSON writer")
struct JSONWriterTests {
    /// Strings that exercise every escaping rule: quotes, backslashes, every C0 control, DEL,
    /// slashes (not escaped), non-ASCII and astral characters, U+2028/2029 (not escaped).
    static let tricky: [String] = [
        "", "plain", "say \"hi\"", "back\\slash\\", "a/b//c https://x.example/y?z=1",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "del\u{7f}", "tab\there\nnew\r\nline",
        "é ü 中文 🙂 \u{2028}\u{2029} \u{FEFF}", "\"\\/\u{8}\u{c}", "Zeta", "alpha", "_under", "10", "9", "a\u{0}b",
    ]

    struct Sample: Encodable {
        var a_empty: [String]
        var b_counts: [String: Int]
        var c_flag: Bool
        var d_numbers: [Int]
        var e_by_key: [String: [String]]
        var f_nested: [[String: Int]]
        var g_empty_object: [String: Int]
        var h_optional: String?
    }

    @Test func matchesJSONEncoderOnTrickyStringsNumbersAndEmptyContainers() throws {
        let numbers = [Int.min, -1, 0, 7, 42, 1_000_000, Int.max]
        var counts: [String: Int] = [:]
        for (i, s) in Self.tricky.enumerated() { counts[s] = i - 5 }
        var byKey: [String: [String]] = [:]
        for s in Self.tricky { byKey[s] = Self.tricky }
        let sample = Sample(a_empty: [], b_counts: counts, c_flag: true, d_numbers: numbers, e_by_key: byKey,
                            f_nested: [[:], ["x": 1, "X": 2, "é": 3]], g_empty_object: [:], h_optional: nil)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try enc.encode(sample), as: UTF8.self)

        var w = JSONWriter(output: ReportOutput())
        w.beginObject()
        w.member("a_empty", [String]())
        w.key("b_counts")
        w.object(counts)
        w.member("c_flag", true)
        w.key("d_numbers")
        w.beginArray()
        for n in numbers { w.int(n) }
        w.endArray()
        w.key("e_by_key")
        w.beginObject()
        for k in byKey.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { w.key(k); w.array(byKey[k]!) }
        w.endObject()
        w.key("f_nested")
        w.beginArray()
        for d in sample.f_nested { w.object(d) }
        w.endArray()
        w.key("g_empty_object")
        w.object([:])
        w.memberIfPresent("h_optional", nil as String?)
        w.endObject()
        #expect(w.output.text == expected)
    }

    @Test func topLevelScalarsAndArraysMatchJSONEncoder() throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for s in Self.tricky {
            var w = JSONWriter(output: ReportOutput())
            w.string(s)
            #expect(w.output.text == String(decoding: try enc.encode(s), as: UTF8.self), "\(Array(s.utf8))")
        }
        var w = JSONWriter(output: ReportOutput())
        w.array(Self.tricky)
        #expect(w.output.text == String(decoding: try enc.encode(Self.tricky), as: UTF8.self))
    }

    /// The demo with every input (scope, rules, flows, FedRAMP) plus a Zeek log and a window,
    /// so the report carries an observation window with a null end, skipped records and counts.
    @Test(.tags(.samples), .samplesPresent) func demoReportIsByteIdenticalToTheEncoderReport() throws {
        var p = InputPaths(inventories: [TestPaths.demo("demo/inventory.csv")], rules: [TestPaths.demo("demo/firewall.xml")],
                           flows: [TestPaths.demo("demo/flows.xml"), TestPaths.realWorld("flows/brimdata-zed_zeek_conn.log")],
                           scope: TestPaths.demo("demo/scope.yaml"), fedramp: TestPaths.demo("demo/fedramp-marketplace.json"))
        p.flowWindow = FlowWindow(since: try #require(FlowTimestamp.parse("2026-10-03T00:00:00Z")))
        let r = Analyzer.run(try InputLoader.load(p))
        #expect(r.observation != nil && !r.allowlist.isEmpty && !r.findings.isEmpty)
        let streamed = JSONReportRenderer.render(r)
        #expect(streamed == EncoderReferenceReport.render(r))

        let plain = Analyzer.run(try InputLoader.load(InputPaths(inventories: [TestPaths.demo("demo/inventory.csv")])))
        #expect(JSONReportRenderer.render(plain) == EncoderReferenceReport.render(plain))
    }

    /// A synthetic network with flows: thousands of assets, reasons with rule and flow evidence.
    @Test func syntheticReportIsByteIdenticalAndStreamsToAFile() throws {
        let input = AnalysisDigestTests.input(assets: 1500, rules: 300, seed: 11, flows: 2000)
        let r = Analyzer.run(input)
        let expected = EncoderReferenceReport.render(r)
        #expect(expected.utf8.count > 4 * ReportOutput.chunkSize)
        #expect(JSONReportRenderer.render(r) == expected)
        #expect(!r.edges.isEmpty)

        // What `analyze` runs: without the diagram edge list, the same report.
        let lean = Analyzer.run(input, includeDiagramData: false)
        #expect(lean.edges.isEmpty)
        #expect(lean.network == NetworkSummary())
        #expect(r.network != NetworkSummary())
        #expect(JSONReportRenderer.render(lean) == expected)
        #expect(TextReportRenderer.render(lean) == TextReportRenderer.render(r))

        let path = TestPaths.temporaryFile("", name: "streamed-report.json")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var out = ReportOutput(handle: handle)
        JSONReportRenderer.write(r, to: &out)
        try out.finish()
        try handle.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    @Test func aWriteErrorIsReportedByFinish() throws {
        let path = TestPaths.temporaryFile("x", name: "read-only-handle.txt")
        let handle = try #require(FileHandle(forReadingAtPath: path))
        var out = ReportOutput(handle: handle)
        out.write(String(repeating: "y", count: ReportOutput.chunkSize + 10))
        #expect(throws: (any Error).self) { try out.finish() }
    }
}
