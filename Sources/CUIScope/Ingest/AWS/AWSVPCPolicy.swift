/// Compiles an ``AWSExport`` into enforcement points (docs/FORMATS.md, AWS VPC;
/// docs/DECISIONS.md 146).
///
/// Every subnet is a zone and every VPC a router zone between its subnets. Each subnet gets one
/// enforcement point joining it to its router, in two stages the engine crosses one after the
/// other (``EnforcementPoint/egressRules``), so both must allow: stage one holds the security
/// groups of the subnet's interfaces (egress on the way out, ingress on the way in), stage two
/// the route check, the network ACL (outbound on the way out, inbound on the way in) and, for
/// traffic within the subnet, the destination's ingress groups. A path between two subnets
/// crosses the source's point (its groups' egress, its route table, its ACL outbound) and the
/// destination's (its ACL inbound, its groups' ingress). Each interface address is a segment of
/// its own, so traffic within a subnet still meets the groups.
enum AWSVPCPolicy {
    static func ruleSet(_ export: AWSExport, source: String, diagnostics: [Diagnostic]) -> RuleSet {
        let index = AWSIndex(export)
        let routing = AWSRouting(index: index)
        var log = DiagnosticLog()
        log.append(contentsOf: diagnostics)
        let whole = SourceLocation(file: source, line: 0)
        let groups = export.present.contains("NetworkInterfaces") && export.present.contains("SecurityGroups")
        if !groups {
            log.append(Diagnostic(.note, whole, "security groups not evaluated: SecurityGroups and NetworkInterfaces (describe-security-groups, describe-network-interfaces) are both needed"))
        }
        if !export.present.contains("NetworkAcls") {
            log.append(Diagnostic(.note, whole, "network ACLs not evaluated: no NetworkAcls (describe-network-acls)"))
        }
        let routes = export.present.contains("RouteTables")
        if !routes {
            log.append(Diagnostic(.note, whole, "routes not evaluated: no RouteTables (describe-route-tables); only subnets of one VPC reach each other"))
        }
        if groups { missingGroups(index, into: &log) }
        var points = index.subnets.map { subnetPoint($0, index: index, routing: routing, groups: groups, routes: routes, log: &log) }
        points += routing.peerings() + routing.internetGateways()
        return RuleSet(enforcementPoints: points, diagnostics: log.entries, source: source, counts: counts(export, index: index))
    }

    private static func subnetPoint(_ s: AWSSubnet, index: AWSIndex, routing: AWSRouting, groups: Bool, routes: Bool,
                                    log: inout DiagnosticLog) -> EnforcementPoint {
        let router = s.vpcID
        let sg = AWSSecurityGroupRules(index: index, subnet: s, router: router)
        var second: [Rule] = []
        if routes { second.append(routeCheck(s, index: index, routing: routing, log: &log)) }
        if let acl = index.networkACL(of: s) {
            second += AWSNetworkACLRules.rules(acl, subnet: s.id, router: router)
        } else if index.export.present.contains("NetworkAcls") {
            log.warning(s.location, "\(s.id): no network ACL in the export is associated with it and its VPC has no default ACL; not evaluated")
        }
        if groups { second += sg.ingress(viaRouter: false) }
        var point = EnforcementPoint(
            name: "\(router)/\(s.id)", vendor: "aws", zones: [zone(s, index: index)],
            rules: groups ? sg.egress() + sg.ingress(viaRouter: true) : [sg.notEvaluated()],
            interzoneDefault: .deny, intrazoneDefault: .deny, location: s.location, ruleOnlyZones: [router])
        point.egressRules = second
        return point
    }

    /// The subnet's CIDR blocks, then one segment per interface address.
    static func zone(_ s: AWSSubnet, index: AWSIndex) -> Zone {
        let label = s.name.map { "\(s.id) (\($0)) of \(s.vpcID)" } ?? "\(s.id) of \(s.vpcID)"
        var subnets = s.cidrs.compactMap { c in
            AWSIndex.cidr(c).map { Subnet(text: c, addresses: $0, location: s.location, origin: label) }
        }
        for eni in index.interfacesOfSubnet[s.id] ?? [] {
            for a in eni.addresses where !subnets.contains(where: { $0.text == a.description }) {
                subnets.append(Subnet(text: a.description, addresses: .host(a), location: eni.location, origin: eni.evidence))
            }
        }
        return Zone(name: s.id, subnets: subnets)
    }

    /// Denies what the subnet's route table cannot deliver.
    private static func routeCheck(_ s: AWSSubnet, index: AWSIndex, routing: AWSRouting, log: inout DiagnosticLog) -> Rule {
        guard let table = index.routeTable(of: s) else {
            log.warning(s.location, "\(s.id): no route table in the export serves it; only its VPC's own addresses are delivered")
            let own = index.vpcAddresses[s.vpcID] ?? AddressSet()
            return Rule(name: "\(s.id): no route", action: .deny, from: .zones([s.id]), to: .zones([s.vpcID]),
                        destination: AddressMatch(set: own.complement(), members: ["outside \(s.vpcID)"]), location: s.location)
        }
        return Rule(name: "\(table.id): no route", action: .deny, from: .zones([s.id]), to: .zones([s.vpcID]),
                    destination: AddressMatch(set: routing.deliverable(table).complement(), members: ["not routed by \(table.id)"]),
                    description: "destinations the subnet's route table does not deliver", location: table.location)
    }

    /// A group an interface carries that the export does not define: its rules are unknown.
    private static func missingGroups(_ index: AWSIndex, into log: inout DiagnosticLog) {
        for eni in index.export.interfaces {
            for g in eni.groupIDs where index.groups[g] == nil {
                log.warning(eni.location, "\(eni.id): security group \(g) is not in the export; its rules are unknown and allow nothing here")
            }
        }
    }

    /// Counts for the summary; `unresolved` is permissions naming a prefix list or a group the
    /// export neither defines nor attaches.
    private static func counts(_ e: AWSExport, index: AWSIndex) -> [String: Int] {
        let permissions = e.securityGroups.flatMap { $0.ingress + $0.egress }
        return [
            "security groups": e.securityGroups.count, "security group rules": permissions.count,
            "network ACL entries": e.networkACLs.reduce(0) { $0 + $1.entries.count },
            "network interfaces": e.interfaces.count, "subnets": e.subnets.count, "route tables": e.routeTables.count,
            "unresolved": permissions.filter { p in !p.prefixLists.isEmpty || p.groups.contains { index.members[$0] == nil } }.count,
        ]
    }
}
