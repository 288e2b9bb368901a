/// The effective policy Panorama pushes to its firewalls (docs/FORMATS.md, Panorama).
///
/// Order for a firewall in device group D: shared pre-rules → pre-rules of D's ancestors
/// (root first) → D's pre-rules → D's post-rules → ancestors' post-rules (parent first) →
/// shared post-rules → default rules (nearest `default-security-rules` override, else built-in).
/// Names resolve from D outwards (``PANOSObjectResolver`` with `descendantsWin`). A rule's
/// `target/devices` (with `target/negate`) limits it to some firewalls: when any rule of D's
/// policy is targeted, each firewall of D gets its own enforcement point `"<D>/<serial>"`.
/// Zones and interfaces come from the templates of the template stacks that list the firewall.
enum PanoramaPolicy {
    /// One device group with its merged entries, parent and managed firewalls.
    struct DeviceGroup {
        var name: String
        var elements: [XMLElement]
        var parent: String?
        var parentLocation: SourceLocation?
        var serials: [String]
    }

    /// Which firewalls a rule applies to.
    struct Target {
        var devices: Set<String>
        var negate: Bool

        func applies(to serial: String?) -> Bool {
            if devices.isEmpty { return true }
            guard let serial else { return negate }
            return devices.contains(serial) != negate
        }

        init(_ entry: XMLElement) {
            let t = entry.child("target")
            devices = Set((t?.child("devices")?.children("entry") ?? []).map(PANOSXML.name))
            negate = t.map { PANOSXML.flag($0, "negate") } ?? false
        }
    }

    static func read(_ config: XMLElement, file: String, hosts: [String: [IPAddress]], lenient: Bool) -> PANOSPolicy {
        var log = DiagnosticLog()
        let device = config.child("devices")?.children("entry").first
        let shared = config.child("shared")
        let groups = deviceGroups(config, device: device)
        let scopes = objectScopes(groups, shared: shared, log: &log)
        let resolver = PANOSObjectResolver(scopes: scopes, hosts: hosts, lenient: lenient, descendantsWin: true)
        resolver.log = log
        for (i, g) in groups.enumerated() where !resolver.chain(from: i + 1).contains(0) {
            resolver.report(.error(g.parentLocation ?? g.elements[0].location,
                                   "device group '\(g.name)': <parent-dg> hierarchy has a cycle"))
        }

        let templates = TemplateZones(device: device, log: &resolver.log)
        var reader = PANOSSecurityRuleReader(resolver: resolver, file: file)
        var points: [EnforcementPoint] = []
        for (i, g) in groups.enumerated() {
            points += groupPoints(g, scope: i + 1, groups: groups, shared: shared, templates: templates, reader: &reader)
        }
        if groups.isEmpty, let shared, let point = sharedOnlyPoint(shared, reader: &reader) { points.append(point) }
        var policy = PANOSPolicy(points: points, log: resolver.log, reader: reader, scopes: scopes)
        policy.counts["device_groups"] = groups.count
        return policy
    }

    /// The device groups in document order (repeated entries merged), with the parents the
    /// `readonly` section names and the serials of their managed firewalls.
    private static func deviceGroups(_ config: XMLElement, device: XMLElement?) -> [DeviceGroup] {
        var groups = PANOSXML.mergedEntries(device?.child("device-group")?.children("entry") ?? []).map { entry in
            DeviceGroup(name: entry.name, elements: entry.elements, parent: nil, parentLocation: nil,
                        serials: entry.elements.flatMap { ($0.child("devices")?.children("entry") ?? []).map(PANOSXML.name) })
        }
        let index = groupIndex(groups)
        for ro in config.path("readonly/devices")?.children("entry") ?? [] {
            for e in ro.child("device-group")?.children("entry") ?? [] {
                guard let parent = e.child("parent-dg"), let i = index[PANOSXML.name(e)] else { continue }
                groups[i].parent = parent.text
                groups[i].parentLocation = parent.location
            }
        }
        return groups
    }

    /// Group names to their positions; the first of a repeated name wins.
    private static func groupIndex(_ groups: [DeviceGroup]) -> [String: Int] {
        Dictionary(groups.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The object scopes names resolve in: scope 0 is shared, scope i+1 is device group i, whose
    /// parent scope is its `parent-dg` (shared when it has none, or names no other group).
    private static func objectScopes(_ groups: [DeviceGroup], shared: XMLElement?, log: inout DiagnosticLog)
        -> [PANOSObjectScope]
    {
        let index = groupIndex(groups)
        var scopes = [PANOSObjectScope.load(name: "shared", parent: nil, from: shared.map { [$0] } ?? [], log: &log)]
        for (i, g) in groups.enumerated() {
            var parentScope = 0
            if let p = g.parent {
                if let pi = index[p], pi != i {
                    parentScope = pi + 1
                } else {
                    log.error(g.parentLocation ?? g.elements[0].location,
                              "device group '\(g.name)': <parent-dg> names no other device group")
                }
            }
            scopes.append(.load(name: g.name, parent: parentScope, from: g.elements, log: &log))
        }
        return scopes
    }

    /// The enforcement points of one device group: its inherited policy in Panorama's order, as
    /// one point, or one per managed firewall when any of its rules is targeted. Nothing when the
    /// group's parent chain does not reach shared (a cycle, reported by ``read``).
    private static func groupPoints(
        _ g: DeviceGroup, scope: Int, groups: [DeviceGroup], shared: XMLElement?, templates: TemplateZones,
        reader: inout PANOSSecurityRuleReader
    ) -> [EnforcementPoint] {
        let chain = reader.resolver.chain(from: scope)
        guard chain.last == 0 else { return [] }
        // Rules of shared (scope 0) and each group (i + 1) are read in every inheriting group's scope.
        let containers = chain.map { s -> [XMLElement] in s == 0 ? (shared.map { [$0] } ?? []) : groups[s - 1].elements }
        // chain is nearest first: own, parent, …, shared.
        var ordered: [(XMLElement, Target)] = []
        for c in containers.reversed() { ordered += securityRules(c, "pre-rulebase") }
        for c in containers { ordered += securityRules(c, "post-rulebase") }
        var rules: [(Rule, Target)] = []
        for (entry, target) in ordered {
            if let rule = reader.read(entry, scope: scope) { rules.append((rule, target)) }
        }
        var base = EnforcementPoint(name: g.name, vendor: "panorama", rules: [], location: g.elements[0].location)
        applyDefaults(&base, containers: containers)
        let targeted = rules.contains { !$0.1.devices.isEmpty }
        let serials = g.serials
        var variants: [(String, String?, [String])] = []
        if serials.isEmpty {
            variants = [(g.name, nil, [])]
        } else if targeted {
            variants = serials.map { ("\(g.name)/\($0)", $0, [$0]) }
        } else {
            variants = [(g.name, serials[0], serials)]
        }
        return variants.map { name, serial, members in
            var ep = base
            ep.name = name
            ep.rules = rules.filter { $0.1.applies(to: serial) }.map(\.0)
            ep.zones = templates.zones(for: members)
            ep.ruleOnlyZones = PANOSPolicy.undefinedZones(ep)
            return ep
        }
    }

    /// Shared rules with no device group still form a policy: one enforcement point for shared;
    /// nil when shared has no rules.
    private static func sharedOnlyPoint(_ shared: XMLElement, reader: inout PANOSSecurityRuleReader) -> EnforcementPoint? {
        let entries = securityRules([shared], "pre-rulebase") + securityRules([shared], "post-rulebase")
        guard !entries.isEmpty else { return nil }
        var rules: [Rule] = []
        for (entry, _) in entries {
            if let rule = reader.read(entry, scope: 0) { rules.append(rule) }
        }
        var ep = EnforcementPoint(name: "shared", vendor: "panorama", rules: rules, location: shared.location)
        applyDefaults(&ep, containers: [[shared]])
        ep.ruleOnlyZones = PANOSPolicy.undefinedZones(ep)
        return ep
    }

    private static func securityRules(_ containers: [XMLElement], _ rulebase: String) -> [(XMLElement, Target)] {
        containers.flatMap { ($0.path("\(rulebase)/security/rules")?.children("entry") ?? []).map { ($0, Target($0)) } }
    }

    /// Nearest override wins: own group, then ancestors, then shared `post-rulebase/default-security-rules`.
    private static func applyDefaults(_ ep: inout EnforcementPoint, containers: [[XMLElement]]) {
        var intraSet = false
        var interSet = false
        for c in containers {
            for el in c {
                let d = PANOSSecurityRuleReader.defaults(el.child("post-rulebase"))
                if !intraSet, let intra = d.intrazone { ep.intrazoneDefault = intra.0; ep.location = intra.1; intraSet = true }
                if !interSet, let inter = d.interzone { ep.interzoneDefault = inter.0; ep.location = inter.1; interSet = true }
            }
        }
    }
}

/// Zones of Panorama templates, reached from a firewall serial through the template stacks
/// (or, in older exports, templates) that list it; earlier templates in a stack win.
struct TemplateZones {
    private var zonesByTemplate: [String: [Zone]] = [:]
    private var templatesBySerial: [String: [String]] = [:]

    init(device: XMLElement?, log: inout DiagnosticLog) {
        for t in PANOSXML.mergedEntries(device?.child("template")?.children("entry") ?? []) {
            let devs = t.elements.compactMap { $0.path("config/devices")?.children("entry").first }
            var scope = PANOSObjectScope.load(name: t.name, parent: nil,
                                              from: t.elements.compactMap { $0.path("config/shared") }, log: &log)
            for d in devs {
                for v in d.child("vsys")?.children("entry") ?? [] {
                    let extra = PANOSObjectScope.load(name: t.name, parent: nil, from: [v], log: &log)
                    scope.addresses.merge(extra.addresses) { a, _ in a }
                }
            }
            let lookup = scope
            var interfaces: PANOSInterfaces.Map = [:]
            for d in devs {
                interfaces.merge(PANOSInterfaces.read(d.path("network/interface"), addressObject: { name in
                    if case .set(let s)? = lookup.addresses[name]?.value { return s }
                    return nil
                }, log: &log)) { a, b in a + b }
            }
            zonesByTemplate[t.name] = PANOSInterfaces.zones(devs.flatMap { $0.child("vsys")?.children("entry") ?? [] },
                                                           interfaces: interfaces)
            for e in t.elements {
                for d in e.child("devices")?.children("entry") ?? [] {
                    templatesBySerial[PANOSXML.name(d), default: []].append(t.name)
                }
            }
        }
        for s in PANOSXML.mergedEntries(device?.child("template-stack")?.children("entry") ?? []) {
            let members = s.elements.flatMap { $0.members("templates") }
            for e in s.elements {
                for d in e.child("devices")?.children("entry") ?? [] {
                    templatesBySerial[PANOSXML.name(d), default: []].append(contentsOf: members)
                }
            }
        }
    }

    /// Zones for a set of firewalls, merged by name in template order.
    func zones(for serials: [String]) -> [Zone] {
        var order: [String] = []
        var byName: [String: Zone] = [:]
        for serial in serials {
            for t in templatesBySerial[serial] ?? [] {
                for z in zonesByTemplate[t] ?? [] {
                    if var existing = byName[z.name] {
                        for s in z.subnets where !existing.subnets.contains(s) { existing.subnets.append(s) }
                        byName[z.name] = existing
                    } else {
                        order.append(z.name)
                        byName[z.name] = z
                    }
                }
            }
        }
        return order.compactMap { byName[$0] }
    }
}
