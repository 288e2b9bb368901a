import Foundation

/// Reads Azure CLI / ARM JSON into an ``AzureExport`` (docs/FORMATS.md, Azure NSG): the output of
/// `az network nsg list` (or `show`), `az network vnet list` and `az network nic list`, a single
/// object, an array, or a REST `{"value": [...]}` page. Each object is recognised by what it holds
/// (`securityRules`, `addressSpace`, `ipConfigurations`), with its fields at the top (CLI) or under
/// `properties` (ARM and REST).
enum AzureExportParser {
    static func add(_ data: Data, file: String, to export: inout AzureExport, lenient: Bool,
                    log: inout DiagnosticLog) throws(InputError) {
        let root = try LocatedJSONParser.parse(data, file: file)
        let items = root.elements ?? root.member("value")?.elements ?? [root]
        for item in items {
            do throws(InputError) {
                guard item.members != nil else { throw InputError(item.location, "expected an object, found \(item.typeName)") }
                try add(item, to: &export)
            } catch {
                for d in error.diagnostics { lenient ? log.warning(d.location, d.message + "; record skipped") : log.append(d) }
            }
        }
    }

    /// The object's fields: its `properties` when it has them.
    static func props(_ o: LocatedJSON) throws(InputError) -> LocatedJSON { try o.object("properties") ?? o }

    private static func add(_ o: LocatedJSON, to export: inout AzureExport) throws(InputError) {
        let p = try props(o)
        if p.member("securityRules") != nil || p.member("defaultSecurityRules") != nil {
            export.groups.append(try nsg(o, p))
        } else if p.member("addressSpace") != nil {
            export.networks.append(try vnet(o, p))
        } else if p.member("ipConfigurations") != nil {
            export.interfaces.append(try nic(o, p))
        } else {
            throw InputError(o.location, "expected a network security group (securityRules), virtual network (addressSpace) or network interface (ipConfigurations)")
        }
    }

    static func ids(_ o: LocatedJSON, _ key: String) throws(InputError) -> [String] {
        var out: [String] = []
        for r in try o.objects(key) { out.append(try r.requiredString("id")) }
        return out
    }

    static func nsg(_ o: LocatedJSON, _ p: LocatedJSON) throws(InputError) -> AzureNSG {
        let name = try o.requiredString("name")
        var rules: [AzureSecurityRule] = []
        for r in try p.objects("securityRules") { rules.append(try rule(r, isDefault: false)) }
        for r in try p.objects("defaultSecurityRules") { rules.append(try rule(r, isDefault: true)) }
        return AzureNSG(id: try o.string("id") ?? name, name: name, rules: rules, hasDefaults: p.member("defaultSecurityRules") != nil,
                        subnetIDs: try ids(p, "subnets"), interfaceIDs: try ids(p, "networkInterfaces"), location: o.location)
    }

    /// A string field and its plural list form (`sourceAddressPrefix`, `sourceAddressPrefixes`).
    static func list(_ p: LocatedJSON, _ key: String) throws(InputError) -> [String] {
        var out: [String] = []
        if let one = try p.string(key), !one.isEmpty { out.append(one) }
        for v in try p.array(key + (key.hasSuffix("Prefix") ? "es" : "s")) {
            guard let s = v.stringValue else { throw InputError(v.location, "\(key): expected a string, found \(v.typeName)") }
            out.append(s)
        }
        return out
    }

    static func rule(_ r: LocatedJSON, isDefault: Bool) throws(InputError) -> AzureSecurityRule {
        let p = try props(r)
        guard let priority = try p.int("priority") else { throw InputError(p.location, "missing priority") }
        let direction = try p.requiredString("direction"), access = try p.requiredString("access")
        guard ["inbound", "outbound"].contains(direction.lowercased()) else {
            throw InputError(p.member("direction")!.location, "direction: expected Inbound or Outbound")
        }
        guard ["allow", "deny"].contains(access.lowercased()) else {
            throw InputError(p.member("access")!.location, "access: expected Allow or Deny")
        }
        let proto = try p.requiredString("protocol")
        guard AzureServices.protocolNumber(proto) != nil else {
            throw InputError(p.member("protocol")!.location, "protocol: expected Tcp, Udp, Icmp, Esp, Ah or *")
        }
        let rule = AzureSecurityRule(
            name: try r.requiredString("name"), priority: priority, inbound: direction.lowercased() == "inbound",
            allow: access.lowercased() == "allow", proto: proto, sources: try list(p, "sourceAddressPrefix"),
            destinations: try list(p, "destinationAddressPrefix"), sourcePorts: try list(p, "sourcePortRange"),
            destinationPorts: try list(p, "destinationPortRange"), sourceASGs: try ids(p, "sourceApplicationSecurityGroups"),
            destinationASGs: try ids(p, "destinationApplicationSecurityGroups"), isDefault: isDefault, location: r.location)
        guard AzureServices.services(rule) != nil else {
            throw InputError(r.location, "destinationPortRange: expected *, a port or a range low-high within 0-65535")
        }
        return rule
    }

    static func vnet(_ o: LocatedJSON, _ p: LocatedJSON) throws(InputError) -> AzureVNet {
        var prefixes: [String] = []
        if let space = try p.object("addressSpace") {
            for v in try space.array("addressPrefixes") { if let s = v.stringValue { prefixes.append(s) } }
        }
        var subnets: [AzureSubnet] = []
        for s in try p.objects("subnets") {
            let sp = try props(s)
            let name = try s.requiredString("name")
            var cidrs = try list(sp, "addressPrefix")
            cidrs = cidrs.filter { AddressSet.parse($0) != nil }
            subnets.append(AzureSubnet(id: try s.string("id") ?? name, name: name, prefixes: cidrs,
                                       nsgID: try sp.object("networkSecurityGroup")?.string("id"), location: s.location))
        }
        var peerings: [AzurePeering] = []
        for x in try p.objects("virtualNetworkPeerings") {
            let xp = try props(x)
            guard let remote = try xp.object("remoteVirtualNetwork")?.string("id") else { continue }
            peerings.append(AzurePeering(name: try x.string("name") ?? remote.azureName, remoteID: remote,
                                         connected: (try xp.string("peeringState") ?? "Connected") == "Connected", location: x.location))
        }
        let name = try o.requiredString("name")
        return AzureVNet(name: name, id: try o.string("id") ?? name, prefixes: prefixes, subnets: subnets, peerings: peerings)
    }

    static func nic(_ o: LocatedJSON, _ p: LocatedJSON) throws(InputError) -> AzureNIC {
        var addresses: [IPAddress] = []
        var subnet: String?
        var asgs: [String] = []
        for c in try p.objects("ipConfigurations") {
            let cp = try props(c)
            if let text = try cp.string("privateIPAddress") {
                guard let a = IPAddress(text) else { throw InputError(cp.member("privateIPAddress")!.location, "privateIPAddress: expected an IP address") }
                addresses.append(a)
            }
            if subnet == nil { subnet = try cp.object("subnet")?.string("id") }
            asgs += try ids(cp, "applicationSecurityGroups")
        }
        let name = try o.requiredString("name")
        return AzureNIC(id: try o.string("id") ?? name, name: name, addresses: addresses, subnetID: subnet,
                        nsgID: try p.object("networkSecurityGroup")?.string("id"), asgIDs: asgs, location: o.location)
    }
}
