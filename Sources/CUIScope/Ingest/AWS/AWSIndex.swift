/// Lookups over one ``AWSExport``, built once: subnets (from `describe-subnets`, plus those only
/// named by interfaces), interfaces per subnet, the members of each security group, each
/// VPC's address space, and the NACL and route table of each subnet (docs/FORMATS.md, AWS VPC).
struct AWSIndex {
    let export: AWSExport
    /// Every subnet, sorted by id.
    let subnets: [AWSSubnet]
    let interfacesOfSubnet: [String: [AWSInterface]]
    let groups: [String: AWSSecurityGroup]
    /// Addresses of the interfaces each group is attached to (a group reference means these).
    let members: [String: AddressSet]
    /// Each VPC's CIDR blocks: its route tables' `local` routes, else its subnets.
    let vpcAddresses: [String: AddressSet]

    init(_ export: AWSExport) {
        self.export = export
        var subnetByID: [String: AWSSubnet] = [:]
        for s in export.subnets where subnetByID[s.id] == nil { subnetByID[s.id] = s }
        var byID: [String: AWSSecurityGroup] = [:]
        for g in export.securityGroups where byID[g.id] == nil { byID[g.id] = g }
        var bySubnet: [String: [AWSInterface]] = [:]
        var members: [String: AddressSet] = [:]
        for eni in export.interfaces {
            bySubnet[eni.subnetID, default: []].append(eni)
            if subnetByID[eni.subnetID] == nil, let vpc = eni.vpcID ?? byID[eni.groupIDs.first ?? ""]?.vpcID {
                subnetByID[eni.subnetID] = AWSSubnet(id: eni.subnetID, vpcID: vpc, cidrs: [], name: nil, location: eni.location)
            }
            let own = AWSIndex.hosts(eni.addresses)
            for g in eni.groupIDs { members[g, default: AddressSet()] = members[g, default: AddressSet()].union(own) }
        }
        for g in byID.keys where members[g] == nil { members[g] = AddressSet() }
        self.subnets = subnetByID.values.sorted { $0.id < $1.id }
        self.interfacesOfSubnet = bySubnet.mapValues { $0.sorted { $0.id < $1.id } }
        self.groups = byID
        self.members = members
        var vpcs: [String: AddressSet] = [:]
        func add(_ vpc: String, _ text: String) {
            if let a = AWSIndex.cidr(text) { vpcs[vpc] = (vpcs[vpc] ?? AddressSet()).union(a) }
        }
        for t in export.routeTables { for r in t.routes where r.target == "local" { add(t.vpcID, r.destination) } }
        for s in subnets { for c in s.cidrs { add(s.vpcID, c) } }
        self.vpcAddresses = vpcs
    }

    /// The set of the given host addresses.
    static func hosts(_ addresses: [IPAddress]) -> AddressSet {
        addresses.reduce(AddressSet()) { $0.union(.host($1)) }
    }

    /// The VPCs, sorted.
    var vpcIDs: [String] { Set(subnets.map(\.vpcID)).sorted() }

    /// The NACL that filters `subnet`: its explicit association, else its VPC's default ACL.
    func networkACL(of subnet: AWSSubnet) -> AWSNetworkACL? {
        export.networkACLs.first { $0.subnetIDs.contains(subnet.id) }
            ?? export.networkACLs.first { $0.isDefault && $0.vpcID == subnet.vpcID }
    }

    /// The route table of `subnet`: its explicit association, else its VPC's main table.
    func routeTable(of subnet: AWSSubnet) -> AWSRouteTable? {
        export.routeTables.first { $0.subnetIDs.contains(subnet.id) }
            ?? export.routeTables.first { $0.isMain && $0.vpcID == subnet.vpcID }
    }

    /// The addresses of the interfaces in `subnet` that have group `group` attached.
    func members(of group: String, in subnet: String) -> AddressSet {
        let enis = (interfacesOfSubnet[subnet] ?? []).filter { $0.groupIDs.contains(group) }
        return AWSIndex.hosts(enis.flatMap(\.addresses))
    }

    /// Groups attached to some interface of `subnet`, sorted.
    func groupsUsed(in subnet: String) -> [String] {
        Set((interfacesOfSubnet[subnet] ?? []).flatMap(\.groupIDs)).sorted()
    }
}

extension AWSIndex {
    /// The VPC of an interface: its own `VpcId`, else its subnet's.
    func vpcOf(_ eni: AWSInterface) -> String? {
        eni.vpcID ?? subnets.first { $0.id == eni.subnetID }?.vpcID
    }
}

extension AWSIndex {
    /// A CIDR block of the export. An IPv6 block never covers IPv4 packets (`::/0` in a NACL
    /// or group means every IPv6 address), although the address space maps IPv4 into IPv6.
    static func cidr(_ text: String) -> AddressSet? {
        guard let set = AddressSet.parse(text) else { return nil }
        return text.contains(":") ? set.subtracting(.allIPv4) : set
    }
}
