/// The `--scope` file: organisation, level, zones, the intended enclave and justified
/// protocol exceptions (docs/FORMATS.md, Scope file).
public struct ScopeConfig: Sendable {
    public var organisation: String?
    public var level: CMMCLevel?
    public var zones: [Zone]
    /// Zones that form the intended CUI enclave.
    public var enclave: Set<String>
    public var protocolAllowlist: [AllowlistEntry]
    public var location: SourceLocation?
    /// The intended zone-to-zone matrix (`policy:`), checked by `analyze` and `check` (POLICY-24).
    public var policy: [ZonePolicyEntry] = []
    /// Waivers written in the scope file (`waivers:`), used by `check` beside `--waivers`.
    public var waivers: [Waiver] = []

    public init(organisation: String? = nil, level: CMMCLevel? = nil, zones: [Zone] = [], enclave: Set<String> = [],
                protocolAllowlist: [AllowlistEntry] = [], location: SourceLocation? = nil) {
        self.organisation = organisation
        self.level = level
        self.zones = zones
        self.enclave = enclave
        self.protocolAllowlist = protocolAllowlist
        self.location = location
    }
}

/// A flow the organisation justifies as not data-capable (e.g. RDP display only to the VDI
/// gateway). Echoed in every report so the assessor sees it (docs/SCOPING.md, Separation, Data-capable
/// services and the allowlist).
public struct AllowlistEntry: Sendable, Hashable {
    public var services: ServiceSet
    public var serviceText: String
    /// Asset id the exception applies to (destination); nil = any destination.
    public var to: String?
    public var reason: String
    public var location: SourceLocation

    public init(services: ServiceSet, serviceText: String, to: String?, reason: String, location: SourceLocation) {
        self.services = services
        self.serviceText = serviceText
        self.to = to
        self.reason = reason
        self.location = location
    }
}
