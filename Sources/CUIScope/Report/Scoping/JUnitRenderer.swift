/// JUnit XML for CI test tabs: one testcase per check of the finding catalogue, failing when it
/// raised a finding that fails the run — at or above `--fail-on`, never an info finding — so the
/// test tab and the exit code agree. Findings that do not fail are listed in the case's
/// `system-out`, so the tab still shows them.
public enum JUnitRenderer {
    /// Without `--fail-on`, `analyze` exits 0 whatever it finds; its JUnit still fails the checks
    /// that raised a finding of this severity or above, which is every finding but info.
    public static let defaultThreshold = Severity.low

    /// `analyze --format junit`.
    /// - Parameter failOn: `--fail-on`; nil fails every finding at or above ``defaultThreshold``.
    public static func render(_ r: AnalysisResult, failOn: Severity?) -> String {
        let threshold = failOn ?? defaultThreshold
        return render(suite: "cuiscope scope (CMMC Level \(r.level.rawValue), fail on \(threshold.rawValue))",
                      findings: r.findings.map { ($0, $0.severity != .info && $0.severity >= threshold) })
    }

    /// - Parameters:
    ///   - findings: the findings of the run, each with whether it fails.
    ///   - extraCases: test cases beyond the catalogue (`check`'s waiver expiry), with their failure text.
    public static func render(suite: String, findings: [(finding: Finding, failing: Bool)],
                              extraCases: [(name: String, failure: String?)] = []) -> String {
        var cases: [(cls: String, name: String, failure: String?, output: String?)] = []
        for kind in FindingCatalog.all {
            let id = kind.id.rawValue
            let hits = findings.filter { $0.finding.id == id }
            let failing = hits.filter(\.failing).map { line($0.finding) }
            let passing = hits.filter { !$0.failing }.map { line($0.finding) }
            cases.append((id, "\(id) \(kind.title)", failing.isEmpty ? nil : failing.joined(separator: "\n"),
                          passing.isEmpty ? nil : "not failing:\n" + passing.joined(separator: "\n")))
        }
        for extra in extraCases { cases.append(("cuiscope.check", extra.name, extra.failure, nil)) }
        let failures = cases.filter { $0.failure != nil }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"cuiscope\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"\(xml(suite))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for c in cases {
            out += "    <testcase classname=\"\(xml(c.cls))\" name=\"\(xml(c.name))\""
            if c.failure == nil && c.output == nil {
                out += "/>\n"
                continue
            }
            out += ">\n"
            if let failure = c.failure {
                let first = failure.split(separator: "\n").first.map(String.init) ?? failure
                out += "      <failure message=\"\(xml(first))\" type=\"\(xml(c.cls))\">\(xml(failure))</failure>\n"
            }
            if let output = c.output { out += "      <system-out>\(xml(output))</system-out>\n" }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func line(_ f: Finding) -> String { "[\(f.severity.rawValue)] \(f.message)" }

    /// XML text/attribute escaping; control characters XML 1.0 forbids are dropped.
    static func xml(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(ch)
            default:
                if ch.value < 0x20 || ch.value == 0xFFFE || ch.value == 0xFFFF { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
