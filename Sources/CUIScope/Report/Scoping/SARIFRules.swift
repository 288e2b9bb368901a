/// The `rules` of cuiscope's SARIF runs: one `reportingDescriptor` per entry of the finding
/// catalogue, in catalogue order, whether or not the run raised it — GitHub expects the rules of
/// one tool to stay the same between analyses and only the results to change.
///
/// What GitHub code scanning shows of a rule (GitHub Docs, "SARIF support for code scanning",
/// reportingDescriptor object): `name` to filter by (at most 255 characters), `shortDescription`
/// and `fullDescription` (required, at most 1024 characters), `help` (required), `helpUri`, the
/// `tags` to filter by (at most 20 per rule) and `security-severity`, a number in 0.1–10.0.
enum SARIFRules {
    /// The rules of a run: the catalogue, then any id a finding carries that the catalogue lacks.
    static func descriptors(for findings: [Finding]) -> (rules: [[String: Any]], index: [String: Int]) {
        var kinds: [(id: String, kind: FindingKind?, title: String)] = FindingCatalog.all.map {
            ($0.id.rawValue, $0, $0.title)
        }
        let known = Set(kinds.map(\.id))
        for f in findings where !known.contains(f.id) && !kinds.contains(where: { $0.id == f.id }) {
            kinds.append((f.id, nil, f.title))
        }
        var index: [String: Int] = [:]
        for (i, k) in kinds.enumerated() { index[k.id] = i }
        let rules = kinds.map { k in
            descriptor(id: k.id, title: k.title, kind: k.kind, fallback: findings.first { $0.id == k.id })
        }
        return (rules, index)
    }

    static func descriptor(id: String, title: String, kind: FindingKind?, fallback: Finding?) -> [String: Any] {
        let severity = kind?.severity ?? fallback?.severity ?? .medium
        let review = kind?.review ?? fallback?.review ?? false
        let basis = cleanBasis(kind?.basis ?? fallback?.basis ?? "")
        let remediation = kind?.remediation ?? fallback?.remediation ?? ""
        let url = helpURI(id)
        var text = sentence(title) + "\n\nRemediation: " + sentence(remediation)
        if !basis.isEmpty { text += "\nBasis: " + sentence(basis) }
        text += "\nDocumentation: \(url)"
        var markdown = "**\(markdownText(title))**\n\n**Remediation:** \(markdownText(sentence(remediation)))"
        if !basis.isEmpty { markdown += "\n\n**Basis:** \(markdownText(sentence(basis)))" }
        markdown += "\n\n[\(id) in the finding catalogue](\(url))"
        var full = sentence(title) + " Severity \(severity.rawValue)\(review ? ", an assessor decides" : "")."
        if !basis.isEmpty { full += " Basis: " + sentence(basis) }
        var properties: [String: Any] = [
            "tags": ["security", "cmmc", "scoping"] + (review ? ["review"] : []),
            "precision": review ? "medium" : "high",
        ]
        if let score = SARIFRenderer.securitySeverity(severity) { properties["security-severity"] = score }
        return [
            "id": id,
            "name": pascalCase(title),
            "shortDescription": ["text": truncated(title, to: 1024)],
            "fullDescription": ["text": truncated(full, to: 1024)],
            "help": ["text": text, "markdown": markdown],
            "helpUri": url,
            "defaultConfiguration": ["level": SARIFRenderer.level(severity)],
            "properties": properties,
        ]
    }

    /// The finding's entry in the catalogue of docs/SCOPING.md (one `### ID` heading per id).
    static func helpURI(_ id: String) -> String {
        ToolInfo.documentURL("docs/SCOPING.md", anchor: id.lowercased())
    }

    /// "Enterprise asset pulled into scope" → "EnterpriseAssetPulledIntoScope"; acronyms keep
    /// their capitals (`CUIInACloudService…`), at most 255 characters.
    static func pascalCase(_ title: String) -> String {
        let words = title.split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return String(words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined().prefix(255))
    }

    /// The text with exactly one final period (titles and catalogue texts may or may not end with one).
    static func sentence(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        while t.hasSuffix(".") { t.removeLast() }
        return t.isEmpty ? "" : t + "."
    }

    /// The rule basis without pointers to section numbers of a document (which GitHub users cannot
    /// follow): parts that are only such a pointer are dropped, and parenthesised ones removed.
    static func cleanBasis(_ basis: String) -> String {
        let pointer = /\s*\((?:docs\/)?SCOPING\.md[^)]*\)/
        let parts = basis.replacing(pointer, with: "").components(separatedBy: "; ")
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.contains("SCOPING.md") }
            .joined(separator: "; ")
    }

    /// Escapes the characters GitHub's Markdown would read as markup or mentions.
    static func markdownText(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>#@|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func truncated(_ s: String, to limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }
}

import Foundation
