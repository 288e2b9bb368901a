/// The rules of one enforcement point that apply to one (ingress, egress) zone pair, with the
/// address classes of both sides and a cache of first-match outcomes per class pair.
///
/// Every pair of endpoints whose addresses fall in the same (source class, destination class)
/// gets the same outcome, so first match runs once per class pair instead of once per asset
/// pair. Each side classifies only the addresses that sit on it (the endpoints of the route's
/// source zone, of its destination zone, or a flow's ends), and the outcome cache holds only the
/// class pairs asked for: memory follows the endpoints and pairs of one route, never classes ×
/// classes of the whole inventory. Once a route is done, ``releaseClasses()`` drops both
/// partitions and the cache and keeps only the outcomes, which evidence refers to.
struct HopPolicy {
    /// First-match result for one class pair: the service space split by deciding rule.
    struct Outcome {
        var decision: HopDecision
        var allowed: ServiceSet
    }

    let enforcementPoint: Int
    let fromZone: String
    let toZone: String
    /// Indices into the enforcement point's `rules`, in evaluation order.
    let ruleIndices: [Int]
    let services: [ServiceSet]
    let actions: [RuleAction]
    let defaultAction: RuleAction
    private(set) var source: RulePartition
    private(set) var destination: RulePartition

    /// Dense cache for small class grids (at most `flatLimit` cells), else a hash of the pairs asked.
    private static let flatLimit = 1 << 16
    private var flat: [Int32]
    private var sparse: [Int64: Int32] = [:]
    private(set) var outcomes: [Outcome] = []
    /// Outcome ids by the rules that took a part, in order (the pieces follow from that list):
    /// equal outcomes share one id, so callers that combine outcomes along a route (and memoise
    /// per outcome) see a handful of ids, not one per class pair.
    private var outcomeIndex: [[Int32]: Int32] = [:]

    /// - Parameters:
    ///   - rules: positions of the rules applicable to the zone pair, ascending (``ZoneRuleIndex``).
    ///   - sourceQueries: sorted distinct source addresses to classify.
    ///   - destinationQueries: sorted distinct destination addresses to classify.
    init(
        enforcementPoint e: Int, point: EnforcementPoint, fromZone: String, toZone: String, rules applicable: [Int],
        sourceQueries: [UInt128], destinationQueries: [UInt128]
    ) {
        enforcementPoint = e
        self.fromZone = fromZone
        self.toZone = toZone
        ruleIndices = applicable
        services = applicable.map { point.rules[$0].services }
        actions = applicable.map { point.rules[$0].action }
        defaultAction = point.defaultAction(fromZone: fromZone, toZone: toZone).action
        source = RulePartition(sets: applicable.map { point.rules[$0].source.addresses }, queries: sourceQueries)
        destination = RulePartition(
            sets: applicable.map { point.rules[$0].destination.addresses }, queries: destinationQueries)
        let cells = source.classCount * destination.classCount
        flat = cells <= HopPolicy.flatLimit ? [Int32](repeating: -1, count: cells) : []
    }

    /// Both sides classify the same `queries`; the applicable rules are found by a scan.
    init(enforcementPoint e: Int, point: EnforcementPoint, fromZone: String, toZone: String, queries: [UInt128]) {
        self.init(
            enforcementPoint: e, point: point, fromZone: fromZone, toZone: toZone,
            rules: point.rules.indices.filter { point.rules[$0].appliesTo(fromZone: fromZone, toZone: toZone) },
            sourceQueries: queries, destinationQueries: queries)
    }

    /// The outcome for traffic from source class `s` to destination class `d`, computed once.
    mutating func outcome(source s: Int32, destination d: Int32) -> Int32 {
        let cell = Int(s) * destination.classCount + Int(d)
        if !flat.isEmpty, flat[cell] >= 0 { return flat[cell] }
        if flat.isEmpty, let id = sparse[Int64(cell)] { return id }
        let (deciding, computed) = compute(source: Int(s), destination: Int(d))
        let id: Int32
        if let known = outcomeIndex[deciding] {
            id = known
        } else {
            id = Int32(outcomes.count)
            outcomes.append(computed)
            outcomeIndex[deciding] = id
        }
        if !flat.isEmpty { flat[cell] = id } else { sparse[Int64(cell)] = id }
        return id
    }

    /// Drops the address classes and the outcome cache; `outcomes` stay for evidence.
    /// `outcome(source:destination:)` must not be called afterwards.
    mutating func releaseClasses() {
        source = RulePartition()
        destination = RulePartition()
        flat = []
        sparse = [:]
        outcomeIndex = [:]
    }

    /// Walks the rules both classes match (bitset AND, ascending = document order), each taking
    /// the still-undecided services it covers, until nothing is left or the rules run out.
    /// Also returns the positions of the rules that took a part (-1 last for the default).
    private func compute(source s: Int, destination d: Int) -> ([Int32], Outcome) {
        let a = source.bits[s]
        let b = destination.bits[d]
        var remaining = ServiceSet.anyService
        var pieces: [HopDecision.Piece] = []
        var allowed = ServiceSet()
        var deciding: [Int32] = []
        scan: for w in 0..<a.count {
            var word = a[w] & b[w]
            while word != 0 {
                let p = w << 6 | word.trailingZeroBitCount
                word &= word &- 1
                if !remaining.intersects(services[p]) { continue }
                let covered = remaining.intersection(services[p])
                pieces.append(.init(services: covered, rule: ruleIndices[p], action: actions[p]))
                deciding.append(Int32(p))
                if actions[p] == .allow { allowed = allowed.union(covered) }
                remaining = remaining.subtracting(covered)
                if remaining.isEmpty { break scan }
            }
        }
        if !remaining.isEmpty {
            pieces.append(.init(services: remaining, rule: nil, action: defaultAction))
            deciding.append(-1)
            if defaultAction == .allow { allowed = allowed.union(remaining) }
        }
        return (deciding, Outcome(decision: HopDecision(pieces: pieces), allowed: allowed))
    }
}
