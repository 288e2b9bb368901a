import Foundation
import Testing

@testable import CUIScope

/// The SAX walks locate start tags from byte offsets (``XMLOffsetLocator``); ``XMLTagLocator``,
/// which re-reads every tag, is the oracle: both must give every element the same line and
/// column, on real exports, fixtures and the awkward cases (CR and CRLF line ends, a BOM,
/// tags over several lines, non-ASCII text, one very long line, gzip).
@Suite("XML: start-tag positions of the SAX walks")
struct SAXPositionTests {
    /// Every element's (name, line, column) as the SAX attribute walk reports it.
    static func saxPositions(_ path: String) throws -> [String] {
        var out: [String] = []
        try XMLReader.streamAttributes(path, select: { _ in .record }) { name, _, location, _ in
            out.append("\(name) \(location.line):\(location.column)")
        }
        return out
    }

    /// The same from the tag locator.
    static func tagPositions(_ path: String) -> [String] {
        guard var locator = XMLTagLocator(path: path) else { return [] }
        defer { locator.close() }
        var out: [String] = []
        while let tag = locator.nextStartTag() { out.append("\(tag.name) \(tag.line):\(tag.column)") }
        return out
    }

    static func corpus() -> [String] {
        var paths: [String] = []
        for dir in ["native", "panos", "pfsense", "flows", "check"] {
            let root = TestPaths.fixture(dir)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: root))?.sorted() ?? []
            where name.hasSuffix(".xml") && !name.contains("truncated") && !name.contains("billion") && !name.contains("xxe") {
                paths.append("\(root)/\(name)")
            }
        }
        for sample in ["panos/pan-os-php_stage00_panos-8.0_smb-firewall.xml", "panos/iron-skillet_panorama_full_10.1.xml",
                       "flows/demisto_panos_traffic-log-query.xml"] {
            let p = TestPaths.realWorld(sample)
            if FileManager.default.fileExists(atPath: p) { paths.append(p) }
        }
        return paths
    }

    @Test("offsets give the tag locator's positions on fixtures and real exports")
    func corpusAgrees() throws {
        let paths = Self.corpus()
        #expect(paths.count > 10)
        for path in paths {
            let expected = Self.tagPositions(path)
            #expect(!expected.isEmpty, "\(path)")
            #expect(try Self.saxPositions(path) == expected, "\(path)")
        }
    }

    @Test("CR, CRLF, BOM, multi-line tags, non-ASCII text and a long line", arguments: ["\n", "\r\n", "\r"])
    func awkwardText(lineEnd: String) throws {
        var text = "\u{FEFF}<?xml version=\"1.0\"?>" + lineEnd + "<root a=\"x\">" + lineEnd
        text += "  <élément\tb=\"1\"" + lineEnd + "     c=\"2>3\">Grüße – ∑</élément>" + lineEnd
        text += "<!-- <fake> --><![CDATA[<fake/>]]><e/><e/>"
        for i in 0..<40_000 { text += "<r n=\"\(i)\" v=\"ÄÖÜ\"/>" }  // ~1 MB on one line: spans buffer refills
        text += lineEnd + "  <last/>" + lineEnd + "</root>" + lineEnd
        let path = TestPaths.temporaryFile(text, name: "awkward.xml")
        let expected = Self.tagPositions(path)
        #expect(expected.count == 40_005)
        #expect(try Self.saxPositions(path) == expected)
    }

    @Test("a gzip-compressed file gives the positions of its decompressed text")
    func gzip() throws {
        let plain = TestPaths.fixture("flows/panos-traffic.xml")
        let gz = try TestPaths.gzipped(plain)
        #expect(InputFile.isGzip(path: gz))
        #expect(try Self.saxPositions(gz) == Self.tagPositions(plain))
    }
}
