/// How one rule differs between the baseline and the proposed export.
public struct RuleChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case added, removed, modified, reordered
        /// An enforcement point's default action changed.
        case defaultChanged = "default-changed"
    }
    public var kind: Kind
    public var enforcementPoint: String
    public var rule: String
    public var uuid: String?
    /// Where the rule is in the baseline / proposed export.
    public var baseline: SourceLocation?
    public var proposed: SourceLocation?
    /// Position in the rule list (1-based) before and after.
    public var baselinePosition: Int?
    public var proposedPosition: Int?
    /// What changed (fields of a modified rule, or the default).
    public var details: [String]

    public init(kind: Kind, enforcementPoint: String, rule: String, uuid: String? = nil,
                baseline: SourceLocation? = nil, proposed: SourceLocation? = nil, baselinePosition: Int? = nil,
                proposedPosition: Int? = nil, details: [String] = []) {
        self.kind = kind
        self.enforcementPoint = enforcementPoint
        self.rule = rule
        self.uuid = uuid
        self.baseline = baseline
        self.proposed = proposed
        self.baselinePosition = baselinePosition
        self.proposedPosition = proposedPosition
        self.details = details
    }
}

/// Rule-list diff per enforcement point (matched by name): rules matched by vendor uuid, then
/// by name; the matched rules that left the longest common order are the reordered ones, so a
/// rule moved up is reported once, not every rule it jumped over.
enum RuleDiff {
    /// Baseline index → proposed index of matched rules, per enforcement point name.
    struct Matching {
        var pairs: [(baseline: Int, proposed: Int)]
    }

    static func match(_ old: [Rule], _ new: [Rule]) -> Matching {
        var usedNew = Set<Int>()
        var usedOld = Set<Int>()
        var pairs: [(Int, Int)] = []
        var byUUID: [String: Int] = [:]
        for (i, r) in new.enumerated() { if let u = r.uuid, byUUID[u] == nil { byUUID[u] = i } }
        for (i, r) in old.enumerated() {
            if let u = r.uuid, let j = byUUID[u], !usedNew.contains(j) {
                pairs.append((i, j))
                usedNew.insert(j)
                usedOld.insert(i)
            }
        }
        var byName: [String: [Int]] = [:]
        for (i, r) in new.enumerated() where !usedNew.contains(i) { byName[r.name, default: []].append(i) }
        for (i, r) in old.enumerated() where !usedOld.contains(i) {
            if var list = byName[r.name], !list.isEmpty {
                let j = list.removeFirst()
                byName[r.name] = list
                pairs.append((i, j))
                usedNew.insert(j)
            }
        }
        return Matching(pairs: pairs.sorted { $0.1 < $1.1 })
    }

    static func changes(baseline: [EnforcementPoint], proposed: [EnforcementPoint]) -> [RuleChange] {
        var out: [RuleChange] = []
        let oldByName = Dictionary(baseline.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newByName = Dictionary(proposed.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in Set(oldByName.keys).union(newByName.keys).sorted() {
            let old = oldByName[name]?.rules ?? []
            let new = newByName[name]?.rules ?? []
            let m = match(old, new)
            let matchedOld = Set(m.pairs.map(\.baseline))
            let matchedNew = Set(m.pairs.map(\.proposed))
            for (i, r) in old.enumerated() where !matchedOld.contains(i) {
                out.append(RuleChange(kind: .removed, enforcementPoint: name, rule: r.name, uuid: r.uuid,
                                      baseline: r.location, baselinePosition: i + 1))
            }
            for (j, r) in new.enumerated() where !matchedNew.contains(j) {
                out.append(RuleChange(kind: .added, enforcementPoint: name, rule: r.name, uuid: r.uuid,
                                      proposed: r.location, proposedPosition: j + 1))
            }
            let keep = Set(longestIncreasing(m.pairs.map(\.baseline)))
            for (b, p) in m.pairs {
                let details = differences(old[b], new[p])
                if !details.isEmpty {
                    out.append(RuleChange(kind: .modified, enforcementPoint: name, rule: new[p].name,
                                          uuid: new[p].uuid, baseline: old[b].location, proposed: new[p].location,
                                          baselinePosition: b + 1, proposedPosition: p + 1, details: details))
                }
                if !keep.contains(b) {
                    out.append(RuleChange(kind: .reordered, enforcementPoint: name, rule: new[p].name,
                                          uuid: new[p].uuid, baseline: old[b].location, proposed: new[p].location,
                                          baselinePosition: b + 1, proposedPosition: p + 1,
                                          details: ["moved from position \(b + 1) to \(p + 1)"]))
                }
            }
            if let o = oldByName[name], let n = newByName[name] {
                var d: [String] = []
                if o.interzoneDefault != n.interzoneDefault {
                    d.append("interzone default \(o.interzoneDefault.rawValue) → \(n.interzoneDefault.rawValue)")
                }
                if o.intrazoneDefault != n.intrazoneDefault {
                    d.append("intrazone default \(o.intrazoneDefault.rawValue) → \(n.intrazoneDefault.rawValue)")
                }
                if !d.isEmpty {
                    out.append(RuleChange(kind: .defaultChanged, enforcementPoint: name, rule: "default",
                                          baseline: o.location, proposed: n.location, details: d))
                }
            }
        }
        return out.sorted {
            ($0.enforcementPoint, $0.proposedPosition ?? $0.baselinePosition ?? 0, $0.kind.rawValue, $0.rule)
                < ($1.enforcementPoint, $1.proposedPosition ?? $1.baselinePosition ?? 0, $1.kind.rawValue, $1.rule)
        }
    }

    /// What differs in the match or action of two versions of a rule (names of fields, with values).
    static func differences(_ a: Rule, _ b: Rule) -> [String] {
        var d: [String] = []
        if a.name != b.name { d.append("name '\(a.name)' → '\(b.name)'") }
        if a.action != b.action { d.append("action \(a.action.rawValue) → \(b.action.rawValue)") }
        if a.disabled != b.disabled { d.append(b.disabled ? "disabled" : "enabled") }
        if a.from != b.from { d.append("from \(a.from.names.joined(separator: ",")) → \(b.from.names.joined(separator: ","))") }
        if a.to != b.to { d.append("to \(a.to.names.joined(separator: ",")) → \(b.to.names.joined(separator: ","))") }
        if a.source.addresses != b.source.addresses || a.source.unresolved != b.source.unresolved {
            d.append("source \(a.source.addresses.summary) → \(b.source.addresses.summary)")
        }
        if a.destination.addresses != b.destination.addresses || a.destination.unresolved != b.destination.unresolved {
            d.append("destination \(a.destination.addresses.summary) → \(b.destination.addresses.summary)")
        }
        if a.services != b.services { d.append("services \(a.services.summary) → \(b.services.summary)") }
        if a.ruleType != b.ruleType { d.append("rule type \(a.ruleType.rawValue) → \(b.ruleType.rawValue)") }
        if a.applications != b.applications { d.append("applications changed") }
        return d
    }

    /// Indices (values) of one longest strictly increasing subsequence, O(n log n).
    static func longestIncreasing(_ values: [Int]) -> [Int] {
        var tails: [Int] = []  // index into values of the smallest tail of each length
        var parent = [Int](repeating: -1, count: values.count)
        for (i, v) in values.enumerated() {
            var lo = 0
            var hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[tails[mid]] < v { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { parent[i] = tails[lo - 1] }
            if lo == tails.count { tails.append(i) } else { tails[lo] = i }
        }
        var out: [Int] = []
        var k = tails.last ?? -1
        while k >= 0 {
            out.append(values[k])
            k = parent[k]
        }
        return out.reversed()
    }
}
