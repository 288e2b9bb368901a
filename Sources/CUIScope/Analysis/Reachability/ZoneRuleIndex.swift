/// The rules of one enforcement point by ingress zone, so that the rules applicable to a zone
/// pair are found without scanning the whole rule list.
///
/// A 20k-rule policy over ~400 zones is asked for thousands of zone pairs (every route of a bulk
/// run, every zone pair of the flows); a scan per pair costs rules × pairs. Here a pair costs
/// the rules that name its ingress zone plus the rules with `from any`, in document order, and
/// each is tested on integers (zone ids, rule type) without touching the `Rule` values.
struct ZoneRuleIndex: Sendable {
    /// Zone names rules mention → small ids.
    private let zoneID: [String: Int32]
    /// Rule positions (enabled only) whose `from` names the zone (by id), ascending.
    private let byFromZone: [[Int32]]
    /// Rule positions (enabled only) with `from any`, ascending.
    private let fromAny: [Int32]
    /// Per rule position: its `to` zone ids (sorted), or nil for `to any`.
    private let toZones: [[Int32]?]
    private let types: [RuleType]

    init(rules: [Rule]) {
        var ids: [String: Int32] = [:]
        func id(_ name: String) -> Int32 {
            if let i = ids[name] { return i }
            ids[name] = Int32(ids.count)
            return Int32(ids.count - 1)
        }
        var named: [[Int32]] = []
        var any: [Int32] = []
        var to: [[Int32]?] = []
        to.reserveCapacity(rules.count)
        for (i, r) in rules.enumerated() {
            if case .zones(let zones) = r.to { to.append(zones.map(id).sorted()) } else { to.append(nil) }
            guard !r.disabled else { continue }
            switch r.from {
            case .any: any.append(Int32(i))
            case .zones(let zones):
                for z in zones {
                    let zi = Int(id(z))
                    while named.count <= zi { named.append([]) }
                    named[zi].append(Int32(i))
                }
            }
        }
        while named.count < ids.count { named.append([]) }
        zoneID = ids
        byFromZone = named
        fromAny = any
        toZones = to
        types = rules.map(\.ruleType)
    }

    /// Positions of the rules that apply to traffic from `fromZone` to `toZone`, in evaluation
    /// order: exactly `rules.indices.filter { rules[$0].appliesTo(fromZone:toZone:) }` over the
    /// rules the index was built from.
    func applicable(fromZone: String, toZone: String) -> [Int] {
        let named = zoneID[fromZone].map { byFromZone[Int($0)] } ?? []
        let to = zoneID[toZone] ?? -1
        let same = fromZone == toZone
        var out: [Int] = []
        var a = 0
        var b = 0
        // Merge the two ascending lists, keeping the rules whose type and `to` accept the pair.
        while a < named.count || b < fromAny.count {
            let i: Int
            if b >= fromAny.count || (a < named.count && named[a] < fromAny[b]) {
                i = Int(named[a])
                a += 1
            } else {
                i = Int(fromAny[b])
                b += 1
            }
            switch types[i] {
            case .intrazone: if !same { continue }
            case .interzone: if same { continue }
            case .universal: break
            }
            if let zones = toZones[i], !Self.contains(zones, to) { continue }
            out.append(i)
        }
        return out
    }

    private static func contains(_ sorted: [Int32], _ x: Int32) -> Bool {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == x
    }
}
