import Foundation

/// SARIF 2.1.0 (OASIS; schema in `schemas/sarif-schema-2.1.0.json`) for code-scanning
/// UIs: one result per finding, `ruleId` = finding id, rule metadata from the catalogue, the
/// rule's file and line as `physicalLocation`, stable `partialFingerprints`, and waived
/// findings as suppressed results (never deleted). Stays under GitHub's 25,000 results per run.
public enum SARIFRenderer {
    public static let maxResults = 25_000

    /// - Parameters:
    ///   - suppressions: finding fingerprint → justification, for waived findings.
    ///   - fingerprints: per finding (same order), a fingerprint to use instead of ``Finding/fingerprint``
    ///     (both for `partialFingerprints` and as the `suppressions` key); `check` passes line-independent ones.
    public static func render(findings: [Finding], suppressions: [String: String] = [:],
                              fingerprints: [String]? = nil) -> String {
        let ids = Array(Set(findings.map(\.id))).sorted()
        let kinds = ids.map { id in FindingCatalog.kind(id: id) }
        let rules: [[String: Any]] = zip(ids, kinds).map { id, k in
            let title = k?.title ?? id
            return [
                "id": id,
                "name": title.replacingOccurrences(of: " ", with: ""),
                "shortDescription": ["text": title],
                "fullDescription": ["text": "\(title). Basis: \(k?.basis ?? "")"],
                "help": ["text": "Remediation: \(k?.remediation ?? ""). Rule basis: \(k?.basis ?? ""). See SCOPING.md §8 finding catalogue.",
                         "markdown": "**Remediation:** \(k?.remediation ?? "")\n\n**Basis:** \(k?.basis ?? "")"],
                "defaultConfiguration": ["level": level(k?.severity ?? .medium)],
                "properties": ["tags": ["cmmc", "scoping"] + ((k?.review ?? false) ? ["review"] : []),
                               "security-severity": securitySeverity(k?.severity ?? .medium)],
            ]
        }
        var results: [[String: Any]] = []
        for (n, f) in findings.prefix(maxResults).enumerated() {
            let print = fingerprints.map { $0[n] } ?? StableHash.hex(f.fingerprint)
            let suppressionKey = fingerprints.map { $0[n] } ?? f.fingerprint
            var r: [String: Any] = [
                "ruleId": f.id,
                "ruleIndex": ids.firstIndex(of: f.id) ?? 0,
                "level": level(f.severity),
                "message": ["text": f.message],
                "partialFingerprints": ["cuiscopeFinding/v1": print],
                "properties": ["severity": f.severity.rawValue, "review": f.review, "assets": f.assets,
                               "evidence": f.evidence.map { e in
                                   [e.locationText.map { "\($0): " } ?? "", e.text].joined()
                               }],
            ]
            let loc = f.primaryLocation ?? f.evidence.first(where: { $0.file != nil }).map {
                SourceLocation(file: $0.file ?? "", line: $0.line ?? 1)
            }
            if let loc {
                r["locations"] = [[
                    "physicalLocation": [
                        "artifactLocation": ["uri": uri(loc.file)],
                        "region": ["startLine": max(loc.line, 1)],
                    ],
                ]]
            }
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
                    "name": ToolInfo.name, "version": ToolInfo.version, "informationUri": ToolInfo.informationURI,
                    "rules": rules,
                ]],
                "results": results,
                "columnKind": "unicodeCodePoints",
            ]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// GitHub code scanning orders alerts by this 0–10 score.
    static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return "0.0"
        }
    }

    static func uri(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}
