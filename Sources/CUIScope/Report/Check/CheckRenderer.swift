/// Output formats of `check`: text|json|sarif|junit (docs/ARCHITECTURE.md, Command-line contract).
public enum CheckFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit
}

/// Dispatches `check --format` to its renderer; renderers only read the result.
public enum CheckRenderer {
    public static func render(_ r: CheckResult, format: CheckFormat) -> String {
        switch format {
        case .text: return CheckTextRenderer.render(r)
        case .json: return CheckJSONRenderer.render(r)
        case .sarif: return sarif(r)
        case .junit: return junit(r)
        }
    }

    /// SARIF 2.1.0: one result per new finding (waived ones as suppressed results, not deleted),
    /// with line-independent fingerprints so code-scanning UIs track a finding across pushes.
    /// Findings carried over from the baseline are not results: they are not this change's.
    static func sarif(_ r: CheckResult) -> String {
        let new = r.findings.filter { $0.status == .new }
        var suppressions: [String: String] = [:]
        for c in new {
            guard let w = c.waiver else { continue }
            suppressions[c.fingerprint] = "\(w.justification) (owner \(w.owner), ticket \(w.ticket), expires \(w.expires); \(w.location.file):\(w.location.line))"
        }
        // Evidence is capped per result so a run stays far below GitHub's 10 MB (gzipped) upload limit.
        let findings = new.map { c -> Finding in
            var f = c.finding
            if f.evidence.count > 25 { f.evidence = Array(f.evidence.prefix(25)) }
            return f
        }
        return SARIFRenderer.render(findings: findings, suppressions: suppressions, fingerprints: new.map(\.fingerprint),
                                    assetLocations: r.proposed.assetLocations, fallback: r.proposed.fallbackLocation)
    }

    /// JUnit: one testcase per check of the catalogue; a check fails when it raised a failing
    /// finding (new, not waived, at or above --fail-on). Waived and carried-over findings are not failures.
    static func junit(_ r: CheckResult) -> String {
        var extra: [(name: String, failure: String?)] = []
        let expired = r.waivers.filter { $0.expired && !$0.matched.isEmpty }
        extra.append(("waivers not expired", expired.isEmpty ? nil : expired.map {
            "\($0.waiver.location.file):\($0.waiver.location.line): waiver \($0.waiver.findingID) '\($0.waiver.subject)' expired \($0.waiver.expires)"
        }.joined(separator: "\n")))
        let new = r.findings.filter { $0.status == .new }.map { ($0.finding, $0.failing) }
        return JUnitRenderer.render(suite: "cuiscope check (fail on \(r.failOn.rawValue))", findings: new, extraCases: extra)
    }
}
