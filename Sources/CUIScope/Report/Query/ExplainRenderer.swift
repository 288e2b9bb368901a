import Foundation

/// `explain ASSET-ID`: one asset's category, every reason with its evidence, and the findings
/// that name it.
public enum ExplainRenderer {
    /// - Returns: nil when no asset has this id.
    public static func render(_ r: AnalysisResult, assetID: String, json: Bool) -> String? {
        var out = ReportOutput()
        return write(r, assetID: assetID, json: json, to: &out) ? out.text : nil
    }

    /// Streams the explanation to `out`.
    /// - Returns: false (and writes nothing) when no asset has this id.
    public static func write(_ r: AnalysisResult, assetID: String, json: Bool, to out: inout ReportOutput) -> Bool {
        guard let a = r.assets.first(where: { $0.id == assetID }) else { return false }
        let findings = r.findings.filter { $0.assets.contains(assetID) }
        if json {
            let one = AnalysisResult(level: r.level, organisation: r.organisation, assets: [a], findings: findings,
                                     inputs: r.inputs, allowlist: r.allowlist, marketplaceSnapshot: r.marketplaceSnapshot,
                                     edges: [])
            JSONReportRenderer.write(one, to: &out)
            return true
        }
        out.write(text(r, a, findings))
        return true
    }

    static func text(_ r: AnalysisResult, _ a: AssetResult, _ findings: [Finding]) -> String {
        var out = "\(a.id)\(a.name != a.id ? " — \(a.name)" : "") (\(a.kind.rawValue))\n"
        out += "  inventory: \(a.location)\n"
        out += "  addresses: \(a.addresses.isEmpty ? "none" : a.addresses.joined(separator: ", "))\(TextReportRenderer.zoneText(a, prefix: "; "))\n"
        out += "  category: \(a.category.rawValue) (\(a.category.title), CMMC Level \(r.level.rawValue))\n"
        if a.labels.count > 1 { out += "  labels: \(a.labels.map(\.rawValue).joined(separator: ", "))\n" }
        out += "  declared: \(a.declared?.rawValue ?? "not declared")\n"
        if !a.openPorts.isEmpty {
            out += "  open ports (scan):\n"
            for p in a.openPorts { out += "      \(p.location): \(p.text)\n" }
        }
        out += "\nWhy\n"
        for reason in a.reasons {
            out += "  - \(reason.text)\n"
            for e in reason.evidence { out += "      \(e.locationText.map { "\($0): " } ?? "")\(e.text)\n" }
        }
        out += "\nFindings\n"
        if findings.isEmpty { out += "  none\n" }
        for f in findings {
            out += "  [\(f.severity.rawValue.uppercased())] \(f.id) \(f.title)\n    \(f.message)\n"
            for e in f.evidence.prefix(6) { out += "      \(e.locationText.map { "\($0): " } ?? "")\(e.text)\n" }
            out += "    Fix: \(f.remediation)\n"
        }
        return out
    }
}
