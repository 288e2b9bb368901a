/// Services with one outcome along a route, and what decided it at each enforcement point.
public struct ReachSegment: Sendable, Hashable {
    public var services: ServiceSet
    public var decision: RuleAction
    /// The deciding rule (or default) at each hop, up to and including the first denying hop.
    public var hops: [PathHop]

    public init(services: ServiceSet, decision: RuleAction, hops: [PathHop]) {
        self.services = services
        self.decision = decision
        self.hops = hops
    }
}

/// The answer to "can this source reach that destination on these services?" (`cuiscope reach`).
public struct ReachAnswer: Sendable, Hashable {
    /// `allow` when any queried service passes every hop.
    public var decision: RuleAction
    public var allowed: ServiceSet
    /// One entry per distinct outcome, ordered by lowest service.
    public var breakdown: [ReachSegment]
    public var notes: [String]
    /// The zones used (given or placed); nil when they could not be determined.
    public var fromZone: String?
    public var toZone: String?

    public init(
        decision: RuleAction, allowed: ServiceSet, breakdown: [ReachSegment], notes: [String],
        fromZone: String? = nil, toZone: String? = nil
    ) {
        self.decision = decision
        self.allowed = allowed
        self.breakdown = breakdown
        self.notes = notes
        self.fromZone = fromZone
        self.toZone = toZone
    }
}

/// How one enforcement point splits a service set: each piece decided by a rule or the default.
struct HopDecision: Sendable {
    struct Piece: Sendable {
        var services: ServiceSet
        /// Index into the enforcement point's `rules`; nil = the default rule.
        var rule: Int?
        var action: RuleAction
    }
    var pieces: [Piece]

    var allowed: ServiceSet {
        pieces.reduce(ServiceSet()) { $1.action == .allow ? $0.union($1.services) : $0 }
    }

    /// The piece deciding service key `key`.
    func piece(for key: UInt32) -> Piece? { pieces.first { $0.services.contains(key) } }
}

extension EnforcementPoint {
    /// The default rule that decides traffic from `fromZone` to `toZone` when no rule matches.
    func defaultAction(fromZone: String, toZone: String) -> (action: RuleAction, name: String) {
        fromZone == toZone ? (intrazoneDefault, "intrazone-default") : (interzoneDefault, "interzone-default")
    }

    /// Evidence for one hop: the deciding rule (with what the tool did not evaluate) or the default.
    func pathHop(fromZone: String, toZone: String, rule: Int?, action: RuleAction) -> PathHop {
        guard let r = rule else {
            let d = defaultAction(fromZone: fromZone, toZone: toZone)
            return PathHop(
                enforcementPoint: name, fromZone: fromZone, toZone: toZone, action: action, rule: nil,
                defaultName: d.name, location: location)
        }
        let rule = rules[r]
        var notes = rule.unevaluated.map { "not evaluated: \($0)" } + rule.notes
        if rule.hasUnresolved {
            notes.append(
                "rule has unresolved objects: \(rule.unresolvedNames.joined(separator: ", "))"
            )
        }
        return PathHop(
            enforcementPoint: name, fromZone: fromZone, toZone: toZone, action: action, rule: rule.name,
            location: rule.location, notes: notes)
    }

    /// Ordered first match for one address pair: the applicable rules are scanned in document
    /// order and each takes the still-undecided services it covers; what is left goes to the
    /// default. This is the direct evaluation (no classes) used by single queries.
    /// - Parameter candidates: positions of the rules that apply to the zone pair, ascending
    ///   (``ZoneRuleIndex/applicable(_:fromZone:toZone:)``).
    func firstMatch(
        source: IPAddress, destination: IPAddress, services: ServiceSet, fromZone: String,
        toZone: String, candidates: [Int]
    ) -> HopDecision {
        var remaining = services
        var pieces: [HopDecision.Piece] = []
        // Indexing (not `for rule in rules`) reads fields in place instead of copying each Rule.
        for i in candidates where !remaining.isEmpty {
            guard rules[i].source.addresses.contains(source), rules[i].destination.addresses.contains(destination)
            else { continue }
            let covered = remaining.intersection(rules[i].services)
            if covered.isEmpty { continue }
            pieces.append(.init(services: covered, rule: i, action: rules[i].action))
            remaining = remaining.subtracting(covered)
        }
        if !remaining.isEmpty {
            pieces.append(
                .init(services: remaining, rule: nil, action: defaultAction(fromZone: fromZone, toZone: toZone).action))
        }
        return HopDecision(pieces: pieces)
    }
}
