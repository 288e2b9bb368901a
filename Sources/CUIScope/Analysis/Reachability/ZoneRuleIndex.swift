/// The rules of one enforcement point by ingress zone, so that the rules applicable to a zone
/// pair are found without scanning the whole rule list.
///
/// A 20k-rule policy over ~400 zones is asked for thousands of zone pairs (every route of a bulk
/// run, every zone pair of the flows); a scan per pair costs rules × pairs. Here a pair costs
/// the rules that name its ingress zone plus the rules with `from any`, in document order.
struct ZoneRuleIndex: Sendable {
    /// Rule positions (enabled only) whose `from` names the zone, ascending.
    private let byFromZone: [String: [Int]]
    /// Rule positions (enabled only) with `from any`, ascending.
    private let fromAny: [Int]

    init(rules: [Rule]) {
        var named: [String: [Int]] = [:]
        var any: [Int] = []
        for (i, r) in rules.enumerated() where !r.disabled {
            switch r.from {
            case .any: any.append(i)
            case .zones(let zones): for z in zones { named[z, default: []].append(i) }
            }
        }
        byFromZone = named
        fromAny = any
    }

    /// Positions of the rules that apply to traffic from `fromZone` to `toZone`, in evaluation
    /// order: exactly `rules.indices.filter { rules[$0].appliesTo(fromZone:toZone:) }`.
    func applicable(_ rules: [Rule], fromZone: String, toZone: String) -> [Int] {
        let named = byFromZone[fromZone] ?? []
        var out: [Int] = []
        var a = 0
        var b = 0
        // Merge the two ascending lists, keeping the rules whose type and `to` accept the pair.
        while a < named.count || b < fromAny.count {
            let i: Int
            if b >= fromAny.count || (a < named.count && named[a] < fromAny[b]) {
                i = named[a]
                a += 1
            } else {
                i = fromAny[b]
                b += 1
            }
            if rules[i].appliesTo(fromZone: fromZone, toZone: toZone) { out.append(i) }
        }
        return out
    }
}
