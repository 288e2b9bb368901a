/// `analyze --format csv`: the asset list with computed categories, one row per asset, RFC 4180.
public enum CSVAssetRenderer {
    public static func render(_ r: AnalysisResult) -> String {
        var out = ""
        write(r, to: &out)
        return out
    }

    /// Streams the rows to `out` (a ``ReportOutput`` for the CLI).
    public static func write<Out: TextOutputStream>(_ r: AnalysisResult, to out: inout Out) {
        out.write("id,name,addresses,kind,zone,category,declared_category,labels,findings,reasons,file,line,zones\r\n")
        var findingsByAsset: [String: [String]] = [:]
        for f in r.findings { for a in f.assets { findingsByAsset[a, default: []].append(f.id) } }
        for a in r.assets {
            let fields = [
                a.id, a.name, a.addresses.joined(separator: ";"), a.kind.rawValue, a.zone ?? "", a.category.rawValue,
                a.declared?.rawValue ?? "", a.labels.map(\.rawValue).joined(separator: ";"),
                Array(Set(findingsByAsset[a.id] ?? [])).sorted().joined(separator: ";"),
                a.reasons.map(\.text).joined(separator: " "), a.location.file, String(a.location.line),
                a.zones.joined(separator: ";"),
            ]
            out.write(fields.map(quote).joined(separator: ",") + "\r\n")
        }
    }

    /// Characters that make a spreadsheet read a cell as a formula when they come first (OWASP,
    /// CSV Injection: `=`, `+`, `-`, `@`, tab, carriage return; NUL too, after OWASP ASVS 1.2.10).
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\0"]

    /// One RFC 4180 cell, neutralised first: a cell that starts with a formula trigger gets a
    /// leading apostrophe (shown as text by Excel, LibreOffice and Google Sheets), whether or not it
    /// is then quoted. No cell is exempt as "a number": the only numeric column, `line`, is never
    /// negative, and `-1+…` payloads look numeric (docs/DECISIONS.md 61).
    static func quote(_ s: String) -> String {
        var v = s
        if let first = v.unicodeScalars.first, formulaTriggers.contains(first) { v = "'" + v }
        if v.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
