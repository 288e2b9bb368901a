/// Lookups over one ``AzureExport``: subnets with their VNet, interfaces per subnet, NSG of each
/// subnet and interface, members of application security groups, and the `VirtualNetwork` tag.
struct AzureIndex {
    struct Placed { var vnet: String; var subnet: AzureSubnet; var zone: String }
    let export: AzureExport
    let subnets: [Placed]
    let nsgByID: [String: AzureNSG]
    let interfacesOfSubnet: [String: [AzureNIC]]
    let asgMembers: [String: AddressSet]
    /// Every VNet address space of the export (docs/DECISIONS.md 148).
    let virtualNetwork: AddressSet

    init(_ export: AzureExport) {
        self.export = export
        subnets = export.networks.flatMap { v in v.subnets.map { Placed(vnet: v.name, subnet: $0, zone: "\(v.name)/\($0.name)") } }
            .sorted { $0.zone < $1.zone }
        var byID: [String: AzureNSG] = [:]
        for g in export.groups where byID[g.id.azureKey] == nil { byID[g.id.azureKey] = g }
        nsgByID = byID
        var bySubnet: [String: [AzureNIC]] = [:]
        var asgs: [String: AddressSet] = [:]
        for nic in export.interfaces {
            if let s = nic.subnetID { bySubnet[s.azureKey, default: []].append(nic) }
            let own = nic.addresses.reduce(AddressSet()) { $0.union(.host($1)) }
            for g in nic.asgIDs { asgs[g.azureKey] = (asgs[g.azureKey] ?? AddressSet()).union(own) }
        }
        interfacesOfSubnet = bySubnet.mapValues { $0.sorted { $0.name < $1.name } }
        asgMembers = asgs
        virtualNetwork = export.networks.flatMap(\.prefixes).compactMap { AddressSet.parse($0) }.reduce(AddressSet()) { $0.union($1) }
    }

    /// The NSG of a subnet: its own `networkSecurityGroup`, else an NSG listing it.
    func nsg(of s: AzureSubnet) -> AzureNSG? {
        if let id = s.nsgID { return nsgByID[id.azureKey] }
        return export.groups.first { $0.subnetIDs.contains { $0.azureKey == s.id.azureKey } }
    }

    /// The NSG of a network interface, likewise.
    func nsg(of nic: AzureNIC) -> AzureNSG? {
        if let id = nic.nsgID { return nsgByID[id.azureKey] }
        return export.groups.first { $0.interfaceIDs.contains { $0.azureKey == nic.id.azureKey } }
    }
}
