import Foundation

/// pf direction of a rule: `in` (entering the interface), `out` (leaving it) or both.
enum PFDirection: String {
    case `in`, out, any
}

/// A parsed rule before the pf ordering is compiled: the vendor-neutral rule plus what pf
/// needs to place it (floating, quick, direction, the interfaces it is on).
struct PFRule {
    var rule: Rule
    /// Zones (interface keys) the rule is on; nil = every interface.
    var interfaces: Set<String>?
    var floating: Bool
    var quick: Bool
    var direction: PFDirection
    /// `interface` names an interface group: evaluated between floating and interface rules.
    var isGroup: Bool
    var negated: Bool
}

/// Reads `filter/rule` (pfSense, legacy OPNsense) and `OPNsense/Firewall/Filter/rules/rule`
/// (OPNsense MVC) into ``PFRule``s, resolving addresses, aliases and services.
struct PFSenseRules {
    let interfaces: PFInterfaces
    let aliases: PFAliases
    /// Resolved aliases, so that an alias used by thousands of rules is expanded (and its
    /// problems reported) once.
    private let cache = AliasCache()

    private final class AliasCache {
        var addresses: [String: (value: PFAddresses, hadProblem: Bool)] = [:]
    }

    init(interfaces: PFInterfaces, aliases: PFAliases) {
        self.interfaces = interfaces
        self.aliases = aliases
    }

    // MARK: Legacy rules

    /// Legacy rules in document order.
    func legacy(_ root: XMLElement, _ ctx: inout PFSenseContext) -> [PFRule] {
        root.all("filter/rule").compactMap { legacyRule($0, &ctx) }
    }

    private func legacyRule(_ el: XMLElement, _ ctx: inout PFSenseContext) -> PFRule? {
        let problemsBefore = ctx.problems
        let tracker = el.nonEmpty("tracker")
        let descr = el.nonEmpty("descr")
        // Named as the GUI lists it: the bare tracker id (pfSense), else the uuid (OPNsense).
        let uuid = el.attribute("uuid").flatMap { $0.isEmpty ? nil : $0 }
        let name = descr ?? tracker ?? uuid ?? "rule at line \(el.location.line)"
        let label = "rule '\(name)'"
        guard let action = action(el.text(of: "type"), el, label, &ctx) else { return nil }
        let floating = (el.text(of: "floating") ?? "").lowercased() == "yes"
        let ifaceNames = list(el.text(of: "interface"), separators: ",")
        guard let zones = zones(ifaceNames, negate: false, floating: floating, el, label, &ctx) else { return nil }
        let directionText = (el.text(of: "direction") ?? "").lowercased()
        let direction: PFDirection = floating ? (PFDirection(rawValue: directionText) ?? .any) : .in
        if floating, !directionText.isEmpty, PFDirection(rawValue: directionText) == nil {
            ctx.problem((el.child("direction") ?? el).location, "\(label): <direction> must be in, out or any")
        }
        // Interface rules are always quick in pfSense; OPNsense lets an interface rule drop it
        // (`<quick>0</quick>`). Floating rules are quick only when `<quick>` is set.
        let quick = floating ? el.flag("quick") : (el.child("quick") == nil || el.flag("quick"))
        guard let family = PFFamily.ipProtocol(el.text(of: "ipprotocol")) else {
            ctx.problem((el.child("ipprotocol") ?? el).location, "\(label): <ipprotocol> must be inet, inet6 or inet46")
            return nil
        }
        let src = legacySide(el.child("source"), family, label, &ctx)
        let dst = legacySide(el.child("destination"), family, label, &ctx)
        guard let (svc, notes, unevaluated) = conditions(
            el, family: family, src: src, dst: dst, label: label, problemsBefore: problemsBefore, &ctx)
        else { return nil }
        let rule = Rule(
            name: name, uuid: tracker, action: action, source: src.match, destination: dst.match,
            services: svc.set, serviceMembers: svc.members, disabled: el.child("disabled") != nil,
            unevaluated: unevaluated, notes: notes, description: descr, location: el.location)
        return PFRule(rule: rule, interfaces: zones.set, floating: floating, quick: quick, direction: direction,
                      isGroup: zones.isGroup, negated: src.negated || dst.negated)
    }

    /// One side of a rule, its `source` or `destination`: the addresses it matches, its port
    /// text and whether it is negated.
    private struct RuleSide {
        var match: AddressMatch
        var port: String?
        var negated: Bool
    }

    private func legacySide(_ el: XMLElement?, _ family: PFFamily, _ label: String, _ ctx: inout PFSenseContext)
        -> RuleSide
    {
        guard let el else { return RuleSide(match: match(.full, negated: false, family, ["any"]), negated: false) }
        let negated = el.child("not") != nil
        var resolved = PFAddresses.full
        var members = ["any"]
        if let net = el.nonEmpty("network") {
            members = [net]
            if let n = interfaces.network(named: net) {
                resolved = n
            } else {
                ctx.problem((el.child("network") ?? el).location, "\(label): <\(el.name)><network> names no interface, "
                    + "interface address or group ('\(net)')")
                resolved = PFAddresses()
            }
        } else if let addr = el.nonEmpty("address") {
            members = [addr]
            resolved = address(addr, (el.child("address") ?? el).location, label, allowInterfaces: false, &ctx)
        } else if el.child("any") == nil {
            ctx.unsupported(el.location, "\(label): <\(el.name)> has none of <any/>, <address>, <network>; read as any")
        }
        return RuleSide(match: match(resolved, negated: negated, family, members), port: el.nonEmpty("port"),
                        negated: negated)
    }

    // MARK: OPNsense MVC rules

    /// MVC rules sorted by `sequence` (stable: equal sequences keep document order).
    func mvc(_ root: XMLElement, _ ctx: inout PFSenseContext) -> [PFRule] {
        var keyed: [(seq: Int, index: Int, rule: PFRule)] = []
        for (index, el) in root.all("OPNsense/Firewall/Filter/rules/rule").enumerated() {
            var seq = Int.max
            if let s = el.nonEmpty("sequence") {
                if let n = Int(s) { seq = n } else {
                    ctx.problem((el.child("sequence") ?? el).location, "MVC rule: <sequence> is not an integer")
                }
            }
            if let r = mvcRule(el, &ctx) { keyed.append((seq, index, r)) }
        }
        return keyed.sorted { ($0.seq, $0.index) < ($1.seq, $1.index) }.map(\.rule)
    }

    private func mvcRule(_ el: XMLElement, _ ctx: inout PFSenseContext) -> PFRule? {
        let problemsBefore = ctx.problems
        let uuid = el.attribute("uuid")
        let descr = el.nonEmpty("description") ?? el.nonEmpty("descr")
        let name = descr ?? uuid ?? "rule at line \(el.location.line)"
        let label = "rule '\(name)'"
        guard let action = action(el.text(of: "action") ?? "pass", el, label, &ctx) else { return nil }
        let ifaceNames = list(el.text(of: "interface"), separators: ",")
        let interfaceNot = el.text(of: "interfacenot") == "1"
        guard let zones = zones(ifaceNames, negate: interfaceNot, floating: true, el, label, &ctx) else { return nil }
        let directionText = (el.text(of: "direction") ?? "in").lowercased()
        guard let direction = PFDirection(rawValue: directionText.isEmpty ? "in" : directionText) else {
            ctx.problem((el.child("direction") ?? el).location, "\(label): <direction> must be in, out or any")
            return nil
        }
        guard let family = PFFamily.ipProtocol(el.text(of: "ipprotocol")) else {
            ctx.problem((el.child("ipprotocol") ?? el).location, "\(label): <ipprotocol> must be inet, inet6 or inet46")
            return nil
        }
        let src = mvcSide(el, "source", family, label, &ctx)
        let dst = mvcSide(el, "destination", family, label, &ctx)
        guard let (svc, notes, unevaluated) = conditions(
            el, family: family, src: src, dst: dst, label: label, problemsBefore: problemsBefore, &ctx)
        else { return nil }
        let rule = Rule(
            name: name, uuid: uuid, action: action, source: src.match, destination: dst.match, services: svc.set,
            serviceMembers: svc.members, disabled: el.text(of: "enabled") == "0", unevaluated: unevaluated,
            notes: notes, description: descr, location: el.location)
        let quick = el.child("quick").map { $0.text != "0" } ?? true
        // An MVC rule on exactly one interface behaves like that interface's rule; several, none
        // or an inverted list make it floating.
        let floating = zones.set == nil || (zones.set?.count ?? 0) != 1 || interfaceNot
        return PFRule(rule: rule, interfaces: zones.set, floating: floating, quick: quick, direction: direction,
                      isGroup: zones.isGroup, negated: src.negated || dst.negated)
    }

    private func mvcSide(
        _ el: XMLElement, _ side: String, _ family: PFFamily, _ label: String, _ ctx: inout PFSenseContext
    ) -> RuleSide {
        let negated = el.text(of: "\(side)_not") == "1"
        let netEl = el.child("\(side)_net")
        let terms = list(netEl?.text, separators: ",")
        var resolved = PFAddresses()
        if terms.isEmpty || terms.contains(where: { $0.lowercased() == "any" }) {
            resolved = .full
        } else {
            for t in terms {
                resolved.formUnion(address(t, netEl?.location ?? el.location, label, allowInterfaces: true, &ctx))
            }
        }
        return RuleSide(match: match(resolved, negated: negated, family, terms.isEmpty ? ["any"] : terms),
                        port: el.nonEmpty("\(side)_port"), negated: negated)
    }

    // MARK: Shared pieces

    private func action(_ text: String?, _ el: XMLElement, _ label: String, _ ctx: inout PFSenseContext)
        -> RuleAction?
    {
        switch (text ?? "pass").lowercased() {
        case "pass", "": return .allow
        case "block", "reject": return .deny
        case "match":
            ctx.unsupported(el.location, "\(label): 'match' rules only tag or queue traffic and never decide; "
                + "not added to the policy")
            return nil
        default:
            ctx.problem(el.location, "\(label): the action must be pass, block or reject")
            return nil
        }
    }

    /// The zone set of a rule's interface list; a group name expands to its members.
    private func zones(
        _ names: [String], negate: Bool, floating: Bool, _ el: XMLElement, _ label: String,
        _ ctx: inout PFSenseContext
    ) -> (set: Set<String>?, isGroup: Bool)? {
        if names.isEmpty {
            if floating { return (negate ? Set(interfaces.keys) : nil, false) }
            ctx.problem(el.location, "\(label): <interface> is missing")
            return nil
        }
        var out = Set<String>()
        var isGroup = false
        for n in names {
            if interfaces.interface(n) != nil {
                out.insert(n)
            } else if let members = interfaces.groups[n] {
                isGroup = true
                out.formUnion(members)
            } else if PFInterfaces.builtInGroups.contains(n) {
                out.insert(n)
            } else {
                ctx.problem(el.child("interface")?.location ?? el.location,
                            "\(label): <interface> names an undefined interface '\(n)'")
                return nil
            }
        }
        if negate { return (Set(interfaces.keys).subtracting(out), false) }
        return (out, isGroup && names.count == 1)
    }

    /// Resolves an address term: literal (host, CIDR, range), alias, or (MVC, and legacy
    /// `<network>`) an interface-derived name.
    private func address(
        _ term: String, _ loc: SourceLocation, _ label: String, allowInterfaces: Bool, _ ctx: inout PFSenseContext
    ) -> PFAddresses {
        if let set = AddressSet.parse(term) { return PFAddresses(set: set) }
        if aliases.alias(term) != nil {
            if let hit = cache.addresses[term] {
                // Reported once, but every rule using a broken alias is skipped in lenient mode.
                if hit.hadProblem { ctx.repeatProblem() }
                return hit.value
            }
            let before = ctx.problems
            let resolved = aliases.addresses(of: term, &ctx, interfaces)
            cache.addresses[term] = (resolved, ctx.problems > before)
            return resolved
        }
        if allowInterfaces, let n = interfaces.network(named: term) { return n }
        ctx.problem(loc, "\(label): address '\(term)' is neither an address, a network nor a defined alias")
        return PFAddresses()
    }

    /// The rule's address condition: negation over the resolved set, then the rule's family.
    private func match(_ r: PFAddresses, negated: Bool, _ family: PFFamily, _ members: [String]) -> AddressMatch {
        let set = (negated ? r.set.complement() : r.set).intersection(family.addresses)
        return AddressMatch(set: set, negated: negated, members: members, unresolved: r.unresolvedTexts(for: family))
    }

    /// Protocol and destination port → service set. Ports apply to tcp/udp only.
    private func services(
        _ protocolText: String?, family: PFFamily, port: String?, _ el: XMLElement, _ label: String,
        _ notes: inout [String], _ ctx: inout PFSenseContext
    ) -> (set: ServiceSet, members: [String]) {
        let proto = (protocolText ?? "any").lowercased()
        var protos: [UInt8]
        switch proto {
        case "any", "": protos = []
        case "tcp/udp", "tcpudp": protos = [IPProtocol.tcp, IPProtocol.udp]
        case "icmp":
            protos = family == .v4 ? [IPProtocol.icmp] : family == .v6 ? [IPProtocol.icmpv6]
                : [IPProtocol.icmp, IPProtocol.icmpv6]
        default:
            guard let n = Self.protocolNumbers[proto] ?? IPProtocol.number(proto) else {
                ctx.problem(el.child("protocol")?.location ?? el.location,
                            "\(label): <protocol> is not a known protocol")
                return (.anyService, ["any"])
            }
            protos = [n]
        }
        let portText = port.flatMap { $0.lowercased() == "any" ? nil : $0 }
        if protos.isEmpty {
            if portText != nil { ctx.unsupported(el.location, "\(label): a port without tcp/udp is ignored by pf") }
            return (.anyService, ["any"])
        }
        let hasPorts = protos.allSatisfy { $0 == IPProtocol.tcp || $0 == IPProtocol.udp }
        guard let portText, hasPorts else {
            return (protos.reduce(ServiceSet()) { $0.union(.proto($1)) }, [proto])
        }
        var ranges: [ClosedRange<UInt16>] = []
        if let r = PFPorts.range(portText) {
            ranges = [r]
        } else if aliases.alias(portText) != nil {
            let resolved = aliases.ports(of: portText, &ctx)
            ranges = resolved.ranges
            if !resolved.unresolved.isEmpty {
                ranges.append(0...65535)
                notes.append("port alias \(resolved.unresolved.joined(separator: ", ")); treated as any port")
            }
        } else {
            ctx.problem(el.location, "\(label): destination port is neither a port, a range nor a defined port alias")
        }
        var set = ServiceSet()
        for p in protos { for r in ranges { set = set.union(.ports(p, r.lowerBound, r.upperBound)) } }
        return (set, ["\(proto)/\(portText)"])
    }

    /// Protocols pfSense offers that `IPProtocol.number` does not name.
    private static let protocolNumbers: [String: UInt8] = [
        "igmp": 2, "ipv6": 41, "ospf": 89, "pim": 103, "carp": 112, "vrrp": 112, "l2tp": 115, "pfsync": 240,
        "ipv6-icmp": 58, "icmp6": 58,
    ]

    /// Conditions pf evaluates that the model does not (tags, OS, schedule, ICMP type) and
    /// settings that change the path but not the verdict (policy routing).
    /// Services, notes and unevaluated conditions, read alike from legacy and MVC rules; nil when
    /// lenient mode skips the rule for problems reported since `problemsBefore`.
    private func conditions(
        _ el: XMLElement, family: PFFamily, src: RuleSide, dst: RuleSide, label: String, problemsBefore: Int,
        _ ctx: inout PFSenseContext
    ) -> (svc: (set: ServiceSet, members: [String]), notes: [String], unevaluated: [String])? {
        var notes: [String] = []
        var unevaluated: [String] = []
        let svc = services(el.text(of: "protocol"), family: family, port: dst.port, el, label, &notes, &ctx)
        if let sp = src.port, sp.lowercased() != "any" { unevaluated.append("source port \(sp)") }
        metadata(el, &notes, &unevaluated)
        if ctx.lenient, ctx.problems > problemsBefore {
            ctx.skipped += 1
            return nil
        }
        return (svc, notes, unevaluated)
    }

    private func metadata(_ el: XMLElement, _ notes: inout [String], _ unevaluated: inout [String]) {
        for (tag, what) in [("tagged", "tagged"), ("os", "OS fingerprint"), ("sched", "schedule"),
                            ("icmptype", "ICMP type"), ("icmp6-type", "ICMPv6 type"), ("tcpflags1", "TCP flags")]
        {
            if let v = el.nonEmpty(tag) { unevaluated.append("\(what) \(v)") }
        }
        if el.flag("nottagged") { unevaluated.append("not tagged") }
        if let gw = el.nonEmpty("gateway") { notes.append("policy-routed via gateway \(gw)") }
        if el.nonEmpty("associated-rule-id") != nil { notes.append("created by a NAT port forward") }
        if (el.text(of: "type") ?? "").lowercased() == "reject" || (el.text(of: "action") ?? "") == "reject" {
            notes.append("reject (answers with RST/ICMP unreachable)")
        }
    }

    private func list(_ text: String?, separators: Character) -> [String] {
        (text ?? "").split(separator: separators).map { $0.trimmedWhitespaceAndNewlines }
            .filter { !$0.isEmpty }
    }
}
