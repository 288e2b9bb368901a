/// The policy of a PAN-OS firewall export (docs/FORMATS.md, PAN-OS firewall): shared objects, then one
/// enforcement point per vsys, named `"<hostname>/<vsys>"`, with the zones of its interfaces and
/// the rulebase's intrazone/interzone default overrides.
enum PANOSFirewallPolicy {
    static func read(_ config: XMLElement, file: String, hosts: [String: [IPAddress]], lenient: Bool) -> PANOSPolicy {
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
            ep.ruleOnlyZones = PANOSPolicy.undefinedZones(ep)
            if index == 0 {
                ep.routes = PANOSRoutes.read(
                    device?.child("network"), vsys: vsysList.flatMap(\.elements),
                    zones: vsysList.flatMap { PANOSInterfaces.zones($0.elements, interfaces: interfaces) })
            }
            points.append(ep)
        }
        return PANOSPolicy(points: points, log: resolver.log, reader: reader, scopes: scopes)
    }
}
