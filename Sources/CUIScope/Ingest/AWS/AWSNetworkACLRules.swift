/// A subnet's network ACL as ordered rules (docs/FORMATS.md, AWS VPC): entries in ascending rule
/// number per direction, outbound from the subnet to its VPC router, inbound from the router to
/// the subnet, each list ending in the `*` deny (entry 32767, added when the export omits it).
/// NACLs do not filter traffic between addresses of one subnet.
enum AWSNetworkACLRules {
    /// The entry number AWS shows for the `*` rule.
    static let lastNumber = 32767

    static func rules(_ acl: AWSNetworkACL, subnet: String, router: String) -> [Rule] {
        direction(acl, egress: true, subnet: subnet, router: router)
            + direction(acl, egress: false, subnet: subnet, router: router)
    }

    private static func direction(_ acl: AWSNetworkACL, egress: Bool, subnet: String, router: String) -> [Rule] {
        let entries = acl.entries.filter { $0.egress == egress }.sorted { $0.number < $1.number }
        let word = egress ? "outbound" : "inbound"
        let (from, to): (ZoneMatch, ZoneMatch) = egress ? (.zones([subnet]), .zones([router])) : (.zones([router]), .zones([subnet]))
        var out = entries.map { e in
            let peer = AddressMatch(set: AWSIndex.cidr(e.cidr) ?? AddressSet(), members: [e.cidr])
            let number = e.number == lastNumber ? "*" : "#\(e.number)"
            return Rule(
                name: "\(acl.id) \(word) rule \(number)", action: e.allow ? .allow : .deny, from: from, to: to,
                source: egress ? .any : peer, destination: egress ? peer : .any, services: AWSServices.services(e) ?? ServiceSet(),
                serviceMembers: [AWSServices.text(proto: e.proto, from: e.ports?.lowerBound, to: e.ports?.upperBound)],
                location: e.location)
        }
        if !entries.contains(where: { $0.number == lastNumber }) {
            out.append(Rule(name: "\(acl.id) \(word) rule *", action: .deny, from: from, to: to,
                            description: "implicit deny ending every network ACL", location: acl.location))
        }
        return out
    }
}
