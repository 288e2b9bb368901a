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
