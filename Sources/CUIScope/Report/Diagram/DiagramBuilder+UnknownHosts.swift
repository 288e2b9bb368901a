/// Hosts no inventory row covers that flow logs show in session with a CUI asset (the traffic
/// behind DOC-14): drawn in their own style — a dashed purple note in the zone the address sits
/// in, outside both its in-scope and out-of-scope parts because nothing classified it — joined
/// to the asset by a dashed purple edge (docs/DECISIONS.md 144).
extension DiagramBuilder {
    /// Step 6b: one node per unknown address (per zone when the diagram aggregates, so thousands
    /// of addresses stay one node) and one edge per (node, asset node) pair, for the assets the
    /// diagram draws; none in the network view.
    func unknownHosts(nodeOf: [String: String], aggregated: Bool) -> (nodes: [DiagramGraph.Node], edges: [DiagramGraph.Edge]) {
        guard options.view != .network else { return ([], []) }
        var addresses: [String: Set<String>] = [:]
        var first: [String: UnknownHostFlow] = [:]
        var flows: [String: [UnknownHostFlow]] = [:]
        for u in result.network.unknownHosts {
            guard let asset = nodeOf[u.assetID] else { continue }
            let id = aggregated ? "unknown-hosts:" + (u.zone ?? "") : "unknown:" + u.address
            addresses[id, default: []].insert(u.address)
            if first[id] == nil { first[id] = u }
            flows[id + "\u{1}" + asset, default: []].append(u)
        }
        let nodes = first.keys.sorted().compactMap { id in
            first[id].map { unknownNode($0, id: id, addresses: (addresses[id] ?? []).count) }
        }
        let edges = flows.keys.sorted().compactMap { key -> DiagramGraph.Edge? in
            let parts = key.split(separator: "\u{1}", maxSplits: 1).map(String.init)
            guard parts.count == 2, let list = flows[key] else { return nil }
            return unknownEdge(list, host: parts[0], asset: parts[1])
        }
        return (nodes, edges)
    }

    func unknownNode(_ u: UnknownHostFlow, id: String, addresses: Int) -> DiagramGraph.Node {
        let title = addresses == 1 ? DOTEscape.html(u.address) : "\(addresses) hosts"
        let label = "<b>\(title)</b><br/><font point-size=\"7\">in no inventory</font>"
        let place = u.zone.map { "; zone \($0)" } ?? "; no known zone"
        return DiagramGraph.Node(
            id: id, cluster: u.zone.map { Self.zonePrefix + $0 },
            attributes: [
                ("label", .html(label)), ("shape", .raw("note")), ("style", .text("filled,dashed")),
                ("fillcolor", .text(DiagramStyle.unknownFill)), ("color", .text(DiagramStyle.unknownColor)),
                ("tooltip", .text((addresses == 1 ? u.address : "\(addresses) addresses") + ": seen in flow logs, in no inventory" + place)),
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
        let hosts = Set(list.map(\.address)).sorted().joined(separator: ", ")
        let tip = ["observed between \(hosts) (in no inventory) and \(Set(list.map(\.assetID)).sorted().joined(separator: ", "))"]
            + list.prefix(12).map { "\($0.flow.location.file):\($0.flow.location.line): \(EvidenceText.flow($0.flow).text)" }
            + (list.count > 12 ? ["… \(list.count - 12) more"] : [])
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
