/// Security groups of one subnet's interfaces as ordered rules (docs/FORMATS.md, AWS VPC;
/// docs/DECISIONS.md 146). Groups are allow-only and their rules add up, so order among them
/// does not matter; each list ends in an explicit deny ("no rule of the interface's groups
/// allows it"). A rule's interface side is the addresses of this subnet's interfaces that carry
/// the group; its peer side is the permission's CIDR blocks and the members of referenced groups.
struct AWSSecurityGroupRules {
    let index: AWSIndex
    let subnet: AWSSubnet
    /// The VPC router zone the subnet's traffic leaves to and arrives from.
    let router: String

    /// Egress permissions of the subnet's interfaces: from the subnet to its own subnet or the router.
    func egress() -> [Rule] {
        rules(direction: "egress", from: [subnet.id], to: [subnet.id, router])
            + [implicitDeny("egress", from: [subnet.id], to: [subnet.id, router])]
    }

    /// Ingress permissions of the subnet's interfaces for traffic arriving through the router
    /// (`viaRouter`) or from the same subnet.
    func ingress(viaRouter: Bool) -> [Rule] {
        let from = viaRouter ? router : subnet.id
        return rules(direction: "ingress", from: [from], to: [subnet.id])
            + [implicitDeny("ingress", from: [from], to: [subnet.id])]
    }

    private func rules(direction: String, from: Set<String>, to: Set<String>) -> [Rule] {
        index.groupsUsed(in: subnet.id).flatMap { id -> [Rule] in
            guard let group = index.groups[id] else { return [] }
            let own = AddressMatch(set: index.members(of: id, in: subnet.id),
                                   members: ["interfaces of \(subnet.id) with \(id)"])
            let permissions = direction == "egress" ? group.egress : group.ingress
            return permissions.enumerated().map { i, p in
                let peer = peers(p)
                let label = group.name.isEmpty ? id : "\(id) (\(group.name))"
                return Rule(
                    name: "\(label) \(direction) #\(i + 1)", action: .allow, from: .zones(from), to: .zones(to),
                    source: direction == "egress" ? own : peer, destination: direction == "egress" ? peer : own,
                    services: AWSServices.services(p) ?? ServiceSet(),
                    serviceMembers: [AWSServices.text(proto: p.proto, from: p.fromPort, to: p.toPort)],
                    notes: notes(p), location: p.location)
            }
        }
    }

    /// The permission's peers: CIDR blocks, then referenced groups' interface addresses; a group
    /// no interface or group record of the export names, and every prefix list, is unresolved.
    private func peers(_ p: AWSPermission) -> AddressMatch {
        var set = AddressSet()
        var unresolved: [String] = []
        for c in p.cidrs { if let a = AWSIndex.cidr(c) { set = set.union(a) } }
        for g in p.groups {
            if let m = index.members[g] { set = set.union(m) } else { unresolved.append("\(g) (security group not in the export)") }
        }
        for l in p.prefixLists { unresolved.append("\(l) (prefix list, not resolved offline)") }
        return AddressMatch(set: set, members: p.cidrs + p.groups + p.prefixLists, unresolved: unresolved)
    }

    private func notes(_ p: AWSPermission) -> [String] {
        let icmp = AWSServices.number(p.proto).map { $0 == 1 || $0 == 58 } ?? false
        guard icmp, let type = p.fromPort, type >= 0 else { return [] }
        return ["ICMP type \(type) evaluated as all of ICMP"]
    }

    private func implicitDeny(_ direction: String, from: Set<String>, to: Set<String>) -> Rule {
        Rule(name: "security groups of \(subnet.id) \(direction): implicit deny", action: .deny, from: .zones(from),
             to: .zones(to), description: "no rule of the interface's security groups allows it", location: subnet.location)
    }

    /// Used when the export has no `NetworkInterfaces`: groups cannot be placed, so they are not
    /// evaluated and every packet passes this stage (a diagnostic says so).
    func notEvaluated() -> Rule {
        Rule(name: "security groups not evaluated (no describe-network-interfaces)", action: .allow,
             from: .zones([subnet.id, router]), to: .zones([subnet.id, router]), location: subnet.location)
    }
}
