/// Which findings of the proposed analysis are new, which carry over from the baseline, and
/// which the change resolves.
///
/// Findings are matched on a key that survives the export being re-saved: the finding id and
/// its assets; for findings about a rule and no asset (SCOPE-RULE-05, INPUT-20) the rule's
/// identity (device and uuid, else name) instead of its file and line, which differ between
/// the baseline and the proposed file. Keys are counted, so two equal findings match two.
enum FindingDiff {
    /// file:line → rule identity, for every rule and enforcement point of the given rule sets.
    static func ruleIdentities(_ ruleSets: [[EnforcementPoint]]) -> [String: String] {
        var out: [String: String] = [:]
        for eps in ruleSets {
            for ep in eps {
                out["\(ep.location.file):\(ep.location.line)"] = "\(ep.name)/default"
                for r in ep.rules + ep.egressRules {
                    out["\(r.location.file):\(r.location.line)"] = "\(ep.name)/\(r.uuid ?? r.name)"
                }
            }
        }
        return out
    }

    static func key(_ f: Finding, identities: [String: String]) -> String {
        var parts = [f.id] + f.assets.sorted()
        if f.assets.isEmpty {
            let loc = f.primaryLocation.map { "\($0.file):\($0.line)" } ?? ""
            parts.append(identities[loc] ?? loc)
        }
        return parts.joined(separator: "|")
    }

    /// - Returns: for each proposed finding whether it is new; and the baseline findings resolved.
    static func compare(baseline: [Finding], proposed: [Finding], identities: [String: String])
        -> (isNew: [Bool], resolved: [Finding])
    {
        var remaining: [String: Int] = [:]
        for f in baseline { remaining[key(f, identities: identities), default: 0] += 1 }
        var isNew: [Bool] = []
        for f in proposed {
            let k = key(f, identities: identities)
            if let n = remaining[k], n > 0 {
                remaining[k] = n - 1
                isNew.append(false)
            } else {
                isNew.append(true)
            }
        }
        var resolved: [Finding] = []
        for f in baseline {
            let k = key(f, identities: identities)
            if let n = remaining[k], n > 0 {
                remaining[k] = n - 1
                resolved.append(f)
            }
        }
        return (isNew, resolved)
    }

    /// Stable fingerprints (16 hex digits) of the keys; repeats get `#2`, `#3`… before hashing.
    static func fingerprints(_ findings: [Finding], identities: [String: String]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { f in
            let k = key(f, identities: identities)
            let n = (seen[k] ?? 0) + 1
            seen[k] = n
            return StableHash.hex(n == 1 ? k : "\(k)#\(n)")
        }
    }
}
