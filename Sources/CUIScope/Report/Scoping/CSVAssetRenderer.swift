/// `analyze --format csv`: the asset list with computed categories, one row per asset, RFC 4180.
public enum CSVAssetRenderer {
    public static func render(_ r: AnalysisResult) -> String {
        var out = ""
        write(r, to: &out)
        return out
    }

    /// Streams the rows to `out` (a ``ReportOutput`` for the CLI).
    public static func write<Out: TextOutputStream>(_ r: AnalysisResult, to out: inout Out) {
        out.write("id,name,addresses,kind,zone,category,declared_category,labels,findings,reasons,file,line\r\n")
        var findingsByAsset: [String: [String]] = [:]
        for f in r.findings { for a in f.assets { findingsByAsset[a, default: []].append(f.id) } }
        for a in r.assets {
            let fields = [
                a.id, a.name, a.addresses.joined(separator: ";"), a.kind.rawValue, a.zone ?? "", a.category.rawValue,
                a.declared?.rawValue ?? "", a.labels.map(\.rawValue).joined(separator: ";"),
                Array(Set(findingsByAsset[a.id] ?? [])).sorted().joined(separator: ";"),
                a.reasons.map(\.text).joined(separator: " "), a.location.file, String(a.location.line),
            ]
            out.write(fields.map(quote).joined(separator: ",") + "\r\n")
        }
    }

    static func quote(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        // Spreadsheet formula injection: a leading = + - @ is quoted with a leading apostrophe.
        if let f = s.first, "=+-@".contains(f) { return "'" + s }
        return s
    }
}
