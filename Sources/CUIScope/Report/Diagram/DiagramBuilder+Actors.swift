/// Users and administrators as actors, drawn where the inventory names the devices they use:
/// "CUI users" beside the CUI Assets that are people's devices (endpoints and VDI clients), and
/// "Administrators" beside the assets the inventory states as administrative access (`pam`,
/// `jump-host`). No input names people, so an actor is only drawn when its devices are, and each
/// edge's tooltip cites the inventory row it rests on (docs/DECISIONS.md 144).
extension DiagramBuilder {
    /// An actor and how its devices are recognised.
    struct Actor: Sendable {
        var id: String
        var title: String
        var role: String
        var uses: @Sendable (AssetResult) -> Bool
    }

    static let actors: [Actor] = [
        Actor(id: "actor:administrators", title: "Administrators", role: "administer the systems through",
              uses: { $0.functions.contains(.pam) || $0.functions.contains(.jumpHost) }),
        Actor(id: "actor:cui-users", title: "CUI users", role: "handle CUI on",
              uses: { $0.category == .cui && ($0.kind == .endpoint || $0.kind == .vdiClient) }),
    ]

    /// Step 6c: the actors whose devices the diagram draws, one edge per device node; none in the
    /// network view.
    func actors(nodeOf: [String: String]) -> (nodes: [DiagramGraph.Node], edges: [DiagramGraph.Edge]) {
        guard options.view != .network else { return ([], []) }
        var nodes: [DiagramGraph.Node] = []
        var edges: [DiagramGraph.Edge] = []
        for actor in Self.actors {
            var devices: [String: [AssetResult]] = [:]
            for a in result.assets where actor.uses(a) {
                if let node = nodeOf[a.id] { devices[node, default: []].append(a) }
            }
            guard !devices.isEmpty else { continue }
            let count = devices.values.reduce(0) { $0 + $1.count }
            nodes.append(actorNode(actor, devices: count))
            for node in devices.keys.sorted() {
                edges.append(actorEdge(actor, to: node, devices: devices[node] ?? []))
            }
        }
        return (nodes, edges)
    }

    func actorNode(_ actor: Actor, devices: Int) -> DiagramGraph.Node {
        let label = "<b>\(DOTEscape.html(actor.title))</b><br/><font point-size=\"7\">actor · \(devices) device\(devices == 1 ? "" : "s")</font>"
        return DiagramGraph.Node(
            id: actor.id, cluster: nil,
            attributes: [
                ("label", .html(label)), ("shape", .raw("box")), ("style", .text("rounded,bold")),
                ("color", .text(DiagramStyle.actorColor)),
                ("tooltip", .text("\(actor.title): people who \(actor.role) the devices joined to this node")),
                ("class", .text("actor")),
            ],
            assets: [])
    }

    func actorEdge(_ actor: Actor, to node: String, devices: [AssetResult]) -> DiagramGraph.Edge {
        let rows = devices.prefix(12).map { "\($0.location.file):\($0.location.line): inventory row of \($0.id) (\($0.kind.rawValue), \($0.category.rawValue)\($0.functions.isEmpty ? "" : "; " + $0.functions.map(\.rawValue).joined(separator: ", ")))" }
        let tip = ["\(actor.title) \(actor.role) \(devices.map(\.id).prefix(12).joined(separator: ", "))"] + rows
            + (devices.count > 12 ? ["… \(devices.count - 12) more"] : [])
        return DiagramGraph.Edge(
            from: actor.id, to: node,
            attributes: [
                ("dir", .raw("none")), ("color", .text(DiagramStyle.actorColor)), ("style", .raw("solid")),
                ("tooltip", .text(tip.joined(separator: "\n"))), ("class", .text("actor")),
            ])
    }
}
