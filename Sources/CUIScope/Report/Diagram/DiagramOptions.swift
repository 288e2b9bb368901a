/// The three diagrams an SSP needs (issue 7).
public enum DiagramView: String, CaseIterable, Sendable {
    /// The assessment boundary and what crosses it.
    case boundary
    /// Where CUI moves between assets and services.
    case dataflow
    /// Zones, enforcement points and subnets.
    case network
}

/// How assets are collapsed for readability at scale.
public enum DiagramAggregation: String, CaseIterable, Sendable {
    /// One node per asset up to ``DiagramOptions/autoThreshold`` drawable assets, else `category`
    /// (and `zone` when that still leaves too many nodes).
    case auto
    /// One node per asset.
    case none
    /// One node per zone part (the in-scope or out-of-scope part of a zone).
    case zone
    /// One node per zone part and category.
    case category
}

/// Output of `cuiscope diagram`: DOT always; SVG and PNG through Graphviz `dot` when installed.
public enum DiagramFormat: String, CaseIterable, Sendable {
    case dot, svg, png
}

/// What to draw: the view, aggregation and focus filters.
public struct DiagramOptions: Sendable {
    public var view: DiagramView
    public var aggregate: DiagramAggregation
    /// Keep only this asset and the assets it shares an edge with.
    public var around: String?
    /// Keep only the assets of this zone and the assets they share an edge with.
    public var zone: String?
    /// Keep only assets named by a finding and the ends of flagged edges.
    public var onlyFindings: Bool
    /// The diagram's title (`--title`); the view and organisation when nil. The inputs' date is
    /// always added below it.
    public var title: String?

    /// Drawable assets above which `auto` aggregates.
    public static let autoThreshold = 60
    /// Aggregate nodes above which `auto` falls back from per-category to per-zone nodes.
    public static let autoCategoryLimit = 120

    public init(view: DiagramView = .boundary, aggregate: DiagramAggregation = .auto, around: String? = nil,
                zone: String? = nil, onlyFindings: Bool = false, title: String? = nil) {
        self.view = view
        self.aggregate = aggregate
        self.around = around
        self.zone = zone
        self.onlyFindings = onlyFindings
        self.title = title
    }
}

/// A focus option that names nothing in the analysis (exit 2 in the CLI).
public struct DiagramError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
