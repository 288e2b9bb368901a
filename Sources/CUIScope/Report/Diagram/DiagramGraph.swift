/// A diagram as plain data — clusters, nodes, edges and their Graphviz attributes — built from
/// the analysis result by ``DiagramBuilder`` and printed by ``DOTRenderer``. Keeping it apart
/// from the text lets tests check structure without parsing DOT.
struct DiagramGraph {
    /// An attribute value: escaped text, an HTML-like label, a Graphviz keyword/number, or a
    /// cluster name (encoded like every id).
    enum Value: Hashable {
        case text(String)
        case id(String)
        case html(String)
        case raw(String)
    }

    typealias Attributes = [(String, Value)]

    struct Cluster {
        /// Unique key; the DOT subgraph id is `cluster_` + key (escaped).
        var key: String
        var parent: String?
        var attributes: Attributes
    }

    struct Node {
        /// Unique raw id (escaped when printed).
        var id: String
        /// Key of the innermost cluster holding it, nil at top level.
        var cluster: String?
        var attributes: Attributes
        /// The inventory assets this node stands for (one, or an aggregate's members).
        var assets: [String]
    }

    struct Edge {
        var from: String
        var to: String
        var attributes: Attributes
    }

    var attributes: Attributes
    var clusters: [Cluster]
    var nodes: [Node]
    var edges: [Edge]
}
