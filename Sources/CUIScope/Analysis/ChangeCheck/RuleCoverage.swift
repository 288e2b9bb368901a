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
        // Fields read in place: binding `ep.rules[i]` to a constant copied every rule.
        let relevant = ep.rules.indices.filter { i in
            i != k && !ep.rules[i].disabled && ep.rules[i].source.addresses.intersects(r.source.addresses)
                && ep.rules[i].destination.addresses.intersects(r.destination.addresses)
                && ep.rules[i].services.intersects(r.services)
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
    /// to, each with one zone pair (`from\u{1}to`) that has it, ordered by that pair.
    ///
    /// Zones that every rule involved names alike (in `from`, and separately in `to`) give the
    /// same applicable list, so one representative pair per (from class, to class) stands for
    /// all: off the diagonal and on it (intrazone and interzone rules tell those apart). The
    /// verdict does not depend on which pair represents a signature, only on whether it is
    /// intrazone. With hundreds of zones this visits class pairs, not zone pairs.
    static func signatures(of r: Rule, relevant: [Int], in ep: EnforcementPoint)
        -> [(signature: Signature, pair: String)]
    {
        let universe = ep.zoneNames.sorted() + placeholders
        let involved = [r] + relevant.map { ep.rules[$0] }
        let fromClass = zoneClasses(universe, involved.map(\.from))
        let toClass = zoneClasses(universe, involved.map(\.to))
        // Per zone class, the relevant rules whose condition holds there, as bitsets: a class
        // pair's applicable rules are one AND of two bitsets, no zone name is hashed per pair.
        let types = involved.dropFirst().map(\.ruleType)
        let words = (relevant.count + 63) / 64
        let fromBits = classBits(fromClass.members, involved.dropFirst().map(\.from), universe: universe)
        let toBits = classBits(toClass.members, involved.dropFirst().map(\.to), universe: universe)
        var signatures: [Signature: String] = [:]
        func visit(_ fi: Int, _ ti: Int) {
            let (f, t) = (universe[fi], universe[ti])
            guard r.appliesTo(fromZone: f, toZone: t) else { return }
            let a = fromBits[Int(fromClass.of[fi])]
            let b = toBits[Int(toClass.of[ti])]
            var applicable: [Int] = []
            for w in 0..<words {
                var word = a[w] & b[w]
                while word != 0 {
                    let n = w << 6 | word.trailingZeroBitCount
                    word &= word &- 1
                    if types[n] == .intrazone && fi != ti { continue }
                    if types[n] == .interzone && fi == ti { continue }
                    applicable.append(relevant[n])
                }
            }
            let sig = Signature(rules: applicable, defaultAction: ep.defaultAction(fromZone: f, toZone: t).action)
            let pair = "\(f)\u{1}\(t)"
            if let known = signatures[sig], known <= pair { return }
            signatures[sig] = pair
        }
        // The diagonal: one zone per (from class, to class).
        var diagonal = Set<Int64>()
        for z in universe.indices where diagonal.insert(Int64(fromClass.of[z]) << 32 | Int64(toClass.of[z])).inserted {
            visit(z, z)
        }
        // Off the diagonal: one pair of different zones per (from class, to class).
        for f in fromClass.members {
            for t in toClass.members {
                if let x = f.first(where: { a in t.contains { $0 != a } }), let y = t.first(where: { $0 != x }) {
                    visit(x, y)
                }
            }
        }
        return signatures.sorted(by: { $0.value < $1.value }).map { ($0.key, $0.value) }
    }

    /// Per zone class, bit `n` set when `conditions[n]` holds in the class (its first zone stands for all).
    private static func classBits(_ classes: [[Int]], _ conditions: [ZoneMatch], universe: [String]) -> [[UInt64]] {
        classes.map { zones in
            var b = [UInt64](repeating: 0, count: (conditions.count + 63) / 64)
            for (n, c) in conditions.enumerated() where c.matches(universe[zones[0]]) { b[n >> 6] |= 1 << UInt64(n & 63) }
            return b
        }
    }

    /// Universe positions grouped by which of `conditions` name them (`any` names every zone alike).
    private static func zoneClasses(_ universe: [String], _ conditions: [ZoneMatch])
        -> (of: [Int32], members: [[Int]])
    {
        var named: [String: [Int32]] = [:]
        for (n, c) in conditions.enumerated() {
            if case .zones(let zones) = c { for z in zones { named[z, default: []].append(Int32(n)) } }
        }
        var index: [[Int32]: Int32] = [:]
        var of: [Int32] = []
        var members: [[Int]] = []
        for (z, name) in universe.enumerated() {
            let key = named[name] ?? []
            let c = index[key] ?? Int32(members.count)
            if c == members.count {
                index[key] = c
                members.append([])
            }
            of.append(c)
            members[Int(c)].append(z)
        }
        return (of, members)
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
