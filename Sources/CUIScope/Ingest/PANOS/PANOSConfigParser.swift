/// Reads a PAN-OS firewall or Panorama configuration (FORMATS.md §1–§2) into a ``RuleSet``.
///
/// Accepts a saved `<config>` or the XML API's `<response><result><config>` wrapper. A
/// firewall gives one enforcement point per vsys (`"<hostname>/vsys1"`, vendor `panos`); a
/// Panorama export gives one per device group, or per managed firewall when rules are
/// targeted (``PanoramaPolicy``). Rules stay in document order with file:line and uuid.
public enum PANOSConfigParser {
    /// Subtrees never needed for policy, skipped while reading (multi-MB previews, certificates,
    /// password hashes): pass to `XMLReader.document(_:skip:)`.
    public static let skippedElements: Set<String> = [
        "content-preview", "certificate", "mgt-config", "botnet", "local-user-database", "ssl-tls-service-profile",
        "certificate-profile", "reports", "report-group", "email-scheduler", "pdf-summary-report", "threats",
        "response-page", "log-settings",
    ]

    /// Whether a document with this root element is a PAN-OS export (`config`, or the API's `response`).
    public static func isPANOS(rootName: String) -> Bool {
        rootName == "config" || rootName == "response"
    }

    /// Parses a PAN-OS firewall or Panorama configuration tree.
    /// - Parameters:
    ///   - root: the document root (`config` or `response`).
    ///   - file: the name diagnostics use.
    ///   - hosts: addresses of FQDN objects, from a hosts file or the inventory; never looked up
    ///     on the network.
    ///   - lenient: undefined names become unresolved members and unusable rules are skipped,
    ///     with warnings, instead of failing.
    /// - Throws: ``InputError`` listing every error (with the warnings) when the config is unusable.
    public static func parse(
        _ root: XMLElement, file: String, hosts: [String: [IPAddress]] = [:], lenient: Bool = false
    ) throws(InputError) -> RuleSet {
        let config = try unwrap(root, file: file)
        let isPanorama = config.path("devices/entry/device-group") != nil
            || config.path("devices/entry/template") != nil || config.child("panorama") != nil
        let result = isPanorama
            ? PanoramaPolicy.read(config, file: file, hosts: hosts, lenient: lenient)
            : readFirewall(config, file: file, hosts: hosts, lenient: lenient)
        let log = result.log
        try log.throwIfErrors()
        return RuleSet(enforcementPoints: result.points, diagnostics: log.entries.sorted(), source: file,
                       counts: result.counts)
    }

    /// What either reader produces before the errors are checked.
    struct Output {
        var points: [EnforcementPoint]
        var log: DiagnosticLog
        var counts: [String: Int]
    }

    static func unwrap(_ root: XMLElement, file: String) throws(InputError) -> XMLElement {
        let config: XMLElement
        switch root.name {
        case "config":
            config = root
        case "response":
            guard let inner = root.path("result/config") else {
                throw InputError(root.location, "expected <result><config> inside the PAN-OS API <response>")
            }
            config = inner
        default:
            throw InputError(root.location, "expected a PAN-OS <config> or <response> root element, found <\(root.name)>")
        }
        guard config.child("devices") != nil || config.child("shared") != nil else {
            throw InputError(config.location, "PAN-OS <config> has neither <devices> nor <shared>")
        }
        return config
    }

    /// Firewall: shared objects, then one enforcement point per vsys.
    static func readFirewall(_ config: XMLElement, file: String, hosts: [String: [IPAddress]], lenient: Bool)
        -> Output
    {
        var log = DiagnosticLog()
        let devices = config.child("devices")?.children("entry") ?? []
        if devices.count > 1 {
            log.warning(devices[1].location, "more than one devices/entry; only the first is read")
        }
        let device = devices.first
        let hostname = device?.path("deviceconfig/system/hostname")?.text
        let deviceName = (hostname?.isEmpty == false ? hostname : nil) ?? device.map(PANOSXML.name) ?? "panos"
        let vsysList = PANOSXML.mergedEntries(device?.child("vsys")?.children("entry") ?? [])

        var scopes = [PANOSObjectScope.load(name: "shared", parent: nil, from: config.child("shared").map { [$0] } ?? [],
                                            log: &log)]
        for v in vsysList { scopes.append(.load(name: v.name, parent: 0, from: v.elements, log: &log)) }
        let resolver = PANOSObjectResolver(scopes: scopes, hosts: hosts, lenient: lenient, descendantsWin: false)
        resolver.log = log

        var interfaceLog = DiagnosticLog()
        let interfaces = PANOSInterfaces.read(device?.path("network/interface"), addressObject: { name in
            for s in 0..<scopes.count {
                if case .set(let set)? = scopes[s].addresses[name]?.value { return set }
            }
            return nil
        }, log: &interfaceLog)
        resolver.log.append(contentsOf: interfaceLog.entries)

        var reader = PANOSSecurityRuleReader(resolver: resolver, file: file)
        var points: [EnforcementPoint] = []
        if vsysList.isEmpty, let device {
            resolver.report(.warning(device.location, "PAN-OS device has no vsys entries; no policy read"))
        }
        for (index, v) in vsysList.enumerated() {
            let scope = index + 1
            var rules: [Rule] = []
            var rulebases: [XMLElement] = []
            for el in v.elements {
                guard let rb = el.child("rulebase") else { continue }
                rulebases.append(rb)
                for entry in rb.path("security/rules")?.children("entry") ?? [] {
                    if let rule = reader.read(entry, scope: scope) { rules.append(rule) }
                }
            }
            var ep = EnforcementPoint(name: "\(deviceName)/\(v.name)", vendor: "panos",
                                      zones: PANOSInterfaces.zones(v.elements, interfaces: interfaces), rules: rules,
                                      location: v.elements[0].location)
            for rb in rulebases {
                let d = PANOSSecurityRuleReader.defaults(rb)
                if let intra = d.intrazone { ep.intrazoneDefault = intra.0; ep.location = intra.1 }
                if let inter = d.interzone { ep.interzoneDefault = inter.0; ep.location = inter.1 }
            }
            ep.ruleOnlyZones = undefinedZones(ep)
            points.append(ep)
        }
        var counts = reader.counts
        counts["fqdn_objects"] = scopes.reduce(0) { $0 + $1.fqdnObjects }
        counts["dynamic_groups"] = scopes.reduce(0) { $0 + $1.dynamicGroups }
        counts["enforcement_points"] = points.count
        return Output(points: points, log: resolver.log, counts: counts)
    }

    /// Zones rules name that the export does not define, sorted.
    static func undefinedZones(_ ep: EnforcementPoint) -> [String] {
        let defined = Set(ep.zones.map(\.name))
        return ep.zoneNames.subtracting(defined).sorted()
    }
}
