/// The effective policy Panorama pushes to its firewalls (FORMATS.md §2).
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

    static func read(_ config: XMLElement, file: String, hosts: [String: [IPAddress]], lenient: Bool)
        -> PANOSConfigParser.Output
    {
        var log = DiagnosticLog()
        let device = config.child("devices")?.children("entry").first
        let shared = config.child("shared")
        var groups = PANOSXML.mergedEntries(device?.child("device-group")?.children("entry") ?? []).map { entry in
            DeviceGroup(name: entry.name, elements: entry.elements, parent: nil, parentLocation: nil,
                        serials: entry.elements.flatMap { ($0.child("devices")?.children("entry") ?? []).map(PANOSXML.name) })
        }
        let index = Dictionary(groups.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        for ro in config.path("readonly/devices")?.children("entry") ?? [] {
            for e in ro.child("device-group")?.children("entry") ?? [] {
                guard let parent = e.child("parent-dg"), let i = index[PANOSXML.name(e)] else { continue }
                groups[i].parent = parent.text
                groups[i].parentLocation = parent.location
            }
        }

        // Scope 0 is shared; scope i+1 is device group i.
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
        let resolver = PANOSObjectResolver(scopes: scopes, hosts: hosts, lenient: lenient, descendantsWin: true)
        resolver.log = log
        for (i, g) in groups.enumerated() where !resolver.chain(from: i + 1).contains(0) {
            resolver.report(.error(g.parentLocation ?? g.elements[0].location,
                                   "device group '\(g.name)': <parent-dg> hierarchy has a cycle"))
        }

        let templates = TemplateZones(device: device, log: &resolver.log)
        var reader = PANOSSecurityRuleReader(resolver: resolver, file: file)
        // Rules of shared (index 0) and each group (i + 1) have to be read in every inheriting group's scope.
        var points: [EnforcementPoint] = []
        for (i, g) in groups.enumerated() {
            let scope = i + 1
            let chain = resolver.chain(from: scope)
            guard chain.last == 0 else { continue }
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
            for (name, serial, members) in variants {
                var ep = base
                ep.name = name
                ep.rules = rules.filter { $0.1.applies(to: serial) }.map(\.0)
                ep.zones = templates.zones(for: members)
                ep.ruleOnlyZones = PANOSConfigParser.undefinedZones(ep)
                points.append(ep)
            }
        }
        if groups.isEmpty, let shared, securityRules([shared], "pre-rulebase").count + securityRules([shared], "post-rulebase").count > 0 {
            // Shared rules with no device group still form a policy: one enforcement point for shared.
            var rules: [Rule] = []
            for (entry, _) in securityRules([shared], "pre-rulebase") + securityRules([shared], "post-rulebase") {
                if let rule = reader.read(entry, scope: 0) { rules.append(rule) }
            }
            var ep = EnforcementPoint(name: "shared", vendor: "panorama", rules: rules, location: shared.location)
            applyDefaults(&ep, containers: [[shared]])
            ep.ruleOnlyZones = PANOSConfigParser.undefinedZones(ep)
            points.append(ep)
        }
        var counts = reader.counts
        counts["fqdn_objects"] = scopes.reduce(0) { $0 + $1.fqdnObjects }
        counts["dynamic_groups"] = scopes.reduce(0) { $0 + $1.dynamicGroups }
        counts["enforcement_points"] = points.count
        counts["device_groups"] = groups.count
        return PANOSConfigParser.Output(points: points, log: resolver.log, counts: counts)
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
