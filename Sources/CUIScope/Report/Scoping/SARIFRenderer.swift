import Foundation

/// SARIF 2.1.0 (OASIS; schema in `schemas/sarif-schema-2.1.0.json`) as GitHub code scanning
/// accepts it (GitHub Docs, "SARIF support for code scanning"): one result per finding, `ruleId`
/// and `ruleIndex` into the catalogue's rules (``SARIFRules``), exactly one location per result,
/// stable `partialFingerprints`, and waived findings as suppressed results (never deleted).
///
/// GitHub rejects a whole file when one result has no location ("locationFromSarifResult:
/// expected at least one location"), so every result points somewhere real: the finding's primary
/// location (the rule, segment, flow record or waiver that causes it), else its first evidence with
/// a file, else the inventory row of its first asset, else the run's fallback (the scope file).
/// `SARIFUploadConstraintsTests` checks each of GitHub's upload rules on the demo's output.
public enum SARIFRenderer {
    /// GitHub's hard limit of results per run; more are dropped (lowest severity last in order).
    public static let maxResults = 25_000
    /// Related locations kept per result (the evidence with a file beyond the primary one).
    static let maxRelatedLocations = 10

    /// - Parameters:
    ///   - suppressions: finding fingerprint → justification, for waived findings.
    ///   - fingerprints: per finding (same order), a fingerprint to use instead of ``Finding/fingerprint``
    ///     (both for `partialFingerprints` and as the `suppressions` key); `check` passes line-independent ones.
    ///   - assetLocations: asset id → its inventory row, for findings with no other location.
    ///   - fallback: where a finding with neither a location nor an inventoried asset points.
    public static func render(findings: [Finding], suppressions: [String: String] = [:],
                              fingerprints: [String]? = nil, assetLocations: [String: SourceLocation] = [:],
                              fallback: SourceLocation? = nil) -> String {
        let (rules, ruleIndex) = SARIFRules.descriptors(for: findings)
        var results: [[String: Any]] = []
        for (n, f) in findings.prefix(maxResults).enumerated() {
            let print = fingerprints.map { $0[n] } ?? StableHash.hex(f.fingerprint)
            let suppressionKey = fingerprints.map { $0[n] } ?? f.fingerprint
            var r: [String: Any] = [
                "ruleId": f.id,
                "ruleIndex": ruleIndex[f.id] ?? 0,
                "level": level(f.severity),
                "message": ["text": f.message.isEmpty ? f.title : f.message],
                "partialFingerprints": ["cuiscopeFinding/v1": print, "primaryLocationLineHash": "\(print):1"],
                "properties": ["severity": f.severity.rawValue, "review": f.review, "assets": f.assets,
                               "evidence": f.evidence.map { e in
                                   [e.locationText.map { "\($0): " } ?? "", e.text].joined()
                               }],
            ]
            let primary = location(of: f, assetLocations: assetLocations, fallback: fallback)
            if let primary { r["locations"] = [physical(primary, message: nil)] }
            let related = relatedLocations(f, excluding: primary)
            if !related.isEmpty { r["relatedLocations"] = related }
            if let why = suppressions[suppressionKey] {
                r["suppressions"] = [["kind": "external", "status": "accepted", "justification": why]]
            }
            results.append(r)
        }
        let doc: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": ToolInfo.name, "version": ToolInfo.version, "semanticVersion": ToolInfo.version,
                    "informationUri": ToolInfo.informationURI, "rules": rules,
                ]],
                "results": results,
                "columnKind": "unicodeCodePoints",
            ]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Where the result points (see the type's comment); nil only when nothing at all is known.
    static func location(of f: Finding, assetLocations: [String: SourceLocation], fallback: SourceLocation?)
        -> SourceLocation?
    {
        if let p = f.primaryLocation, !p.file.isEmpty { return p }
        if let e = f.evidence.first(where: { !($0.file ?? "").isEmpty }), let file = e.file {
            return SourceLocation(file: file, line: e.line ?? 1)
        }
        for a in f.assets { if let row = assetLocations[a] { return row } }
        return fallback
    }

    /// The evidence with a file other than the primary location, as SARIF related locations.
    static func relatedLocations(_ f: Finding, excluding primary: SourceLocation?) -> [[String: Any]] {
        var seen = Set<String>()
        if let primary { seen.insert("\(primary.file):\(max(primary.line, 1))") }
        var out: [[String: Any]] = []
        for e in f.evidence {
            guard let file = e.file, !file.isEmpty, out.count < maxRelatedLocations else { continue }
            let loc = SourceLocation(file: file, line: e.line ?? 1)
            guard seen.insert("\(loc.file):\(max(loc.line, 1))").inserted else { continue }
            var l = physical(loc, message: e.text)
            l["id"] = out.count + 1
            out.append(l)
        }
        return out
    }

    /// A `location` with its `physicalLocation`: the file as a relative URI and a region with
    /// `startLine` (at least 1; GitHub needs it) and the column when the input gave one.
    static func physical(_ loc: SourceLocation, message: String?) -> [String: Any] {
        var region: [String: Any] = ["startLine": max(loc.line, 1)]
        if loc.column > 0 { region["startColumn"] = loc.column }
        var out: [String: Any] = [
            "physicalLocation": ["artifactLocation": ["uri": uri(loc.file)], "region": region]
        ]
        if let message, !message.isEmpty { out["message"] = ["text": message] }
        return out
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// GitHub code scanning orders and labels alerts by this 0.1–10 score (over 9.0 critical,
    /// 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low); an info finding has none.
    static func securitySeverity(_ s: Severity) -> String? {
        switch s {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return nil
        }
    }

    static func uri(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}
