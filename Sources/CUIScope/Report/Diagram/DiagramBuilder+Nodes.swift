/// The nodes, edges and clusters of a diagram, styled by category and findings
/// (``DiagramStyle``), with tooltips that carry the evidence.
extension DiagramBuilder {
    func findingIDs(_ ids: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for id in ids {
            for f in findingsByAsset[id] ?? [] where f.severity != .info { counts[f.id, default: 0] += 1 }
        }
        return counts
    }

    func assetNode(_ node: String, _ a: AssetResult, part: String) -> DiagramGraph.Node {
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
        if a.zones.count > 1 { tip.append("zones: \(a.zones.joined(separator: ", "))") } else if let z = a.zone { tip.append("zone: \(z)") }
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
            ("class", .text("asset \(a.category.rawValue)" + (isEP ? " enforcement-point" : "") + (flags.isEmpty ? "" : " flagged"))),
        ]
        return DiagramGraph.Node(id: node, cluster: clusterOf(part), attributes: attrs, assets: [a.id])
    }

    func aggregateNode(_ node: String, _ ids: [String], part: String) -> DiagramGraph.Node {
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

    func enforcementNode(_ ep: EnforcementPointSummary, id: String) -> DiagramGraph.Node {
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

    func interfaceEdge(from: String, to: String, lhead: String?, zone: String, ep: String) -> DiagramGraph.Edge {
        var attrs: DiagramGraph.Attributes = [
            ("dir", .raw("none")), ("color", .text("#7F6000")), ("style", .raw("bold")),
            ("tooltip", .text("\(ep) joins zone \(zone)")), ("class", .text("interface")),
        ]
        if let lhead { attrs.append(("lhead", .id("cluster_" + lhead))) }
        return DiagramGraph.Edge(from: from, to: to, attributes: attrs)
    }

    /// The cluster key holding a part's nodes (parts are cluster keys).
    func clusterOf(_ part: String) -> String { part }

    func cluster(_ key: String) -> DiagramGraph.Cluster {
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
        if key.hasPrefix(Self.zonePrefix) { return zoneCluster(Self.zoneName(key)) }
        let inside = key.hasPrefix("in:")
        let name = Self.zoneName(key)
        let role = zones[name]?.role ?? .enterprise
        let attributes: DiagramGraph.Attributes = inside
            ? [("label", .text("in scope")), ("style", .text("filled,dashed")),
               ("fillcolor", .text(DiagramStyle.zoneFill(role, inside: true))), ("color", .text(DiagramStyle.boundaryColor)),
               ("penwidth", .raw("2.5")), ("fontcolor", .text(DiagramStyle.boundaryColor)), ("fontsize", .raw("9")),
               ("class", .text("boundary"))]
            : [("label", .text("out of scope")), ("style", .text("rounded")), ("color", .text("#BBBBBB")),
               ("fontcolor", .text("#666666")), ("fontsize", .raw("9"))]
        return DiagramGraph.Cluster(key: key, parent: Self.zonePrefix + name, attributes: attributes)
    }

    /// One cluster per zone, holding its in-scope part (inside the assessment boundary, red dashed)
    /// and its out-of-scope part (docs/DECISIONS.md 144).
    func zoneCluster(_ name: String) -> DiagramGraph.Cluster {
        let z = zones[name]
        let role = z?.role ?? .enterprise
        var label = name.isEmpty ? "no known zone" : "zone \(name) — \(DiagramStyle.zoneRoleTitle(role))"
        if let subnets = z?.subnets, !subnets.isEmpty, options.view != .network {
            label += "\n" + subnets.prefix(3).joined(separator: ", ") + (subnets.count > 3 ? " +\(subnets.count - 3)" : "")
        }
        return DiagramGraph.Cluster(
            key: Self.zonePrefix + name, parent: nil,
            attributes: [
                ("label", .text(label)), ("style", .text("filled,rounded")),
                ("fillcolor", .text(DiagramStyle.zoneFill(role, inside: false))), ("color", .text("#999999")),
                ("fontcolor", .text("#333333")), ("fontsize", .raw("10")),
            ])
    }

    /// The assessment scope as one node, which the dotted edges to cloud services start from: the
    /// services are reached from the scope as a whole, not from one asset.
    func boundaryNode() -> DiagramGraph.Node {
        let inScope = result.assets.filter { $0.category.isInScope && $0.kind != .cloudService }.count
        return DiagramGraph.Node(
            id: Self.boundaryKey, cluster: nil,
            attributes: [
                ("label", .text("CMMC assessment scope\nLevel \(result.level.rawValue) · \(inScope) in-scope assets")),
                ("shape", .raw("box")), ("style", .text("dashed,rounded")), ("color", .text(DiagramStyle.boundaryColor)),
                ("fontcolor", .text(DiagramStyle.boundaryColor)), ("penwidth", .raw("2.5")),
                ("tooltip", .text("the in-scope parts of every zone (red dashed)")), ("class", .text("boundary")),
            ],
            assets: [])
    }

    func graphAttributes(drawable: Int, mode: DiagramAggregation) -> DiagramGraph.Attributes {
        var title = options.title ?? ("cuiscope \(options.view.rawValue) diagram" + (result.organisation.map { " — \($0)" } ?? ""))
        // The date is the inputs' (the last flow record or the Marketplace snapshot), never the
        // clock, so the same inputs draw the same diagram (docs/DECISIONS.md 107, 144).
        title += "\n" + (result.inputsDate.map { "Inputs dated \(EvidenceText.timestamp($0).prefix(10))" } ?? "No input carries a date")
        title += " · CMMC Level \(result.level.rawValue) · \(drawable) assets drawn"
        if mode != .none { title += " · aggregated by \(mode.rawValue)" }
        if let around = options.around { title += " · around \(around)" }
        if let zone = options.zone { title += " · zone \(zone)" }
        if options.onlyFindings { title += " · flagged only" }
        if let snap = result.marketplaceSnapshot { title += "\nFedRAMP Marketplace snapshot \(snap)" }
        return [
            ("label", .text(title)), ("labelloc", .raw("t")), ("fontname", .text("Helvetica")),
            ("fontsize", .raw("14")), ("compound", .raw("true")), ("rankdir", .raw("LR")),
            ("newrank", .raw("true")), ("nodesep", .raw("0.8")), ("ranksep", .raw("1.2")),
            ("forcelabels", .raw("false")),
            ("tooltip", .text("cuiscope \(ToolInfo.version) \(options.view.rawValue) diagram")),
        ]
    }
}
