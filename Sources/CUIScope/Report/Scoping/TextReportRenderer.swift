/// `analyze --format text`: the terminal report — summary, assets by category with their
/// reasons and evidence, then findings by severity.
public enum TextReportRenderer {
    public static func render(_ r: AnalysisResult) -> String {
        var out = ""
        write(r, to: &out)
        return out
    }

    /// Streams the report to `out` (a ``ReportOutput`` for the CLI), asset by asset.
    /// ", zone corp" or, for a multi-homed asset, ", zones mgmt, corp" (primary first); empty
    /// when the asset is in no known zone.
    static func zoneText(_ a: AssetResult, prefix: String) -> String {
        let zones = a.zones.isEmpty ? (a.zone.map { [$0] } ?? []) : a.zones
        guard !zones.isEmpty else { return "" }
        return prefix + (zones.count == 1 ? "zone " : "zones ") + zones.joined(separator: ", ")
    }

    public static func write<Out: TextOutputStream>(_ r: AnalysisResult, to out: inout Out) {
        let org = r.organisation.map { ": \($0)" } ?? ""
        out.write("cuiscope \(ToolInfo.version) — CMMC Level \(r.level.rawValue) scoping analysis\(org)\n\n")
        out.write("Inputs\n")
        for i in r.inputs {
            let skipped = i.skipped.filter { $0.severity == .error }.count
            out.write("  \(i.file) (\(i.format)): \(i.records) record\(i.records == 1 ? "" : "s")")
            if skipped > 0 { out.write(", \(skipped) skipped") }
            if !i.counts.isEmpty {
                out.write(" [" + i.counts.keys.sorted().map { "\($0) \(i.counts[$0] ?? 0)" }.joined(separator: ", ") + "]")
            }
            out.write("\n")
            if let w = i.window { out.write("    observed: \(w.text)\n") }
            for d in i.skipped.sorted() { out.write("    \(d)\n") }
            for d in i.warnings { out.write("    \(d)\n") }
        }
        if let w = r.observation { out.write("  Observation window (all flow logs): \(w.text)\n") }
        if let snap = r.marketplaceSnapshot { out.write("  FedRAMP Marketplace snapshot: \(snap)\n") }
        if !r.allowlist.isEmpty {
            out.write("\nJustified exceptions (scope file protocol_allowlist)\n")
            for a in r.allowlist {
                out.write("  \(a.services.summary) to \(a.to ?? "any asset"): \(a.reason) (\(a.location))\n")
            }
        }
        out.write("\nSummary\n")
        let inScope = r.assets.filter { $0.category.isInScope }.count
        out.write("  \(r.assets.count) assets, \(inScope) in scope: ")
        out.write(r.categoryCounts.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ") + "\n")
        out.write("  \(r.findings.count) finding\(r.findings.count == 1 ? "" : "s"): ")
        out.write(Severity.allCases.map { s in "\(s.rawValue) \(r.findings.filter { $0.severity == s }.count)" }
            .joined(separator: ", ") + "\n")

        for c in Category.allCases {
            let list = r.assets.filter { $0.category == c }
            guard !list.isEmpty else { continue }
            out.write("\n\(c.title)s (\(c.rawValue)): \(list.count)\n")
            for a in list {
                let addr = a.addresses.isEmpty ? "no address" : a.addresses.joined(separator: " ")
                var head = "  \(a.id)"
                if a.name != a.id { head += " — \(a.name)" }
                head += "  [\(addr)\(Self.zoneText(a, prefix: ", "))]"
                if a.labels.count > 1 { head += "  labels: \(a.labels.map(\.rawValue).joined(separator: ", "))" }
                if let d = a.declared { head += d == a.category ? "  (declared \(d.rawValue))" : "  (declared \(d.rawValue) ≠ computed)" }
                out.write(head + "\n")
                if !a.openPorts.isEmpty {
                    out.write("    open ports (scan): " + a.openPorts.map(\.serviceKey).joined(separator: " ") + "\n")
                }
                for reason in a.reasons {
                    out.write("    - \(reason.text)\n")
                    for e in reason.evidence where e.kind != .inventory {
                        out.write("        \(e.locationText.map { "\($0): " } ?? "")\(e.text)\n")
                    }
                }
            }
        }
        out.write("\nFindings\n")
        if r.findings.isEmpty { out.write("  none\n") }
        for f in r.findings {
            out.write("  [\(f.severity.rawValue.uppercased())\(f.review ? ", review" : "")] \(f.id) \(f.title)")
            if !f.assets.isEmpty { out.write(" — \(SegmentFindings.list(f.assets))") }
            out.write("\n    \(f.message)\n")
            for e in f.evidence.prefix(8) {
                out.write("      \(e.locationText.map { "\($0): " } ?? "")\(e.text)\n")
            }
            if f.evidence.count > 8 { out.write("      … \(f.evidence.count - 8) more\n") }
            out.write("    Basis: \(f.basis)\n    Fix: \(f.remediation)\n")
        }
    }
}
