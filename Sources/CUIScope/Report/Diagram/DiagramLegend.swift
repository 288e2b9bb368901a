/// The legend every diagram carries (FedRAMP boundary-diagram convention: a legend is always
/// present): category colours and shapes, edge styles, the boundary, enforcement points and
/// the FedRAMP split of external services.
enum DiagramLegend {
    static let clusterKey = "legend"
    static let nodeID = "legend"

    static func cluster() -> DiagramGraph.Cluster {
        DiagramGraph.Cluster(
            key: clusterKey, parent: nil,
            attributes: [
                ("label", .text("Legend")), ("style", .raw("solid")), ("color", .text("#999999")),
                ("fontsize", .raw("10")),
            ])
    }

    static func node(view: DiagramView, aggregated: Bool) -> DiagramGraph.Node {
        var rows: [String] = []
        func row(_ swatch: String, _ text: String) {
            rows.append("<tr><td \(swatch) width=\"28\"></td><td align=\"left\">\(DOTEscape.html(text))</td></tr>")
        }
        func box(_ fill: String, _ border: String) -> String { "bgcolor=\"\(fill)\" color=\"\(border)\" border=\"1\"" }
        for c in Category.allCases {
            let l = DiagramStyle.look(c)
            row(box(l.fill, l.border), "\(c.title) (\(c.rawValue)) — \(l.shape)")
        }
        row(box(DiagramStyle.enforcementFill, "#7F6000"), "Enforcement point (firewall) — octagon")
        if aggregated { row(box("#FFFFFF", "#333333"), "Aggregate of several assets — double outline, with counts") }
        row(box("#FFFFFF", DiagramStyle.boundaryColor), "CMMC assessment boundary — red dashed outline")
        if view != .network {
            row(box("#FFFFFF", "#333333"), "──── permitted by firewall rule or same segment (solid)")
            row(box("#FFFFFF", "#333333"), "- - - observed in flow logs (dashed)")
            row(box("#FFFFFF", "#333333"), "····· declared in the inventory (dotted; external services)")
            row(box("#FFFFFF", DiagramStyle.flagColor), "red edge or thick red outline: flagged by a finding (id shown)")
            row(box("#FFFFFF", "#333333"), "labels: protocol/ports · direction (ingress, egress, bidirectional, internal) · rule")
            row(box("#FFFFFF", DiagramStyle.authorizedColor), "external service FedRAMP Moderate or higher authorized")
            row(box("#FFFFFF", DiagramStyle.unauthorizedColor), "external service not FedRAMP authorized / unverified")
        } else {
            row(box("#FFFFFF", "#333333"), "──── interface or subnet membership")
        }
        let table = "<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"3\">"
            + rows.joined() + "</table>"
        return DiagramGraph.Node(
            id: nodeID, cluster: clusterKey,
            attributes: [("shape", .raw("plaintext")), ("label", .html(table)), ("fontsize", .raw("9"))],
            assets: [])
    }
}
