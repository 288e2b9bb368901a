/// Hop outcomes combined along routes, and the evidence (allow and deny hops) they stand for.
///
/// A route's verdict for a (source class, destination class) pair is the chain of its hop
/// outcomes. Chains are interned as combos: combo = (previous combo, policy, outcome), so a
/// route's allowed service set is intersected once per distinct chain, not once per pair of
/// endpoint groups, and evidence is materialised only for the combos that end in a kept example
/// or in a separating deny.
struct RouteOutcomes {
    struct ComboKey: Hashable {
        var prev: Int32
        var policy: Int32
        var outcome: Int32
    }

    private struct HopsKey: Hashable {
        var combo: Int32
        var service: UInt32
    }

    let topology: Topology
    /// The hop policies of the run, one per hop of each route visited; their address classes are
    /// released once the route is done (``release(_:)``), their outcomes stay for evidence.
    private(set) var policies: [HopPolicy] = []
    /// Per policy, the id of its hop (enforcement point, ingress zone, egress zone): routes that
    /// cross the same hop share deny-hop evidence.
    private var hopOfPolicy: [Int32] = []
    private var hopIndex: [String: Int32] = [:]
    private var comboIndex: [ComboKey: Int32] = [:]
    private var combos: [(key: ComboKey, allowed: ServiceSet)] = []
    /// Allowlisted services per destination, interned by the caller (index 0 = none).
    let allowSets: [ServiceSet]
    private var effectiveIndex: [Int64: Int32] = [:]
    /// Allowed services minus a destination's allowlist, by the id `effective` returns.
    private(set) var effectiveSets: [ServiceSet] = []
    private var allowMemo: [HopsKey: [PathHop]] = [:]
    /// Distinct deny hops of the run, interned so evidence lists are merged as integers.
    private var denyHopIndex: [Int64: Int32] = [:]  // hop << 32 | rule (or 0xFFFF_FFFF for the default)
    private(set) var denyHopList: [PathHop] = []
    /// Deny hop ids in evidence order, and each id's position there: selections compare
    /// integers instead of the hops' strings (kept up to date as hops are added).
    private var denyHopsInOrder: [Int32] = []
    private var denyHopRank: [Int32] = []
    private var denyMemo: [Int32: [Int32]] = [:]

    init(topology: Topology, allowSets: [ServiceSet]) {
        self.topology = topology
        self.allowSets = allowSets
    }

    /// Adds the policy of one hop of the route being visited; returns its id.
    mutating func add(_ policy: HopPolicy) -> Int {
        let key = "\(policy.enforcementPoint)\u{1}\(policy.fromZone)\u{1}\(policy.toZone)"
        let hop = hopIndex[key] ?? Int32(hopIndex.count)
        hopIndex[key] = hop
        policies.append(policy)
        hopOfPolicy.append(hop)
        return policies.count - 1
    }

    /// Drops the address classes of policies whose route is done.
    mutating func release(_ ids: [Int]) {
        for h in ids { policies[h].releaseClasses() }
    }

    /// The outcome of hop policy `h` for a (source class, destination class) pair.
    mutating func outcome(policy h: Int, source s: Int32, destination d: Int32) -> Int32 {
        policies[h].outcome(source: s, destination: d)
    }

    /// The combo after `prev` when hop policy `h` decides `o`.
    mutating func combine(_ prev: Int32, policy h: Int, outcome o: Int32) -> Int32 {
        let k = ComboKey(prev: prev, policy: Int32(h), outcome: o)
        if let c = comboIndex[k] { return c }
        let before = prev < 0 ? ServiceSet.anyService : combos[Int(prev)].allowed
        combos.append((k, before.intersection(policies[h].outcomes[Int(o)].allowed)))
        comboIndex[k] = Int32(combos.count - 1)
        return Int32(combos.count - 1)
    }

    /// (policy, outcome) per hop of a combo, in route order.
    private func chain(_ combo: Int32) -> [(policy: Int, outcome: Int)] {
        var out: [(Int, Int)] = []
        var c = combo
        while c >= 0 {
            let k = combos[Int(c)].key
            out.append((Int(k.policy), Int(k.outcome)))
            c = k.prev
        }
        return out.reversed()
    }

    /// Allowed services minus the destination's allowlist, per (combo, allowlist); combo -1 = no filter.
    mutating func effective(_ combo: Int32, allow: Int32) -> Int32 {
        let k = Int64(combo) << 24 | Int64(allow)
        if let e = effectiveIndex[k] { return e }
        let allowed = combo < 0 ? ServiceSet.anyService : combos[Int(combo)].allowed
        effectiveSets.append(allowed.subtracting(allowSets[Int(allow)]))
        effectiveIndex[k] = Int32(effectiveSets.count - 1)
        return Int32(effectiveSets.count - 1)
    }

    /// The allow rule (or default) at each hop for service `key`, as edge evidence.
    mutating func allowHops(_ combo: Int32, key: UInt32) -> [PathHop] {
        if let m = allowMemo[HopsKey(combo: combo, service: key)] { return m }
        let hops = chain(combo).map { h in
            let p = policies[h.policy]
            let rule = p.outcomes[h.outcome].decision.piece(for: key)?.rule
            return topology.enforcementPoints[p.enforcementPoint].pathHop(
                fromZone: p.fromZone, toZone: p.toZone, rule: rule, action: .allow)
        }
        allowMemo[HopsKey(combo: combo, service: key)] = hops
        return hops
    }

    /// The deny decisions that stopped traffic on a route: at each hop, the denying rules (or
    /// default) for services that every earlier hop let through.
    mutating func denyHops(_ combo: Int32) -> [Int32] {
        if let m = denyMemo[combo] { return m }
        var remaining = ServiceSet.anyService
        var out: [Int32] = []
        for h in chain(combo) where !remaining.isEmpty {
            let p = policies[h.policy]
            let o = p.outcomes[h.outcome]
            for piece in o.decision.pieces where piece.action == .deny && remaining.intersects(piece.services) {
                out.append(denyHop(policy: h.policy, rule: piece.rule))
            }
            remaining = remaining.intersection(o.allowed)
        }
        denyMemo[combo] = out
        return out
    }

    /// The interned id of the deny hop of rule `rule` (nil: the default) of policy `h`.
    private mutating func denyHop(policy h: Int, rule: Int?) -> Int32 {
        let key = Int64(hopOfPolicy[h]) << 32 | Int64(rule ?? 0xFFFF_FFFF)
        if let id = denyHopIndex[key] { return id }
        let p = policies[h]
        let hop = topology.enforcementPoints[p.enforcementPoint].pathHop(
            fromZone: p.fromZone, toZone: p.toZone, rule: rule, action: .deny)
        let id = Int32(denyHopList.count)
        denyHopList.append(hop)
        denyHopIndex[key] = id
        // Insert after every hop that does not order after it (ties keep first-seen order).
        var lo = 0
        var hi = denyHopsInOrder.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if PathHop.evidenceOrder(hop, denyHopList[Int(denyHopsInOrder[mid])]) { hi = mid } else { lo = mid + 1 }
        }
        denyHopsInOrder.insert(id, at: lo)
        denyHopRank.append(0)
        for r in lo..<denyHopsInOrder.count { denyHopRank[Int(denyHopsInOrder[r])] = Int32(r) }
        return id
    }

    /// The first `limit` distinct deny hops in evidence order (selection by rank, not a sort).
    func firstHops(_ ids: [Int32], limit: Int = 5) -> [Int32] {
        var out: [Int32] = []
        for id in ids {
            let rank = denyHopRank[Int(id)]
            if out.count == limit, let last = out.last, rank >= denyHopRank[Int(last)] { continue }
            if out.contains(id) { continue }
            let at = out.firstIndex { rank < denyHopRank[Int($0)] } ?? out.count
            out.insert(id, at: at)
            if out.count > limit { out.removeLast() }
        }
        return out
    }
}
