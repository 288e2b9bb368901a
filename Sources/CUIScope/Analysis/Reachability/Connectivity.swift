/// Kinds of data-capable edge (docs/SCOPING.md, Separation, Edge kinds).
public enum EdgeKind: String, Sendable, Codable, Comparable {
    /// Allowed by every enforcement point on the route.
    case permit
    /// Same unfiltered subnet (or same zone with no enforcement point between members).
    case sameSegment = "same-segment"
    /// Seen in flow or log exports.
    case observed

    public static func < (a: EdgeKind, b: EdgeKind) -> Bool { a.rawValue < b.rawValue }
}

/// One enforcement point on a route and what decided there.
public struct PathHop: Sendable, Hashable {
    public var enforcementPoint: String
    public var fromZone: String
    public var toZone: String
    public var action: RuleAction
    /// The first matching rule, or nil when the default action decided.
    public var rule: String?
    /// The default rule's name (`interzone-default`, `intrazone-default`) when it decided.
    public var defaultName: String?
    public var location: SourceLocation
    /// Conditions the tool did not evaluate on this rule (users, HIP…), and other notes.
    public var notes: [String]

    public init(enforcementPoint: String, fromZone: String, toZone: String, action: RuleAction, rule: String?,
                defaultName: String? = nil, location: SourceLocation, notes: [String] = []) {
        self.enforcementPoint = enforcementPoint
        self.fromZone = fromZone
        self.toZone = toZone
        self.action = action
        self.rule = rule
        self.defaultName = defaultName
        self.location = location
        self.notes = notes
    }

    public var isDefault: Bool { rule == nil }
    public var ruleLabel: String { rule ?? defaultName ?? "default" }
}

/// A data-capable edge between two assets: who, which services, and why it is possible.
public struct Edge: Sendable, Hashable {
    public var kind: EdgeKind
    public var from: String
    public var to: String
    public var fromAddress: IPAddress?
    public var toAddress: IPAddress?
    /// Services that pass (after the scope file's justified allowlist is removed).
    public var services: ServiceSet
    /// Route hops with the rule that allowed the traffic at each (permit edges).
    public var hops: [PathHop]
    /// The subnet or zone shared (same-segment edges).
    public var segment: String?
    /// Flow records behind an observed edge.
    public var flows: [Flow]

    public init(kind: EdgeKind, from: String, to: String, fromAddress: IPAddress? = nil, toAddress: IPAddress? = nil,
                services: ServiceSet, hops: [PathHop] = [], segment: String? = nil, flows: [Flow] = []) {
        self.kind = kind
        self.from = from
        self.to = to
        self.fromAddress = fromAddress
        self.toAddress = toAddress
        self.services = services
        self.hops = hops
        self.segment = segment
        self.flows = flows
    }
}
