/// A difference in what the rules permit between two sets of addresses: services the proposed
/// export newly permits (`opened`) or newly blocks (`closed`), with the rules responsible.
public struct PathChange: Sendable, Hashable {
    public var fromZone: String
    public var toZone: String
    public var sources: AddressSet
    public var destinations: AddressSet
    /// Asset ids inside `sources` / `destinations`, sorted.
    public var sourceAssets: [String]
    public var destinationAssets: [String]
    public var opened: ServiceSet
    public var closed: ServiceSet
    /// Proposed rules (or defaults) that now let the opened services through, every hop.
    public var permittedBy: [RuleRef]
    /// The proposed rule at the hop that changed: where a reviewer looks (SARIF location).
    public var cause: RuleRef?
    /// Baseline rules that used to let the closed services through.
    public var formerlyPermittedBy: [RuleRef]
    /// Proposed rules (or defaults) that now stop the closed services.
    public var blockedBy: [RuleRef]

    public init(fromZone: String, toZone: String, sources: AddressSet, destinations: AddressSet,
                sourceAssets: [String], destinationAssets: [String], opened: ServiceSet, closed: ServiceSet,
                permittedBy: [RuleRef], cause: RuleRef?, formerlyPermittedBy: [RuleRef], blockedBy: [RuleRef]) {
        self.fromZone = fromZone
        self.toZone = toZone
        self.sources = sources
        self.destinations = destinations
        self.sourceAssets = sourceAssets
        self.destinationAssets = destinationAssets
        self.opened = opened
        self.closed = closed
        self.permittedBy = permittedBy
        self.cause = cause
        self.formerlyPermittedBy = formerlyPermittedBy
        self.blockedBy = blockedBy
    }

    /// `corp 10.20.10.0/24 → enclave 10.50.1.10`.
    public var pathText: String { "\(fromZone) \(sources.summary) → \(toZone) \(destinations.summary)" }
}

/// Differential reachability between a baseline and a proposed rule set (docs/DECISIONS.md 23),
/// computed on the predicate classes of both (``ClassPaths``): every address pair of the zones
/// is covered, and a change is reported once per group of addresses that changed alike.
enum PathDiff {
    /// - Parameters:
    ///   - baseline: topology of the baseline rules.
    ///   - proposed: topology of the proposed rules (it places addresses for both).
    /// - Returns: changes sorted by zone pair, then address.
    static func changes(baseline: Topology, proposed: Topology, assets: [Asset]) -> [PathChange] {
        let endpoints = proposed.place(assets: assets)
        let paths = ClassPaths(topologies: [baseline, proposed], assets: assets, endpoints: endpoints)
        var raw: [PathChange] = []
        // Only cells where the two rule sets can decide differently: the others add no change.
        paths.forEachCell(onlyDiffering: true) { cell in
            let opened = cell.allowed[1].subtracting(cell.allowed[0])
            let closed = cell.allowed[0].subtracting(cell.allowed[1])
            if opened.isEmpty && closed.isEmpty { return }
            var permitted: [RuleRef] = []
            var cause: RuleRef?
            if !opened.isEmpty {
                let perHop = paths.deciders(cell, topology: 1, services: opened, action: .allow)
                permitted = perHop.flatMap { $0 }
                // The changed hop: the first whose baseline twin did not let all of `opened` through.
                let baselineHops = Dictionary(
                    cell.hops[0].indices.map { (paths.hopName(cell, topology: 0, hop: $0), $0) },
                    uniquingKeysWith: { a, _ in a })
                for n in perHop.indices {
                    let name = paths.hopName(cell, topology: 1, hop: n)
                    if let b = baselineHops[name], paths.hopAllows(cell, topology: 0, hop: b, services: opened) {
                        continue
                    }
                    cause = perHop[n].first
                    break
                }
                if cause == nil { cause = permitted.first }
            }
            let former = closed.isEmpty ? [] : paths.deciders(cell, topology: 0, services: closed, action: .allow)
                .flatMap { $0 }
            let blocked = closed.isEmpty ? [] : paths.deciders(cell, topology: 1, services: closed, action: .deny)
                .flatMap { $0 }
            raw.append(PathChange(
                fromZone: cell.fromZone, toZone: cell.toZone, sources: cell.source.addresses,
                destinations: cell.destination.addresses, sourceAssets: cell.source.assets.map { assets[$0].id }.sorted(),
                destinationAssets: cell.destination.assets.map { assets[$0].id }.sorted(), opened: opened, closed: closed,
                permittedBy: unique(permitted), cause: cause, formerlyPermittedBy: unique(former),
                blockedBy: unique(blocked)))
        }
        return merge(raw)
    }

    static func unique(_ refs: [RuleRef]) -> [RuleRef] {
        var seen = Set<RuleRef>()
        return refs.filter { seen.insert($0).inserted }
    }

    /// Merges changes that differ only in their sources (same destination), then only in their
    /// destinations, so an any-any rule reads as one change, not one per address class.
    static func merge(_ changes: [PathChange]) -> [PathChange] {
        struct Key: Hashable {
            var fromZone: String, toZone: String, opened: ServiceSet, closed: ServiceSet
            var permitted: [RuleRef], cause: RuleRef?, former: [RuleRef], blocked: [RuleRef]
            var side: AddressSet
        }
        func key(_ c: PathChange, side: AddressSet) -> Key {
            Key(fromZone: c.fromZone, toZone: c.toZone, opened: c.opened, closed: c.closed,
                permitted: c.permittedBy.sorted(), cause: c.cause, former: c.formerlyPermittedBy.sorted(),
                blocked: c.blockedBy.sorted(), side: side)
        }
        func pass(_ list: [PathChange], bySources: Bool) -> [PathChange] {
            var index: [Key: Int] = [:]
            var out: [PathChange] = []
            for c in list {
                let k = key(c, side: bySources ? c.destinations : c.sources)
                if let i = index[k] {
                    if bySources {
                        out[i].sources = out[i].sources.union(c.sources)
                        out[i].sourceAssets = Array(Set(out[i].sourceAssets + c.sourceAssets)).sorted()
                    } else {
                        out[i].destinations = out[i].destinations.union(c.destinations)
                        out[i].destinationAssets = Array(Set(out[i].destinationAssets + c.destinationAssets)).sorted()
                    }
                } else {
                    index[k] = out.count
                    out.append(c)
                }
            }
            return out
        }
        let merged = pass(pass(changes, bySources: true), bySources: false)
        return merged.sorted {
            ($0.fromZone, $0.toZone, $0.sources.intervals.first?.lower ?? 0, $0.destinations.intervals.first?.lower ?? 0,
             $0.opened.intervals.first?.lower ?? 0)
                < ($1.fromZone, $1.toZone, $1.sources.intervals.first?.lower ?? 0,
                   $1.destinations.intervals.first?.lower ?? 0, $1.opened.intervals.first?.lower ?? 0)
        }
    }
}
