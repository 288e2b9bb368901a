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
            answer(members, of: queries, route: route, into: &out)
        }
        return out
    }

    private struct ZonePair: Hashable, Comparable {
        var from: String
        var to: String
        static func < (a: ZonePair, b: ZonePair) -> Bool { (a.from, a.to) < (b.from, b.to) }
    }

    /// The verdicts of one zone pair's queries: each hop's policy classifies only the pair's
    /// sources and destinations, and first match runs once per class pair asked.
    private func answer(_ members: [Int], of queries: [ServiceQuery], route: [RouteHop], into out: inout [ServiceVerdict]) {
        let sources = Self.sortedDistinct(members.map { queries[$0].source.value })
        let destinations = Self.sortedDistinct(members.map { queries[$0].destination.value })
        var policies = route.map { hopPolicy($0, sourceQueries: sources, destinationQueries: destinations) }
        for n in members {
            let q = queries[n]
            let s = Self.position(of: q.source.value, in: sources)
            let d = Self.position(of: q.destination.value, in: destinations)
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

    static func sortedDistinct(_ values: [UInt128]) -> [UInt128] {
        var v = values
        v.sort()
        var out: [UInt128] = []
        out.reserveCapacity(v.count)
        for x in v where out.last != x { out.append(x) }
        return out
    }

    /// The index of `value` in the sorted array `sorted`, which holds it.
    static func position(of value: UInt128, in sorted: [UInt128]) -> Int {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
