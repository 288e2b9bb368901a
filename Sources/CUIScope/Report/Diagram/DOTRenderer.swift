/// Writes a boundary, data-flow or network diagram as Graphviz DOT
/// (https://graphviz.org/doc/info/lang.html). The diagram is built from the analysis result by
/// ``DiagramBuilder``; this type only prints it, in a stable order (clusters, then nodes by id,
/// then edges: docs/DECISIONS.md 108), so a diagram committed to a repository diffs cleanly. Clusters
/// and nodes are written in descending natural order: with `rankdir=LR` Graphviz stacks what shares
/// a rank bottom to top in the order written, so the page reads top to bottom in natural order.
public enum DOTRenderer {
    /// The DOT text for `result` drawn as `options` asks.
    /// - Throws: ``DiagramError`` when a focus option names no asset or zone.
    public static func render(_ result: AnalysisResult, options: DiagramOptions = DiagramOptions())
        throws(DiagramError) -> String
    {
        print(try DiagramBuilder(result: result, options: options).build())
    }

    /// Node and edge counts of the diagram `render` would print, for tests and benchmarks.
    public static func counts(_ result: AnalysisResult, options: DiagramOptions = DiagramOptions())
        throws(DiagramError) -> (nodes: Int, edges: Int)
    {
        let g = try DiagramBuilder(result: result, options: options).build()
        return (g.nodes.count, g.edges.count)
    }

    static func print(_ g: DiagramGraph) -> String {
        var out = "digraph \"cuiscope\" {\n"
        out += "  graph [\(attributes(g.attributes))];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=\"10\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=\"8\"];\n"
        var children: [String: [DiagramGraph.Cluster]] = [:]
        for c in g.clusters { children[c.parent ?? "", default: []].append(c) }
        var nodesIn: [String: [DiagramGraph.Node]] = [:]
        for n in g.nodes { nodesIn[n.cluster ?? "", default: []].append(n) }

        func emit(cluster key: String, depth: Int) {
            let pad = String(repeating: "  ", count: depth)
            for n in nodesIn[key] ?? [] {
                out += "\(pad)\(id(n.id)) [\(attributes(n.attributes))];\n"
            }
            for c in (children[key] ?? []).sorted(by: { NaturalOrder.less($1.key, $0.key) }) {
                out += "\(pad)subgraph \(id("cluster_" + c.key)) {\n"
                out += "\(pad)  graph [\(attributes(c.attributes))];\n"
                emit(cluster: c.key, depth: depth + 1)
                out += "\(pad)}\n"
            }
        }
        emit(cluster: "", depth: 1)
        for e in g.edges {
            out += "  \(id(e.from)) -> \(id(e.to)) [\(attributes(e.attributes))];\n"
        }
        return out + "}\n"
    }

    /// Node and cluster ids: percent-encoded, then quoted.
    static func id(_ raw: String) -> String { DOTEscape.quoted(DOTEscape.identifier("", raw)) }

    static func attributes(_ list: DiagramGraph.Attributes) -> String {
        list.map { key, value in
            switch value {
            case .text(let t): return "\(key)=\(DOTEscape.quoted(t))"
            case .id(let i): return "\(key)=\(id(i))"
            case .html(let h): return "\(key)=<\(h)>"
            case .raw(let r): return "\(key)=\(r)"
            }
        }.joined(separator: ", ")
    }
}
