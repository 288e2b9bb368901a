/// Where several rule sets (baseline first) can decide a zone pair differently, for
/// ``ClassPaths/forEachCell(include:onlyDiffering:_:)``: a diff of a one-rule change then visits
/// only the zone pairs and address blocks that rule can touch.
final class RuleListChanges {
    let topologies: [Topology]
    /// Per topology, per enforcement point: its rules by ingress zone.
    let ruleIndexes: [[ZoneRuleIndex]]
    private var hopRulesMemo: [String: HopRules] = [:]
    /// Per (topology, enforcement point): see ``differingRules(topology:point:)``.
    private var differingMemo: [Int64: DifferingRules?] = [:]

    init(topologies: [Topology], ruleIndexes: [[ZoneRuleIndex]]) {
        self.topologies = topologies
        self.ruleIndexes = ruleIndexes
    }

    /// One rule as first match sees it at a hop.
    private struct MatchSpace: Equatable {
        var source: AddressSet
        var destination: AddressSet
        var services: ServiceSet
        var action: RuleAction
    }

    /// What decides at one hop of one rule set: the point, zones, default and applicable rules in order.
    private struct HopRules: Equatable {
        var point: String
        var fromZone: String
        var toZone: String
        var defaultAction: RuleAction
        var rules: [MatchSpace]
    }

    private func hopRules(topology t: Int, hop: RouteHop) -> HopRules {
        let key = "\(t)\u{1}\(hop.enforcementPoint)\u{1}\(hop.fromZone)\u{1}\(hop.toZone)"
        if let m = hopRulesMemo[key] { return m }
        let ep = topologies[t].enforcementPoints[hop.enforcementPoint]
        let applicable = ruleIndexes[t][hop.enforcementPoint].applicable(fromZone: hop.fromZone, toZone: hop.toZone)
        let rules = applicable.map { ep.rules[$0] }.map {
            MatchSpace(source: $0.source.addresses, destination: $0.destination.addresses, services: $0.services,
                       action: $0.action)
        }
        let h = HopRules(point: ep.name, fromZone: hop.fromZone, toZone: hop.toZone,
                         defaultAction: ep.defaultAction(fromZone: hop.fromZone, toZone: hop.toZone).action, rules: rules)
        hopRulesMemo[key] = h
        return h
    }

    /// Where the rule sets may decide zone pair (a, b) differently, compared with the first one.
    ///
    /// Empty when every rule set has the same route and, hop by hop, the same applicable rules
    /// (addresses, services, action) in the same order and the same default: every cell is then
    /// decided alike. Otherwise, at each differing hop, the (source, destination) sets of the
    /// rules between the longest common prefix and the longest common suffix: a packet outside
    /// all of them meets the same rules in the same order in every rule set, so first match
    /// decides it alike. Nil when routes or defaults differ (any cell may differ).
    func changedSpaces(from a: String, to b: String) -> [(source: AddressSet, destination: AddressSet)]? {
        let routes = topologies.map { $0.route(from: a, to: b) }
        var out: [(source: AddressSet, destination: AddressSet)] = []
        for t in topologies.indices.dropFirst() {
            if (routes[0] == nil) != (routes[t] == nil) { return nil }
            guard let r0 = routes[0], let r1 = routes[t] else { continue }
            if r0.count != r1.count { return nil }
            for (h0, h1) in zip(r0, r1) {
                if hopUnchanged(h0, h1, topology: t) { continue }
                let x = hopRules(topology: 0, hop: h0)
                let y = hopRules(topology: t, hop: h1)
                if x.point != y.point || x.fromZone != y.fromZone || x.toZone != y.toZone
                    || x.defaultAction != y.defaultAction
                {
                    return nil
                }
                if x.rules == y.rules { continue }
                var p = 0
                while p < x.rules.count && p < y.rules.count && x.rules[p] == y.rules[p] { p += 1 }
                var q = 0
                while q < x.rules.count - p && q < y.rules.count - p
                    && x.rules[x.rules.count - 1 - q] == y.rules[y.rules.count - 1 - q]
                {
                    q += 1
                }
                for m in x.rules[p..<(x.rules.count - q)] + y.rules[p..<(y.rules.count - q)] {
                    out.append((m.source, m.destination))
                }
            }
        }
        return out
    }

    /// The rules of one enforcement point outside the common prefix and suffix of its list and
    /// the first topology's list of the same name, compared on what decides (zones, type,
    /// addresses, services, action, disabled). A zone pair that none of them applies to meets the
    /// same rules, in the same order, in both.
    private struct DifferingRules {
        var first: [Int]
        var other: [Int]
    }

    /// Whether rule lists of hop `h0` (first topology) and `h1` (topology `t`) certainly decide
    /// alike: same point name, zones and default, and no differing rule applies to the zone pair.
    /// A cheap test that lets ``changedSpaces(from:to:)`` skip the rule-by-rule comparison on
    /// the zone pairs a change cannot touch; false means "compare".
    private func hopUnchanged(_ h0: RouteHop, _ h1: RouteHop, topology t: Int) -> Bool {
        let e0 = topologies[0].enforcementPoints[h0.enforcementPoint]
        let e1 = topologies[t].enforcementPoints[h1.enforcementPoint]
        guard e0.name == e1.name, h0.fromZone == h1.fromZone, h0.toZone == h1.toZone,
            e0.defaultAction(fromZone: h0.fromZone, toZone: h0.toZone).action
                == e1.defaultAction(fromZone: h1.fromZone, toZone: h1.toZone).action,
            let d = differingRules(topology: t, point: h1.enforcementPoint)
        else { return false }
        return !d.first.contains { e0.rules[$0].appliesTo(fromZone: h0.fromZone, toZone: h0.toZone) }
            && !d.other.contains { e1.rules[$0].appliesTo(fromZone: h1.fromZone, toZone: h1.toZone) }
    }

    /// ``DifferingRules`` of point `e` of topology `t`; nil when the first topology has no point of that name.
    private func differingRules(topology t: Int, point e: Int) -> DifferingRules? {
        let key = Int64(t) << 32 | Int64(e)
        if let m = differingMemo[key] { return m }
        let other = topologies[t].enforcementPoints[e]
        var result: DifferingRules?
        if let first = topologies[0].enforcementPoints.first(where: { $0.name == other.name }) {
            let a = first.rules
            let b = other.rules
            var p = 0
            while p < a.count && p < b.count && Self.decideAlike(a[p], b[p]) { p += 1 }
            var q = 0
            while q < a.count - p && q < b.count - p && Self.decideAlike(a[a.count - 1 - q], b[b.count - 1 - q]) {
                q += 1
            }
            result = DifferingRules(first: Array(p..<(a.count - q)), other: Array(p..<(b.count - q)))
        }
        differingMemo[key] = result
        return result
    }

    /// Two rules that apply to the same zone pairs and match and decide the same packets.
    private static func decideAlike(_ a: Rule, _ b: Rule) -> Bool {
        a.disabled == b.disabled && a.action == b.action && a.ruleType == b.ruleType && a.from == b.from
            && a.to == b.to && a.services == b.services && a.source.addresses == b.source.addresses
            && a.destination.addresses == b.destination.addresses
    }

}
