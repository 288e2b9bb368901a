/// Many single-service queries at once, over address classes: what `evaluate()` answers for one
/// (source, destination, service) each, for the thousands of observed flows that `analyze`
/// checks against the rules (SCOPE-FLOW-04).
///
/// `evaluate()` scans every rule of every hop per query; here the queries are grouped by zone
/// pair, each hop's rules are partitioned once into address classes (`HopPolicy`), and first
/// match runs once per class pair. The answers are the same: the first applicable rule that
/// holds both addresses and the service decides each hop, and the first deny ends the route.
extension ReachabilityEngine {
    /// One query: a flow's addresses and service key (`ServiceSet.key(proto:port:)`).
    struct ServiceQuery {
        var source: IPAddress
        var destination: IPAddress
        var service: UInt32
    }

    /// The answer to a ``ServiceQuery``: `evaluate(...).decision == .allow` and the hops of its
    /// (single) breakdown segment.
    struct ServiceVerdict {
        var allowed: Bool
        var hops: [PathHop]
    }

    func verdicts(_ queries: [ServiceQuery]) -> [ServiceVerdict] {
        var out = [ServiceVerdict](repeating: ServiceVerdict(allowed: false, hops: []), count: queries.count)
        struct ZonePair: Hashable, Comparable {
            var from: String
            var to: String
            static func < (a: ZonePair, b: ZonePair) -> Bool { (a.from, a.to) < (b.from, b.to) }
        }
        var byPair: [ZonePair: [Int]] = [:]
        for (n, q) in queries.enumerated() {
            let sp = topology.place(q.source)
            let dp = topology.place(q.destination)
            guard let from = sp?.zone, let to = dp?.zone else { continue }  // not in any zone: deny, no hops
            if from == to, let a = sp?.segment, let b = dp?.segment, a == b {
                out[n].allowed = true  // same segment: no enforcement point between them
                continue
            }
            byPair[ZonePair(from: from, to: to), default: []].append(n)
        }
        for pair in byPair.keys.sorted() {
            let members = byPair[pair] ?? []
            guard let route = topology.route(from: pair.from, to: pair.to) else { continue }  // no route: deny
            if route.isEmpty {
                for n in members { out[n].allowed = true }
                continue
            }
            var values: [UInt128] = []
            values.reserveCapacity(members.count * 2)
            for n in members { values.append(queries[n].source.value); values.append(queries[n].destination.value) }
            let sorted = Array(Set(values)).sorted()
            var slot: [UInt128: Int] = [:]
            slot.reserveCapacity(sorted.count)
            for (i, v) in sorted.enumerated() { slot[v] = i }
            var policies = route.map { hop in
                HopPolicy(
                    enforcementPoint: hop.enforcementPoint, point: topology.enforcementPoints[hop.enforcementPoint],
                    fromZone: hop.fromZone, toZone: hop.toZone, queries: sorted)
            }
            for n in members {
                let q = queries[n]
                let s = slot[q.source.value] ?? 0
                let d = slot[q.destination.value] ?? 0
                var hops: [PathHop] = []
                var allowed = true
                for (h, hop) in route.enumerated() {
                    let o = policies[h].outcome(
                        source: policies[h].source.classOfQuery[s], destination: policies[h].destination.classOfQuery[d])
                    let piece = policies[h].outcomes[Int(o)].decision.piece(for: q.service)
                    let action = piece?.action ?? .deny
                    hops.append(
                        topology.enforcementPoints[hop.enforcementPoint].pathHop(
                            fromZone: hop.fromZone, toZone: hop.toZone, rule: piece?.rule, action: action))
                    if action == .deny {
                        allowed = false
                        break
                    }
                }
                out[n] = ServiceVerdict(allowed: allowed, hops: hops)
            }
        }
        return out
    }
}
