@testable import CUIScope

/// Small builders for hand-written networks in reachability tests.
enum ReachFixtures {
    static let file = "policy.xml"

    static func addr(_ text: String) -> AddressSet {
        text.split(separator: ",").reduce(AddressSet()) { $0.union(AddressSet.parse($1) ?? .empty) }
    }

    static func ip(_ text: String) -> IPAddress { IPAddress(text) ?? IPAddress(v4: 0) }

    static func svc(_ text: String) -> ServiceSet {
        text.split(separator: " ").reduce(ServiceSet()) { $0.union(ServiceSet.parse($1) ?? ServiceSet()) }
    }

    static func zone(_ name: String, _ subnets: String...) -> Zone {
        Zone(
            name: name,
            subnets: subnets.map {
                Subnet(
                    text: $0, addresses: addr($0), location: SourceLocation(file: "scope.yaml", line: 1), origin: name)
            })
    }

    static func rule(
        _ name: String, _ action: RuleAction, from: [String]? = nil, to: [String]? = nil, source: String = "any",
        destination: String = "any", services: String = "any", negateSource: Bool = false,
        negateDestination: Bool = false, type: RuleType = .universal, disabled: Bool = false, line: Int = 1,
        unevaluated: [String] = [], unresolved: [String] = []
    ) -> Rule {
        var s = addr(source)
        if negateSource { s = s.complement() }
        var d = addr(destination)
        if negateDestination { d = d.complement() }
        return Rule(
            name: name, action: action, from: from.map { .zones(Set($0)) } ?? .any,
            to: to.map { .zones(Set($0)) } ?? .any,
            source: AddressMatch(set: s, negated: negateSource, members: [source], unresolved: unresolved),
            destination: AddressMatch(set: d, negated: negateDestination, members: [destination]),
            services: svc(services), serviceMembers: [services], ruleType: type, disabled: disabled,
            unevaluated: unevaluated, location: SourceLocation(file: file, line: line, column: 5))
    }

    static func firewall(
        _ name: String, zones: [Zone], rules: [Rule], interzone: RuleAction = .deny,
        intrazone: RuleAction = .allow
    ) -> EnforcementPoint {
        EnforcementPoint(
            name: name, vendor: "native", zones: zones, rules: rules, interzoneDefault: interzone,
            intrazoneDefault: intrazone, location: SourceLocation(file: file, line: 900))
    }

    static func asset(_ id: String, _ address: String, cui: Bool = false, zone: String? = nil) -> Asset {
        Asset(
            id: id, addressTexts: [address], addresses: addr(address), cui: cui ? .all : [], zoneHint: zone,
            location: SourceLocation(file: "inventory.csv", line: 2))
    }
}
