/// What the class pairs of one rule's match space found so far: whether earlier rules cover
/// all of it (and whether any of them acts differently), whether what it decides would be
/// decided alike without it, and which rules (or defaults) decide instead.
struct CoverageTally {
    let k: Int
    let ep: EnforcementPoint
    private(set) var fullyCovered = true
    private(set) var conflicting = false
    private(set) var sameLater = true
    // Deciders seen, as rule indices (a rule's ref does not depend on the zone pair) and, for
    // the default, the zone pairs it decided on; turned into refs once at the end.
    private var earlierRules = Set<Int>()
    private var laterRules = Set<Int>()
    private var laterDefaults = Set<Int>()
    private var hits: [Int] = []

    init(rule k: Int, in ep: EnforcementPoint) {
        self.k = k
        self.ep = ep
    }

    /// First match for one (source class, destination class) pair of signature `sig` (zone pair
    /// `pair`); false as soon as rule `k` is known to decide traffic of its own.
    /// - Parameter list: the signature's rules; bit `p` of a class stands for `list[p]`.
    mutating func add(
        _ sourceBits: [UInt64], _ destinationBits: [UInt64], list: [Int], signature sig: RuleCoverageAnalysis.Signature,
        pair: Int
    ) -> Bool {
        let r = ep.rules[k]
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
        if own.isEmpty { return true }
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
            laterDefaults.insert(pair)
        }
        return sameLater
    }

    /// The verdict once every class pair was seen: shadowed, redundant, or nil (it decides traffic).
    /// - Parameters:
    ///   - pairZones: per signature, its first zone pair as [from, to].
    ///   - defaults: per signature, its default action.
    func coverage(pairZones: [[String]], defaults: [RuleAction]) -> RuleCoverage? {
        let r = ep.rules[k]
        let earlierBy = Set(earlierRules.map { ep.ref(rule: $0, fromZone: "", toZone: "", action: ep.rules[$0].action) })
        var laterBy = Set(laterRules.map { ep.ref(rule: $0, fromZone: "", toZone: "", action: ep.rules[$0].action) })
        for p in laterDefaults {
            let zones = pairZones[p]
            laterBy.insert(ep.ref(rule: nil, fromZone: zones[0], toZone: zones[1], action: defaults[p]))
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
        return RuleCoverage(
            status: status, enforcementPoint: ep.name, rule: r.name, uuid: r.uuid, action: r.action,
            location: r.location, by: by)
    }
}
