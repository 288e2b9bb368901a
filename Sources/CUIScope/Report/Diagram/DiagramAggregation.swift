/// Collapses assets into per-zone-part or per-category nodes so a 10,000-asset network still
/// gives a diagram a person can read. Parts never mix in-scope and out-of-scope assets, so an
/// aggregate sits wholly inside or wholly outside the boundary.
enum DiagramAggregator {
    /// The effective mode: `auto` keeps one node per asset up to `DiagramOptions.autoThreshold`
    /// drawable assets, then per category, then per zone part when that still gives too many nodes.
    static func resolve(_ mode: DiagramAggregation, parts: [String: String], categories: [String: Category])
        -> DiagramAggregation
    {
        guard mode == .auto else { return mode }
        if parts.count <= DiagramOptions.autoThreshold { return .none }
        var keys = Set<String>()
        for (id, part) in parts { keys.insert(part + "|" + (categories[id]?.rawValue ?? "")) }
        return keys.count <= DiagramOptions.autoCategoryLimit ? .category : .zone
    }

    /// The node id of each drawable asset: `asset:ID`, or the aggregate id of its part (and category).
    /// - Parameters:
    ///   - parts: asset id → cluster key of its zone part.
    ///   - keepIndividual: assets always drawn alone (those that are also enforcement points).
    static func nodeIDs(
        mode: DiagramAggregation, parts: [String: String], categories: [String: Category], keepIndividual: Set<String>
    ) -> [String: String] {
        var out: [String: String] = [:]
        for (id, part) in parts {
            if keepIndividual.contains(id) || mode == .none || mode == .auto {
                out[id] = "asset:" + id
                continue
            }
            switch mode {
            case .zone: out[id] = "agg:" + part
            default: out[id] = "agg:" + part + "|" + (categories[id]?.rawValue ?? "")
            }
        }
        return out
    }
}
