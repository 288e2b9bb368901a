/// Reads a FortiOS configuration (`show full-configuration` or a backup) into one enforcement
/// point per VDOM (docs/FORMATS.md, FortiGate).
///
/// FortiOS evaluates `config firewall policy` top-down in list order (not by id), first match
/// wins, and ends with an implicit deny; traffic between interfaces of one zone also needs a
/// policy unless `intrazone allow`, so both defaults are `deny`. Zones of the model are the
/// FortiOS zones plus the interfaces that belong to none.
public enum FortiGateConfigParser {
    public static func parse(_ text: String, file: String, lenient: Bool = false) throws(InputError) -> RuleSet {
        let root = try FortiConfigTree.parse(text, file: file)
        let host = root.table("system global")?.value("hostname")
            ?? root.table("global")?.table("system global")?.value("hostname") ?? file
        var vdoms: [(String, FortiNode)] = []
        // Backups repeat `config vdom` (declaration, then one block per VDOM): merge by name.
        let vdomEdits = root.children.filter { !$0.isEdit && $0.name == "vdom" }.flatMap(\.edits)
        if !vdomEdits.isEmpty {
            var merged: [String: FortiNode] = [:]
            var order: [String] = []
            for e in vdomEdits {
                if merged[e.name] == nil { order.append(e.name); merged[e.name] = e } else {
                    merged[e.name]?.children += e.children
                }
            }
            vdoms = order.map { ($0, merged[$0]!) }
        } else {
            vdoms = [("root", root)]
        }
        let globals = root.table("global") ?? root
        var log = DiagnosticLog()
        var counts: [String: Int] = ["policies": 0, "disabled": 0, "negated": 0, "unresolved": 0, "skipped": 0]
        var points: [EnforcementPoint] = []
        for (vdom, node) in vdoms {
            let name = vdoms.count == 1 ? host : "\(host)/\(vdom)"
            points.append(point(name: name, vdom: vdom, node: node, globals: globals, log: &log, counts: &counts))
        }
        if !lenient { try log.throwIfErrors() }
        return RuleSet(enforcementPoints: points, diagnostics: log.entries.sorted(), source: file, counts: counts)
    }

    /// The zones (FortiOS zones and unzoned interfaces of this VDOM) and the compiled policies.
    static func point(name: String, vdom: String, node: FortiNode, globals: FortiNode,
                      log: inout DiagnosticLog, counts: inout [String: Int]) -> EnforcementPoint {
        let interfaces = (globals.table("system interface")?.edits ?? [])
            .filter { ($0.value("vdom") ?? "root") == vdom }
        var subnets: [String: [Subnet]] = [:]
        for i in interfaces {
            let ip = i.values("ip")
            guard !ip.isEmpty, let set = AddressSet.parse(ip.count == 2 ? "\(ip[0])/\(ip[1])" : ip[0]), !set.isEmpty,
                  ip[0] != "0.0.0.0" else { continue }
            let text = ip.joined(separator: "/")
            subnets[i.name] = [Subnet(text: text, addresses: set, location: i.settings["ip"]!.location,
                                      origin: "FortiGate interface \(i.name)")]
        }
        var zoneOf: [String: String] = [:]
        var zones: [Zone] = []
        for z in node.table("system zone")?.edits ?? [] {
            let members = z.values("interface")
            for m in members { zoneOf[m] = z.name }
            zones.append(Zone(name: z.name, subnets: members.flatMap { subnets[$0] ?? [] }))
        }
        for i in interfaces where zoneOf[i.name] == nil {
            zones.append(Zone(name: i.name, subnets: subnets[i.name] ?? []))
        }
        let objects = FortiObjects(vdom: node)
        let table = node.table("firewall policy")
        var rules: [Rule] = []
        for p in table?.edits ?? [] {
            counts["policies", default: 0] += 1
            if let r = FortiGatePolicy.rule(p, objects: objects, zoneOf: zoneOf, log: &log) {
                rules.append(r)
                if r.disabled { counts["disabled", default: 0] += 1 }
                if r.source.negated || r.destination.negated || r.notes.contains(where: { $0.hasPrefix("service-negate") }) {
                    counts["negated", default: 0] += 1
                }
                if r.hasUnresolved { counts["unresolved", default: 0] += 1 }
            } else {
                counts["skipped", default: 0] += 1
            }
        }
        let known = Set(zones.map(\.name))
        let ruleZones = Set(rules.flatMap { r -> [String] in
            var n: [String] = []
            if case .zones(let z) = r.from { n += z }
            if case .zones(let z) = r.to { n += z }
            return n
        })
        return EnforcementPoint(name: name, vendor: "fortigate", zones: zones, rules: rules, interzoneDefault: .deny,
                                intrazoneDefault: .deny, location: table?.location ?? node.location,
                                ruleOnlyZones: ruleZones.subtracting(known).sorted())
    }
}
