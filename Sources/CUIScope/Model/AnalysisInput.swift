/// Everything `analyze` reads, already parsed: the Analysis layer never touches files.
public struct AnalysisInput: Sendable {
    public var inventories: [Inventory]
    public var ruleSets: [RuleSet]
    public var flowLogs: [FlowLog]
    public var scope: ScopeConfig?
    /// The level asked on the command line; falls back to the scope file's, then 2.
    public var level: CMMCLevel?
    public var marketplace: Marketplace?
    /// Network scans, reconciled against the inventory (DOC-14, SCAN-40, open ports).
    public var scans: [HostScan] = []
    /// Examples of paths kept per asset as evidence.
    public var examplesPerAsset: Int
    /// The assessment date (YYYY-MM-DD) that dated inputs are judged against: the age of the
    /// Marketplace data (CLOUD-41). Nil: no age is judged (the library does not read the clock).
    public var today: String?
    /// Marketplace data older than this many days on ``today`` raises CLOUD-41.
    public var marketplaceMaxAgeDays = 90

    public init(inventories: [Inventory], ruleSets: [RuleSet] = [], flowLogs: [FlowLog] = [], scope: ScopeConfig? = nil,
                level: CMMCLevel? = nil, marketplace: Marketplace? = nil, examplesPerAsset: Int = 3) {
        self.inventories = inventories
        self.ruleSets = ruleSets
        self.flowLogs = flowLogs
        self.scope = scope
        self.level = level
        self.marketplace = marketplace
        self.examplesPerAsset = examplesPerAsset
    }

    public var effectiveLevel: CMMCLevel { level ?? scope?.level ?? .two }
    /// One inventory's assets are returned as they are (sharing storage): `flatMap` copied
    /// every asset, a second copy of the inventory alive through the whole analysis.
    public var assets: [Asset] { inventories.count == 1 ? inventories[0].assets : inventories.flatMap(\.assets) }
    public var enforcementPoints: [EnforcementPoint] { ruleSets.flatMap(\.enforcementPoints) }
}
