/// Whether a waiver covers a finding: same finding id, and the subject names one of the
/// finding's assets, a rule in its evidence (name, `device/name` or uuid), a path in its
/// evidence (`FROM->TO`), or its fingerprint. `asset:`, `rule:`, `path:` and `fingerprint:`
/// prefixes restrict the match to that kind.
enum WaiverMatcher {
    static func matches(_ w: Waiver, _ f: Finding, fingerprint: String) -> Bool {
        guard w.findingID == f.id else { return false }
        var kind: String?
        var subject = w.subject
        for prefix in ["asset", "rule", "path", "fingerprint"] where subject.hasPrefix(prefix + ":") {
            kind = prefix
            subject = String(subject.dropFirst(prefix.count + 1)).trimmingCharacters(in: .whitespaces)
        }
        func allowed(_ k: String) -> Bool { kind == nil || kind == k }
        if allowed("fingerprint") && subject.lowercased() == fingerprint { return true }
        if allowed("asset") && f.assets.contains(subject) { return true }
        if allowed("rule") {
            for e in f.evidence where e.kind == .rule || e.kind == .defaultRule {
                guard let r = e.rule else { continue }
                if r == subject || "\(e.enforcementPoint ?? "")/\(r)" == subject { return true }
            }
        }
        if allowed("path") {
            let normal = subject.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "→", with: "->")
            if f.evidence.contains(where: { $0.kind == .path && $0.text == normal }) { return true }
        }
        return false
    }
}
