/// One NSG's rules for one direction as ordered ``Rule``s (docs/FORMATS.md, Azure NSG): custom
/// and default rules sorted by priority (lowest first), Azure's documented defaults when the
/// export has no `defaultSecurityRules`, service tags and application security groups resolved.
struct AzureNSGRules {
    let index: AzureIndex

    /// Azure's default rules, used when an export leaves them out.
    static func defaults(_ nsg: AzureNSG) -> [AzureSecurityRule] {
        func rule(_ name: String, _ priority: Int, _ inbound: Bool, _ allow: Bool, _ src: String, _ dst: String) -> AzureSecurityRule {
            AzureSecurityRule(name: name, priority: priority, inbound: inbound, allow: allow, proto: "*", sources: [src],
                              destinations: [dst], sourcePorts: ["*"], destinationPorts: ["*"], sourceASGs: [],
                              destinationASGs: [], isDefault: true, location: nsg.location)
        }
        return [rule("AllowVnetInBound", 65000, true, true, "VirtualNetwork", "VirtualNetwork"),
                rule("AllowAzureLoadBalancerInBound", 65001, true, true, "AzureLoadBalancer", "*"),
                rule("DenyAllInBound", 65500, true, false, "*", "*"),
                rule("AllowVnetOutBound", 65000, false, true, "VirtualNetwork", "VirtualNetwork"),
                rule("AllowInternetOutBound", 65001, false, true, "*", "Internet"),
                rule("DenyAllOutBound", 65500, false, false, "*", "*")]
    }

    /// The NSG's rules of one direction, restricted to `scope` on the NSG's own side (a NIC's
    /// addresses: the source of outbound traffic, the destination of inbound).
    func rules(_ nsg: AzureNSG, inbound: Bool, from: Set<String>, to: Set<String>, scope: AddressSet = .full) -> [Rule] {
        let all = (nsg.hasDefaults ? nsg.rules : nsg.rules + Self.defaults(nsg)).filter { $0.inbound == inbound }
        return all.sorted { $0.priority < $1.priority }.map { r in
            var source = address(r.sources, asgs: r.sourceASGs)
            var destination = address(r.destinations, asgs: r.destinationASGs)
            if inbound { destination.addresses = destination.addresses.intersection(scope) } else {
                source.addresses = source.addresses.intersection(scope)
            }
            var notes: [String] = []
            let sourcePorts = r.sourcePorts.filter { $0 != "*" }
            if !sourcePorts.isEmpty { notes.append("source ports \(sourcePorts.joined(separator: ",")) not evaluated") }
            return Rule(name: "\(nsg.name)/\(r.name) (\(r.priority))", action: r.allow ? .allow : .deny, from: .zones(from),
                        to: .zones(to), source: source, destination: destination, services: AzureServices.services(r) ?? ServiceSet(),
                        serviceMembers: ["\(r.proto)/\(r.destinationPorts.joined(separator: ","))"],
                        // A deny limited to source ports cannot be decided: left out, so reachability is never understated.
                        disabled: !r.allow && !sourcePorts.isEmpty, notes: notes, location: r.location)
        }
    }

    /// Prefixes, service tags and application security groups as one address condition.
    func address(_ prefixes: [String], asgs: [String]) -> AddressMatch {
        var set = AddressSet()
        var unresolved: [String] = []
        for p in prefixes {
            switch p.lowercased() {
            case "*", "any", "0.0.0.0/0": set = .full
            case "virtualnetwork": set = set.union(index.virtualNetwork)
            case "internet": set = set.union(index.virtualNetwork.complement())
            case "azureloadbalancer": set = set.union(AzureServices.loadBalancer)
            default:
                // An IPv6 prefix never covers IPv4 packets (the address space maps IPv4 into IPv6).
                if let a = AddressSet.parse(p) { set = set.union(p.contains(":") ? a.subtracting(.allIPv4) : a) } else { unresolved.append("\(p) (service tag not resolved offline)") }
            }
        }
        for g in asgs {
            if let m = index.asgMembers[g.azureKey] { set = set.union(m) } else { unresolved.append("\(g.azureName) (application security group with no interface in the export)") }
        }
        return AddressMatch(set: set, members: prefixes + asgs.map(\.azureName), unresolved: unresolved)
    }
}
