/// One asset as the decision procedure reads it, gathered once: every step and every finding
/// pass of the asset reads the same edges, path evidence and peer summary.
struct AssetContext {
    let index: Int
    let asset: Asset
    /// The inventory row, the first evidence of nearly every reason.
    let row: Evidence
    /// The zones the asset's addresses sit in, sorted; empty when it is unplaced.
    let zones: [String]
    /// A data-capable path (permitted, same-segment or observed) to or from a CUI asset exists.
    let connected: Bool
    /// The data-capable edges to or from CUI assets (examples, then observed ones).
    let edges: [Edge]
    /// The evidence of the first three edges: what a reason or finding about the path shows.
    let pathEvidence: [Evidence]
    /// " (peer and N others)" naming the first peer, or "" when there is none.
    let peerText: String

    init(_ i: Int, graph: ScopeGraph, memo: EvidenceMemo) {
        index = i
        asset = graph.assets[i]
        row = EvidenceText.inventory(asset)
        zones = graph.zones(of: i)
        connected = graph.isConnected(i)
        edges = graph.edges(of: i)
        let parts = edges.prefix(3).map(memo.edge)
        // Sized once: `flatMap` regrew the array, and every connected asset keeps it in its reasons.
        var evidence: [Evidence] = []
        evidence.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { evidence += part }
        pathEvidence = evidence
        peerText = Self.peerSummary(asset, edges: edges, graph: graph, index: i)
    }

    /// Handles CUI or is declared `cui`: what steps 2 and 3 read as "CUI Asset".
    var declaresCUI: Bool { asset.handlesCUI || asset.declared == .cui }

    /// The handling tokens ("process, store"), or "declared cui" when only the declaration says so.
    var handling: String { asset.handlesCUI ? asset.cui.tokens.joined(separator: ", ") : "declared cui" }

    /// Declared out of scope, or not declared at all: what a path or a VDI configuration contradicts.
    var declaredOutOfScopeOrNothing: Bool { asset.declared == nil || asset.declared == .outOfScope }

    /// The security functions as listed in the inventory ("directory, siem").
    var functionList: String { asset.functions.map(\.rawValue).joined(separator: ", ") }

    /// "An ot", "A test-equipment": the asset's kind token with its indefinite article.
    var kindWithArticle: String {
        let word = asset.kind.rawValue
        return ("aeiou".contains(word.first ?? "x") ? "An " : "A ") + word
    }

    /// " (fs01 and 3 others)": the first peer and how many more there are, counting permitted
    /// peers and observed ones, whichever is larger.
    private static func peerSummary(_ a: Asset, edges: [Edge], graph: ScopeGraph, index i: Int) -> String {
        guard let first = edges.first else { return "" }
        let peer = first.from == a.id ? first.to : first.from
        let permitted = graph.connectivity[i]?.peers ?? 0
        let observedPeers = Set((graph.observed.edges[i] ?? []).map { $0.from == a.id ? $0.to : $0.from }).count
        let n = max(permitted, observedPeers)
        return " (\(peer)\(n > 1 ? " and \(n - 1) other\(n - 1 == 1 ? "" : "s")" : ""))"
    }
}
