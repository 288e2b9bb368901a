/// A rule that decides nothing of its own: shadowed (earlier rules cover its whole match space
/// and some of them act differently, so its intent is overridden) or redundant (removing it
/// changes no decision: earlier rules with the same action cover it, or what it decides would
/// be decided the same way by later rules or the default).
public struct RuleCoverage: Sendable, Hashable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case shadowed, redundant
    }
    public var status: Status
    public var enforcementPoint: String
    public var rule: String
    public var uuid: String?
    public var action: RuleAction
    public var location: SourceLocation
    /// The rules (or default) that decide its traffic instead.
    public var by: [RuleRef]

    public init(status: Status, enforcementPoint: String, rule: String, uuid: String?, action: RuleAction,
                location: SourceLocation, by: [RuleRef]) {
        self.status = status
        self.enforcementPoint = enforcementPoint
        self.rule = rule
        self.uuid = uuid
        self.action = action
        self.location = location
        self.by = by
    }
}

/// Shadowing and redundancy on intervals: for each zone pair the rule applies to, its source
/// and destination sets are cut into the classes of the other rules that overlap it
/// (``RulePartition``), and first match runs per class pair on its service set. Exact for every
/// packet of the rule's match space; zones not named by any rule are stood for by two
/// placeholder zones (so `any` is not mistaken for the named zones).
enum RuleCoverageAnalysis {
    static let placeholders = ["\u{0}other-a", "\u{0}other-b"]

    /// The coverage status of rule `k` of `ep`, or nil when it decides some traffic of its own.
    static func status(of k: Int, in ep: EnforcementPoint) -> RuleCoverage? {
        let r = ep.rules[k]
        if r.disabled || r.source.addresses.isEmpty || r.destination.addresses.isEmpty || r.services.isEmpty {
            return nil
        }
        let relevant = ep.rules.indices.filter { i in
            let o = ep.rules[i]
            return i != k && !o.disabled && o.source.addresses.intersects(r.source.addresses)
                && o.destination.addresses.intersects(r.destination.addresses) && o.services.intersects(r.services)
        }
        let universe = ep.zoneNames.sorted() + placeholders
        struct Signature: Hashable {
            var rules: [Int]
            var defaultAction: RuleAction
        }
        // Zone membership as flags per universe position, so the pair loop does no string hashing.
        let fromOK = relevant.map { i in universe.map { ep.rules[i].from.matches($0) } }
        let toOK = relevant.map { i in universe.map { ep.rules[i].to.matches($0) } }
        let types = relevant.map { ep.rules[$0].ruleType }
        var signatures: [Signature: String] = [:]
        for (fi, f) in universe.enumerated() {
            for (ti, t) in universe.enumerated() where r.appliesTo(fromZone: f, toZone: t) {
                var applicable: [Int] = []
                for (n, i) in relevant.enumerated() where fromOK[n][fi] && toOK[n][ti] {
                    if types[n] == .intrazone && fi != ti { continue }
                    if types[n] == .interzone && fi == ti { continue }
                    applicable.append(i)
                }
                let sig = Signature(rules: applicable, defaultAction: ep.defaultAction(fromZone: f, toZone: t).action)
                if signatures[sig] == nil { signatures[sig] = "\(f)\u{1}\(t)" }
            }
        }
        if signatures.isEmpty { return nil }

        var fullyCovered = true
        var conflicting = false
        var sameLater = true
        // Deciders seen, as rule indices (a rule's ref does not depend on the zone pair) and, for
        // the default, the zone pairs it decided on; turned into refs once at the end.
        var earlierRules = Set<Int>()
        var laterRules = Set<Int>()
        var laterDefaults = Set<Int>()
        let ordered = signatures.sorted(by: { $0.value < $1.value })
        var pairZones: [[String]] = []
        var hits: [Int] = []
        for (pairIndex, (sig, pair)) in ordered.enumerated() {
            let zones = pair.split(separator: "\u{1}").map(String.init)
            pairZones.append(zones)
            let list = sig.rules
            let src = RulePartition(sets: list.map { ep.rules[$0].source.addresses },
                                    queries: representatives(of: r.source.addresses, cutBy: list.map { ep.rules[$0].source.addresses }))
            let dst = RulePartition(sets: list.map { ep.rules[$0].destination.addresses },
                                    queries: representatives(of: r.destination.addresses, cutBy: list.map { ep.rules[$0].destination.addresses }))
            for s in 0..<src.classCount {
                let sourceBits = src.bits[s]
                for d in 0..<dst.classCount {
                    let destinationBits = dst.bits[d]
                    // Rules holding both classes, ascending (= evaluation order; `list` ascends).
                    hits.removeAll(keepingCapacity: true)
                    for w in 0..<sourceBits.count {
                        var word = sourceBits[w] & destinationBits[w]
                        while word != 0 {
                            hits.append(w << 6 | word.trailingZeroBitCount)
                            word &= word &- 1
                        }
                    }
                    // Earlier rules take their part first; what is left is what rule k decides.
                    var own = r.services
                    var n = 0
                    while n < hits.count, list[hits[n]] < k {
                        let i = list[hits[n]]
                        n += 1
                        // own − (own ∩ s) = own − s: no intersection is built.
                        if !own.intersects(ep.rules[i].services) { continue }
                        earlierRules.insert(i)
                        if ep.rules[i].action != r.action { conflicting = true }
                        own = own.subtracting(ep.rules[i].services)
                        if own.isEmpty { break }
                    }
                    if own.isEmpty { continue }
                    fullyCovered = false
                    // Without rule k, later rules and then the default would decide `own`.
                    var rest = own
                    while n < hits.count, list[hits[n]] < k { n += 1 }
                    while n < hits.count && !rest.isEmpty {
                        let i = list[hits[n]]
                        n += 1
                        if !rest.intersects(ep.rules[i].services) { continue }
                        laterRules.insert(i)
                        if ep.rules[i].action != r.action { sameLater = false }
                        rest = rest.subtracting(ep.rules[i].services)
                    }
                    if !rest.isEmpty {
                        if sig.defaultAction != r.action { sameLater = false }
                        laterDefaults.insert(pairIndex)
                    }
                    // Neither covered nor redundant: the rule decides traffic of its own.
                    if !sameLater { return nil }
                }
            }
        }
        let earlierBy = Set(earlierRules.map { ep.ref(rule: $0, fromZone: "", toZone: "", action: ep.rules[$0].action) })
        var laterBy = Set(laterRules.map { ep.ref(rule: $0, fromZone: "", toZone: "", action: ep.rules[$0].action) })
        for p in laterDefaults {
            let zones = pairZones[p]
            laterBy.insert(ep.ref(rule: nil, fromZone: zones[0], toZone: zones[1], action: ordered[p].key.defaultAction))
        }
        let status: RuleCoverage.Status
        let by: [RuleRef]
        if fullyCovered {
            status = conflicting ? .shadowed : .redundant
            by = earlierBy.sorted()
        } else if sameLater {
            status = .redundant
            by = laterBy.sorted()
        } else {
            return nil
        }
        return RuleCoverage(status: status, enforcementPoint: ep.name, rule: r.name, uuid: r.uuid, action: r.action,
                            location: r.location, by: by)
    }

    /// One address per elementary interval of `set` cut at the boundaries of `cuts`, ascending.
    static func representatives(of set: AddressSet, cutBy cuts: [AddressSet]) -> [UInt128] {
        var points: [UInt128] = []
        for c in cuts {
            for iv in c.intersection(set).intervals {
                points.append(iv.lower)
                if iv.upper < .max { points.append(iv.upper + 1) }
            }
        }
        for iv in set.intervals { points.append(iv.lower) }
        return Array(Set(points.filter { set.contains($0) })).sorted()
    }
}
