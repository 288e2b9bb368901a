/// Compiles an ``AzureExport`` into enforcement points (docs/FORMATS.md, Azure NSG;
/// docs/DECISIONS.md 148–149).
///
/// Every subnet is a zone (`vnet/subnet`) and every VNet a router zone between its subnets. Each
/// subnet gets one two-stage enforcement point, as for AWS: leaving the subnet, the source NIC's
/// NSG then the subnet's NSG (outbound rules); entering it, the subnet's NSG then the destination
/// NIC's NSG (inbound rules). Within one subnet all four apply, so each stage there is the
/// conjunction of two NSGs compiled into one ordered list (``AzureRuleConjunction``).
enum AzurePolicy {
    static func ruleSet(_ export: AzureExport, source: String, diagnostics: [Diagnostic]) -> RuleSet {
        let index = AzureIndex(export)
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        if export.networks.isEmpty {
            log.append(Diagnostic(.note, SourceLocation(file: source, line: 0),
                                  "no virtual networks (az network vnet list): NSGs are read but placed on no subnet"))
        }
        let points = index.subnets.map { point($0, index: index) } + peerings(export)
        let rules = export.groups.flatMap(\.rules)
        return RuleSet(enforcementPoints: points, diagnostics: log.entries, source: source, counts: [
            "network security groups": export.groups.count, "security rules": rules.filter { !$0.isDefault }.count,
            "default rules": rules.filter(\.isDefault).count, "virtual networks": export.networks.count,
            "subnets": index.subnets.count, "network interfaces": export.interfaces.count,
        ])
    }

    private static func point(_ p: AzureIndex.Placed, index: AzureIndex) -> EnforcementPoint {
        let z = p.zone, r = p.vnet
        let nsgs = AzureNSGRules(index: index)
        let nics = index.interfacesOfSubnet[p.subnet.id.azureKey] ?? []
        func nicRules(inbound: Bool, zones: Set<String>) -> [Rule] {
            nics.flatMap { nic -> [Rule] in
                guard let nsg = index.nsg(of: nic) else { return [] }
                let own = nic.addresses.reduce(AddressSet()) { $0.union(.host($1)) }
                return inbound ? nsgs.rules(nsg, inbound: true, from: zones, to: [z], scope: own)
                    : nsgs.rules(nsg, inbound: false, from: [z], to: zones, scope: own)
            } + [pass("no network interface NSG", from: inbound ? zones : [z], to: inbound ? [z] : zones, p.subnet.location)]
        }
        func subnetRules(inbound: Bool, zones: Set<String>) -> [Rule] {
            guard let nsg = index.nsg(of: p.subnet) else {
                return [pass("no subnet NSG", from: inbound ? zones : [z], to: inbound ? [z] : zones, p.subnet.location)]
            }
            return inbound ? nsgs.rules(nsg, inbound: true, from: zones, to: [z]) : nsgs.rules(nsg, inbound: false, from: [z], to: zones)
        }
        var point = EnforcementPoint(
            name: z, vendor: "azure", zones: [zone(p, nics: nics)],
            rules: nicRules(inbound: false, zones: [r]) + subnetRules(inbound: true, zones: [r])
                + AzureRuleConjunction.both(nicRules(inbound: false, zones: [z]), subnetRules(inbound: false, zones: [z])),
            interzoneDefault: .deny, intrazoneDefault: .deny, location: p.subnet.location, ruleOnlyZones: [r])
        point.egressRules = subnetRules(inbound: false, zones: [r]) + nicRules(inbound: true, zones: [r])
            + AzureRuleConjunction.both(subnetRules(inbound: true, zones: [z]), nicRules(inbound: true, zones: [z]))
        return point
    }

    /// One enforcement point per connected VNet peering whose both VNets are in the export: it
    /// passes traffic between the two address spaces, both ways (docs/DECISIONS.md 148).
    static func peerings(_ export: AzureExport) -> [EnforcementPoint] {
        let byID = Dictionary(export.networks.map { ($0.id.azureKey, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        var out: [EnforcementPoint] = []
        for v in export.networks.sorted(by: { $0.name < $1.name }) {
            for p in v.peerings where p.connected {
                guard let remote = byID[p.remoteID.azureKey], remote.name != v.name else { continue }
                let pair = [v.name, remote.name].sorted()
                guard seen.insert(pair.joined(separator: "|")).inserted else { continue }
                func space(_ n: AzureVNet) -> AddressSet { n.prefixes.compactMap { AddressSet.parse($0) }.reduce(AddressSet()) { $0.union($1) } }
                func way(_ a: AzureVNet, _ b: AzureVNet) -> Rule {
                    Rule(name: "peering \(a.name) to \(b.name)", action: .allow, from: .zones([a.name]), to: .zones([b.name]),
                         source: AddressMatch(set: space(a), members: [a.name]), destination: AddressMatch(set: space(b), members: [b.name]),
                         location: p.location)
                }
                out.append(EnforcementPoint(name: "peering \(pair[0]) - \(pair[1])", vendor: "azure", rules: [way(v, remote), way(remote, v)],
                                            interzoneDefault: .deny, intrazoneDefault: .deny, location: p.location, ruleOnlyZones: pair))
            }
        }
        return out
    }

    private static func pass(_ why: String, from: Set<String>, to: Set<String>, _ loc: SourceLocation) -> Rule {
        Rule(name: why, action: .allow, from: .zones(from), to: .zones(to), location: loc)
    }

    /// The subnet's prefixes, then one segment per NIC address.
    private static func zone(_ p: AzureIndex.Placed, nics: [AzureNIC]) -> Zone {
        var subnets = p.subnet.prefixes.compactMap { c in
            AddressSet.parse(c).map { Subnet(text: c, addresses: $0, location: p.subnet.location, origin: "subnet \(p.zone)") }
        }
        for nic in nics {
            for a in nic.addresses where !subnets.contains(where: { $0.text == a.description }) {
                subnets.append(Subnet(text: a.description, addresses: .host(a), location: nic.location, origin: "NIC \(nic.name)"))
            }
        }
        return Zone(name: p.zone, subnets: subnets)
    }
}

/// Two first-match lists that must both allow, as one list (docs/DECISIONS.md 149): for each
/// rule of the first in order, a deny stays a deny; an allow is split by the second list's rules
/// in order, each piece taking the second rule's action. Both lists end in a rule matching
/// everything (an NSG's DenyAll default or a pass), so every packet meets a decision.
enum AzureRuleConjunction {
    static func both(_ first: [Rule], _ second: [Rule]) -> [Rule] {
        var out: [Rule] = []
        for a in first where !a.disabled {
            guard a.action == .allow else { out.append(a); continue }
            for b in second where !b.disabled {
                let source = a.source.addresses.intersection(b.source.addresses)
                let destination = a.destination.addresses.intersection(b.destination.addresses)
                let services = a.services.intersection(b.services)
                if source.isEmpty || destination.isEmpty || services.isEmpty { continue }
                var c = b
                c.name = "\(a.name) + \(b.name)"
                c.source = AddressMatch(set: source, members: a.source.members + b.source.members,
                                        unresolved: a.source.unresolved + b.source.unresolved)
                c.destination = AddressMatch(set: destination, members: a.destination.members + b.destination.members,
                                             unresolved: a.destination.unresolved + b.destination.unresolved)
                c.services = services
                c.notes = a.notes + b.notes
                out.append(c)
            }
        }
        return out
    }
}
