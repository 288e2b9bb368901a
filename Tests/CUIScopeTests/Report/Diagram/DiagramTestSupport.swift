import Foundation

@testable import CUIScope

/// The demo analysed once, and Graphviz's own reading of a diagram (`dot -Tjson`), so tests
/// assert on the structure Graphviz laid out rather than on DOT text.
enum DiagramTestSupport {
    static let demo: AnalysisResult = {
        let paths = InputPaths(
            inventories: [TestPaths.demo("demo/inventory.csv")], rules: [TestPaths.demo("demo/firewall.xml")],
            flows: [TestPaths.demo("demo/flows.xml")], scope: TestPaths.demo("demo/scope.yaml"),
            fedramp: TestPaths.demo("demo/fedramp-marketplace.json"))
        guard let input = try? InputLoader.load(paths) else { fatalError("the demo fixtures must load") }
        return Analyzer.run(input)
    }()

    /// A diagram as Graphviz parsed and laid it out.
    struct Laid {
        /// Node name → attributes.
        var nodes: [String: [String: Any]]
        /// Cluster name → names of every node inside it (nested clusters included).
        var clusters: [String: Set<String>]
        /// (tail, head, attributes).
        var edges: [(tail: String, head: String, attributes: [String: Any])]

        func string(_ node: String, _ key: String) -> String? { nodes[node]?[key] as? String }

        func edges(between a: String, _ b: String) -> [[String: Any]] {
            edges.filter { ($0.tail == a && $0.head == b) || ($0.tail == b && $0.head == a) }.map(\.attributes)
        }
    }

    /// Runs the real `dot -Tjson` on `dot` and indexes the result.
    static func layout(_ dot: String) throws -> Laid {
        let data = try GraphvizRunner.render(dot, format: "json")
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let objects = root["objects"] as? [[String: Any]]
        else { throw GraphvizRunner.Failure(message: "dot -Tjson gave no objects") }
        var byID: [Int: String] = [:]
        var nodes: [String: [String: Any]] = [:]
        var clusters: [String: Set<String>] = [:]
        for o in objects where o["nodes"] == nil && o["subgraphs"] == nil {
            if let id = o["_gvid"] as? Int, let name = o["name"] as? String {
                byID[id] = name
                nodes[name] = o
            }
        }
        for o in objects {
            guard let name = o["name"] as? String, name.hasPrefix("cluster") else { continue }
            clusters[name] = Set(((o["nodes"] as? [Int]) ?? []).compactMap { byID[$0] })
        }
        let edges = ((root["edges"] as? [[String: Any]]) ?? []).compactMap { e -> (String, String, [String: Any])? in
            guard let t = e["tail"] as? Int, let h = e["head"] as? Int, let tn = byID[t], let hn = byID[h] else {
                return nil
            }
            return (tn, hn, e)
        }
        return Laid(nodes: nodes, clusters: clusters, edges: edges)
    }

    /// The asset ids drawn as individual nodes in a set of node names.
    static func assets(_ names: Set<String>) -> Set<String> {
        Set(names.filter { $0.hasPrefix("asset:") }.map { String($0.dropFirst("asset:".count)) })
    }
}

/// Where Graphviz put every text and node of a laid-out diagram (`dot -Tjson`, whose `_ldraw_`
/// operations give each text's anchor, alignment, width and font size), to find overlaps.
enum DiagramLabelBoxes {
    struct Box {
        var name: String
        var isNode: Bool
        var x0, y0, x1, y1: Double
        /// Overlap by more than a point in both directions: Graphviz estimates text widths from
        /// font metrics, so boxes that touch within a point do not cover each other on the page.
        func overlaps(_ o: Box) -> Bool {
            x0 + 1 < o.x1 && o.x0 + 1 < x1 && y0 + 1 < o.y1 && o.y0 + 1 < y1
        }
    }

    /// The text boxes of `_ldraw_` operations: from the baseline, a quarter of the font size down
    /// (descenders) to 0.8 of it up (capitals).
    static func texts(_ ops: [[String: Any]]?, owner: String) -> [Box] {
        var size = 14.0
        var out: [Box] = []
        for op in ops ?? [] {
            if op["op"] as? String == "F", let s = op["size"] as? Double { size = s }
            guard op["op"] as? String == "T", let pt = op["pt"] as? [Double], let w = op["width"] as? Double else { continue }
            let align = op["align"] as? String ?? "c"
            let x0 = align == "c" ? pt[0] - w / 2 : (align == "l" ? pt[0] : pt[0] - w)
            out.append(Box(name: "\(owner): \(op["text"] as? String ?? "")", isNode: false,
                           x0: x0, y0: pt[1] - size * 0.25, x1: x0 + w, y1: pt[1] + size * 0.8))
        }
        return out
    }

    /// Every pair of an edge or cluster label with another label or a visible node that overlap.
    /// Node labels sit inside their node's box and are not counted apart from it.
    static func overlaps(dot: String) throws -> [String] {
        let data = try GraphvizRunner.render(dot, format: "json")
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let objects = root["objects"] as? [[String: Any]]
        else { return ["no layout"] }
        var boxes: [Box] = []
        for o in objects {
            let name = o["name"] as? String ?? ""
            if o["nodes"] != nil || o["subgraphs"] != nil {
                boxes += texts(o["_ldraw_"] as? [[String: Any]], owner: name)
                continue
            }
            guard let pos = o["pos"] as? String, o["style"] as? String != "invis", name != "legend" else { continue }
            let p = pos.split(separator: ",").compactMap { Double($0) }
            let w = (Double(o["width"] as? String ?? "") ?? 0) * 72, h = (Double(o["height"] as? String ?? "") ?? 0) * 72
            boxes.append(Box(name: name, isNode: true, x0: p[0] - w / 2, y0: p[1] - h / 2, x1: p[0] + w / 2, y1: p[1] + h / 2))
        }
        for e in root["edges"] as? [[String: Any]] ?? [] {
            let tail = (e["tail"] as? Int).map { objects[$0]["name"] as? String ?? "" } ?? ""
            let head = (e["head"] as? Int).map { objects[$0]["name"] as? String ?? "" } ?? ""
            boxes += texts(e["_ldraw_"] as? [[String: Any]], owner: "\(tail) -> \(head)")
        }
        var out: [String] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i && !(boxes[i].isNode && boxes[j].isNode) && boxes[i].overlaps(boxes[j]) {
                out.append("\(boxes[i].name) | \(boxes[j].name)")
            }
        }
        return out
    }
}
