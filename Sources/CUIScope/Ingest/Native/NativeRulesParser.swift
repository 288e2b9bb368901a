import Foundation

/// Reads the native `<cuiscope-rules>` format (docs/FORMATS.md, Native rules XML; `schemas/cuiscope-rules.xsd`)
/// into a ``RuleSet``: one ``EnforcementPoint`` (vendor `native`) per `<enforcement-point>`, rules
/// in document order, names resolved through the file's address and service objects.
///
/// For sources that have no vendor XML: a contractor writes (or generates) this file from
/// whatever its firewall shows, and gets the same analysis as a PAN-OS export.
public enum NativeRulesParser {
    /// The root element name this parser reads.
    public static let rootName = "cuiscope-rules"

    /// Parses a `<cuiscope-rules>` document tree.
    /// - Parameters:
    ///   - root: the document element, from ``XMLReader/document(_:displayName:skip:)``.
    ///   - file: the name to report (also ``RuleSet/source``).
    ///   - lenient: skip rules (and objects, interfaces) with problems and list them in
    ///     ``RuleSet/diagnostics`` instead of failing.
    /// - Throws: ``InputError`` with every problem, each at the file:line:column of its element.
    public static func parse(_ root: XMLElement, file: String, lenient: Bool) throws(InputError) -> RuleSet {
        guard root.name == rootName else {
            throw InputError(root.location, "expected root element <\(rootName)>, found <\(root.name)>")
        }
        var log = NativeProblemLog(lenient: lenient)
        if let version = root.attribute("version"), version.trimmedWhitespace != "1" {
            throw InputError(root.location, "unsupported <\(rootName)> version (expected version=\"1\")")
        }
        _ = NativeShape.checkAttributes(root, allowed: ["version"], into: &log, skipping: "attribute")

        var addresses = NativeNamespace<AddressSet>.addresses()
        var services = NativeNamespace<ServiceSet>.services()
        var pointElements: [XMLElement] = []
        for child in root.children {
            switch child.name {
            case "address": addresses.define(child, isGroup: false, log: &log)
            case "address-group": addresses.define(child, isGroup: true, log: &log)
            case "service": services.define(child, isGroup: false, log: &log)
            case "service-group": services.define(child, isGroup: true, log: &log)
            case "enforcement-point": pointElements.append(child)
            default:
                log.problem(child.location,
                            "unexpected element <\(child.name)> in <\(rootName)> (expected address, address-group, "
                                + "service, service-group or enforcement-point)", skipping: "element")
            }
        }
        addresses.resolveAll(log: &log)
        services.resolveAll(log: &log)

        var builder = EnforcementPointBuilder(addresses: addresses, services: services)
        var points: [EnforcementPoint] = []
        var seenPoints: [String: Int] = [:]
        for element in pointElements {
            guard let point = builder.build(element, log: &log) else { continue }
            if let line = seenPoints[point.name] {
                log.problem(element.location,
                            "duplicate enforcement-point name '\(point.name)' (first defined at line \(line))",
                            skipping: "enforcement-point '\(point.name)'")
                continue
            }
            seenPoints[point.name] = element.location.line
            points.append(point)
        }
        if log.hasErrors { throw InputError(log.entries.sorted()) }

        let rules = points.flatMap(\.rules)
        var counts: [String: Int] = [
            "rules": rules.count,
            "disabled": rules.filter(\.disabled).count,
            "negated": rules.filter { $0.source.negated || $0.destination.negated }.count,
            "deny": rules.filter { $0.action == .deny }.count,
            "allow": rules.filter { $0.action == .allow }.count,
        ]
        if lenient { counts["skipped"] = log.skippedRules }
        return RuleSet(enforcementPoints: points, diagnostics: log.entries.sorted(), source: file, counts: counts)
    }
}

/// Builds one enforcement point: its zones (from interfaces and `<zone>` elements), defaults
/// and ordered rules.
private struct EnforcementPointBuilder {
    let addresses: NativeNamespace<AddressSet>
    let services: NativeNamespace<ServiceSet>

    static let pointAttributes: Set<String> = ["name", "default-action", "intrazone-default"]
    static let ruleAttributes: Set<String> = [
        "name", "action", "disabled", "uuid", "rule-type", "negate-source", "negate-destination",
    ]

    mutating func build(_ element: XMLElement, log: inout NativeProblemLog) -> EnforcementPoint? {
        let unit = "enforcement-point"
        guard NativeShape.checkAttributes(element, allowed: Self.pointAttributes, into: &log, skipping: unit),
            let name = NativeShape.required("name", of: element, into: &log, skipping: unit)
        else { return nil }
        let pointUnit = "enforcement-point '\(name)'"
        guard let interzone = defaultAction("default-action", of: element, fallback: .deny, log: &log, unit: pointUnit),
            let intrazone = defaultAction("intrazone-default", of: element, fallback: .allow, log: &log,
                                          unit: pointUnit)
        else { return nil }

        var zones = ZoneAccumulator()
        var rules: [Rule] = []
        var ruleLines: [String: Int] = [:]
        for child in element.children {
            switch child.name {
            case "interface": addInterface(child, point: name, to: &zones, log: &log)
            case "zone": addZone(child, point: name, to: &zones, log: &log)
            case "rule":
                guard let rule = parseRule(child, point: name, log: &log) else {
                    if log.lenient { log.countSkippedRule() }
                    continue
                }
                if let first = ruleLines[rule.name] {
                    log.problem(child.location,
                                "duplicate rule name '\(rule.name)' in enforcement-point '\(name)' "
                                    + "(first defined at line \(first))", skipping: "rule '\(rule.name)'")
                    if log.lenient { log.countSkippedRule() }
                    continue
                }
                ruleLines[rule.name] = child.location.line
                rules.append(rule)
            default:
                log.problem(child.location,
                            "unexpected element <\(child.name)> in enforcement-point '\(name)' "
                                + "(expected interface, zone or rule)", skipping: "element")
            }
        }
        let defined = Set(zones.zones.map(\.name))
        var ruleOnly = Set<String>()
        for rule in rules {
            for match in [rule.from, rule.to] {
                if case .zones(let names) = match { for n in names where !defined.contains(n) { ruleOnly.insert(n) } }
            }
        }
        return EnforcementPoint(
            name: name, vendor: "native", zones: zones.zones, rules: rules, interzoneDefault: interzone,
            intrazoneDefault: intrazone, location: element.location, ruleOnlyZones: ruleOnly.sorted())
    }

    private func defaultAction(
        _ attribute: String, of element: XMLElement, fallback: RuleAction, log: inout NativeProblemLog, unit: String
    ) -> RuleAction? {
        guard let raw = element.attribute(attribute) else { return fallback }
        switch raw.trimmedWhitespace.lowercased() {
        case "allow": return .allow
        case "deny": return .deny
        default:
            log.problem(element.location, "attribute '\(attribute)' of <enforcement-point> must be allow or deny",
                        skipping: unit)
            return nil
        }
    }

    /// `<interface name zone address/>`: the zone gets the interface's subnet (host bits cleared).
    private func addInterface(_ el: XMLElement, point: String, to zones: inout ZoneAccumulator,
                              log: inout NativeProblemLog) {
        let unit = "interface"
        guard NativeShape.checkAttributes(el, allowed: ["name", "zone", "address"], into: &log, skipping: unit),
            let name = NativeShape.required("name", of: el, into: &log, skipping: unit),
            let zone = NativeShape.required("zone", of: el, into: &log, skipping: "interface '\(name)'")
        else { return }
        if let child = el.children.first {
            log.problem(child.location, "unexpected element <\(child.name)> inside <interface>",
                        skipping: "interface '\(name)'")
            return
        }
        guard let raw = el.attribute("address")?.trimmedWhitespace, !raw.isEmpty else {
            zones.add(zone: zone, subnet: nil)
            return
        }
        guard let set = AddressSet.parse(raw), !set.isFull, raw.lowercased() != "any" else {
            log.problem(el.location,
                        "invalid address '\(raw)' on interface '\(name)' of enforcement-point '\(point)' "
                            + "(expected an address with prefix length, e.g. 10.20.10.1/24)",
                        skipping: "interface '\(name)'")
            return
        }
        zones.add(zone: zone, subnet: Subnet(text: set.summary, addresses: set, location: el.location,
                                             origin: "interface \(name) of \(point)",
                                             hostAddress: raw.contains("/") ? IPAddress(String(raw.split(separator: "/")[0])) : nil))
    }

    /// `<zone name><subnet>CIDR</subnet>…</zone>`.
    private func addZone(_ el: XMLElement, point: String, to zones: inout ZoneAccumulator,
                         log: inout NativeProblemLog) {
        let unit = "zone"
        guard NativeShape.checkAttributes(el, allowed: ["name"], into: &log, skipping: unit),
            let name = NativeShape.required("name", of: el, into: &log, skipping: unit)
        else { return }
        zones.add(zone: name, subnet: nil)
        for child in el.children {
            guard child.name == "subnet" else {
                log.problem(child.location, "unexpected element <\(child.name)> in zone '\(name)' (expected subnet)",
                            skipping: "element")
                continue
            }
            guard let text = NativeShape.leafText(child, into: &log, skipping: "subnet") else { continue }
            guard let set = AddressSet.parse(text), text.lowercased() != "any" else {
                log.problem(child.location,
                            "invalid subnet '\(text)' in zone '\(name)' of enforcement-point '\(point)' "
                                + "(expected host, CIDR or a-b range)", skipping: "subnet")
                continue
            }
            zones.add(zone: name, subnet: Subnet(text: text, addresses: set, location: child.location,
                                                 origin: "zone \(name) of \(point)"))
        }
    }

    private func parseRule(_ el: XMLElement, point: String, log: inout NativeProblemLog) -> Rule? {
        let attrsOK = NativeShape.checkAttributes(el, allowed: Self.ruleAttributes, into: &log, skipping: "rule")
        guard let name = NativeShape.required("name", of: el, into: &log, skipping: "rule") else { return nil }
        let unit = "rule '\(name)'"
        var ok = attrsOK

        var action: RuleAction?
        if let raw = NativeShape.required("action", of: el, into: &log, skipping: unit) {
            switch raw.lowercased() {
            case "allow": action = .allow
            case "deny", "drop", "reject": action = .deny
            default:
                log.problem(el.location, "rule '\(name)' has an invalid action (expected allow, deny, drop or reject)",
                            skipping: unit)
            }
        }
        var ruleType = RuleType.universal
        if let raw = el.attribute("rule-type") {
            if let t = RuleType(rawValue: raw.trimmedWhitespace.lowercased()) {
                ruleType = t
            } else {
                log.problem(el.location,
                            "rule '\(name)' has an invalid rule-type (expected universal, intrazone or interzone)",
                            skipping: unit)
                ok = false
            }
        }
        let disabled = NativeShape.flag("disabled", of: el, into: &log, skipping: unit)
        let negateSource = NativeShape.flag("negate-source", of: el, into: &log, skipping: unit)
        let negateDestination = NativeShape.flag("negate-destination", of: el, into: &log, skipping: unit)

        var from: [String] = []
        var to: [String] = []
        var sources: [XMLElement] = []
        var destinations: [XMLElement] = []
        var serviceElements: [XMLElement] = []
        var applications: [String] = []
        var description: String?
        for child in el.children {
            switch child.name {
            case "from", "to", "application":
                guard let text = NativeShape.leafText(child, into: &log, skipping: unit) else {
                    ok = false
                    continue
                }
                if child.name == "from" { from.append(text) } else if child.name == "to" { to.append(text) } else {
                    applications.append(text)
                }
            case "source": sources.append(child)
            case "destination": destinations.append(child)
            case "service": serviceElements.append(child)
            case "description":
                if let c = child.children.first {
                    log.problem(c.location, "unexpected element <\(c.name)> inside <description>", skipping: unit)
                    ok = false
                }
                description = child.text
            default:
                log.problem(child.location,
                            "unexpected element <\(child.name)> in rule '\(name)' (expected from, to, source, "
                                + "destination, service, application or description)", skipping: unit)
                ok = false
            }
        }
        let source = addressMatch(sources, negated: negateSource ?? false, rule: name, log: &log)
        let destination = addressMatch(destinations, negated: negateDestination ?? false, rule: name, log: &log)
        let service = serviceMatch(serviceElements, rule: name, log: &log)
        guard ok, let action, let disabled, negateSource != nil, negateDestination != nil, let source,
            let destination, let service
        else { return nil }
        return Rule(
            name: name, uuid: el.attribute("uuid"), action: action, from: zoneMatch(from), to: zoneMatch(to),
            source: source, destination: destination, services: service.set, serviceMembers: service.members,
            applications: applications, ruleType: ruleType, disabled: disabled, description: description,
            location: el.location)
    }

    private func zoneMatch(_ names: [String]) -> ZoneMatch {
        if names.isEmpty || names.contains(where: { $0.lowercased() == "any" }) { return .any }
        return .zones(Set(names))
    }

    /// Resolves `<source>`/`<destination>` members; negation is the complement of the union.
    private func addressMatch(_ elements: [XMLElement], negated: Bool, rule: String, log: inout NativeProblemLog)
        -> AddressMatch?
    {
        guard !elements.isEmpty else {
            let set: AddressSet = negated ? AddressSet() : .full
            return AddressMatch(set: set, negated: negated, members: ["any"])
        }
        guard let (acc, members) = resolveMembers(
            elements, in: addresses, kind: "address", expected: "host, CIDR, a-b range, object name or any",
            rule: rule, log: &log)
        else { return nil }
        return AddressMatch(set: negated ? acc.complement() : acc, negated: negated, members: members)
    }
    private func serviceMatch(_ elements: [XMLElement], rule: String, log: inout NativeProblemLog)
        -> (set: ServiceSet, members: [String])?
    {
        guard !elements.isEmpty else { return (.anyService, ["any"]) }
        guard let (acc, members) = resolveMembers(
            elements, in: services, kind: "service",
            expected: "tcp/443, udp/53, tcp/8000-8080, icmp, object name or any", rule: rule, log: &log)
        else { return nil }
        return (acc, members)
    }

    /// Resolves a rule's `<source>`/`<destination>`/`<service>` members against one namespace,
    /// reporting every bad member at its element; nil when any member is unusable.
    private func resolveMembers<B>(
        _ elements: [XMLElement], in table: NativeNamespace<IntervalSet<B>>, kind: String, expected: String,
        rule: String, log: inout NativeProblemLog
    ) -> (IntervalSet<B>, [String])? {
        var acc = IntervalSet<B>()
        var members: [String] = []
        var ok = true
        for el in elements {
            guard let text = NativeShape.leafText(el, into: &log, skipping: "rule '\(rule)'") else {
                ok = false
                continue
            }
            members.append(text)
            switch table.lookup(text) {
            case .value(let v): acc = acc.union(v)
            case .broken:
                log.lenientOnly(el.location, "rule '\(rule)' uses invalid \(kind) object '\(text)' (rule skipped)")
                ok = false
            case .invalidLiteral:
                log.problem(el.location,
                            "invalid \(kind) '\(text)' in <\(el.name)> of rule '\(rule)' (expected \(expected))",
                            skipping: "rule '\(rule)'")
                ok = false
            case .undefined:
                log.problem(el.location, "rule '\(rule)' references undefined \(kind) object '\(text)'",
                            skipping: "rule '\(rule)'")
                ok = false
            }
        }
        return ok ? (acc, members) : nil
    }
}

/// Zones in order of first appearance; interfaces and `<zone>` elements naming the same zone
/// add to one zone.
private struct ZoneAccumulator {
    private(set) var zones: [Zone] = []
    private var index: [String: Int] = [:]

    mutating func add(zone name: String, subnet: Subnet?) {
        let i: Int
        if let existing = index[name] {
            i = existing
        } else {
            i = zones.count
            index[name] = i
            zones.append(Zone(name: name))
        }
        if let subnet { zones[i].subnets.append(subnet) }
    }
}

