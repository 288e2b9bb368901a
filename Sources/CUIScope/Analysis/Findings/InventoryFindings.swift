/// Findings about what the inventories state as a whole, rather than about one asset.
enum InventoryFindings {
    /// INPUT-35 when no inventory has a `cui` column and no asset handles CUI: then "0 in scope"
    /// says nothing about the contractor, only about the file (docs/SCOPING.md, INPUT-35).
    static func noCUIStated(_ inventories: [Inventory]) -> [Finding] {
        guard !inventories.isEmpty,
            !inventories.contains(where: { $0.columns.statesCUI || $0.assets.contains(where: \.handlesCUI) })
        else { return [] }
        let evidence = inventories.map {
            Evidence(kind: .inventory, text: "\($0.source): no cui column (columns: "
                + ($0.columns.available.isEmpty ? "none" : $0.columns.available.joined(separator: ", ")) + ")",
                location: SourceLocation(file: $0.source, line: $0.columns.headerLine))
        }
        let files = inventories.map(\.source).joined(separator: ", ")
        return [FindingCatalog.noCUIStated.make(
            assets: [],
            message: "None of the inventories (\(files)) has a cui column, so no asset can be found to process, store "
                + "or transmit CUI, and every category in this report rests on that missing fact, not on the contractor's systems.",
            evidence: evidence,
            primaryLocation: SourceLocation(file: inventories[0].source, line: inventories[0].columns.headerLine))]
    }
}
