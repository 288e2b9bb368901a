/// One static route of a device: where packets to `destination` leave, for the longest-prefix
/// match that places addresses beyond the connected subnets (docs/DECISIONS.md 67).
public struct StaticRoute: Sendable, Hashable {
    /// The route's name as the export gives it (PAN-OS entry name, pf `descr` or the network).
    public var name: String
    /// The routing instance (PAN-OS virtual or logical router) the route belongs to.
    public var router: String
    /// The destination prefix as written (`0.0.0.0/0`).
    public var destinationText: String
    public var destination: AddressSet
    /// Prefix length used to rank matches (longest wins).
    public var prefixLength: Int
    /// Egress interface, when named.
    public var interface: String?
    /// Next hop as written (an address, `discard`, `next-vr …`), for evidence.
    public var nextHop: String?
    /// Zone the packets leave into: the egress interface's zone, else the zone holding the next hop.
    /// nil when neither is known; a discard route has none.
    public var zone: String?
    /// A discard / blackhole route: the packet is dropped, the answer is "no route".
    public var discard: Bool
    /// false for a route kept out of the forwarding table (PAN-OS `route-table/no-install`).
    public var installed: Bool
    public var location: SourceLocation

    public init(
        name: String, router: String, destinationText: String, destination: AddressSet, prefixLength: Int,
        interface: String?, nextHop: String?, zone: String?, discard: Bool, installed: Bool = true,
        location: SourceLocation
    ) {
        self.name = name
        self.router = router
        self.destinationText = destinationText
        self.destination = destination
        self.prefixLength = prefixLength
        self.interface = interface
        self.nextHop = nextHop
        self.zone = zone
        self.discard = discard
        self.installed = installed
        self.location = location
    }

    /// Evidence text: `static route 'default' (0.0.0.0/0 via ethernet1/1 203.0.113.1, router default)`.
    public var evidence: String {
        var via: [String] = []
        if let interface { via.append(interface) }
        if let nextHop { via.append(nextHop) }
        let target = discard ? "discard" : via.joined(separator: " ")
        return "static route '\(name)' (\(destinationText) via \(target), router \(router)) at \(location)"
    }
}
