/// `check --format text`: the verdict first, then what fails, what changed (paths, categories,
/// rules), the waived items counted separately, and what the change resolves.
public enum CheckTextRenderer {
    static let listLimit = 10

    public static func render(_ r: CheckResult) -> String {
        verdict(r) + findings(r) + paths(r) + changes(r) + waivers(r) + resolved(r)
    }

    /// The header and the PASS/FAIL line with the counts.
    static func verdict(_ r: CheckResult) -> String {
        var out = ""
        let newCount = r.findings.filter { $0.status == .new }.count
        let existing = r.findings.filter { $0.status == .existing }.count
        out += "cuiscope \(ToolInfo.version) — change check (fail on \(r.failOn.rawValue), waivers judged on \(r.today))\n\n"
        out += r.failed ? "FAIL: \(r.failing.count) new finding\(r.failing.count == 1 ? "" : "s") at or above \(r.failOn.rawValue)\n"
            : "PASS: no new finding at or above \(r.failOn.rawValue)\n"
        out += "  \(newCount) new, \(existing) carried over from the baseline (not failing), \(r.resolved.count) resolved; \(r.waived.count) waived (listed separately)\n"
        return out
    }

    /// New findings: those that fail, then those below the threshold.
    static func findings(_ r: CheckResult) -> String {
        var out = ""
        if !r.failing.isEmpty {
            out += "\nFailing\n"
            for c in r.failing { out += finding(c) }
        }
        let otherNew = r.findings.filter { $0.status == .new && !$0.failing && $0.waiver == nil }
        if !otherNew.isEmpty {
            out += "\nNew, below the threshold\n"
            for c in otherNew { out += finding(c) }
        }
        return out
    }

    /// Paths opened and closed, with the rules that decide them.
    static func paths(_ r: CheckResult) -> String {
        var out = "\nPaths\n"
        if r.paths.isEmpty { out += "  no path opened or closed\n" }
        for p in r.paths {
            if !p.opened.isEmpty {
                out += "  + \(p.pathText) opened \(p.opened.exceptSummary)\n"
                out += assetLine(p)
                if let c = p.cause { out += "      permitted by \(c.text)\n" }
            }
            if !p.closed.isEmpty {
                out += "  - \(p.pathText) closed \(p.closed.exceptSummary)\n"
                out += assetLine(p)
                if let b = p.blockedBy.first { out += "      now stopped by \(b.text)\n" }
                if let f = p.formerlyPermittedBy.first { out += "      formerly permitted by \(f.text)\n" }
            }
        }
        return out
    }

    /// Category changes with the paths behind them, rule changes, and rules that became
    /// shadowed or redundant.
    static func changes(_ r: CheckResult) -> String {
        var out = ""
        if !r.categoryChanges.isEmpty {
            out += "\nCategory changes\n"
            for c in r.categoryChanges {
                out += "  \(c.asset): \(c.from.rawValue) → \(c.to.rawValue)\n"
                if let reason = c.reasons.first { out += "      \(reason.text)\n" }
                for i in c.paths.prefix(3) {
                    let p = r.paths[i]
                    out += "      path: \(p.pathText) \(p.opened.isEmpty ? "closed \(p.closed.exceptSummary)" : "opened \(p.opened.exceptSummary)")"
                    out += p.cause.map { " by \($0.text)" } ?? ""
                    out += "\n"
                }
            }
        }
        if !r.ruleChanges.isEmpty {
            out += "\nRule changes\n"
            for c in r.ruleChanges {
                let at = c.proposed ?? c.baseline
                out += "  \(c.kind.rawValue) \(c.enforcementPoint) '\(c.rule)'"
                out += at.map { " (\($0.file):\($0.line))" } ?? ""
                out += c.details.isEmpty ? "\n" : ": " + c.details.joined(separator: "; ") + "\n"
            }
        }
        if !r.coverage.isEmpty {
            out += "\nRules that became shadowed or redundant\n"
            for c in r.coverage {
                out += "  \(c.status.rawValue): \(c.enforcementPoint) '\(c.rule)' (\(c.location.file):\(c.location.line)) — by \(CheckTextRenderer.names(c.by.map(\.text)))\n"
            }
        }
        return out
    }

    /// Waived findings with their waivers, and waivers that match no finding.
    static func waivers(_ r: CheckResult) -> String {
        var out = ""
        if !r.waived.isEmpty {
            out += "\nWaived (\(r.waived.count), not failing)\n"
            for c in r.waived {
                guard let w = c.waiver else { continue }
                out += "  [\(c.finding.severity.rawValue)] \(c.finding.id) \(c.fingerprint): \(c.finding.message)\n"
                out += "      waiver \(w.location.file):\(w.location.line): \(w.justification) (owner \(w.owner), ticket \(w.ticket), expires \(w.expires))\n"
            }
        }
        let unused = r.waivers.filter { $0.matched.isEmpty }
        if !unused.isEmpty {
            out += "\nWaivers matching no finding\n"
            for u in unused {
                out += "  \(u.waiver.location.file):\(u.waiver.location.line): \(u.waiver.findingID) '\(u.waiver.subject)'\(u.expired ? " (expired \(u.waiver.expires))" : "")\n"
            }
        }
        return out
    }

    /// What the change resolves, and how many baseline findings it carries over.
    static func resolved(_ r: CheckResult) -> String {
        var out = ""
        if !r.resolved.isEmpty {
            out += "\nResolved by the change\n"
            for c in r.resolved { out += "  [\(c.finding.severity.rawValue)] \(c.finding.id): \(c.finding.message)\n" }
        }
        let existing = r.findings.filter { $0.status == .existing }.count
        if existing > 0 {
            out += "\nCarried over from the baseline: \(existing) finding\(existing == 1 ? "" : "s") (see `cuiscope analyze`)\n"
        }
        return out
    }

    static func finding(_ c: CheckedFinding) -> String {
        let f = c.finding
        var out = "  [\(f.severity.rawValue)] \(f.id) \(f.title) (\(c.fingerprint))\n"
        if let loc = f.primaryLocation { out += "      at \(loc.file):\(loc.line)\n" }
        out += "      \(f.message)\n"
        return out
    }

    static func assetLine(_ p: PathChange) -> String {
        if p.sourceAssets.isEmpty && p.destinationAssets.isEmpty { return "" }
        return "      assets: \(names(p.sourceAssets)) → \(names(p.destinationAssets))\n"
    }

    static func names(_ ids: [String]) -> String {
        if ids.isEmpty { return "(no inventoried asset)" }
        return ids.count <= listLimit ? ids.joined(separator: ", ")
            : ids.prefix(listLimit).joined(separator: ", ") + " and \(ids.count - listLimit) more"
    }
}
