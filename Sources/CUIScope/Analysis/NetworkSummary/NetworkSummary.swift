/// What a zone is for, as a boundary diagram groups it (FedRAMP boundary-diagram convention:
/// the enclave inside the boundary; enterprise, DMZ, guest and Internet outside).
public enum ZoneRole: String, Sendable, Hashable, CaseIterable {
    case enclave, enterprise, dmz, guest, internet

    /// The role of a zone: enclave when the scope file (or the CUI assets' placement) says so,
    /// otherwise from the zone's name (`dmz`, `guest`, `untrust`/`internet`/`outside`/`wan`),
    /// otherwise enterprise. Names are vendor words, so this is a reading aid, never a scope decision.
    public static func of(name: String, isEnclave: Bool) -> ZoneRole {
        if isEnclave { return .enclave }
        let n = name.lowercased()
        if n.contains("dmz") { return .dmz }
        if n.contains("guest") { return .guest }
        for word in ["untrust", "internet", "outside", "wan", "external"] where n.contains(word) { return .internet }
        return .enterprise
    }
}

/// One zone of the merged topology, for diagrams.
public struct ZoneSummary: Sendable, Hashable {
    public var name: String
    /// Subnets as written, sorted.
    public var subnets: [String]
    public var isEnclave: Bool
    public var role: ZoneRole

    public init(name: String, subnets: [String], isEnclave: Bool, role: ZoneRole) {
        self.name = name
        self.subnets = subnets
        self.isEnclave = isEnclave
        self.role = role
    }
}

/// One enforcement point (firewall, vsys, managed device) and the zones it joins.
public struct EnforcementPointSummary: Sendable, Hashable {
    public var name: String
    public var vendor: String
    /// Every zone it knows (interfaces and zones only named in rules), sorted.
    public var zones: [String]
    public var ruleCount: Int
    public var location: SourceLocation

    public init(name: String, vendor: String, zones: [String], ruleCount: Int, location: SourceLocation) {
        self.name = name
        self.vendor = vendor
        self.zones = zones
        self.ruleCount = ruleCount
        self.location = location
    }
}

/// The FedRAMP test (docs/SCOPING.md, External services and FedRAMP) for one cloud-service
/// asset, as diagrams show it.
public struct ExternalServiceSummary: Sendable, Hashable {
    public var assetID: String
    /// The service handles CUI, so the FedRAMP requirement applies to it.
    public var holdsCUI: Bool
    /// FedRAMP Moderate (or higher) authorized, or a complete equivalency (the test passes).
    public var authorized: Bool
    /// The Marketplace package id matched (or stated in the inventory), if any.
    public var marketplaceID: String?
    /// Plain words: the record's status and impact, or why there is none.
    public var status: String
    /// The finding the verdict raises for a CUI-holding service (CLOUD-01/02/03/04), nil when it passes.
    public var findingID: String?

    public init(assetID: String, holdsCUI: Bool, authorized: Bool, marketplaceID: String?, status: String,
                findingID: String?) {
        self.assetID = assetID
        self.holdsCUI = holdsCUI
        self.authorized = authorized
        self.marketplaceID = marketplaceID
        self.status = status
        self.findingID = findingID
    }
}

/// An allowed session seen in flow logs between an inventoried CUI asset and a host no inventory
/// row covers, for the diagrams (docs/DECISIONS.md 144).
public struct UnknownHostFlow: Sendable, Hashable {
    /// The unknown host's address, as text.
    public var address: String
    /// The zone the topology places the address in, nil outside every known subnet.
    public var zone: String?
    /// The inventoried end.
    public var assetID: String
    /// The unknown host is the flow's source.
    public var fromUnknown: Bool
    /// The aggregated flow records (counts, times, the first record's location).
    public var flow: Flow

    public init(address: String, zone: String?, assetID: String, fromUnknown: Bool, flow: Flow) {
        self.address = address
        self.zone = zone
        self.assetID = assetID
        self.fromUnknown = fromUnknown
        self.flow = flow
    }
}

/// The network behind the analysis, for diagrams: zones, enforcement points, the FedRAMP
/// verdict per cloud service, and the data-capable edges between CUI assets themselves
/// (which `AnalysisResult.edges` does not hold: it explains non-CUI assets).
public struct NetworkSummary: Sendable, Hashable {
    /// Sorted by name; every zone known (defined, scope-file, or only named in rules).
    public var zones: [ZoneSummary]
    /// Sorted by name.
    public var enforcementPoints: [EnforcementPointSummary]
    /// One per cloud-service asset, sorted by asset id.
    public var externalServices: [ExternalServiceSummary]
    /// Data-capable edges between two CUI assets (examples per asset, sorted): where CUI moves.
    public var cuiEdges: [Edge]
    /// The subnets (as written) each placed asset sits in, by asset id; sorted, unplaced assets absent.
    public var assetSubnets: [String: [String]]
    /// Allowed sessions between a CUI asset and an address no inventory row covers (the flows
    /// behind DOC-14), sorted by address, asset, protocol and port.
    public var unknownHosts: [UnknownHostFlow] = []

    public init(zones: [ZoneSummary] = [], enforcementPoints: [EnforcementPointSummary] = [],
                externalServices: [ExternalServiceSummary] = [], cuiEdges: [Edge] = [],
                assetSubnets: [String: [String]] = [:]) {
        self.zones = zones
        self.enforcementPoints = enforcementPoints
        self.externalServices = externalServices
        self.cuiEdges = cuiEdges
        self.assetSubnets = assetSubnets
    }
}
