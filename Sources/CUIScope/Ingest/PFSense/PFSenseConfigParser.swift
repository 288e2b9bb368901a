/// Reads a pfSense or OPNsense `config.xml` (root `<pfsense>` or `<opnsense>`) into one
/// enforcement point whose zones are the interfaces and whose rules reproduce pf's
/// evaluation as a first-match list (docs/FORMATS.md, pfSense and OPNsense).
///
/// pf blocks by default on every interface, so both defaults are `deny`; a rule applies to
/// traffic *entering* its interface (`from: [interface]`); floating `out` rules go to
/// `egressRules`. Legacy `filter/rule` and MVC `OPNsense/Firewall/Filter/rules/rule` are both
/// read when a file has both.
public enum PFSenseConfigParser {
    /// Whether a document root is a pfSense/OPNsense configuration.
    public static func isPFSense(rootName: String) -> Bool {
        rootName == "pfsense" || rootName == "opnsense"
    }

    /// Parses the configuration tree.
    /// - Parameters:
    ///   - root: the document element from `XMLReader.document`.
    ///   - file: the file name to report.
    ///   - lenient: skip (and report as warnings) rules and objects with problems instead of failing.
    /// - Throws: ``InputError`` listing every problem with file:line:column, unless lenient.
    public static func parse(_ root: XMLElement, file: String, lenient: Bool = false) throws(InputError) -> RuleSet {
        guard isPFSense(rootName: root.name) else {
            throw InputError(root.location, "expected a <pfsense> or <opnsense> root element, found <\(root.name)>")
        }
        var ctx = PFSenseContext(lenient: lenient, vendor: root.name)
        let interfaces = PFInterfaces.parse(root, &ctx)
        let aliases = PFAliases.parse(root, &ctx)
        let reader = PFSenseRules(interfaces: interfaces, aliases: aliases)
        let legacy = reader.legacy(root, &ctx)
        let mvc = reader.mvc(root, &ctx)
        let implicit = PFSenseImplicitRules.rules(root, interfaces)
        let compiled = PFSensePolicy.compile(implicit: implicit, mvc: mvc, legacy: legacy)

        let host = root.path("system/hostname")?.text ?? ""
        let domain = root.path("system/domain")?.text ?? ""
        let name = [host, domain].filter { !$0.isEmpty }.joined(separator: ".")
        let firewall = name.isEmpty ? file : name
        let ruleZones = Set((legacy + mvc).flatMap { $0.interfaces ?? [] })
        var ep = EnforcementPoint(
            name: firewall, vendor: root.name, zones: interfaces.zones(firewall: firewall), rules: compiled.ingress,
            interzoneDefault: .deny, intrazoneDefault: .deny, location: root.child("filter")?.location ?? root.location,
            ruleOnlyZones: ruleZones.subtracting(interfaces.keys).sorted())
        ep.egressRules = compiled.egress
        ep.routes = PFSenseRoutes.read(root)

        if !lenient { try ctx.log.throwIfErrors() }
        let user = legacy + mvc
        let fileRules = root.all("filter/rule").count + root.all("OPNsense/Firewall/Filter/rules/rule").count
        let counts: [String: Int] = [
            "rules": fileRules,
            "legacy_rules": root.all("filter/rule").count,
            "mvc_rules": root.all("OPNsense/Firewall/Filter/rules/rule").count,
            "disabled": user.filter(\.rule.disabled).count,
            "floating": user.filter(\.floating).count,
            "negated": user.filter(\.negated).count,
            "aliases": aliases.count,
            "unresolved": user.filter(\.rule.hasUnresolved).count,
            "implicit": implicit.count,
            "interfaces": interfaces.keys.count,
            "skipped": ctx.skipped,
        ]
        return RuleSet(enforcementPoints: [ep], diagnostics: ctx.log.entries.sorted(), source: file, counts: counts)
    }
}
