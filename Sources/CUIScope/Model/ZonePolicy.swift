/// The organisation's intended zone-to-zone matrix (scope file `policy:`), the way
/// firewall-policy managers keep a unified security policy matrix: e.g. enterprise → enclave
/// deny, except tcp/443 to the VDI gateway. `analyze` and `check` report every permitted path
/// that contradicts it, with the rule that permits it (finding POLICY-24).
public struct ZonePolicyEntry: Sendable, Hashable {
    /// Source zones (names as in the scope file or the firewall exports).
    public var from: [String]
    /// Destination zones.
    public var to: [String]
    /// `deny`: no path may be permitted except the listed services; `allow`: documented intent only.
    public var action: RuleAction
    public var exceptions: [ZonePolicyException]
    public var location: SourceLocation

    public init(from: [String], to: [String], action: RuleAction, exceptions: [ZonePolicyException] = [],
                location: SourceLocation) {
        self.from = from
        self.to = to
        self.action = action
        self.exceptions = exceptions
        self.location = location
    }

    /// `corp → enclave: deny` with the exceptions in short, for messages.
    public var summary: String {
        var text = "\(from.joined(separator: ",")) → \(to.joined(separator: ",")): \(action.rawValue)"
        if !exceptions.isEmpty { text += " except " + exceptions.map(\.summary).joined(separator: "; ") }
        return text
    }
}

/// A permitted exception to a deny entry of the zone matrix: services, optionally narrowed to
/// a source and a destination (asset id or address literal, resolved when the analysis runs).
public struct ZonePolicyException: Sendable, Hashable {
    public var services: ServiceSet
    public var serviceText: String
    /// Asset id or address literal; nil = any source in the zone.
    public var from: String?
    /// Asset id or address literal; nil = any destination in the zone.
    public var to: String?
    public var location: SourceLocation

    public init(services: ServiceSet, serviceText: String, from: String? = nil, to: String? = nil,
                location: SourceLocation) {
        self.services = services
        self.serviceText = serviceText
        self.from = from
        self.to = to
        self.location = location
    }

    public var summary: String {
        var text = serviceText
        if let from { text += " from \(from)" }
        if let to { text += " to \(to)" }
        return text
    }
}
