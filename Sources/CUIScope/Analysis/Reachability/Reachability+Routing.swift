/// Placing an address beyond the connected subnets by the devices' static routes
/// (docs/DECISIONS.md 67): a destination goes where the route sends it; a source is taken to
/// arrive from where a reply to it would leave (symmetric routing, as a stateful firewall expects).
extension ReachabilityEngine {
    /// The address's placement (subnet first, then route) and the evidence note for a routed or
    /// unroutable address; nil note when a subnet holds it or the devices have no routes.
    func locate(_ address: IPAddress, role: String) -> (placement: Placement?, note: String?) {
        if let p = topology.place(address) { return (p, nil) }
        guard !topology.routeTable.isEmpty else { return (nil, nil) }
        switch topology.routeTable.lookup(address) {
        case .zone(let zone, let path):
            let via = path.map(\.evidence).joined(separator: ", then ")
            let verb = role == "source" ? "arrives from" : "routed to"
            return (Placement(zone: zone, segment: nil), "\(role) \(address) \(verb) zone \(zone) by \(via)")
        case .noRoute(let path):
            guard let last = path.last else {
                return (nil, "no route to \(role) \(address): no connected subnet or static route holds it")
            }
            let why = last.discard ? "discarded by" : "no egress zone known for"
            let via = path.map(\.evidence).joined(separator: ", then ")
            return (nil, "no route to \(role) \(address): \(why) \(via)")
        }
    }
}

extension ReachabilityEngine {
    /// When `address` is a firewall's own interface address: the note naming that device as the
    /// enforcement point (docs/DECISIONS.md 68). Such a packet is never "same segment": the
    /// device's own rules decide it (PAN-OS: the policy into the interface's zone; pf: the
    /// arrival interface's inbound and floating rules), and it has no egress leg.
    func ownerNote(_ address: IPAddress, _ place: Placement?) -> String? {
        guard let seg = place?.segment, seg.hostAddress == address else { return nil }
        return "destination \(address) is the firewall's own address (\(seg.origin) at \(seg.location)): "
            + "decided by that device's rules; the firewall is a Security Protection Asset"
    }
}
