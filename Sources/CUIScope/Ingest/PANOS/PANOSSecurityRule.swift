/// Turns one `security/rules/entry` into a vendor-neutral ``Rule``, resolving its names in a
/// given scope, and tallies what the summary counts (each rule entry once, however many
/// Panorama device groups inherit it).
struct PANOSSecurityRuleReader {
    let resolver: PANOSObjectResolver
    let file: String
    private(set) var counts: [String: Int] = [:]
    private var counted: Set<SourceLocation> = []
    private var unresolvedSeen: Set<String> = []

    init(resolver: PANOSObjectResolver, file: String) {
        self.resolver = resolver
        self.file = file
        for key in ["rules", "disabled", "negated", "unresolved_references", "unevaluated_rules", "skipped_rules"] {
            counts[key] = 0
        }
    }

    /// Children a security rule may carry that do not change which packets it matches.
    static let metadata: Set<String> = [
        "description", "tag", "group-tag", "profile-setting", "option", "log-start", "log-end", "log-setting",
        "qos", "icmp-unreachable", "disable-server-response-inspection", "audit-comment", "uuid", "target",
        "schedule", "source-imei", "source-imsi", "source-nw-slice",
    ]
    static let matchFields: Set<String> = [
        "from", "to", "source", "destination", "source-user", "category", "application", "service", "hip-profiles",
        "source-hip", "destination-hip", "action", "disabled", "rule-type", "negate-source", "negate-destination",
    ]

    /// Reads a rule; nil when it is unusable (missing match fields, unknown action), after a diagnostic.
    mutating func read(_ entry: XMLElement, scope: Int) -> Rule? {
        let name = PANOSXML.name(entry)
        let firstTime = counted.insert(entry.location).inserted
        if firstTime { counts["rules", default: 0] += 1 }
        for child in entry.children where !Self.metadata.contains(child.name) && !Self.matchFields.contains(child.name) {
            resolver.report(.warning(child.location, "security rule '\(name)': unsupported element <\(child.name)> ignored"))
        }
        var missing: [String] = []
        for field in ["from", "to", "source", "destination"] where entry.members(field).isEmpty { missing.append(field) }
        if !missing.isEmpty {
            let message = "security rule '\(name)' has no <member> in <\(missing.joined(separator: ">, <"))>"
            return skip(entry, message, firstTime: firstTime)
        }
        guard let actionText = entry.text(of: "action") else {
            return skip(entry, "security rule '\(name)' has no <action>", firstTime: firstTime)
        }
        let action: RuleAction
        switch actionText {
        case "allow": action = .allow
        case "deny", "drop", "reset-client", "reset-server", "reset-both": action = .deny
        default:
            return skip(entry, "security rule '\(name)': <action> is not allow, deny, drop or reset-*", firstTime: firstTime)
        }
        var ruleType = RuleType.universal
        if let rt = entry.text(of: "rule-type") {
            guard let t = RuleType(rawValue: rt) else {
                return skip(entry, "security rule '\(name)': <rule-type> is not universal, intrazone or interzone",
                            firstTime: firstTime)
            }
            ruleType = t
        }
        let disabled = PANOSXML.flag(entry, "disabled")
        let negateSource = PANOSXML.flag(entry, "negate-source")
        let negateDestination = PANOSXML.flag(entry, "negate-destination")
        let applications = entry.members("application")
        var notes: [String] = []
        let source = addresses(entry, "source", negate: negateSource, scope: scope)
        let destination = addresses(entry, "destination", negate: negateDestination, scope: scope)
        let services = services(entry, applications: applications, scope: scope, notes: &notes)
        let unevaluated = unevaluatedConditions(entry)
        if let target = entry.child("target"), !(target.child("tags")?.children("member").isEmpty ?? true) {
            notes.append("target device tags not evaluated: rule kept for every device of the group")
        }
        if firstTime {
            if disabled { counts["disabled", default: 0] += 1 }
            if negateSource || negateDestination { counts["negated", default: 0] += 1 }
            if !unevaluated.isEmpty { counts["unevaluated_rules", default: 0] += 1 }
        }
        for u in source.unresolved + destination.unresolved where unresolvedSeen.insert("\(entry.location)|\(u)").inserted {
            counts["unresolved_references", default: 0] += 1
        }
        return Rule(
            name: name, uuid: entry.attribute("uuid"), action: action, from: zones(entry, "from"),
            to: zones(entry, "to"), source: source, destination: destination, services: services,
            serviceMembers: entry.members("service"), applications: applications, ruleType: ruleType,
            disabled: disabled, unevaluated: unevaluated, notes: notes, description: entry.text(of: "description"),
            location: entry.location)
    }

    private mutating func skip(_ entry: XMLElement, _ message: String, firstTime: Bool) -> Rule? {
        if resolver.lenient {
            resolver.report(.warning(entry.location, message + "; rule skipped (--lenient)"))
            if firstTime { counts["skipped_rules", default: 0] += 1 }
        } else {
            resolver.report(.error(entry.location, message))
        }
        return nil
    }

    private func zones(_ entry: XMLElement, _ field: String) -> ZoneMatch {
        let members = entry.members(field)
        return members.contains("any") ? .any : .zones(Set(members))
    }

    private func addresses(_ entry: XMLElement, _ field: String, negate: Bool, scope: Int) -> AddressMatch {
        let members = entry.child(field)?.children("member") ?? []
        var set = AddressSet()
        var unresolved: [String] = []
        for m in members {
            let r = resolver.address(m.text, at: m.location, scope: scope)
            set = set.union(r.set)
            for u in r.unresolved where !unresolved.contains(u) { unresolved.append(u) }
        }
        return AddressMatch(set: negate ? set.complement() : set, negated: negate, members: members.map(\.text),
                            unresolved: unresolved)
    }

    private func services(_ entry: XMLElement, applications: [String], scope: Int, notes: inout [String]) -> ServiceSet {
        let members = entry.child("service")?.children("member") ?? []
        if members.isEmpty { return .anyService }
        var set = ServiceSet()
        for m in members {
            switch m.text {
            case "any":
                set = .anyService
            case "application-default":
                set = set.union(applicationDefault(applications, scope: scope, notes: &notes))
            default:
                if let r = resolver.service(m.text, at: m.location, scope: scope) {
                    set = set.union(r.set)
                    notes.append(contentsOf: r.notes.filter { !notes.contains($0) })
                } else {
                    notes.append("service \(m.text) undefined; contributes no ports")
                }
            }
        }
        return set
    }

    private func applicationDefault(_ apps: [String], scope: Int, notes: inout [String]) -> ServiceSet {
        if apps.isEmpty || apps.contains("any") {
            notes.append("application-default with application any: treated as any port")
            return .anyService
        }
        var set = ServiceSet()
        var unknown: [String] = []
        for app in apps {
            if let s = resolver.applicationDefault(app, scope: scope) { set = set.union(s) } else { unknown.append(app) }
        }
        if !unknown.isEmpty {
            notes.append("application-default with application(s) of unknown standard ports (\(unknown.joined(separator: ", "))): treated as any port")
            return .anyService
        }
        return set
    }

    /// Identity, HIP, URL-category and schedule conditions: recorded, never evaluated.
    private func unevaluatedConditions(_ entry: XMLElement) -> [String] {
        var out: [String] = []
        for field in ["source-user", "source-hip", "destination-hip", "hip-profiles", "category"] {
            let members = entry.members(field)
            if !members.isEmpty, members != ["any"] {
                out.append("\(field): \(members.joined(separator: ", "))")
            }
        }
        if let schedule = entry.text(of: "schedule"), !schedule.isEmpty { out.append("schedule: \(schedule)") }
        return out
    }

    /// Reads `default-security-rules/rules/entry[@name='intrazone-default'|'interzone-default']/action`.
    static func defaults(_ container: XMLElement?) -> (intrazone: (RuleAction, SourceLocation)?, interzone: (RuleAction, SourceLocation)?) {
        var intra: (RuleAction, SourceLocation)?
        var inter: (RuleAction, SourceLocation)?
        for e in container?.path("default-security-rules/rules")?.children("entry") ?? [] {
            guard let text = e.text(of: "action") else { continue }
            let action: RuleAction = text == "allow" ? .allow : .deny
            switch PANOSXML.name(e) {
            case "intrazone-default": intra = (action, e.location)
            case "interzone-default": inter = (action, e.location)
            default: break
            }
        }
        return (intra, inter)
    }
}
