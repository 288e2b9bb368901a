/// INPUT-22 and DOC-15 for an asset step 8 put out of scope, and ENC-08 for an out-of-scope
/// justification that argues from encryption (docs/SCOPING.md, Separation; docs/DECISIONS.md 6, 7).
enum SeparationFindings {
    static func findings(_ x: AssetContext, _ c: Classification, rules: LevelRules) -> [Finding] {
        let a = x.asset
        var out: [Finding] = []
        // Cloud services are judged by the external-service rules, not by placement.
        if let separation = c.separation, !a.isCloudService {
            if separation.unplaced {
                out.append(FindingCatalog.unplacedAsset.make(
                    assets: [a.id], message: "\(a.id) has no address in a known zone\(a.addresses.isEmpty ? " (the inventory row has no address)" : ""); its separation from CUI assets could not be evaluated.",
                    evidence: [x.row]))
            }
            if separation.notEvaluated && rules.hasSeparationTest {
                out.append(FindingCatalog.separationNotEvaluated.make(
                    assets: [a.id], message: "\(a.id) is not shown to reach a CUI asset, but no firewall rules were loaded: its separation from CUI assets was not evaluated. Loading the rules of the enforcement points (--rules) decides it.",
                    evidence: [x.row]))
            }
            let justified = !(a.justification ?? "").isEmpty
            let evidenced = !separation.unplaced && separation.evidence.contains { $0.kind != .inventory }
            if rules.raisesDocumentationFindings && !justified && !evidenced {
                out.append(FindingCatalog.outOfScopeUnjustified.make(
                    assets: [a.id], message: "\(a.id) is out of scope, but there is no separation evidence (deny rule, denied flow, no route) and no written justification.",
                    evidence: [x.row]))
            }
        }
        if let j = a.justification, reliesOnEncryption(j), a.declared == .outOfScope {
            // Transit gear (network kind) may stay out with FIPS-only tunnels: a review there.
            out.append(FindingCatalog.encryptionAsSeparation.make(
                assets: [a.id], message: "The out-of-scope justification of \(a.id) relies on encryption; encrypted CUI keeps its designation and encryption is not logical separation.",
                evidence: [Evidence(kind: .inventory, text: "justification: \(j)", location: a.location)],
                review: a.kind == .network))
        }
        return out
    }

    /// Whether a justification argues from encryption ("CUI is encrypted with BitLocker"), not
    /// merely mentions its absence ("unencrypted", "not encrypted", "no encryption").
    static func reliesOnEncryption(_ text: String) -> Bool {
        let t = text.lowercased()
        guard t.contains("encrypt") else { return false }
        let negated = ["unencrypt", "not encrypt", "no encrypt", "without encrypt", "non-encrypt", "never encrypt"]
        var stripped = t
        for n in negated { stripped = stripped.replacingOccurrences(of: n, with: "") }
        return stripped.contains("encrypt")
    }
}
