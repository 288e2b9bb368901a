/// Builds a ``DiagramGraph`` for one view from an ``AnalysisResult``. It only reads the result:
/// categories, findings, edges and the network summary decide every node, cluster and edge.
///
/// Layout (FedRAMP authorization-boundary conventions): one cluster per zone, holding its
/// in-scope part — a red dashed cluster, the CMMC assessment boundary within that zone — and its
/// out-of-scope part (docs/DECISIONS.md 144); external (cloud) services sit outside, split into
/// FedRAMP Moderate-or-higher authorized and not; enforcement points sit between the zones they
/// join; hosts in no inventory seen in flows sit in their zone; a legend lists the styles drawn.
struct DiagramBuilder {
    let result: AnalysisResult
    let options: DiagramOptions

    static let boundaryKey = "boundary"
    /// Prefix of a zone's cluster key; its parts `in:ZONE` and `out:ZONE` are clusters inside it.
    static let zonePrefix = "zone:"
    static let externalKey = "ext"
    static let authorizedKey = "ext:authorized"
    static let unauthorizedKey = "ext:unauthorized"

    let assetsByID: [String: AssetResult]
    let findingsByAsset: [String: [Finding]]
    let services: [String: ExternalServiceSummary]
    let zones: [String: ZoneSummary]

    init(result: AnalysisResult, options: DiagramOptions) {
        self.result = result
        self.options = options
        var assetsByID: [String: AssetResult] = [:]
        var findingsByAsset: [String: [Finding]] = [:]
        for a in result.assets { assetsByID[a.id] = a }
        for f in result.findings { for id in Set(f.assets) { findingsByAsset[id, default: []].append(f) } }
        self.assetsByID = assetsByID
        self.findingsByAsset = findingsByAsset
        services = Dictionary(result.network.externalServices.map { ($0.assetID, $0) }, uniquingKeysWith: { _, last in last })
        zones = Dictionary(result.network.zones.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The cluster key of an asset's zone part: `in:ZONE` inside the boundary, `out:ZONE`
    /// outside, or one of the two external-service clusters for cloud services.
    func part(of a: AssetResult) -> String {
        if a.kind == .cloudService {
            return (services[a.id]?.authorized ?? false) ? Self.authorizedKey : Self.unauthorizedKey
        }
        return (a.category.isInScope ? "in:" : "out:") + (a.zone ?? "")
    }

    /// Whether a cluster key lies inside the boundary.
    static func isInside(_ key: String) -> Bool { key.hasPrefix("in:") || key == boundaryKey }

    /// The zone name of a cluster key (`in:Z`, `out:Z`, `zone:Z`); other keys are their own name.
    static func zoneName(_ key: String) -> String {
        for prefix in ["in:", "out:", zonePrefix] where key.hasPrefix(prefix) { return String(key.dropFirst(prefix.count)) }
        return key
    }

    func build() throws(DiagramError) -> DiagramGraph {
        let (drawable, items) = try drawableItems()
        let focused = options.around != nil || options.zone != nil || options.onlyFindings
        let placement = place(drawable)
        var layout = Layout(nodes: nodes(placement))
        layoutZones(&layout, placement: placement, focused: focused)
        if options.view != .dataflow { layoutEnforcementPoints(&layout, placement: placement, focused: focused) }
        let dataEdges = self.dataEdges(items, nodeOf: placement.nodeOf, layout: &layout)
        let unknown = unknownHosts(nodeOf: placement.nodeOf, aggregated: placement.mode != .none)
        layout.nodes += unknown.nodes
        layout.extraEdges += unknown.edges
        let people = actors(nodeOf: placement.nodeOf)
        layout.nodes += people.nodes
        layout.extraEdges += people.edges
        return graph(layout, dataEdges: dataEdges, drawable: drawable.count, mode: placement.mode)
    }

    /// Where step 3 put the drawable assets.
    struct Placement {
        /// Asset id → the cluster key of its zone part (``part(of:)``).
        var parts: [String: String]
        /// Asset id → its node id (its own, or an aggregate's).
        var nodeOf: [String: String]
        var mode: DiagramAggregation
        /// Enforcement points that are inventory assets too, drawn as their asset node.
        var keep: Set<String>
    }

    /// What steps 3–6 build up: nodes, the cluster keys drawn, the invisible anchor node of each
    /// cluster an edge points at as a whole, and the interface and membership edges.
    struct Layout {
        var nodes: [DiagramGraph.Node]
        var clusterKeys: Set<String> = []
        var anchors: [String: String] = [:]  // cluster key → anchor node id
        var extraEdges: [DiagramGraph.Edge] = []
        /// Network view: the subnet nodes of each zone part, which interfaces attach to.
        var subnetsByPart: [String: [String]] = [:]

        /// The anchor node of a cluster, added on first use.
        mutating func anchor(_ key: String) -> String {
            if let a = anchors[key] { return a }
            let id = "anchor:" + key
            anchors[key] = id
            nodes.append(DiagramGraph.Node(
                id: id, cluster: key,
                attributes: [("shape", .raw("point")), ("style", .raw("invis")), ("width", .raw("0.01")),
                             ("label", .text(""))],
                assets: []))
            return id
        }
    }

    /// Steps 1–2: the edges this view draws (asset ids, with their flags) and the assets it
    /// draws: the view's, then the focus filters.
    private func drawableItems() throws(DiagramError) -> (Set<String>, [DiagramEdges.Item]) {
        let declared = Dictionary(uniqueKeysWithValues: result.assets.map { ($0.id, $0.declared) })
        var items: [DiagramEdges.Item] = []
        if options.view != .network {
            items = DiagramEdges.items(
                result.edges + result.network.cuiEdges, findingsByAsset: findingsByAsset, declared: declared)
            items += declaredCloudItems()
        }
        var drawable = Set(result.assets.filter { a in
            options.view != .dataflow || a.category.isInScope || (services[a.id]?.holdsCUI ?? false)
        }.map(\.id))
        items = items.filter { ($0.from == Self.boundaryKey || drawable.contains($0.from)) && drawable.contains($0.to) }
        if let around = options.around {
            guard assetsByID[around] != nil else { throw DiagramError("--around: no asset with id '\(around)'") }
            drawable = drawable.intersection(neighbourhood(of: [around], items: items))
        }
        if let zone = options.zone {
            guard zones[zone] != nil || result.assets.contains(where: { $0.zone == zone }) else {
                throw DiagramError(
                    "--zone: no zone named '\(zone)' (known: \(result.network.zones.map(\.name).joined(separator: ", ")))")
            }
            let members = Set(result.assets.filter { $0.zone == zone }.map(\.id))
            drawable = drawable.intersection(neighbourhood(of: members, items: items))
        }
        if options.onlyFindings {
            var keep = Set(result.findings.filter { $0.severity != .info }.flatMap(\.assets))
            for i in items where !i.findings.isEmpty { keep.insert(i.from); keep.insert(i.to) }
            drawable = drawable.intersection(keep)
        }
        items = items.filter { ($0.from == Self.boundaryKey || drawable.contains($0.from)) && drawable.contains($0.to) }
        return (drawable, items)
    }

    /// Step 3: each drawable asset's zone part and node (its own, or an aggregate's).
    private func place(_ drawable: Set<String>) -> Placement {
        var parts: [String: String] = [:]
        var categories: [String: Category] = [:]
        for id in drawable { if let a = assetsByID[id] { parts[id] = part(of: a); categories[id] = a.category } }
        let epNames = Set(result.network.enforcementPoints.map(\.name))
        let keep = options.view == .dataflow ? [] : drawable.intersection(epNames)
        let mode = DiagramAggregator.resolve(options.aggregate, parts: parts, categories: categories)
        let nodeOf = DiagramAggregator.nodeIDs(mode: mode, parts: parts, categories: categories, keepIndividual: keep)
        return Placement(parts: parts, nodeOf: nodeOf, mode: mode, keep: keep)
    }

    /// Step 3: the asset and aggregate nodes.
    private func nodes(_ placement: Placement) -> [DiagramGraph.Node] {
        var members: [String: [String]] = [:]
        for (asset, node) in placement.nodeOf { members[node, default: []].append(asset) }
        return members.keys.sorted().map { node in
            let ids = (members[node] ?? []).sorted()
            return ids.count == 1 && node.hasPrefix("asset:")
                ? assetNode(node, assetsByID[ids[0]]!, part: placement.parts[ids[0]] ?? "")
                : aggregateNode(node, ids, part: placement.parts[ids[0]] ?? "")
        }
    }

    /// Step 4: clusters (the boundary, zone parts, external services), subnets in the network
    /// view, and an anchor in each zone cluster that has no node.
    private func layoutZones(_ layout: inout Layout, placement: Placement, focused: Bool) {
        layout.clusterKeys = Set(layout.nodes.compactMap(\.cluster))
        if options.view != .dataflow && !focused {
            // Every zone is drawn; a zone already drawn (in either part) gets no empty twin.
            for z in result.network.zones
            where !layout.clusterKeys.contains("in:" + z.name) && !layout.clusterKeys.contains("out:" + z.name) {
                layout.clusterKeys.insert((z.isEnclave ? "in:" : "out:") + z.name)
            }
        }
        if options.view == .network {
            let subnets = subnetNodes(clusterKeys: &layout.clusterKeys, parts: placement.parts, nodeOf: placement.nodeOf,
                                      aggregated: placement.mode != .none, focused: focused)
            layout.nodes += subnets.nodes
            layout.extraEdges += subnets.edges
            layout.subnetsByPart = subnets.byZone
        }
        guard options.view != .dataflow else { return }
        for key in layout.clusterKeys where key.hasPrefix("in:") || key.hasPrefix("out:") {
            if !layout.nodes.contains(where: { $0.cluster == key }) { _ = layout.anchor(key) }
        }
    }

    /// Step 5: enforcement points between the zones they join: one interface edge per zone (to
    /// the zone's cluster), or per subnet in the network view.
    private func layoutEnforcementPoints(_ layout: inout Layout, placement: Placement, focused: Bool) {
        for ep in result.network.enforcementPoints {
            let epNode = placement.keep.contains(ep.name) ? placement.nodeOf[ep.name] ?? "" : "ep:" + ep.name
            let own = layout.nodes.first { $0.id == epNode }?.cluster.map(Self.zoneName)
            var links: [DiagramGraph.Edge] = []
            for z in ep.zones {
                let parts = ["in:" + z, "out:" + z].filter { layout.clusterKeys.contains($0) }
                guard !parts.isEmpty else { continue }
                let targets = parts.flatMap { layout.subnetsByPart[$0] ?? [] }
                if targets.isEmpty {
                    // A firewall drawn inside a zone already sits in it; its subnets are still joined.
                    guard z != own else { continue }
                    let zone = Self.zonePrefix + z
                    links.append(interfaceEdge(from: epNode, to: layout.anchor(zone), lhead: zone, zone: z, ep: ep.name))
                } else {
                    for t in targets { links.append(interfaceEdge(from: epNode, to: t, lhead: nil, zone: z, ep: ep.name)) }
                }
            }
            if links.isEmpty && focused { continue }
            if !placement.keep.contains(ep.name) { layout.nodes.append(enforcementNode(ep, id: epNode)) }
            layout.extraEdges += links
        }
    }

    /// Step 6: data edges, merged between nodes; the boundary view keeps what crosses a zone
    /// part or is flagged.
    private func dataEdges(_ items: [DiagramEdges.Item], nodeOf: [String: String], layout: inout Layout)
        -> [DiagramGraph.Edge]
    {
        var clusterOfNode: [String: String] = [:]
        for n in layout.nodes { if let c = n.cluster { clusterOfNode[n.id] = c } }
        var nodeMap = nodeOf
        if items.contains(where: { $0.style == .declared }) {
            nodeMap[Self.boundaryKey] = Self.boundaryKey
            layout.nodes.append(boundaryNode())
        }
        clusterOfNode[Self.boundaryKey] = Self.boundaryKey
        let inside = { (n: String) in Self.isInside(clusterOfNode[n] ?? "") }
        var merged = DiagramEdges.merge(items, nodeOf: nodeMap)
        if options.view == .boundary {
            merged = merged.filter { m in
                !m.findings.isEmpty || m.style == .declared || clusterOfNode[m.a] != clusterOfNode[m.b]
            }
        }
        return merged.map { DiagramEdges.edge($0, inside: inside) }
    }

    /// Step 7: clusters with their parents, the legend, the graph.
    private func graph(_ layout: Layout, dataEdges: [DiagramGraph.Edge], drawable: Int, mode: DiagramAggregation)
        -> DiagramGraph
    {
        let keys = layout.clusterKeys.union(layout.anchors.keys)
        let zoneKeys = keys.union(layout.nodes.compactMap(\.cluster)).filter { $0.hasPrefix("in:") || $0.hasPrefix("out:") || $0.hasPrefix(Self.zonePrefix) }
            .map { Self.zonePrefix + Self.zoneName($0) }
        var clusters = keys.union(zoneKeys).sorted().map(cluster)
        if clusters.contains(where: { $0.parent == Self.externalKey }) {
            clusters.append(DiagramGraph.Cluster(
                key: Self.externalKey, parent: nil,
                attributes: [("label", .text("External services (cloud / ESP)")), ("style", .raw("rounded")),
                             ("color", .text("#666666"))]))
        }
        clusters.append(DiagramLegend.cluster())
        var nodes = layout.nodes
        let edges = (dataEdges + layout.extraEdges).sorted {
            $0.from != $1.from ? NaturalOrder.less($0.from, $1.from) : NaturalOrder.less($0.to, $1.to)
        }
        nodes.append(DiagramLegend.node(DiagramLegend.Present(nodes: nodes, edges: edges, clusters: clusters)))
        return DiagramGraph(
            attributes: graphAttributes(drawable: drawable, mode: mode),
            clusters: clusters.sorted { NaturalOrder.less($1.key, $0.key) },
            nodes: nodes.sorted { Self.drawnBefore($0.id, $1.id, view: options.view) }, edges: edges)
    }

    /// The order nodes are written in, so the page reads top to bottom in natural order
    /// (docs/DECISIONS.md 108, 144). With `rankdir=LR` Graphviz stacks unconnected nodes of a rank
    /// in the order written, but the network view's nodes hang off subnet nodes, whose edges make
    /// it stack them in reverse; `NaturalOrderTests` checks both on the laid-out page.
    static func drawnBefore(_ a: String, _ b: String, view: DiagramView) -> Bool {
        view == .network ? NaturalOrder.less(b, a) : NaturalOrder.less(a, b)
    }

    /// `seeds` and every asset that shares an edge with one of them.
    private func neighbourhood(of seeds: Set<String>, items: [DiagramEdges.Item]) -> Set<String> {
        var out = seeds
        for i in items {
            if seeds.contains(i.from) { out.insert(i.to) }
            if seeds.contains(i.to) { out.insert(i.from) }
        }
        return out
    }

    /// Cloud services that hold CUI or SPD (or are in scope): a dotted edge from the boundary,
    /// since the connection is stated in the inventory and no address evidences it.
    private func declaredCloudItems() -> [DiagramEdges.Item] {
        result.network.externalServices.compactMap { s in
            guard let a = assetsByID[s.assetID], s.holdsCUI || a.category.isInScope else { return nil }
            let data = s.holdsCUI ? "CUI" : "Security Protection Data"
            let flags = Set((findingsByAsset[a.id] ?? []).filter { $0.severity != .info && $0.assets == [a.id] }.map(\.id))
            return DiagramEdges.Item(
                from: Self.boundaryKey, to: a.id, style: .declared, services: nil,
                detail: data,
                provenance: ["\(a.location.file):\(a.location.line): inventory row of \(a.id) (\(a.category.rawValue)); "
                    + "the connection is stated in the inventory, its ports are in no evidence"],
                findings: flags)
        }
    }
}
