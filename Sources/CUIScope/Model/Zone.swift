/// A network zone: a named set of subnets, from the scope file or a firewall's interfaces.
public struct Zone: Sendable, Hashable {
    public var name: String
    /// The zone's subnets; each subnet is one unfiltered segment (`sameSegment` adjacency).
    public var subnets: [Subnet]
    public var isEnclave: Bool

    public init(name: String, subnets: [Subnet] = [], isEnclave: Bool = false) {
        self.name = name
        self.subnets = subnets
        self.isEnclave = isEnclave
    }

    public var addresses: AddressSet { subnets.reduce(AddressSet()) { $0.union($1.addresses) } }
}

/// One subnet of a zone: an L2/L3 segment whose members reach each other without a firewall.
public struct Subnet: Sendable, Hashable {
    /// As written (`10.50.1.0/24`).
    public var text: String
    public var addresses: AddressSet
    /// Where it was declared (scope file line, firewall interface).
    public var location: SourceLocation
    /// The interface or scope entry that declared it, for evidence.
    public var origin: String
    /// The device's own address on this subnet (a firewall interface address), when the subnet
    /// comes from an interface: traffic to it ends at that device (docs/DECISIONS.md 68).
    public var hostAddress: IPAddress?

    public init(
        text: String, addresses: AddressSet, location: SourceLocation, origin: String, hostAddress: IPAddress? = nil
    ) {
        self.text = text
        self.addresses = addresses
        self.location = location
        self.origin = origin
        self.hostAddress = hostAddress
    }
}
