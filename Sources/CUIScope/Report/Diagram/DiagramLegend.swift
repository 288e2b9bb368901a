/// The legend every diagram carries (FedRAMP boundary-diagram convention: a legend is always
/// present). It lists exactly the styles the diagram draws — the categories of its nodes,
/// enforcement points, aggregates, hosts not in the inventory, the boundary, each edge style and
/// the FedRAMP split — read from the finished nodes, edges and clusters, so it cannot promise a
/// style the drawing lacks (docs/DECISIONS.md 144).
enum DiagramLegend {
    static let clusterKey = "legend"
    static let nodeID = "legend"

    /// The styles a diagram draws, read from its `class`, `style` and cluster keys.
    struct Present {
        var categories: Set<Category> = []
        var classes: Set<String> = []
        var edgeStyles: Set<String> = []
        var clusterKeys: Set<String> = []
        /// An enforcement point drawn as its own node (not an inventory asset).
        var standaloneEnforcementPoint = false

        init(nodes: [DiagramGraph.Node], edges: [DiagramGraph.Edge], clusters: [DiagramGraph.Cluster]) {
            for n in nodes {
                let tokens = (DiagramLegend.text(n.attributes, "class") ?? "").split(separator: " ").map(String.init)
                classes.formUnion(tokens)
                if tokens.first == "enforcement-point" { standaloneEnforcementPoint = true }
                if tokens.first == "asset" && tokens.contains("enforcement-point") { classes.insert("asset-enforcement-point") }
                if tokens.first == "asset" || tokens.first == "aggregate", tokens.count > 1, let c = Category(rawValue: tokens[1]) {
                    categories.insert(c)
                }
            }
            for e in edges {
                let tokens = (DiagramLegend.text(e.attributes, "class") ?? "").split(separator: " ").map(String.init)
                classes.formUnion(tokens.map { "edge-" + $0 })
                if !["interface", "member", "unknown-host", "actor"].contains(tokens.first ?? "") {
                    edgeStyles.insert(DiagramLegend.text(e.attributes, "style") ?? "solid")
                }
            }
            clusterKeys = Set(clusters.map(\.key))
        }

        var boundary: Bool { clusterKeys.contains { $0.hasPrefix("in:") } || classes.contains("boundary") }
    }

    /// A text or raw attribute value.
    static func text(_ list: DiagramGraph.Attributes, _ key: String) -> String? {
        for (k, v) in list where k == key {
            switch v {
            case .text(let t), .raw(let t), .id(let t), .html(let t): return t
            }
        }
        return nil
    }

    static func cluster() -> DiagramGraph.Cluster {
        DiagramGraph.Cluster(
            key: clusterKey, parent: nil,
            attributes: [
                ("label", .text("Legend")), ("style", .raw("solid")), ("color", .text("#999999")),
                ("fontsize", .raw("10")),
            ])
    }

    /// The legend's rows, one per style present, in a fixed order.
    static func rows(_ p: Present) -> [(swatch: String, text: String)] {
        func box(_ fill: String, _ border: String) -> String { "bgcolor=\"\(fill)\" color=\"\(border)\" border=\"1\"" }
        let plain = box("#FFFFFF", "#333333")
        var rows: [(String, String)] = []
        for c in Category.allCases where p.categories.contains(c) {
            let l = DiagramStyle.look(c)
            rows.append((box(l.fill, l.border), "\(c.title) (\(c.rawValue)) — \(l.shape)"))
        }
        if p.standaloneEnforcementPoint {
            rows.append((box(DiagramStyle.enforcementFill, "#7F6000"), "Enforcement point (firewall) not in the inventory — octagon"))
        }
        if p.classes.contains("asset-enforcement-point") {
            rows.append((plain, "Enforcement point (firewall) in the inventory — octagon in its category's colour"))
        }
        if p.classes.contains("aggregate") { rows.append((plain, "Aggregate of several assets — double outline, with counts")) }
        if p.classes.contains("unknown-host") {
            rows.append((box(DiagramStyle.unknownFill, DiagramStyle.unknownColor), "Host in no inventory, seen in flow logs — dashed note"))
        }
        if p.classes.contains("actor") {
            rows.append((box("#FFFFFF", DiagramStyle.actorColor), "Users or administrators (actor) — bold rounded box, joined in grey to the devices they use"))
        }
        if p.classes.contains("subnet") { rows.append((plain, "Subnet — dashed box")) }
        if p.boundary { rows.append((box("#FFFFFF", DiagramStyle.boundaryColor), "CMMC assessment scope — red dashed outline")) }
        if p.classes.contains("edge-interface") {
            rows.append((box("#FFFFFF", "#7F6000"), "━━ enforcement point joins the zone (bold brown)"))
        }
        if p.classes.contains("edge-member") { rows.append((box("#FFFFFF", "#999999"), "──── subnet membership (grey)")) }
        rows += edgeRows(p, plain: plain)
        if p.clusterKeys.contains(DiagramBuilder.authorizedKey) {
            rows.append((box("#FFFFFF", DiagramStyle.authorizedColor), "external service FedRAMP Moderate or higher authorized"))
        }
        if p.clusterKeys.contains(DiagramBuilder.unauthorizedKey) {
            rows.append((box("#FFFFFF", DiagramStyle.unauthorizedColor), "external service not FedRAMP authorized / unverified"))
        }
        return rows
    }

    static func edgeRows(_ p: Present, plain: String) -> [(swatch: String, text: String)] {
        var rows: [(String, String)] = []
        if p.edgeStyles.contains("solid") { rows.append((plain, "──── permitted by firewall rule or same segment (solid)")) }
        if p.edgeStyles.contains("dashed") { rows.append((plain, "- - - observed in flow logs (dashed)")) }
        if p.edgeStyles.contains("dotted") { rows.append((plain, "····· declared in the inventory (dotted; external services)")) }
        if p.classes.contains("edge-unknown-host") {
            rows.append(("bgcolor=\"#FFFFFF\" color=\"\(DiagramStyle.unknownColor)\" border=\"1\"",
                         "- - - observed from or to a host in no inventory (dashed purple)"))
        }
        if p.classes.contains("edge-flagged") || p.classes.contains("flagged") {
            rows.append(("bgcolor=\"#FFFFFF\" color=\"\(DiagramStyle.flagColor)\" border=\"1\"",
                         "red edge or thick red outline: flagged by a finding (⚑ id shown)"))
        }
        if !p.edgeStyles.isEmpty || p.classes.contains("edge-unknown-host") {
            rows.append((plain, "edge labels: protocol/ports; direction, rules, file:line in the tooltip"))
        }
        return rows
    }

    static func node(_ present: Present) -> DiagramGraph.Node {
        let cells = rows(present).map { "<tr><td \($0.swatch) width=\"28\"></td><td align=\"left\">\(DOTEscape.html($0.text))</td></tr>" }
        let table = "<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"3\">" + cells.joined() + "</table>"
        return DiagramGraph.Node(
            id: nodeID, cluster: clusterKey,
            attributes: [("shape", .raw("plaintext")), ("label", .html(table)), ("fontsize", .raw("9"))],
            assets: [])
    }
}
