/// JUnit XML for CI test tabs: one testcase per check of the finding catalogue that ran,
/// failing when it raised a finding (info findings are reported as passing with output).
public enum JUnitRenderer {
    public static func render(_ r: AnalysisResult) -> String {
        render(suite: "cuiscope scope (CMMC Level \(r.level.rawValue))", findings: r.findings)
    }

    public static func render(suite: String, findings: [Finding], extraCases: [(name: String, failure: String?)] = []) -> String {
        var cases: [(String, String, String?)] = []  // (classname, name, failure text)
        for kind in FindingCatalog.all {
            let id = kind.id.rawValue
            let hits = findings.filter { $0.id == id }
            let failing = hits.filter { $0.severity != .info }
            let text = failing.isEmpty ? nil : failing.map { "[\($0.severity.rawValue)] \($0.message)" }.joined(separator: "\n")
            cases.append((id, "\(id) \(kind.title)", text))
        }
        for extra in extraCases { cases.append(("cuiscope.check", extra.name, extra.failure)) }
        let failures = cases.filter { $0.2 != nil }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"cuiscope\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"\(xml(suite))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for (cls, name, failure) in cases {
            out += "    <testcase classname=\"\(xml(cls))\" name=\"\(xml(name))\""
            if let failure {
                let first = failure.split(separator: "\n").first.map(String.init) ?? failure
                out += ">\n      <failure message=\"\(xml(first))\" type=\"\(xml(cls))\">\(xml(failure))</failure>\n    </testcase>\n"
            } else {
                out += "/>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

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
