/// Builds a ``DiagramGraph`` for one view from an ``AnalysisResult``. It only reads the result:
/// categories, findings, edges and the network summary decide every node, cluster and edge.
///
/// Layout (FedRAMP authorization-boundary conventions): the CMMC assessment boundary is a red
/// dashed cluster holding exactly the in-scope assets of the organisation's network, grouped by
/// zone; the out-of-scope part of each zone sits outside it; external (cloud) services sit outside
/// too, split into FedRAMP Moderate-or-higher authorized and not; enforcement points sit between
/// the zones they join; a legend is always present.
struct DiagramBuilder {
    let result: AnalysisResult
    let options: DiagramOptions

    static let boundaryKey = "boundary"
    static let externalKey = "ext"
    static let authorizedKey = "ext:authorized"
    static let unauthorizedKey = "ext:unauthorized"

    private var assetsByID: [String: AssetResult] = [:]
    private var findingsByAsset: [String: [Finding]] = [:]
    private var services: [String: ExternalServiceSummary] = [:]
    private var zones: [String: ZoneSummary] = [:]

    init(result: AnalysisResult, options: DiagramOptions) {
        self.result = result
        self.options = options
        for a in result.assets { assetsByID[a.id] = a }
        for f in result.findings { for id in Set(f.assets) { findingsByAsset[id, default: []].append(f) } }
        for s in result.network.externalServices { services[s.assetID] = s }
        for z in result.network.zones { zones[z.name] = z }
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

    func build() throws(DiagramError) -> DiagramGraph {
        // 1. The edges this view draws (asset ids), with their flags.
        let declared = Dictionary(uniqueKeysWithValues: result.assets.map { ($0.id, $0.declared) })
        var items: [DiagramEdges.Item] = []
        if options.view != .network {
            items = DiagramEdges.items(
                result.edges + result.network.cuiEdges, findingsByAsset: findingsByAsset, declared: declared)
            items += declaredCloudItems()
        }

        // 2. Drawable assets: the view's, then the focus filters.
        var drawable = Set(result.assets.filter { a in
            options.view != .dataflow || a.category.isInScope || (services[a.id]?.holdsCUI ?? false)
        }.map(\.id))
        items = items.filter { ($0.from == Self.boundaryKey || drawable.contains($0.from)) && drawable.contains($0.to) }
        let focused = options.around != nil || options.zone != nil || options.onlyFindings
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

        // 3. Nodes per asset (or aggregate).
        var parts: [String: String] = [:]
        var categories: [String: Category] = [:]
        for id in drawable { if let a = assetsByID[id] { parts[id] = part(of: a); categories[id] = a.category } }
        let epNames = Set(result.network.enforcementPoints.map(\.name))
        let keep = options.view == .dataflow ? [] : drawable.intersection(epNames)
        let mode = DiagramAggregator.resolve(options.aggregate, parts: parts, categories: categories)
        let nodeOf = DiagramAggregator.nodeIDs(mode: mode, parts: parts, categories: categories, keepIndividual: keep)
        var members: [String: [String]] = [:]
        for (asset, node) in nodeOf { members[node, default: []].append(asset) }
        var nodes: [DiagramGraph.Node] = members.keys.sorted().map { node in
            let ids = (members[node] ?? []).sorted()
            return ids.count == 1 && node.hasPrefix("asset:")
                ? assetNode(node, assetsByID[ids[0]]!, part: parts[ids[0]] ?? "")
                : aggregateNode(node, ids, part: parts[ids[0]] ?? "")
        }

        // 4. Clusters: the boundary, zone parts, external services.
        var clusterKeys = Set(nodes.compactMap(\.cluster))
        if options.view != .dataflow && !focused {
            // Every zone is drawn; a zone already drawn (in either part) gets no empty twin.
            for z in result.network.zones where !clusterKeys.contains("in:" + z.name) && !clusterKeys.contains("out:" + z.name) {
                clusterKeys.insert((z.isEnclave ? "in:" : "out:") + z.name)
            }
        }
        var anchors: [String: String] = [:]  // cluster key → anchor node id
        var extraEdges: [DiagramGraph.Edge] = []
        let subnetInfo = options.view == .network
            ? subnetNodes(clusterKeys: &clusterKeys, parts: parts, nodeOf: nodeOf, aggregated: mode != .none,
                          focused: focused)
            : (nodes: [], edges: [], byZone: [:])
        nodes += subnetInfo.nodes
        extraEdges += subnetInfo.edges
        func anchor(_ key: String) -> String {
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
        if options.view != .dataflow { for key in clusterKeys where key.hasPrefix("in:") || key.hasPrefix("out:") {
            if !nodes.contains(where: { $0.cluster == key }) { _ = anchor(key) }
        } }

        // 5. Enforcement points between the zones they join.
        if options.view != .dataflow {
            for ep in result.network.enforcementPoints {
                let epNode = keep.contains(ep.name) ? nodeOf[ep.name] ?? "" : "ep:" + ep.name
                let own = nodes.first { $0.id == epNode }?.cluster
                var links: [DiagramGraph.Edge] = []
                for z in ep.zones {
                    for key in ["in:" + z, "out:" + z] where clusterKeys.contains(key) && key != own {
                        let targets = subnetInfo.byZone[key] ?? []
                        if targets.isEmpty {
                            links.append(interfaceEdge(from: epNode, to: anchor(key), lhead: key, zone: z, ep: ep.name))
                        } else {
                            for t in targets { links.append(interfaceEdge(from: epNode, to: t, lhead: nil, zone: z, ep: ep.name)) }
                        }
                    }
                }
                if links.isEmpty && focused { continue }
                if !keep.contains(ep.name) { nodes.append(enforcementNode(ep, id: epNode)) }
                extraEdges += links
            }
        }

        // 6. Data edges, merged between nodes; the boundary view keeps what crosses a zone part or is flagged.
        var clusterOfNode: [String: String] = [:]
        for n in nodes { if let c = n.cluster { clusterOfNode[n.id] = c } }
        var nodeMap = nodeOf
        if items.contains(where: { $0.style == .declared }) { nodeMap[Self.boundaryKey] = anchor(Self.boundaryKey) }
        clusterOfNode[anchors[Self.boundaryKey] ?? ""] = Self.boundaryKey
        let inside = { (n: String) in Self.isInside(clusterOfNode[n] ?? "") }
        var merged = DiagramEdges.merge(items, nodeOf: nodeMap)
        if options.view == .boundary {
            merged = merged.filter { m in
                !m.findings.isEmpty || m.style == .declared || clusterOfNode[m.a] != clusterOfNode[m.b]
            }
        }
        let dataEdges = merged.map { m in
            var extra: DiagramGraph.Attributes = []
            if m.a == anchors[Self.boundaryKey] { extra.append(("ltail", .id("cluster_" + Self.boundaryKey))) }
            if m.b == anchors[Self.boundaryKey] { extra.append(("lhead", .id("cluster_" + Self.boundaryKey))) }
            return DiagramEdges.edge(m, inside: inside, extra: extra)
        }

        // 7. Clusters with their parents, the legend, the graph.
        var clusters = clusterKeys.union(anchors.keys.filter { $0 != Self.boundaryKey }).sorted().map(cluster)
        if clusters.contains(where: { $0.parent == Self.boundaryKey }) || anchors[Self.boundaryKey] != nil {
            clusters.append(boundaryCluster())
        }
        if clusters.contains(where: { $0.parent == Self.externalKey }) {
            clusters.append(DiagramGraph.Cluster(
                key: Self.externalKey, parent: nil,
                attributes: [("label", .text("External services (cloud / ESP)")), ("style", .raw("rounded")),
                             ("color", .text("#666666"))]))
        }
        clusters.append(DiagramLegend.cluster())
        nodes.append(DiagramLegend.node(view: options.view, aggregated: mode != .none))
        let edges = (dataEdges + extraEdges).sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        return DiagramGraph(
            attributes: graphAttributes(drawable: drawable.count, mode: mode),
            clusters: clusters.sorted { $0.key < $1.key }, nodes: nodes.sorted { $0.id < $1.id }, edges: edges)
    }

    // MARK: - Pieces

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
                detail: "\(data) · ports not in evidence",
                provenance: ["\(a.location.file):\(a.location.line): inventory row of \(a.id) (\(a.category.rawValue))"],
                findings: flags)
        }
    }

    private func findingIDs(_ ids: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for id in ids {
            for f in findingsByAsset[id] ?? [] where f.severity != .info { counts[f.id, default: 0] += 1 }
        }
        return counts
    }

    private func assetNode(_ node: String, _ a: AssetResult, part: String) -> DiagramGraph.Node {
        let look = DiagramStyle.look(a.category)
        let flags = findingIDs([a.id]).keys.sorted()
        var label = "<b>\(DOTEscape.html(a.id))</b>"
        if a.name != a.id { label += "<br/><font point-size=\"8\">\(DOTEscape.html(DOTEscape.truncated(a.name, 40)))</font>" }
        label += "<br/><font point-size=\"7\">\(DOTEscape.html(a.category.rawValue))</font>"
        if !flags.isEmpty {
            label += "<br/><font point-size=\"7\" color=\"\(DiagramStyle.flagColor)\">⚑ \(DOTEscape.html(flags.joined(separator: ", ")))</font>"
        }
        var tip = ["\(a.id) — \(a.name)", "category: \(a.category.rawValue)"
            + (a.declared.map { $0 == a.category ? "" : " (declared \($0.rawValue))" } ?? " (not declared)")]
        if !a.addresses.isEmpty { tip.append("addresses: " + a.addresses.joined(separator: ", ")) }
        if let z = a.zone { tip.append("zone: \(z)") }
        if let s = services[a.id] {
            tip.append("FedRAMP: \(s.marketplaceID ?? "no package id") — \(s.status)")
        }
        for f in findingsByAsset[a.id] ?? [] { tip.append("\(f.id) (\(f.severity.rawValue)): \(f.title)") }
        tip.append("inventory: \(a.location.file):\(a.location.line)")
        let isEP = result.network.enforcementPoints.contains { $0.name == a.id } && options.view != .dataflow
        let attrs: DiagramGraph.Attributes = [
            ("label", .html(label)),
            ("shape", .raw(isEP ? DiagramStyle.enforcementShape : look.shape)),
            ("style", .text(look.shape == "box" && !isEP ? "filled,rounded" : "filled")),
            ("fillcolor", .text(look.fill)),
            ("color", .text(flags.isEmpty ? look.border : DiagramStyle.flagColor)),
            ("penwidth", .raw(flags.isEmpty ? "1" : "3")),
            ("tooltip", .text(tip.joined(separator: "\n"))),
            ("class", .text("asset \(a.category.rawValue)" + (flags.isEmpty ? "" : " flagged"))),
        ]
        return DiagramGraph.Node(id: node, cluster: clusterOf(part), attributes: attrs, assets: [a.id])
    }

    private func aggregateNode(_ node: String, _ ids: [String], part: String) -> DiagramGraph.Node {
        var byCategory: [Category: Int] = [:]
        for id in ids { if let a = assetsByID[id] { byCategory[a.category, default: 0] += 1 } }
        let top = byCategory.keys.sorted().first ?? .outOfScope
        let look = DiagramStyle.look(top)
        let flags = findingIDs(ids)
        var label = "<b>\(ids.count) assets</b>"
        for c in byCategory.keys.sorted() {
            label += "<br/><font point-size=\"8\">\(DOTEscape.html(c.rawValue)): \(byCategory[c] ?? 0)</font>"
        }
        if !flags.isEmpty {
            let text = flags.keys.sorted().prefix(4).map { "\($0) ×\(flags[$0] ?? 0)" }.joined(separator: ", ")
                + (flags.count > 4 ? " …" : "")
            label += "<br/><font point-size=\"7\" color=\"\(DiagramStyle.flagColor)\">⚑ \(DOTEscape.html(text))</font>"
        }
        let sample = ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? ", … (\(ids.count - 10) more)" : "")
        return DiagramGraph.Node(
            id: node, cluster: clusterOf(part),
            attributes: [
                ("label", .html(label)), ("shape", .raw(look.shape)), ("style", .text("filled")),
                ("peripheries", .raw("2")), ("fillcolor", .text(look.fill)),
                ("color", .text(flags.isEmpty ? look.border : DiagramStyle.flagColor)),
                ("penwidth", .raw(flags.isEmpty ? "1" : "3")),
                ("tooltip", .text("\(ids.count) assets: \(sample)")),
                ("class", .text("aggregate \(top.rawValue)" + (flags.isEmpty ? "" : " flagged"))),
            ],
            assets: ids)
    }

    private func enforcementNode(_ ep: EnforcementPointSummary, id: String) -> DiagramGraph.Node {
        DiagramGraph.Node(
            id: id, cluster: nil,
            attributes: [
                ("label", .html("<b>\(DOTEscape.html(ep.name))</b><br/><font point-size=\"8\">\(DOTEscape.html(ep.vendor)) · \(ep.ruleCount) rules</font>")),
                ("shape", .raw(DiagramStyle.enforcementShape)), ("style", .text("filled")),
                ("fillcolor", .text(DiagramStyle.enforcementFill)), ("color", .text("#7F6000")),
                ("tooltip", .text("enforcement point \(ep.name) (\(ep.vendor)), joins \(ep.zones.joined(separator: ", ")); \(ep.location.file):\(ep.location.line)")),
                ("class", .text("enforcement-point")),
            ],
            assets: [])
    }

    private func interfaceEdge(from: String, to: String, lhead: String?, zone: String, ep: String) -> DiagramGraph.Edge {
        var attrs: DiagramGraph.Attributes = [
            ("dir", .raw("none")), ("color", .text("#7F6000")), ("style", .raw("bold")),
            ("tooltip", .text("\(ep) joins zone \(zone)")), ("class", .text("interface")),
        ]
        if let lhead { attrs.append(("lhead", .id("cluster_" + lhead))) }
        return DiagramGraph.Edge(from: from, to: to, attributes: attrs)
    }

    /// The cluster key holding a part's nodes (parts are cluster keys).
    private func clusterOf(_ part: String) -> String { part }

    /// Subnet nodes for the network view (grouped when aggregating and a zone part has many),
    /// and the membership edges from asset nodes to them.
    private func subnetNodes(
        clusterKeys: inout Set<String>, parts: [String: String], nodeOf: [String: String], aggregated: Bool,
        focused: Bool
    ) -> (nodes: [DiagramGraph.Node], edges: [DiagramGraph.Edge], byZone: [String: [String]]) {
        // Which part each subnet goes in: inside when an in-scope asset sits in it.
        var used: [String: Set<String>] = [:]  // "zone|subnet" → parts of its members
        for (id, part) in parts where part.hasPrefix("in:") || part.hasPrefix("out:") {
            for s in result.network.assetSubnets[id] ?? [] {
                used[(assetsByID[id]?.zone ?? "") + "|" + s, default: []].insert(part)
            }
        }
        var placeOf: [String: String] = [:]  // "zone|subnet" → part key
        for z in result.network.zones {
            for s in z.subnets {
                let k = z.name + "|" + s
                let partsUsed = used[k] ?? []
                if partsUsed.isEmpty && focused { continue }
                placeOf[k] = partsUsed.contains("in:" + z.name) || (partsUsed.isEmpty && z.isEnclave)
                    ? "in:" + z.name : "out:" + z.name
            }
        }
        var perPart: [String: [String]] = [:]
        for (k, part) in placeOf { perPart[part, default: []].append(k) }
        var nodes: [DiagramGraph.Node] = []
        var nodeOfSubnet: [String: String] = [:]
        var byZone: [String: [String]] = [:]
        for part in perPart.keys.sorted() {
            clusterKeys.insert(part)
            let keys = (perPart[part] ?? []).sorted()
            let group = aggregated && keys.count > 8
            for k in keys {
                let subnet = String(k.split(separator: "|", maxSplits: 1).last ?? "")
                let id = group ? "subnets:" + part : "subnet:" + k
                nodeOfSubnet[k] = id
                if group && k != keys[0] { continue }
                let label = group
                    ? "\(keys.count) subnets\n\(subnetText(keys[0])) … \(subnetText(keys[keys.count - 1]))"
                    : subnet
                nodes.append(DiagramGraph.Node(
                    id: id, cluster: part,
                    attributes: [("label", .text(label)), ("shape", .raw("box")), ("style", .text("dashed,rounded")),
                                 ("fontsize", .raw("8")), ("class", .text("subnet"))],
                    assets: []))
                byZone[part, default: []].append(id)
            }
        }
        var pairs = Set<String>()
        var edges: [DiagramGraph.Edge] = []
        for (id, node) in nodeOf.sorted(by: { $0.key < $1.key }) {
            for s in result.network.assetSubnets[id] ?? [] {
                guard let target = nodeOfSubnet[(assetsByID[id]?.zone ?? "") + "|" + s] ?? nodeOfSubnetAnyZone(s, nodeOfSubnet),
                    pairs.insert(node + "\u{1}" + target).inserted
                else { continue }
                edges.append(DiagramGraph.Edge(
                    from: target, to: node,
                    attributes: [("dir", .raw("none")), ("color", .text("#999999")), ("class", .text("member"))]))
            }
        }
        return (nodes, edges, byZone)
    }

    private func subnetText(_ key: String) -> String { String(key.split(separator: "|", maxSplits: 1).last ?? "") }

    /// A subnet node by subnet text alone (an asset whose first zone differs from this subnet's zone).
    private func nodeOfSubnetAnyZone(_ subnet: String, _ table: [String: String]) -> String? {
        table.keys.sorted().first { subnetText($0) == subnet }.flatMap { table[$0] }
    }

    private func cluster(_ key: String) -> DiagramGraph.Cluster {
        if key == Self.authorizedKey || key == Self.unauthorizedKey {
            let ok = key == Self.authorizedKey
            return DiagramGraph.Cluster(
                key: key, parent: Self.externalKey,
                attributes: [
                    ("label", .text(ok ? "FedRAMP Moderate or higher authorized" : "Not FedRAMP authorized or unverified")),
                    ("style", .raw("rounded")), ("penwidth", .raw("2")),
                    ("color", .text(ok ? DiagramStyle.authorizedColor : DiagramStyle.unauthorizedColor)),
                    ("fontcolor", .text(ok ? DiagramStyle.authorizedColor : DiagramStyle.unauthorizedColor)),
                ])
        }
        let inside = key.hasPrefix("in:")
        let name = String(key.dropFirst(inside ? 3 : 4))
        let z = zones[name]
        let role = z?.role ?? .enterprise
        var label = name.isEmpty ? "no known zone" : "zone \(name) — \(DiagramStyle.zoneRoleTitle(role))"
        if inside && role != .enclave && !name.isEmpty { label += " (in-scope part)" }
        if let subnets = z?.subnets, !subnets.isEmpty, options.view != .network {
            label += "\n" + subnets.prefix(3).joined(separator: ", ") + (subnets.count > 3 ? " +\(subnets.count - 3)" : "")
        }
        return DiagramGraph.Cluster(
            key: key, parent: inside ? Self.boundaryKey : nil,
            attributes: [
                ("label", .text(label)), ("style", .text("filled,rounded")),
                ("fillcolor", .text(DiagramStyle.zoneFill(role, inside: inside))), ("color", .text("#999999")),
                ("fontcolor", .text("#333333")), ("fontsize", .raw("10")),
            ])
    }

    private func boundaryCluster() -> DiagramGraph.Cluster {
        let inScope = result.assets.filter { $0.category.isInScope && $0.kind != .cloudService }.count
        return DiagramGraph.Cluster(
            key: Self.boundaryKey, parent: nil,
            attributes: [
                ("label", .text("CMMC Assessment Scope — Level \(result.level.rawValue) (\(inScope) in-scope assets on the network)")),
                ("style", .raw("dashed")), ("color", .text(DiagramStyle.boundaryColor)), ("penwidth", .raw("2.5")),
                ("fontcolor", .text(DiagramStyle.boundaryColor)), ("fontsize", .raw("12")),
            ])
    }

    private func graphAttributes(drawable: Int, mode: DiagramAggregation) -> DiagramGraph.Attributes {
        var title = "cuiscope \(options.view.rawValue) diagram"
        if let org = result.organisation { title += " — \(org)" }
        title += "\nCMMC Level \(result.level.rawValue) · \(drawable) assets drawn"
        if mode != .none { title += " · aggregated by \(mode.rawValue)" }
        if let around = options.around { title += " · around \(around)" }
        if let zone = options.zone { title += " · zone \(zone)" }
        if options.onlyFindings { title += " · flagged only" }
        if let snap = result.marketplaceSnapshot { title += "\nFedRAMP Marketplace snapshot \(snap)" }
        return [
            ("label", .text(title)), ("labelloc", .raw("t")), ("fontname", .text("Helvetica")),
            ("fontsize", .raw("14")), ("compound", .raw("true")), ("rankdir", .raw("LR")),
            ("newrank", .raw("true")), ("nodesep", .raw("0.3")), ("ranksep", .raw("0.9")),
            ("tooltip", .text("cuiscope \(ToolInfo.version) \(options.view.rawValue) diagram")),
        ]
    }
}
