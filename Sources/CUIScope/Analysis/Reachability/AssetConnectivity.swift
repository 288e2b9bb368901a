/// What connects one asset to the CUI assets (or, when nothing does, what separates it).
public struct Connectivity: Sendable, Hashable {
    /// Distinct CUI (target) assets it can reach or be reached from.
    public var peers: Int
    /// Union of the data-capable services over all those paths (allowlist removed).
    public var services: ServiceSet
    /// Example edges, sorted by (kind, peer asset id, direction: this asset → peer first).
    public var edges: [Edge]
    /// Separation evidence, only when `peers == 0`: distinct deciding deny hops (rule or default)
    /// seen on routes between this asset and target assets, at most five, sorted.
    public var blocked: [PathHop]
    /// Target zones that no endpoint of this asset has any route to (physically separated).
    public var noRouteZones: [String]

    public init(
        peers: Int = 0, services: ServiceSet = ServiceSet(), edges: [Edge] = [], blocked: [PathHop] = [],
        noRouteZones: [String] = []
    ) {
        self.peers = peers
        self.services = services
        self.edges = edges
        self.blocked = blocked
        self.noRouteZones = noRouteZones
    }

    public var isConnected: Bool { peers > 0 }
}

extension PathHop {
    /// Total order for deterministic evidence lists.
    static func evidenceOrder(_ a: PathHop, _ b: PathHop) -> Bool {
        (a.enforcementPoint, a.fromZone, a.toZone, a.ruleLabel, a.location, a.action.rawValue)
            < (b.enforcementPoint, b.fromZone, b.toZone, b.ruleLabel, b.location, b.action.rawValue)
    }
}
