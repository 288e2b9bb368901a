/// Reads a Cisco ASA `show running-config` into one enforcement point (docs/FORMATS.md,
/// Cisco ASA): interfaces with `nameif` are zones, static routes place far addresses, and the
/// access lists bound by `access-group` are compiled with the implicit rules of the security
/// levels into first-match lists (``ASAPolicy``).
public enum ASAConfigParser {
    public static func parse(_ text: String, file: String, lenient: Bool = false,
                             hosts: [String: [IPAddress]] = [:]) throws(InputError) -> RuleSet {
        let blocks = ASAConfigText.blocks(text)
        var problems = ASAProblems(file: file, lenient: lenient)
        let interfaces = ASAInterface.parse(blocks, problems: &problems)
        let own = Dictionary(interfaces.map { ($0.name, $0.own) }, uniquingKeysWith: { a, _ in a })
        var builder = ASAObjectBuilder(hosts: hosts, interfaces: own, problems: problems)
        builder.build(blocks)
        problems = builder.problems
        let lists = ASAAccessLists.parse(blocks, objects: builder.objects, problems: &problems)
        let bindings = ASABindings.parse(blocks, interfaces: Set(interfaces.map(\.name)), lists: lists, problems: &problems)
        let hostLine = blocks.first { $0.keyword == "hostname" }
        let device = hostLine?.head.location(file) ?? SourceLocation(file: file, line: 1, column: 1)
        let policy = ASAPolicy(interfaces: interfaces, lists: lists, bindings: bindings)
        var ep = EnforcementPoint(
            name: hostLine?.head.word(1) ?? file, vendor: "asa", zones: interfaces.map(\.zone),
            rules: ASAManagementAccess.rules(blocks, interfaces: interfaces, objects: builder.objects,
                                             problems: &problems, device: device) + policy.ingress(),
            interzoneDefault: .deny, intrazoneDefault: .deny, location: device)
        ep.egressRules = policy.egress()
        ep.routes = ASARoutes.parse(blocks, interfaces: interfaces, problems: &problems)
        if !lenient { try problems.log.throwIfErrors() }
        return RuleSet(enforcementPoints: [ep], diagnostics: problems.log.entries.sorted(), source: file,
                       counts: counts(lists, builder, ep, bindings))
    }

    private static func counts(_ lists: ASAAccessLists, _ builder: ASAObjectBuilder, _ ep: EnforcementPoint,
                               _ bindings: ASABindings) -> [String: Int] {
        var out = lists.counts
        out["skipped", default: 0] += builder.unusable
        out["interfaces"] = ep.zones.count
        out["routes"] = ep.routes.count
        let bound = Set(bindings.inbound.values.map(\.acl) + bindings.outbound.values.map(\.acl) + [bindings.global?.acl].compactMap { $0 })
        out["unbound-aces"] = lists.lists.filter { !bound.contains($0.key) }.reduce(0) { $0 + $1.value.count }
        out["unresolved"] = lists.lists.values.joined().filter { !$0.source.unresolved.isEmpty || !$0.destination.unresolved.isEmpty }.count
        return out
    }
}
