/// Reads a Juniper SRX configuration — `display set` text or `display xml` — into one
/// enforcement point (docs/FORMATS.md, Juniper SRX).
///
/// Both forms become one ``JunosConfigTree``; everything after that is shared, so the same
/// configuration gives the same rules whichever way it was exported. The default policy decides
/// traffic within a zone as well as between zones (SRX has no implicit intrazone allow).
public enum SRXConfigParser {
    /// Parses `display set` text.
    public static func parse(setText text: String, file: String, hosts: [String: [IPAddress]] = [:],
                             lenient: Bool = false) throws(InputError) -> RuleSet {
        var log = DiagnosticLog()
        let tree = try JunosSetParser.parse(text, file: file, log: &log)
        return try build(tree, file: file, hosts: hosts, lenient: lenient, log: log)
    }

    /// Parses a `display xml` document.
    public static func parse(xml root: XMLElement, file: String, hosts: [String: [IPAddress]] = [:],
                             lenient: Bool = false) throws(InputError) -> RuleSet {
        let tree = try JunosXMLConfig.tree(root, file: file)
        return try build(tree, file: file, hosts: hosts, lenient: lenient, log: DiagnosticLog())
    }

    /// The enforcement point of a configuration tree.
    /// - Throws: ``InputError`` with every error unless `lenient`.
    static func build(_ tree: JunosConfigTree, file: String, hosts: [String: [IPAddress]], lenient: Bool,
                      log start: DiagnosticLog) throws(InputError) -> RuleSet {
        var log = start
        var counts: [String: Int] = ["statements_not_read": JunosGroups.apply(tree, log: &log)]
        let config = tree.root
        guard !tree.isEmpty else { throw InputError(config.location, "no Junos configuration statement found") }
        counts["statements_not_read", default: 0] += notRead(config, log: &log)
        let security = config.child("security").flatMap { $0.inactive ? nil : $0 }
        let subnets = SRXInterfaces.subnets(config.child("interfaces"))
        let (zones, zoneOf) = SRXInterfaces.zones(security, subnets: subnets, log: &log)
        var policies = SRXPolicies(books: SRXAddressBooks(security: security, hosts: hosts),
                                   applications: SRXApplications(config.child("applications")), lenient: lenient)
        policies.read(security?.child("policies"), inactive: false)
        log.append(contentsOf: policies.log.entries)
        counts.merge(policies.counts) { $0 + $1 }
        counts["zones"] = zones.count
        if !lenient { try log.throwIfErrors() }
        let defaultNode = security?.path("policies default-policy").flatMap { $0.inactive ? nil : $0 }
        let defaultAction: RuleAction = (defaultNode?.active ?? []).contains { $0.word == "permit-all" } ? .allow : .deny
        let known = Set(zones.map(\.name))
        let ruleZones = policies.rules.flatMap { r -> [String] in
            [r.from, r.to].flatMap { m -> [String] in if case .zones(let z) = m { return Array(z) } else { return [] } }
        }
        let host = config.path("system host-name")?.active.first?.word ?? file
        var point = EnforcementPoint(name: host, vendor: "srx", zones: zones, rules: policies.rules,
                                     interzoneDefault: defaultAction, intrazoneDefault: defaultAction,
                                     location: defaultNode?.location ?? config.location,
                                     ruleOnlyZones: Set(ruleZones).subtracting(known).sorted())
        point.routes = SRXInterfaces.routes(config, zones: zones, zoneOf: zoneOf)
        counts["routes"] = point.routes.count
        return RuleSet(enforcementPoints: [point], diagnostics: log.entries.sorted(), source: file, counts: counts)
    }

    /// Parts of the configuration that hold policy but are not read: logical systems, tenants
    /// and NAT. Each is reported once; the count is of their statements.
    static func notRead(_ config: JunosNode, log: inout DiagnosticLog) -> Int {
        var count = 0
        for (path, what) in [("logical-systems", "logical systems"), ("tenants", "tenant systems"),
                             ("security nat", "NAT rules")] {
            guard let node = config.path(path), !node.inactive else { continue }
            count += node.leafCount
            log.warning(node.location, "\(what) (\(node.leafCount) statements) are not read; their policies and translations are not in the analysis")
        }
        return count
    }
}
