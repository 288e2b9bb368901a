/// What a rule or a default does with the traffic it matches.
public enum RuleAction: String, Sendable, Codable {
    case allow, deny
}

/// Which zone pairs a PAN-OS style rule applies to (`rule-type`).
public enum RuleType: String, Sendable, Codable {
    case universal, intrazone, interzone
}

/// A zone condition: `any`, or a set of zone names.
public enum ZoneMatch: Sendable, Hashable {
    case any
    case zones(Set<String>)

    public func matches(_ zone: String) -> Bool {
        switch self {
        case .any: return true
        case .zones(let s): return s.contains(zone)
        }
    }

    public var names: [String] {
        switch self {
        case .any: return ["any"]
        case .zones(let s): return s.sorted()
        }
    }
}

/// An address condition: the resolved set (negation already applied) plus what could not be
/// resolved offline (FQDN, dynamic groups, EDLs). Unresolved members match nothing in the
/// definite analysis and make the rule a *possible* path (finding INPUT-20).
public struct AddressMatch: Sendable, Hashable {
    /// The set the rule matches, after negation.
    public var addresses: AddressSet
    public var negated: Bool
    /// The members as written, for evidence.
    public var members: [String]
    /// Member names that could not be resolved, with why.
    public var unresolved: [String]

    public init(set: AddressSet, negated: Bool = false, members: [String] = [], unresolved: [String] = []) {
        self.addresses = set
        self.negated = negated
        self.members = members
        self.unresolved = unresolved
    }

    public static var any: AddressMatch { AddressMatch(set: .full, members: ["any"]) }

    public var isAny: Bool { addresses.isFull }
}

/// One ordered firewall rule, vendor-neutral, with its provenance.
public struct Rule: Sendable, Hashable {
    public var name: String
    public var uuid: String?
    public var action: RuleAction
    public var from: ZoneMatch
    public var to: ZoneMatch
    public var source: AddressMatch
    public var destination: AddressMatch
    public var services: ServiceSet
    /// Services as written (`tcp/443`, `service-https`, `application-default`).
    public var serviceMembers: [String]
    public var applications: [String]
    public var ruleType: RuleType
    public var disabled: Bool
    /// Conditions recorded but not evaluated (users, HIP, URL categories, schedules): a path
    /// that depends on this rule says so in its evidence.
    public var unevaluated: [String]
    /// Notes about how the rule was interpreted (e.g. unknown application treated as any port).
    public var notes: [String]
    public var description: String?
    public var location: SourceLocation
    /// Services named by the rule that cannot be resolved offline (a vendor's predefined
    /// application missing from the reader's table): they match nothing, like unresolved
    /// addresses, and make the rule a possible path (INPUT-20).
    public var unresolvedServices: [String] = []

    public init(
        name: String, uuid: String? = nil, action: RuleAction, from: ZoneMatch = .any, to: ZoneMatch = .any,
        source: AddressMatch = .any, destination: AddressMatch = .any, services: ServiceSet = .anyService,
        serviceMembers: [String] = ["any"], applications: [String] = [], ruleType: RuleType = .universal,
        disabled: Bool = false, unevaluated: [String] = [], notes: [String] = [], description: String? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.uuid = uuid
        self.action = action
        self.from = from
        self.to = to
        self.source = source
        self.destination = destination
        self.services = services
        self.serviceMembers = serviceMembers
        self.applications = applications
        self.ruleType = ruleType
        self.disabled = disabled
        self.unevaluated = unevaluated
        self.notes = notes
        self.description = description
        self.location = location
    }

    /// Whether the rule applies to traffic entering from `fromZone` and leaving to `toZone`.
    public func appliesTo(fromZone: String, toZone: String) -> Bool {
        if disabled { return false }
        switch ruleType {
        case .intrazone: if fromZone != toZone { return false }
        case .interzone: if fromZone == toZone { return false }
        case .universal: break
        }
        return from.matches(fromZone) && to.matches(toZone)
    }

    public var hasUnresolved: Bool {
        !source.unresolved.isEmpty || !destination.unresolved.isEmpty || !unresolvedServices.isEmpty
    }

    /// Every unresolved member (addresses, then services), for evidence and messages.
    public var unresolvedNames: [String] { source.unresolved + destination.unresolved + unresolvedServices }
}

/// A firewall (or vsys, or managed device) that filters traffic between the zones it joins,
/// with its ordered rule list and its default actions.
public struct EnforcementPoint: Sendable, Hashable {
    public var name: String
    /// `native`, `panos`, `panorama`, `pfsense`, `opnsense`, …
    public var vendor: String
    /// Zones this device routes between; a path between two of them crosses this device.
    public var zones: [Zone]
    /// Rules in evaluation order (document order; never sorted).
    public var rules: [Rule]
    /// Decides traffic between different zones when no rule matches.
    public var interzoneDefault: RuleAction
    /// Decides traffic within one zone when no rule matches (PAN-OS: allow).
    public var intrazoneDefault: RuleAction
    /// Where the defaults are written (or the device element when they are built in).
    public var location: SourceLocation
    /// Zones named by rules but not defined by the export (kept so `reach --from-zone` works).
    public var ruleOnlyZones: [String]
    /// Rules evaluated on the egress leg (pf `out` direction); when none matches the packet passes.
    /// Ingress `rules` decide first; a packet crosses the device only if both legs pass.
    public var egressRules: [Rule] = []
    /// Static routes (all routers of the device): they place addresses no connected subnet holds.
    public var routes: [StaticRoute] = []

    public init(
        name: String, vendor: String, zones: [Zone] = [], rules: [Rule] = [], interzoneDefault: RuleAction = .deny,
        intrazoneDefault: RuleAction = .allow, location: SourceLocation, ruleOnlyZones: [String] = []
    ) {
        self.name = name
        self.vendor = vendor
        self.zones = zones
        self.rules = rules
        self.interzoneDefault = interzoneDefault
        self.intrazoneDefault = intrazoneDefault
        self.location = location
        self.ruleOnlyZones = ruleOnlyZones
    }

    /// Every zone name this device knows, defined or only named in rules.
    public var zoneNames: Set<String> {
        var s = Set(zones.map(\.name))
        s.formUnion(ruleOnlyZones)
        for r in rules + egressRules {
            if case .zones(let z) = r.from { s.formUnion(z) }
            if case .zones(let z) = r.to { s.formUnion(z) }
        }
        return s
    }
}

/// A parsed firewall export: one or more enforcement points plus what could not be used.
public struct RuleSet: Sendable {
    public var enforcementPoints: [EnforcementPoint]
    /// Problems that did not stop parsing (unsupported elements, skipped rules) with location.
    public var diagnostics: [Diagnostic]
    public var source: String
    /// Counters for the summary (e.g. "disabled": 12, "negated": 16).
    public var counts: [String: Int]

    public init(enforcementPoints: [EnforcementPoint] = [], diagnostics: [Diagnostic] = [], source: String,
                counts: [String: Int] = [:]) {
        self.enforcementPoints = enforcementPoints
        self.diagnostics = diagnostics
        self.source = source
        self.counts = counts
    }
}
