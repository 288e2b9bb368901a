/// Hosts no inventory row covers that flow logs show in session with a CUI asset (the traffic
/// behind DOC-14): drawn in their own style — a dashed purple note in the zone the address sits
/// in, outside both its in-scope and out-of-scope parts because nothing classified it — joined
/// to the asset by a dashed purple edge (docs/DECISIONS.md 144).
extension DiagramBuilder {
    /// Step 6b: one node per unknown address and one edge per (address, asset) pair, for the
    /// assets the diagram draws; none in the network view.
    func unknownHosts(nodeOf: [String: String]) -> (nodes: [DiagramGraph.Node], edges: [DiagramGraph.Edge]) {
        guard options.view != .network else { return ([], []) }
        var nodes: [String: DiagramGraph.Node] = [:]
        var flows: [String: [UnknownHostFlow]] = [:]
        for u in result.network.unknownHosts {
            guard let asset = nodeOf[u.assetID] else { continue }
            let id = "unknown:" + u.address
            if nodes[id] == nil { nodes[id] = unknownNode(u, id: id) }
            flows[id + "\u{1}" + asset, default: []].append(u)
        }
        let edges = flows.keys.sorted().compactMap { key -> DiagramGraph.Edge? in
            guard let list = flows[key], let first = list.first, let asset = nodeOf[first.assetID] else { return nil }
            return unknownEdge(list, host: "unknown:" + first.address, asset: asset)
        }
        return (nodes.keys.sorted().compactMap { nodes[$0] }, edges)
    }

    func unknownNode(_ u: UnknownHostFlow, id: String) -> DiagramGraph.Node {
        let label = "<b>\(DOTEscape.html(u.address))</b><br/><font point-size=\"7\">in no inventory</font>"
        return DiagramGraph.Node(
            id: id, cluster: u.zone.map { Self.zonePrefix + $0 },
            attributes: [
                ("label", .html(label)), ("shape", .raw("note")), ("style", .text("filled,dashed")),
                ("fillcolor", .text(DiagramStyle.unknownFill)), ("color", .text(DiagramStyle.unknownColor)),
                ("tooltip", .text("\(u.address): seen in flow logs, in no inventory" + (u.zone.map { "; zone \($0)" } ?? "; no known zone"))),
                ("class", .text("unknown-host")),
            ],
            assets: [])
    }

    /// The sessions between one unknown host and one asset node: their services, DOC-14 when a
    /// finding raises it for the asset, and every flow record's place in the tooltip.
    func unknownEdge(_ list: [UnknownHostFlow], host: String, asset: String) -> DiagramGraph.Edge {
        var services = ServiceSet()
        for u in list {
            let port = u.flow.destinationPort ?? 0
            services = services.union(.ports(u.flow.proto, port, port))
        }
        let flagged = list.contains { u in
            (findingsByAsset[u.assetID] ?? []).contains { $0.id == FindingID.documentationGap.rawValue }
        }
        let outbound = list.contains { $0.fromUnknown }
        let inbound = list.contains { !$0.fromUnknown }
        var label = DOTEscape.truncated(services.summary, 24)
        if flagged { label += "\n⚑ \(FindingID.documentationGap.rawValue)" }
        let tip = ["observed between \(host.dropFirst("unknown:".count)) (in no inventory) and \(list[0].assetID)"]
            + list.map { "\($0.flow.location.file):\($0.flow.location.line): \(EvidenceText.flow($0.flow).text)" }
        return DiagramGraph.Edge(
            from: host, to: asset,
            attributes: [
                ("xlabel", .text(label)), ("style", .raw("dashed")),
                ("dir", .raw(outbound && inbound ? "both" : (outbound ? "forward" : "back"))),
                ("color", .text(DiagramStyle.unknownColor)), ("fontcolor", .text(DiagramStyle.unknownColor)),
                ("penwidth", .raw("2")), ("tooltip", .text(tip.joined(separator: "\n"))), ("class", .text("unknown-host")),
            ])
    }
}
