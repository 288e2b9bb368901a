/// The parts of an AWS EC2 export the VPC reader uses, as read from the CLI's JSON
/// (docs/FORMATS.md, AWS VPC). Every record keeps the location of its JSON object for evidence.
struct AWSExport: Sendable {
    var securityGroups: [AWSSecurityGroup] = []
    var networkACLs: [AWSNetworkACL] = []
    var interfaces: [AWSInterface] = []
    var subnets: [AWSSubnet] = []
    var routeTables: [AWSRouteTable] = []
    /// The top-level keys the files held (`SecurityGroups`, …): an absent kind is not evaluated,
    /// which differs from a present but empty one.
    var present: Set<String> = []
}

/// `describe-security-groups`: one group and its permissions.
struct AWSSecurityGroup: Sendable {
    var id: String
    var name: String
    var vpcID: String?
    var ingress: [AWSPermission]
    var egress: [AWSPermission]
    var location: SourceLocation
}

/// One `IpPermissions` / `IpPermissionsEgress` entry: a protocol, a port range and its peers.
struct AWSPermission: Sendable {
    /// `IpProtocol`: `-1`, `tcp`, `udp`, `icmp`, `icmpv6` or a protocol number.
    var proto: String
    var fromPort: Int?
    var toPort: Int?
    /// `IpRanges[].CidrIp` and `Ipv6Ranges[].CidrIpv6`.
    var cidrs: [String]
    /// `UserIdGroupPairs[].GroupId`.
    var groups: [String]
    /// `PrefixListIds[].PrefixListId`.
    var prefixLists: [String]
    var location: SourceLocation
}

/// `describe-network-acls`: one ACL, its subnets and its numbered entries.
struct AWSNetworkACL: Sendable {
    var id: String
    var vpcID: String?
    var isDefault: Bool
    var subnetIDs: [String]
    var entries: [AWSACLEntry]
    var location: SourceLocation
}

/// One NACL entry (`Entries[]`).
struct AWSACLEntry: Sendable {
    var number: Int
    var egress: Bool
    var allow: Bool
    /// `Protocol`: a protocol number as a string, `-1` for all.
    var proto: String
    /// `CidrBlock` or `Ipv6CidrBlock`.
    var cidr: String
    var ports: ClosedRange<Int>?
    var location: SourceLocation
}

/// `describe-network-interfaces`: one ENI, its addresses and groups.
struct AWSInterface: Sendable {
    var id: String
    var subnetID: String
    var vpcID: String?
    var addresses: [IPAddress]
    var groupIDs: [String]
    var instanceID: String?
    var name: String?
    /// Whether a public or Elastic IP is associated: the Internet gateway forwards to it.
    var isPublic: Bool
    var location: SourceLocation

    /// Evidence text: `eni-0a1 (instance i-0b2, Name web01)`.
    var evidence: String {
        let details = [instanceID.map { "instance \($0)" }, name.map { "Name \($0)" }].compactMap { $0 }
        return details.isEmpty ? id : "\(id) (\(details.joined(separator: ", ")))"
    }
}

/// `describe-subnets`: one subnet and its CIDR blocks.
struct AWSSubnet: Sendable {
    var id: String
    var vpcID: String
    var cidrs: [String]
    var name: String?
    var location: SourceLocation
}

/// `describe-route-tables`: one table, the subnets it serves and its routes.
struct AWSRouteTable: Sendable {
    var id: String
    var vpcID: String
    var isMain: Bool
    var subnetIDs: [String]
    var routes: [AWSRoute]
    var location: SourceLocation
}

/// One route: a destination prefix and its target (`local`, `igw-…`, `pcx-…`, `nat-…`, …).
struct AWSRoute: Sendable {
    var destination: String
    var target: String
    var active: Bool
    var location: SourceLocation
}
