/// POLICY-24: permitted paths that contradict the scope file's intended zone matrix.
///
/// Every deny entry is checked on the predicate classes of the rules (``ClassPaths``), so each
/// address of the source zones is compared with each address of the destination zones; the
/// exceptions' addresses are cut into the classes, so an exception applies to a whole block or
/// not at all. One finding per entry and permitting rule set, with the rule as evidence.
enum PolicyFindings {
    /// An exception of an entry with its ends resolved to addresses (nil: any).
    private typealias Exception = (e: ZonePolicyException, from: AddressSet?, to: AddressSet?)

    /// One deny entry violated by one set of deciding rules (empty: no enforcement point between).
    private struct Key: Hashable {
        var entry: Int
        var rules: [RuleRef]
    }

    /// What the cells violating one ``Key`` permit, merged.
    private struct Violation {
        var services = ServiceSet()
        var sources = AddressSet()
        var destinations = AddressSet()
        var assets = Set<Int>()
        var pairs = Set<String>()
        var sameSegment: String?
    }

    static func findings(policy: [ZonePolicyEntry], topology: Topology, assets: [Asset], endpoints: [[Endpoint]])
        -> [Finding]
    {
        guard policy.contains(where: { $0.action == .deny }) else { return [] }
        let (exceptions, cuts) = resolveExceptions(policy, assets: assets)
        let paths = ClassPaths(topologies: [topology], assets: assets, endpoints: endpoints, cuts: cuts)
        let found = violations(policy, exceptions: exceptions, paths: paths)
        return found.map { key, v in finding(policy[key.entry], rules: key.rules, violation: v, assets: assets) }
    }

    /// Each entry's exceptions with their ends resolved (an asset id to its addresses, else an
    /// address literal), and every resolved end as a cut for the classes.
    private static func resolveExceptions(_ policy: [ZonePolicyEntry], assets: [Asset])
        -> (exceptions: [[Exception]], cuts: [AddressSet])
    {
        var assetIndex: [String: Int] = [:]
        for (i, a) in assets.enumerated() where assetIndex[a.id] == nil { assetIndex[a.id] = i }
        func resolve(_ name: String?) -> AddressSet? {
            guard let name else { return nil }
            if let i = assetIndex[name] { return assets[i].addresses }
            return AddressSet.parse(name) ?? AddressSet()
        }
        var cuts: [AddressSet] = []
        let exceptions: [[Exception]] = policy.map { entry in
            entry.exceptions.map { e in
                let f = resolve(e.from)
                let t = resolve(e.to)
                if let f { cuts.append(f) }
                if let t { cuts.append(t) }
                return (e, f, t)
            }
        }
        return (exceptions, cuts)
    }

    /// The cells of each deny entry's zone pairs that the rules permit beyond its exceptions,
    /// split by the rules deciding at the first hop so each permitting rule is its own finding.
    private static func violations(_ policy: [ZonePolicyEntry], exceptions: [[Exception]], paths: ClassPaths)
        -> [Key: Violation]
    {
        var found: [Key: Violation] = [:]
        for (n, entry) in policy.enumerated() where entry.action == .deny {
            let from = Set(entry.from)
            let to = Set(entry.to)
            paths.forEachCell(include: { from.contains($0) && to.contains($1) }) { cell in
                var permitted = cell.allowed[0]
                if permitted.isEmpty { return }
                for x in exceptions[n] {
                    if let f = x.from, !f.isSuperset(of: cell.source.addresses) { continue }
                    if let t = x.to, !t.isSuperset(of: cell.destination.addresses) { continue }
                    permitted = permitted.subtracting(x.e.services)
                }
                if permitted.isEmpty { return }
                var split: [(rules: [RuleRef], services: ServiceSet)] = []
                if cell.hops[0].isEmpty {
                    split = [([], permitted)]
                } else {
                    for piece in paths.pieces(cell, topology: 0, hop: 0, services: permitted, action: .allow) {
                        let later = paths.deciders(cell, topology: 0, services: piece.services, action: .allow).dropFirst()
                        split.append((PathDiff.unique([piece.rule] + later.flatMap { $0 }), piece.services))
                    }
                }
                for (rules, services) in split {
                    var v = found[Key(entry: n, rules: rules)] ?? Violation()
                    v.services = v.services.union(services)
                    v.sources = v.sources.union(cell.source.addresses)
                    v.destinations = v.destinations.union(cell.destination.addresses)
                    v.assets.formUnion(cell.source.assets)
                    v.assets.formUnion(cell.destination.assets)
                    v.pairs.insert("\(cell.fromZone)->\(cell.toZone)")
                    if cell.hops[0].isEmpty { v.sameSegment = cell.source.segment ?? "zone \(cell.fromZone)" }
                    found[Key(entry: n, rules: rules)] = v
                }
            }
        }
        return found
    }

    /// The finding for one violation: the permitting rules, each zone pair crossed (the `path`
    /// evidence waivers match on) and the scope file's entry.
    private static func finding(_ entry: ZonePolicyEntry, rules: [RuleRef], violation v: Violation, assets: [Asset])
        -> Finding
    {
        var evidence = rules.map(\.evidence)
        for p in v.pairs.sorted() { evidence.append(Evidence(kind: .path, text: p)) }
        evidence.append(Evidence(kind: .scope, text: "intended zone policy: \(entry.summary)", location: entry.location))
        let by = rules.isEmpty
            ? "no enforcement point between them (\(v.sameSegment ?? "unfiltered"))"
            : rules.map(\.text).joined(separator: ", ")
        let names = v.assets.sorted().map { assets[$0].id }
        let zones = v.pairs.sorted().map { $0.replacingOccurrences(of: "->", with: " → ") }.joined(separator: ", ")
        return FindingCatalog.policyViolation.make(
            assets: names,
            message: "\(zones): \(v.sources.summary) → \(v.destinations.summary) on \(v.services.exceptSummary) is permitted by \(by), but the intended zone policy (\(entry.location.file):\(entry.location.line)) is \(entry.summary).",
            evidence: evidence, primaryLocation: rules.first?.location ?? entry.location)
    }
}
