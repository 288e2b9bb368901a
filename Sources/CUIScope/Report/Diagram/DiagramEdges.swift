/// Data-flow edges of a diagram: which result edges a view shows, which findings flag them,
/// and how parallel edges between the same two nodes merge into one labelled edge
/// (protocol/ports, direction relative to the boundary, rule names, finding ids).
enum DiagramEdges {
    enum Style: String, Comparable {
        /// Allowed by the rules on the route, or an unfiltered shared segment: solid.
        case permitted
        /// Seen in flow records: dashed.
        case observed
        /// Stated in the inventory (a cloud service holding CUI or SPD): dotted.
        case declared

        static func < (a: Style, b: Style) -> Bool { a.rawValue < b.rawValue }

        var dotStyle: String {
            switch self {
            case .permitted: return "solid"
            case .observed: return "dashed"
            case .declared: return "dotted"
            }
        }
    }

    /// One edge between two assets before aggregation.
    struct Item {
        var from: String
        var to: String
        var style: Style
        var services: ServiceSet?
        /// Shown on the label: the rules, the shared segment, or the record count.
        var detail: String
        /// Tooltip lines: where each piece of evidence is.
        var provenance: [String]
        var findings: Set<String>
    }

    /// Findings that are about the one asset a path pulls in: every edge of that asset shows it.
    static let pullInFindings: Set<String> = Set([
        FindingID.pathEnterprise, .specializedMisclassified, .vdiNotKVM, .connectorNotInScope, .indirectPath, .dualHomed,
        .undeclaredSPA,
    ].map(\.rawValue))

    /// The result's edges as items, each with the findings that flag it.
    ///
    /// A finding flags an edge when it is a pull-in finding about one of its ends; when it is an
    /// unauthorized-flow finding naming both ends of an observed edge; or when it names both ends
    /// and at least one end was not declared `cui` (a flat segment shared with undeclared assets).
    static func items(_ edges: [Edge], findingsByAsset: [String: [Finding]], declared: [String: Category?])
        -> [Item]
    {
        edges.map { e in
            var detail: String
            var provenance: [String]
            let style: Style
            switch e.kind {
            case .permit:
                style = .permitted
                detail = e.hops.map { "\($0.ruleLabel) @ \($0.enforcementPoint)" }.joined(separator: " → ")
                provenance = e.hops.map {
                    "\($0.location.file):\($0.location.line): \($0.enforcementPoint) rule '\($0.ruleLabel)' allows "
                        + "\($0.fromZone) → \($0.toZone)"
                }
            case .sameSegment:
                style = .permitted
                detail = "same segment \(e.segment ?? "")"
                provenance = ["same unfiltered segment \(e.segment ?? ""): no enforcement point between them"]
            case .observed:
                style = .observed
                let count = e.flows.reduce(0) { $0 + $1.count }
                detail = "observed \(count) record\(count == 1 ? "" : "s")"
                provenance = e.flows.map {
                    "\($0.location.file):\($0.location.line): flow \(IPProtocol.name($0.proto))/"
                        + "\($0.destinationPort ?? 0) \($0.source) → \($0.destination) ×\($0.count)"
                        + ($0.device.map { " on \($0)" } ?? "")
                }
            }
            var flags = Set<String>()
            var seen = Set<String>()
            for f in (findingsByAsset[e.from] ?? []) + (findingsByAsset[e.to] ?? []) where f.severity != .info {
                guard seen.insert(f.fingerprint).inserted else { continue }
                let both = f.assets.contains(e.from) && f.assets.contains(e.to)
                if f.id == FindingID.unauthorizedFlow.rawValue {
                    if both && e.kind == .observed { flags.insert(f.id) }
                } else if pullInFindings.contains(f.id) && f.assets.count == 1 {
                    flags.insert(f.id)
                } else if both && !((declared[e.from] ?? nil) == .cui && (declared[e.to] ?? nil) == .cui) {
                    flags.insert(f.id)
                }
            }
            return Item(from: e.from, to: e.to, style: style, services: e.services, detail: detail,
                        provenance: provenance, findings: flags)
        }
    }

    /// Parallel edges merged: one per (unordered node pair, style), both directions recorded.
    struct Merged {
        var a: String
        var b: String
        var style: Style
        var forward = false
        var backward = false
        var services = ServiceSet()
        var declaredText: Set<String> = []
        var details: Set<String> = []
        var provenance: [String] = []
        var findings: Set<String> = []
        var count = 0
    }

    /// Merges items mapped to node ids; items whose ends map to the same node (or to no node) are dropped.
    static func merge(_ items: [Item], nodeOf: [String: String]) -> [Merged] {
        var groups: [String: Merged] = [:]
        for item in items {
            guard let f = nodeOf[item.from], let t = nodeOf[item.to], f != t else { continue }
            let (a, b) = f < t ? (f, t) : (t, f)
            let key = a + "\u{1}" + b + "\u{1}" + item.style.rawValue
            var g = groups[key] ?? Merged(a: a, b: b, style: item.style)
            if f == a { g.forward = true } else { g.backward = true }
            if let s = item.services { g.services = g.services.union(s) } else { g.declaredText.insert(item.detail) }
            if item.services != nil { g.details.insert(item.detail) }
            g.provenance += item.provenance
            g.findings.formUnion(item.findings)
            g.count += 1
            groups[key] = g
        }
        return groups.keys.sorted().compactMap { groups[$0] }
    }

    /// The direction token of SSP boundary diagrams, relative to the assessment boundary.
    static func direction(_ m: Merged, inside: (String) -> Bool) -> String {
        let ia = inside(m.a)
        let ib = inside(m.b)
        if ia && ib { return m.forward && m.backward ? "internal, both ways" : "internal" }
        if !ia && !ib { return m.forward && m.backward ? "external, both ways" : "external" }
        if m.forward && m.backward { return "bidirectional" }
        // forward = a → b
        let intoBoundary = m.forward ? ib : ia
        return intoBoundary ? "ingress" : "egress"
    }

    /// The DOT edge for a merged group. The label is short — the services and the ids of the
    /// findings that flag it — and an external label (`xlabel`), which Graphviz places after the
    /// layout where it covers no node and no other label (or leaves out when no such place is
    /// left: the edge keeps its colour and tooltip), so labels never overlap; the direction,
    /// rules, merge count and the file:line of every piece of evidence are in the tooltip
    /// (docs/DECISIONS.md 144).
    static func edge(_ m: Merged, inside: (String) -> Bool, extra: DiagramGraph.Attributes = []) -> DiagramGraph.Edge {
        let flagged = !m.findings.isEmpty
        let ports = m.style == .declared
            ? m.declaredText.sorted().joined(separator: "; ")
            : m.services.summary
        var lines = [DOTEscape.truncated(ports, 24)]
        if flagged { lines.append("⚑ " + m.findings.sorted().joined(separator: ", ")) }
        var tip = ["\(ports) · \(direction(m, inside: inside))" + (m.count > 1 ? " · \(m.count) edges merged" : "")]
        tip += m.details.sorted().prefix(4)
        var evidence = Array(Set(m.provenance)).sorted()
        if evidence.count > 12 { evidence = Array(evidence.prefix(12)) + ["… \(evidence.count - 12) more"] }
        tip += evidence
        let dir = m.forward && m.backward ? "both" : (m.forward ? "forward" : "back")
        var attrs: DiagramGraph.Attributes = [
            ("xlabel", .text(lines.joined(separator: "\n"))),
            ("style", .raw(m.style.dotStyle)),
            ("dir", .raw(dir)),
            ("color", .text(flagged ? DiagramStyle.flagColor : "#333333")),
            ("fontcolor", .text(flagged ? DiagramStyle.flagColor : "#333333")),
            ("penwidth", .raw(flagged ? "2.5" : "1")),
            ("tooltip", .text(tip.joined(separator: "\n"))),
        ]
        if flagged { attrs.append(("class", .text("flagged " + m.findings.sorted().joined(separator: " ")))) }
        attrs += extra
        return DiagramGraph.Edge(from: m.a, to: m.b, attributes: attrs)
    }
}
