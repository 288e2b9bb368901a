/// A rule that decides nothing of its own: shadowed (earlier rules cover its whole match space
/// and some of them act differently, so its intent is overridden) or redundant (removing it
/// changes no decision: earlier rules with the same action cover it, or what it decides would
/// be decided the same way by later rules or the default).
public struct RuleCoverage: Sendable, Hashable {
    public enum Status: String, Sendable, Codable {
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

    /// The rules applicable to one group of zone pairs (those with the same list and default).
    struct Signature: Hashable {
        var rules: [Int]
        var defaultAction: RuleAction
    }

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
        let ordered = signatures(of: r, relevant: relevant, in: ep)
        if ordered.isEmpty { return nil }
        var tally = CoverageTally(rule: k, in: ep)
        for (pairIndex, (sig, _)) in ordered.enumerated() {
            let list = sig.rules
            let src = RulePartition(
                sets: list.map { ep.rules[$0].source.addresses },
                queries: representatives(of: r.source.addresses, cutBy: list.map { ep.rules[$0].source.addresses }))
            let dst = RulePartition(
                sets: list.map { ep.rules[$0].destination.addresses },
                queries: representatives(
                    of: r.destination.addresses, cutBy: list.map { ep.rules[$0].destination.addresses }))
            for s in 0..<src.classCount {
                for d in 0..<dst.classCount {
                    // Neither covered nor redundant: the rule decides traffic of its own.
                    if !tally.add(src.bits[s], dst.bits[d], list: list, signature: sig, pair: pairIndex) { return nil }
                }
            }
        }
        let pairZones = ordered.map { $0.pair.split(separator: "\u{1}").map(String.init) }
        return tally.coverage(pairZones: pairZones, defaults: ordered.map(\.signature.defaultAction))
    }

    /// The distinct (applicable rules, default) signatures over the zone pairs rule `r` applies
    /// to, each with its first zone pair (`from\u{1}to`), in zone-pair order.
    static func signatures(of r: Rule, relevant: [Int], in ep: EnforcementPoint)
        -> [(signature: Signature, pair: String)]
    {
        let universe = ep.zoneNames.sorted() + placeholders
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
        return signatures.sorted(by: { $0.value < $1.value }).map { ($0.key, $0.value) }
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
