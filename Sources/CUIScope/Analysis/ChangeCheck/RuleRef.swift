/// A rule (or a default rule) as evidence: which device, which rule, what it does, where it is written.
public struct RuleRef: Sendable, Hashable, Comparable {
    public var enforcementPoint: String
    /// The rule's name; nil when a default decided.
    public var rule: String?
    public var uuid: String?
    /// `interzone-default` / `intrazone-default` when a default decided.
    public var defaultName: String?
    public var action: RuleAction
    public var location: SourceLocation

    public init(enforcementPoint: String, rule: String?, uuid: String? = nil, defaultName: String? = nil,
                action: RuleAction, location: SourceLocation) {
        self.enforcementPoint = enforcementPoint
        self.rule = rule
        self.uuid = uuid
        self.defaultName = defaultName
        self.action = action
        self.location = location
    }

    /// `fw-core rule 'corp-any-enclave' (proposed.xml:88)`.
    public var text: String {
        let name = rule.map { "rule '\($0)'" } ?? (defaultName ?? "default")
        return "\(enforcementPoint) \(name) (\(location.file):\(location.line))"
    }

    /// Identity that survives line shifts: device and uuid, else device and name.
    public var identity: String { "\(enforcementPoint)/\(uuid ?? rule ?? defaultName ?? "default")" }

    public var evidence: Evidence {
        Evidence(kind: rule == nil ? .defaultRule : .rule,
                 text: "\(enforcementPoint): \(rule.map { "rule '\($0)'" } ?? (defaultName ?? "default")) \(action.rawValue)",
                 location: location, rule: rule ?? defaultName, enforcementPoint: enforcementPoint)
    }

    public static func < (a: RuleRef, b: RuleRef) -> Bool {
        (a.location.file, a.location.line, a.enforcementPoint, a.rule ?? "") < (
            b.location.file, b.location.line, b.enforcementPoint, b.rule ?? ""
        )
    }
}

extension EnforcementPoint {
    /// Evidence for rule index `rule` (nil = the default for the zone pair).
    func ref(rule: Int?, fromZone: String, toZone: String, action: RuleAction) -> RuleRef {
        guard let r = rule else {
            return RuleRef(enforcementPoint: name, rule: nil, defaultName: defaultAction(fromZone: fromZone, toZone: toZone).name,
                           action: action, location: location)
        }
        return RuleRef(enforcementPoint: name, rule: rules[r].name, uuid: rules[r].uuid, action: action,
                       location: rules[r].location)
    }
}
