/// `analyze --format text`: the terminal report — summary, assets by category with their
/// reasons and evidence, then findings by severity.
public enum TextReportRenderer {
    public static func render(_ r: AnalysisResult) -> String {
        var out = ""
        let org = r.organisation.map { ": \($0)" } ?? ""
        out += "cuiscope \(ToolInfo.version) — CMMC Level \(r.level.rawValue) scoping analysis\(org)\n\n"
        out += "Inputs\n"
        for i in r.inputs {
            let skipped = i.skipped.filter { $0.severity == .error }.count
            out += "  \(i.file) (\(i.format)): \(i.records) record\(i.records == 1 ? "" : "s")"
            if skipped > 0 { out += ", \(skipped) skipped" }
            if !i.counts.isEmpty {
                out += " [" + i.counts.keys.sorted().map { "\($0) \(i.counts[$0] ?? 0)" }.joined(separator: ", ") + "]"
            }
            out += "\n"
            if let w = i.window { out += "    observed: \(w.text)\n" }
            for d in i.skipped.sorted() { out += "    \(d)\n" }
        }
        if let w = r.observation { out += "  Observation window (all flow logs): \(w.text)\n" }
        if let snap = r.marketplaceSnapshot { out += "  FedRAMP Marketplace snapshot: \(snap)\n" }
        if !r.allowlist.isEmpty {
            out += "\nJustified exceptions (scope file protocol_allowlist)\n"
            for a in r.allowlist {
                out += "  \(a.services.summary) to \(a.to ?? "any asset"): \(a.reason) (\(a.location))\n"
            }
        }
        out += "\nSummary\n"
        let inScope = r.assets.filter { $0.category.isInScope }.count
        out += "  \(r.assets.count) assets, \(inScope) in scope: "
        out += r.categoryCounts.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ") + "\n"
        out += "  \(r.findings.count) finding\(r.findings.count == 1 ? "" : "s"): "
        out += Severity.allCases.map { s in "\(s.rawValue) \(r.findings.filter { $0.severity == s }.count)" }
            .joined(separator: ", ") + "\n"

        for c in Category.allCases {
            let list = r.assets.filter { $0.category == c }
            guard !list.isEmpty else { continue }
            out += "\n\(c.title)s (\(c.rawValue)): \(list.count)\n"
            for a in list {
                let addr = a.addresses.isEmpty ? "no address" : a.addresses.joined(separator: " ")
                var head = "  \(a.id)"
                if a.name != a.id { head += " — \(a.name)" }
                head += "  [\(addr)\(a.zone.map { ", zone \($0)" } ?? "")]"
                if a.labels.count > 1 { head += "  labels: \(a.labels.map(\.rawValue).joined(separator: ", "))" }
                if let d = a.declared { head += d == a.category ? "  (declared \(d.rawValue))" : "  (declared \(d.rawValue) ≠ computed)" }
                out += head + "\n"
                for reason in a.reasons {
                    out += "    - \(reason.text)\n"
                    for e in reason.evidence where e.kind != "inventory" {
                        out += "        \(e.locationText.map { "\($0): " } ?? "")\(e.text)\n"
                    }
                }
            }
        }
        out += "\nFindings\n"
        if r.findings.isEmpty { out += "  none\n" }
        for f in r.findings {
            out += "  [\(f.severity.rawValue.uppercased())\(f.review ? ", review" : "")] \(f.id) \(f.title)"
            if !f.assets.isEmpty { out += " — \(SegmentFindings.list(f.assets))" }
            out += "\n    \(f.message)\n"
            for e in f.evidence.prefix(8) {
                out += "      \(e.locationText.map { "\($0): " } ?? "")\(e.text)\n"
            }
            if f.evidence.count > 8 { out += "      … \(f.evidence.count - 8) more\n" }
            out += "    Basis: \(f.basis)\n    Fix: \(f.remediation)\n"
        }
        return out
    }
}
