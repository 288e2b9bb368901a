import Foundation

/// Reads `aws ec2 describe-*` JSON into an ``AWSExport`` (docs/FORMATS.md, AWS VPC).
///
/// A file is one CLI output (`{"SecurityGroups": [...]}`) or an object combining several of the
/// five top-level keys; several files of one run add up to one export. A record with a missing
/// id or a value of the wrong type is an error naming file:line:column; under `--lenient` it is
/// skipped with a warning. Unknown keys (`NextToken`, `OwnerId`, …) are ignored.
enum AWSExportParser {
    /// The top-level keys read, one per CLI call.
    static let keys = ["SecurityGroups", "NetworkAcls", "NetworkInterfaces", "Subnets", "RouteTables"]

    /// Adds the records of one file to `export`.
    static func add(_ data: Data, file: String, to export: inout AWSExport, lenient: Bool,
                    log: inout DiagnosticLog) throws(InputError) {
        let root = try LocatedJSONParser.parse(data, file: file)
        guard let members = root.members else {
            throw InputError(root.location, "expected an object with one of \(keys.joined(separator: ", ")), found \(root.typeName)")
        }
        let found = members.filter { keys.contains($0.key) }
        guard !found.isEmpty else {
            throw InputError(root.location, "expected one of the keys \(keys.joined(separator: ", ")) (aws ec2 describe-* output)")
        }
        for (key, value) in found {
            export.present.insert(key)
            guard let items = value.elements else {
                log.error(value.location, "\(key): expected an array, found \(value.typeName)")
                continue
            }
            for item in items {
                do throws(InputError) {
                    try add(item, key: key, to: &export)
                } catch {
                    for d in error.diagnostics {
                        lenient ? log.warning(d.location, d.message + "; record skipped") : log.append(d)
                    }
                }
            }
        }
    }

    private static func add(_ item: LocatedJSON, key: String, to export: inout AWSExport) throws(InputError) {
        guard item.members != nil else { throw InputError(item.location, "\(key): expected an object, found \(item.typeName)") }
        switch key {
        case "SecurityGroups": export.securityGroups.append(try securityGroup(item))
        case "NetworkAcls": export.networkACLs.append(try networkACL(item))
        case "NetworkInterfaces": export.interfaces.append(try interface(item))
        case "Subnets": export.subnets.append(try subnet(item))
        default: export.routeTables.append(try routeTable(item))
        }
    }

    /// `map` with typed throws (the standard one widens the error to `any Error`).
    static func each<T>(_ items: [LocatedJSON], _ read: (LocatedJSON) throws(InputError) -> T) throws(InputError) -> [T] {
        var out: [T] = []
        for item in items { out.append(try read(item)) }
        return out
    }

    /// The `Name` tag of `Tags` or `TagSet`.
    static func nameTag(_ o: LocatedJSON) throws(InputError) -> String? {
        for tag in try o.objects("Tags") + o.objects("TagSet") {
            if try tag.string("Key") == "Name" { return try tag.string("Value") }
        }
        return nil
    }

    static func securityGroup(_ o: LocatedJSON) throws(InputError) -> AWSSecurityGroup {
        AWSSecurityGroup(
            id: try o.requiredString("GroupId"), name: try o.string("GroupName") ?? "", vpcID: try o.string("VpcId"),
            ingress: try each(o.objects("IpPermissions"), permission), egress: try each(o.objects("IpPermissionsEgress"), permission),
            location: o.location)
    }

    static func permission(_ p: LocatedJSON) throws(InputError) -> AWSPermission {
        var cidrs: [String] = []
        for r in try p.objects("IpRanges") { cidrs.append(try r.requiredString("CidrIp")) }
        for r in try p.objects("Ipv6Ranges") { cidrs.append(try r.requiredString("CidrIpv6")) }
        for c in cidrs where AddressSet.parse(c) == nil {
            throw InputError(p.location, "IpRanges: expected an IPv4 or IPv6 CIDR block")
        }
        var groups: [String] = []
        for g in try p.objects("UserIdGroupPairs") { groups.append(try g.requiredString("GroupId")) }
        var lists: [String] = []
        for l in try p.objects("PrefixListIds") { lists.append(try l.requiredString("PrefixListId")) }
        let permission = AWSPermission(
            proto: try p.requiredString("IpProtocol"), fromPort: try p.int("FromPort"), toPort: try p.int("ToPort"),
            cidrs: cidrs, groups: groups, prefixLists: lists, location: p.location)
        guard AWSServices.services(permission) != nil else {
            throw InputError(p.location, "IpProtocol/FromPort/ToPort: expected -1, tcp, udp, icmp, icmpv6 or a protocol number 0-255 with a port range within 0-65535")
        }
        return permission
    }

    static func networkACL(_ o: LocatedJSON) throws(InputError) -> AWSNetworkACL {
        var subnets: [String] = []
        for a in try o.objects("Associations") { if let s = try a.string("SubnetId") { subnets.append(s) } }
        return AWSNetworkACL(
            id: try o.requiredString("NetworkAclId"), vpcID: try o.string("VpcId"), isDefault: try o.bool("IsDefault") ?? false,
            subnetIDs: subnets, entries: try each(o.objects("Entries"), aclEntry), location: o.location)
    }

    static func aclEntry(_ e: LocatedJSON) throws(InputError) -> AWSACLEntry {
        guard let number = try e.int("RuleNumber") else { throw InputError(e.location, "missing RuleNumber") }
        let action = try e.requiredString("RuleAction")
        guard action == "allow" || action == "deny" else {
            throw InputError(e.member("RuleAction")!.location, "RuleAction: expected allow or deny")
        }
        guard let cidr = try e.string(anyOf: ["CidrBlock", "Ipv6CidrBlock"]), AddressSet.parse(cidr) != nil else {
            throw InputError(e.location, "expected CidrBlock or Ipv6CidrBlock with a CIDR block")
        }
        var ports: ClosedRange<Int>?
        if let r = try e.object("PortRange"), let from = try r.int("From"), let to = try r.int("To") {
            guard 0 <= from, from <= to, to <= 65535 else { throw InputError(r.location, "PortRange: expected From <= To within 0-65535") }
            ports = from...to
        }
        let entry = AWSACLEntry(
            number: number, egress: try e.bool("Egress") ?? false, allow: action == "allow",
            proto: try e.requiredString("Protocol"), cidr: cidr, ports: ports, location: e.location)
        guard AWSServices.services(entry) != nil else {
            throw InputError(e.member("Protocol")!.location, "Protocol: expected -1 or a protocol number 0-255")
        }
        return entry
    }

    static func interface(_ o: LocatedJSON) throws(InputError) -> AWSInterface {
        var addresses: [IPAddress] = []
        var isPublic = try o.object("Association")?.string("PublicIp") != nil
        func address(_ text: String?, at loc: SourceLocation) throws(InputError) {
            guard let text else { return }
            guard let a = IPAddress(text) else { throw InputError(loc, "expected an IP address") }
            if !addresses.contains(a) { addresses.append(a) }
        }
        try address(try o.string("PrivateIpAddress"), at: o.member("PrivateIpAddress")?.location ?? o.location)
        for p in try o.objects("PrivateIpAddresses") {
            try address(try p.string("PrivateIpAddress"), at: p.location)
            if try p.object("Association")?.string("PublicIp") != nil { isPublic = true }
        }
        for p in try o.objects("Ipv6Addresses") { try address(try p.string("Ipv6Address"), at: p.location) }
        var groups: [String] = []
        for g in try o.objects("Groups") { groups.append(try g.requiredString("GroupId")) }
        return AWSInterface(
            id: try o.requiredString("NetworkInterfaceId"), subnetID: try o.requiredString("SubnetId"), vpcID: try o.string("VpcId"),
            addresses: addresses, groupIDs: groups, instanceID: try o.object("Attachment")?.string("InstanceId"),
            name: try nameTag(o), isPublic: isPublic, location: o.location)
    }

    static func subnet(_ o: LocatedJSON) throws(InputError) -> AWSSubnet {
        var cidrs: [String] = []
        if let c = try o.string("CidrBlock") { cidrs.append(c) }
        for a in try o.objects("Ipv6CidrBlockAssociationSet") { if let c = try a.string("Ipv6CidrBlock") { cidrs.append(c) } }
        for c in cidrs where AddressSet.parse(c) == nil { throw InputError(o.location, "CidrBlock: expected a CIDR block") }
        return AWSSubnet(id: try o.requiredString("SubnetId"), vpcID: try o.requiredString("VpcId"), cidrs: cidrs,
                         name: try nameTag(o), location: o.location)
    }

    static func routeTable(_ o: LocatedJSON) throws(InputError) -> AWSRouteTable {
        var main = false
        var subnets: [String] = []
        for a in try o.objects("Associations") {
            if try a.bool("Main") == true { main = true }
            if let s = try a.string("SubnetId") { subnets.append(s) }
        }
        return AWSRouteTable(
            id: try o.requiredString("RouteTableId"), vpcID: try o.requiredString("VpcId"), isMain: main, subnetIDs: subnets,
            routes: try each(o.objects("Routes"), route), location: o.location)
    }

    /// The targets a route may name, in the CLI's field order; the first present one is the target.
    static let targetKeys = ["GatewayId", "VpcPeeringConnectionId", "NatGatewayId", "TransitGatewayId",
                             "EgressOnlyInternetGatewayId", "NetworkInterfaceId", "InstanceId", "LocalGatewayId",
                             "CarrierGatewayId", "CoreNetworkArn"]

    /// One route; prefix-list destinations (`DestinationPrefixListId`) are kept with the list id.
    static func route(_ r: LocatedJSON) throws(InputError) -> AWSRoute {
        guard let dest = try r.string(anyOf: ["DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId"])
        else { throw InputError(r.location, "route without DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId") }
        let target = try r.string(anyOf: targetKeys) ?? "unknown"
        return AWSRoute(destination: dest, target: target, active: (try r.string("State") ?? "active") == "active",
                        location: r.location)
    }
}
