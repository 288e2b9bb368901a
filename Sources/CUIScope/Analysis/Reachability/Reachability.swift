/// Ordered first-match reachability over a topology: single queries (`cuiscope reach`) and
/// bulk connectivity to CUI assets (`analyze`, in `Reachability+Connectivity.swift`).
///
/// Both follow the same semantics (docs/FORMATS.md, Rules for every firewall format): a route
/// crosses enforcement points in order; at each, the first applicable rule matching source,
/// destination and service decides, and unmatched services fall to the intrazone or interzone
/// default. Members of one subnet reach each other with no firewall between them, whatever the
/// rules say.
public final class ReachabilityEngine {
    public let topology: Topology
    /// Justified, not-data-capable services (scope file); applied to bulk edges, not to `evaluate`.
    public let allowlist: [AllowlistEntry]

    /// Per enforcement point (indexed like `topology.enforcementPoints`): its rules by ingress zone.
    let ruleIndex: [ZoneRuleIndex]

    public init(topology: Topology, allowlist: [AllowlistEntry] = []) {
        self.topology = topology
        self.allowlist = allowlist
        ruleIndex = topology.enforcementPoints.map { ZoneRuleIndex(rules: $0.rules) }
    }

    /// Positions of the rules of the hop's enforcement point that apply to its zone pair, ascending.
    func applicableRules(_ hop: RouteHop) -> [Int] {
        ruleIndex[hop.enforcementPoint].applicable(fromZone: hop.fromZone, toZone: hop.toZone)
    }

    /// The hop's policy over the given sorted source and destination addresses.
    func hopPolicy(_ hop: RouteHop, sourceQueries: [UInt128], destinationQueries: [UInt128]) -> HopPolicy {
        HopPolicy(
            enforcementPoint: hop.enforcementPoint, point: topology.enforcementPoints[hop.enforcementPoint],
            fromZone: hop.fromZone, toZone: hop.toZone, rules: applicableRules(hop), sourceQueries: sourceQueries,
            destinationQueries: destinationQueries)
    }

    /// Whether `source` can reach `destination` on `services`, with the deciding rule per hop.
    ///
    /// Zones default to placement. When neither zone is given and both addresses sit in the same
    /// subnet, no enforcement point sees the traffic: the answer is allow with no hops.
    /// - Parameters:
    ///   - fromZone: overrides the source's placement (e.g. `reach --from-zone`).
    ///   - toZone: overrides the destination's placement.
    public func evaluate(
        source: IPAddress, destination: IPAddress, services: ServiceSet, fromZone: String? = nil,
        toZone: String? = nil
    ) -> ReachAnswer {
        let (srcPlace, srcNote) = fromZone == nil ? locate(source, role: "source") : (nil, nil)
        let (dstPlace, dstNote) = toZone == nil ? locate(destination, role: "destination") : (nil, nil)
        var routing = [srcNote, dstNote].compactMap { $0 }
        guard let from = fromZone ?? srcPlace?.zone, let to = toZone ?? dstPlace?.zone else {
            return ReachAnswer(
                decision: .deny, allowed: ServiceSet(),
                breakdown: [ReachSegment(services: services, decision: .deny, hops: [])],
                notes: routing.isEmpty ? ["source/destination not in any known zone"] : routing,
                fromZone: fromZone ?? srcPlace?.zone, toZone: toZone ?? dstPlace?.zone)
        }
        let ownedBy = toZone == nil ? ownerNote(destination, dstPlace) : nil
        if let ownedBy { routing.append(ownedBy) }
        if ownedBy == nil, fromZone == nil, toZone == nil, let a = srcPlace?.segment, let b = dstPlace?.segment,
            from == to, a == b
        {
            return ReachAnswer(
                decision: services.isEmpty ? .deny : .allow, allowed: services,
                breakdown: [ReachSegment(services: services, decision: .allow, hops: [])],
                notes: ["same segment \(a.text): no enforcement point between them"], fromZone: from, toZone: to)
        }
        guard let route = topology.route(from: from, to: to, endsAtDevice: ownedBy != nil) else {
            return ReachAnswer(
                decision: .deny, allowed: ServiceSet(),
                breakdown: [ReachSegment(services: services, decision: .deny, hops: [])],
                notes: routing + ["no route from zone \(from) to zone \(to) through any enforcement point"], fromZone: from,
                toZone: to)
        }
        if route.isEmpty {
            return ReachAnswer(
                decision: services.isEmpty ? .deny : .allow, allowed: services,
                breakdown: [ReachSegment(services: services, decision: .allow, hops: [])],
                notes: routing + ["same zone, no enforcement point filters it"], fromZone: from, toZone: to)
        }

        // Live pieces still passing every hop so far; denied pieces are final.
        var live: [(services: ServiceSet, hops: [PathHop])] = [(services, [])]
        var finished: [ReachSegment] = []
        for hop in route {
            let ep = topology.enforcementPoints[hop.enforcementPoint]
            let candidates = applicableRules(hop)
            var next: [(services: ServiceSet, hops: [PathHop])] = []
            for piece in live {
                let decision = ep.firstMatch(
                    source: source, destination: destination, services: piece.services, fromZone: hop.fromZone,
                    toZone: hop.toZone, candidates: candidates)
                for d in decision.pieces {
                    let hops =
                        piece.hops + [
                            ep.pathHop(fromZone: hop.fromZone, toZone: hop.toZone, rule: d.rule, action: d.action)
                        ]
                    if d.action == .allow {
                        next.append((d.services, hops))
                    } else {
                        finished.append(ReachSegment(services: d.services, decision: .deny, hops: hops))
                    }
                }
            }
            live = next
        }
        var allowed = ServiceSet()
        for piece in live {
            allowed = allowed.union(piece.services)
            finished.append(ReachSegment(services: piece.services, decision: .allow, hops: piece.hops))
        }
        finished.sort { ($0.services.intervals.first?.lower ?? 0) < ($1.services.intervals.first?.lower ?? 0) }
        var notes = routing
        if finished.contains(where: { $0.hops.contains { !$0.notes.isEmpty } }) {
            notes.append("some deciding rules carry conditions or objects the tool did not evaluate; see hop notes")
        }
        return ReachAnswer(
            decision: allowed.isEmpty ? .deny : .allow, allowed: allowed, breakdown: finished, notes: notes,
            fromZone: from, toZone: to)
    }

    /// Services allowlisted for traffic to the asset with id `assetID` (entries without `to` count for all).
    func allowlisted(to assetID: String) -> ServiceSet {
        allowlist.reduce(ServiceSet()) { acc, e in (e.to == nil || e.to == assetID) ? acc.union(e.services) : acc }
    }
}
