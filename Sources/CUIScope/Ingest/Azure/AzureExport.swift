/// The parts of Azure network exports the NSG reader uses (docs/FORMATS.md, Azure NSG): network
/// security groups, and optionally virtual networks and network interfaces for addresses.
struct AzureExport: Sendable {
    var groups: [AzureNSG] = []
    var networks: [AzureVNet] = []
    var interfaces: [AzureNIC] = []
}

/// One network security group with its rules (custom and default) and where it is attached.
struct AzureNSG: Sendable {
    var id: String
    var name: String
    var rules: [AzureSecurityRule]
    /// Whether `defaultSecurityRules` was present; when not, Azure's documented defaults apply.
    var hasDefaults: Bool
    var subnetIDs: [String]
    var interfaceIDs: [String]
    var location: SourceLocation
}

/// One security rule.
struct AzureSecurityRule: Sendable {
    var name: String
    var priority: Int
    var inbound: Bool
    var allow: Bool
    /// `Tcp`, `Udp`, `Icmp`, `Esp`, `Ah` or `*`.
    var proto: String
    var sources: [String]
    var destinations: [String]
    var sourcePorts: [String]
    var destinationPorts: [String]
    /// Application security group ids.
    var sourceASGs: [String]
    var destinationASGs: [String]
    var isDefault: Bool
    var location: SourceLocation
}

/// A virtual network: its address space and subnets.
struct AzureVNet: Sendable {
    var name: String
    var id: String
    var prefixes: [String]
    var subnets: [AzureSubnet]
    var peerings: [AzurePeering]
}

/// One `virtualNetworkPeerings` entry: the remote VNet and whether the peering is connected.
struct AzurePeering: Sendable {
    var name: String
    var remoteID: String
    var connected: Bool
    var location: SourceLocation
}

struct AzureSubnet: Sendable {
    var id: String
    var name: String
    var prefixes: [String]
    var nsgID: String?
    var location: SourceLocation
}

/// A network interface: its addresses, subnet, NSG and application security groups.
struct AzureNIC: Sendable {
    var id: String
    var name: String
    var addresses: [IPAddress]
    var subnetID: String?
    var nsgID: String?
    var asgIDs: [String]
    var location: SourceLocation
}

extension String {
    /// Azure resource ids compare case-insensitively.
    var azureKey: String { lowercased() }
    /// The last segment of a resource id (its name).
    var azureName: String { split(separator: "/").last.map(String.init) ?? self }
}
