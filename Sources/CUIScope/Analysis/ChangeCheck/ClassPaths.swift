/// Exact zone-to-zone and asset-to-asset reachability of one or more rule sets, enumerated on
/// predicate classes instead of sampled packets.
///
/// The address space inside the zones is cut at every boundary of every rule's source and
/// destination sets (of every rule set compared), of every subnet and of any extra set the
/// caller needs (policy exceptions). Within one elementary interval every address is matched
/// by exactly the same rules of every rule set and sits in one zone and one subnet, so one
/// representative address decides for the whole interval. Intervals of a zone are then grouped
/// by their class at each hop of the route (`HopPolicy`/`RulePartition`), and first match runs
/// once per (source group, destination group, hop): the result is exact for every address of
/// the zones, and its cost grows with classes, not with addresses or asset pairs.
final class ClassPaths {
    /// A set of addresses of one zone (and one subnet) that every compared rule set treats alike.
    struct Block {
        var zone: String
        /// Subnet text, or nil when placed only by an inventory zone hint.
        var segment: String?
        var addresses: AddressSet
        /// Assets (indices) whose endpoint representative address falls in the block, ascending.
        var assets: [Int]
    }

    /// One (source block, destination block) pair and what each rule set permits between them.
    struct Cell {
        var fromZone: String
        var toZone: String
        var source: Block
        var destination: Block
        /// Permitted services per rule set (indexed like `topologies`).
        var allowed: [ServiceSet]
        /// Per rule set, per hop of its route: (policy, outcome) for provenance; empty = no hop.
        var hops: [[(policy: Int, outcome: Int32)]]
    }

    let topologies: [Topology]
    /// Zone names with address space, sorted.
    private(set) var zones: [String] = []
    private var lowers: [UInt128] = []
    private var intervalZone: [String] = []
    private var intervalSegment: [String?] = []
    private var intervalAssets: [[Int]] = []
    private var intervalsOfZone: [String: [Int]] = [:]
    private(set) var policies: [(topology: Int, policy: HopPolicy)] = []
    private var policyIndex: [String: Int] = [:]
    private var uppers: [UInt128] = []
    /// Per topology, per enforcement point: its rules by ingress zone.
    private let ruleIndexes: [[ZoneRuleIndex]]
    /// Where the rule sets can decide a zone pair differently.
    private let changes: RuleListChanges

    /// - Parameters:
    ///   - topologies: the rule sets to compare (e.g. baseline, proposed); the last one places addresses.
    ///   - assets: the inventory; each placed endpoint is attributed to the block holding its address.
    ///   - endpoints: per asset, from the last topology's `place(assets:)`.
    ///   - cuts: extra address sets whose boundaries must not fall inside a block.
    init(topologies: [Topology], assets: [Asset], endpoints: [[Endpoint]], cuts: [AddressSet] = []) {
        precondition(!topologies.isEmpty)
        self.topologies = topologies
        let ruleIndexes = topologies.map { $0.enforcementPoints.map { ZoneRuleIndex(rules: $0.rules) } }
        self.ruleIndexes = ruleIndexes
        changes = RuleListChanges(topologies: topologies, ruleIndexes: ruleIndexes)
        let placing = topologies[topologies.count - 1]

        // Domain: every zone subnet, plus endpoints placed only by a zone hint.
        var hinted: [(range: AddressSet, zone: String)] = []
        for list in endpoints { for e in list where e.segment == nil { if let z = e.zone { hinted.append((e.range, z)) } } }
        var domainParts: [AddressSet.Interval] = []
        for z in placing.zones { for s in z.subnets { domainParts += s.addresses.intervals } }
        for h in hinted { domainParts += h.range.intervals }
        let domain = AddressSet(domainParts)

        var points: [UInt128] = []
        func cut(_ set: AddressSet) {
            for iv in set.intervals {
                points.append(iv.lower)
                if iv.upper < .max { points.append(iv.upper + 1) }
            }
        }
        for t in topologies {
            for ep in t.enforcementPoints {
                for r in ep.rules {
                    cut(r.source.addresses)
                    cut(r.destination.addresses)
                }
            }
            for z in t.zones { for s in z.subnets { cut(s.addresses) } }
        }
        for h in hinted { cut(h.range) }
        for c in cuts { cut(c) }
        points.sort()

        // Elementary intervals of the domain, each with its zone and subnet.
        var p = 0
        for iv in domain.intervals {
            while p < points.count && points[p] <= iv.lower { p += 1 }
            var lo = iv.lower
            while true {
                var hi = iv.upper
                if p < points.count && points[p] <= iv.upper { hi = points[p] - 1 }
                let place = placing.place(IPAddress(value: lo))
                let zone = place?.zone ?? hinted.first { $0.range.contains(lo) }?.zone
                if let zone {
                    lowers.append(lo)
                    uppers.append(hi)
                    intervalZone.append(zone)
                    intervalSegment.append(place?.segment?.text)
                    intervalsOfZone[zone, default: []].append(lowers.count - 1)
                }
                if hi == iv.upper { break }
                lo = hi + 1
                while p < points.count && points[p] <= lo { p += 1 }
            }
        }
        intervalAssets = [[Int]](repeating: [], count: lowers.count)
        for (a, list) in endpoints.enumerated() {
            for e in list {
                guard let z = e.zone, let i = interval(of: e.address.value), intervalZone[i] == z else { continue }
                if intervalAssets[i].last != a { intervalAssets[i].append(a) }
            }
        }
        zones = intervalsOfZone.keys.sorted()
    }

    /// Index of the elementary interval holding `v`.
    private func interval(of v: UInt128) -> Int? {
        var lo = 0
        var hi = lowers.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < lowers[mid] { hi = mid - 1 } else if v > uppers[mid] { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    private func policy(topology t: Int, hop: RouteHop) -> Int {
        let key = "\(t)\u{1}\(hop.enforcementPoint)\u{1}\(hop.fromZone)\u{1}\(hop.toZone)"
        if let i = policyIndex[key] { return i }
        let ep = topologies[t].enforcementPoints[hop.enforcementPoint]
        let rules = ruleIndexes[t][hop.enforcementPoint].applicable(fromZone: hop.fromZone, toZone: hop.toZone)
        policies.append((t, HopPolicy(enforcementPoint: hop.enforcementPoint, point: ep, fromZone: hop.fromZone,
                                      toZone: hop.toZone, rules: rules, sourceQueries: lowers,
                                      destinationQueries: lowers)))
        policyIndex[key] = policies.count - 1
        return policies.count - 1
    }

    /// Visits every (source block, destination block) cell of every ordered zone pair that
    /// `include` accepts, in zone order then address order.
    /// - Parameter onlyDiffering: skip cells where every rule set provably decides alike
    ///   (``RuleListChanges/changedSpaces(from:to:)``): zone pairs with the same route and rules, and cells outside
    ///   the match space of every rule that differs. What is visited is then a subset of the cells
    ///   whose `allowed` sets can differ; a diff of a one-rule change stays near-linear.
    func forEachCell(include: (String, String) -> Bool = { _, _ in true }, onlyDiffering: Bool = false,
                     _ body: (Cell) -> Void) {
        for a in zones {
            for b in zones where include(a, b) {
                let focus = onlyDiffering ? changes.changedSpaces(from: a, to: b) : nil
                if let focus, focus.isEmpty { continue }
                let routes = topologies.map { $0.route(from: a, to: b) }
                var hopPolicies: [[Int]] = []
                for (t, r) in routes.enumerated() { hopPolicies.append((r ?? []).map { policy(topology: t, hop: $0) }) }
                var sources = blocks(a, hopPolicies: hopPolicies, asSource: true)
                var destinations = blocks(b, hopPolicies: hopPolicies, asSource: false)
                if let focus {
                    let src = AddressSet(focus.flatMap(\.source.intervals))
                    let dst = AddressSet(focus.flatMap(\.destination.intervals))
                    sources = sources.filter { $0.block.addresses.intersects(src) }
                    destinations = destinations.filter { $0.block.addresses.intersects(dst) }
                }
                for s in sources {
                    for d in destinations {
                        if let focus, !focus.contains(where: {
                            s.block.addresses.intersects($0.source) && d.block.addresses.intersects($0.destination)
                        }) {
                            continue
                        }
                        var allowed: [ServiceSet] = []
                        var hops: [[(policy: Int, outcome: Int32)]] = []
                        let sameSegment = a == b && s.block.segment != nil && s.block.segment == d.block.segment
                        for t in topologies.indices {
                            var chain: [(policy: Int, outcome: Int32)] = []
                            var set: ServiceSet
                            if sameSegment {
                                set = .anyService
                            } else if routes[t] == nil {
                                set = ServiceSet()
                            } else {
                                set = .anyService
                                for (n, h) in hopPolicies[t].enumerated() {
                                    let o = policies[h].policy.outcome(
                                        source: s.classes[t][n], destination: d.classes[t][n])
                                    chain.append((h, o))
                                    set = set.intersection(policies[h].policy.outcomes[Int(o)].allowed)
                                }
                            }
                            allowed.append(set)
                            hops.append(chain)
                        }
                        body(Cell(fromZone: a, toZone: b, source: s.block, destination: d.block, allowed: allowed,
                                  hops: hops))
                    }
                }
            }
        }
    }

    private struct Grouped {
        var block: Block
        /// Per topology, per hop: the class of the block on this side.
        var classes: [[Int32]]
    }

    /// The zone's intervals grouped by subnet and by class at every hop of every route.
    private func blocks(_ zone: String, hopPolicies: [[Int]], asSource: Bool) -> [Grouped] {
        var index: [[Int32]: Int] = [:]
        var segments: [String: Int32] = [:]
        var out: [Grouped] = []
        var parts: [[AddressSet.Interval]] = []
        for i in intervalsOfZone[zone] ?? [] {
            let seg = intervalSegment[i].map { s -> Int32 in
                if let v = segments[s] { return v }
                segments[s] = Int32(segments.count)
                return Int32(segments.count - 1)
            } ?? -1
            var key: [Int32] = [seg]
            var classes: [[Int32]] = []
            for list in hopPolicies {
                let c = list.map { h -> Int32 in
                    let part = asSource ? policies[h].policy.source : policies[h].policy.destination
                    return part.classOfQuery[i]
                }
                classes.append(c)
                key += [-2] + c
            }
            if let g = index[key] {
                parts[g].append(AddressSet.Interval(lowers[i], uppers[i]))
                out[g].block.assets += intervalAssets[i]
            } else {
                index[key] = out.count
                parts.append([AddressSet.Interval(lowers[i], uppers[i])])
                out.append(Grouped(block: Block(zone: zone, segment: intervalSegment[i], addresses: AddressSet(),
                                                assets: intervalAssets[i]), classes: classes))
            }
        }
        for g in out.indices {
            out[g].block.addresses = AddressSet(parts[g])
            out[g].block.assets = Array(Set(out[g].block.assets)).sorted()
        }
        return out
    }

    /// The rules (or defaults) of topology `t` on a cell's route that decide part of `services`
    /// with `action`, hop by hop in route order.
    func deciders(_ cell: Cell, topology t: Int, services: ServiceSet, action: RuleAction) -> [[RuleRef]] {
        cell.hops[t].map { h in
            let p = policies[h.policy].policy
            let ep = topologies[t].enforcementPoints[p.enforcementPoint]
            var refs: [RuleRef] = []
            for piece in p.outcomes[Int(h.outcome)].decision.pieces
            where piece.action == action && piece.services.intersects(services) {
                refs.append(ep.ref(rule: piece.rule, fromZone: p.fromZone, toZone: p.toZone, action: action))
            }
            return refs
        }
    }

    /// How hop `n` of topology `t` splits `services` among the rules (or default) deciding with `action`.
    func pieces(_ cell: Cell, topology t: Int, hop n: Int, services: ServiceSet, action: RuleAction)
        -> [(rule: RuleRef, services: ServiceSet)]
    {
        let h = cell.hops[t][n]
        let p = policies[h.policy].policy
        let ep = topologies[t].enforcementPoints[p.enforcementPoint]
        var out: [(rule: RuleRef, services: ServiceSet)] = []
        for piece in p.outcomes[Int(h.outcome)].decision.pieces where piece.action == action {
            let part = piece.services.intersection(services)
            if part.isEmpty { continue }
            out.append((ep.ref(rule: piece.rule, fromZone: p.fromZone, toZone: p.toZone, action: action), part))
        }
        return out
    }

    /// Whether hop `n` of topology `t` on the cell's route lets all of `services` through.
    func hopAllows(_ cell: Cell, topology t: Int, hop n: Int, services: ServiceSet) -> Bool {
        let h = cell.hops[t][n]
        return policies[h.policy].policy.outcomes[Int(h.outcome)].allowed.isSuperset(of: services)
    }

    /// (enforcement point name, from zone, to zone) of hop `n` of topology `t` on the cell's route.
    func hopName(_ cell: Cell, topology t: Int, hop n: Int) -> String {
        let p = policies[cell.hops[t][n].policy].policy
        return "\(topologies[t].enforcementPoints[p.enforcementPoint].name)\u{1}\(p.fromZone)\u{1}\(p.toZone)"
    }
}
