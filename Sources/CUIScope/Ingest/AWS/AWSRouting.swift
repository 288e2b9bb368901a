/// Route tables as the VPC reader uses them (docs/FORMATS.md, AWS VPC; docs/DECISIONS.md 147):
/// the destinations a subnet's table can deliver, the peering connections between VPCs and the
/// Internet gateways, each becoming an enforcement point between VPC router zones.
struct AWSRouting {
    let index: AWSIndex
    /// The zone beyond every Internet gateway.
    static let internetZone = "internet"

    /// Destinations the table delivers: longest prefix first, each route takes what no longer
    /// route took; a blackhole route delivers nothing. `local` delivers within the VPC, a
    /// peering connection into the peer VPC's CIDR blocks, any other target (Internet or NAT
    /// gateway, transit gateway, VPN) outside every VPC of the export.
    func deliverable(_ table: AWSRouteTable) -> AddressSet {
        let allVPCs = index.vpcAddresses.values.reduce(AddressSet()) { $0.union($1) }
        let routes = table.routes.compactMap { r in AWSIndex.cidr(r.destination).map { (r, $0) } }
            .sorted { Self.prefixLength($0.0.destination) > Self.prefixLength($1.0.destination) }
        var covered = AddressSet()
        var out = AddressSet()
        for (route, dest) in routes {
            let piece = dest.subtracting(covered)
            covered = covered.union(dest)
            guard route.active else { continue }
            if route.target == "local" {
                out = out.union(piece)
            } else if route.target.hasPrefix("pcx-"), let peer = peerVPC(route.target, from: table.vpcID) {
                out = out.union(piece.intersection(index.vpcAddresses[peer] ?? AddressSet()))
            } else {
                out = out.union(piece.subtracting(allVPCs))
            }
        }
        return out
    }

    static func prefixLength(_ cidr: String) -> Int {
        cidr.split(separator: "/").last.flatMap { Int($0) } ?? (cidr.contains(":") ? 128 : 32)
    }

    /// The other VPC of a peering connection: the VPC whose tables also route to it, else the
    /// VPC whose address space the route's destination falls in.
    func peerVPC(_ pcx: String, from vpc: String) -> String? {
        let routes = index.export.routeTables.flatMap { t in t.routes.filter { $0.target == pcx }.map { (t.vpcID, $0) } }
        if let other = routes.map(\.0).filter({ $0 != vpc }).sorted().first { return other }
        for (_, r) in routes {
            guard let dest = AWSIndex.cidr(r.destination) else { continue }
            if let hit = index.vpcAddresses.keys.sorted().first(where: { $0 != vpc && !(index.vpcAddresses[$0]!.intersection(dest).isEmpty) }) {
                return hit
            }
        }
        return nil
    }

    /// One enforcement point per peering connection joining two VPCs of the export: it passes
    /// traffic between the two VPCs' address spaces, in both directions, and nothing else.
    func peerings() -> [EnforcementPoint] {
        var seen: [String: (String, String, SourceLocation)] = [:]
        for t in index.export.routeTables {
            for r in t.routes where r.target.hasPrefix("pcx-") && r.active && seen[r.target] == nil {
                if let peer = peerVPC(r.target, from: t.vpcID) { seen[r.target] = (t.vpcID, peer, r.location) }
            }
        }
        return seen.keys.sorted().map { pcx in
            let (a, b, loc) = seen[pcx]!
            let spaceA = index.vpcAddresses[a] ?? AddressSet(), spaceB = index.vpcAddresses[b] ?? AddressSet()
            func pass(_ x: String, _ y: String, _ sx: AddressSet, _ sy: AddressSet) -> Rule {
                Rule(name: "\(pcx) \(x) to \(y)", action: .allow, from: .zones([x]), to: .zones([y]),
                     source: AddressMatch(set: sx, members: [x]), destination: AddressMatch(set: sy, members: [y]), location: loc)
            }
            return EnforcementPoint(name: pcx, vendor: "aws", rules: [pass(a, b, spaceA, spaceB), pass(b, a, spaceB, spaceA)],
                                    interzoneDefault: .deny, intrazoneDefault: .deny, location: loc, ruleOnlyZones: [a, b])
        }
    }

    /// One enforcement point per Internet gateway a route table names: out of the VPC to the
    /// Internet zone, and in only to interfaces with a public or Elastic IP. Its routes place
    /// addresses beyond every subnet in the Internet zone.
    func internetGateways() -> [EnforcementPoint] {
        var byGateway: [String: (vpc: String, routes: [AWSRoute])] = [:]
        for t in index.export.routeTables {
            for r in t.routes where r.target.hasPrefix("igw-") && r.active {
                byGateway[r.target, default: (t.vpcID, [])].routes.append(r)
            }
        }
        return byGateway.keys.sorted().map { igw in
            let (vpc, routes) = byGateway[igw]!
            let publics = index.export.interfaces.filter { $0.isPublic && index.vpcOf($0) == vpc }
            let inbound = AddressMatch(set: AWSIndex.hosts(publics.flatMap(\.addresses)), members: publics.map(\.id))
            let loc = routes[0].location
            var ep = EnforcementPoint(
                name: igw, vendor: "aws",
                rules: [Rule(name: "\(igw) outbound", action: .allow, from: .zones([vpc]), to: .zones([Self.internetZone]), location: loc),
                        Rule(name: "\(igw) inbound to public IPs", action: .allow, from: .zones([Self.internetZone]), to: .zones([vpc]),
                             destination: inbound, location: loc)],
                interzoneDefault: .deny, intrazoneDefault: .deny, location: loc, ruleOnlyZones: [vpc, Self.internetZone])
            ep.routes = routes.compactMap { r in
                AWSIndex.cidr(r.destination).map {
                    StaticRoute(name: "\(igw) \(r.destination)", router: vpc, destinationText: r.destination, destination: $0,
                                prefixLength: Self.prefixLength(r.destination), interface: nil, nextHop: igw,
                                zone: Self.internetZone, discard: false, location: r.location)
                }
            }
            return ep
        }
    }
}
