/// Where an address sits: its zone and, when a subnet holds it, that subnet (its segment).
public struct Placement: Sendable, Hashable {
    public var zone: String
    public var segment: Subnet?

    public init(zone: String, segment: Subnet?) {
        self.zone = zone
        self.segment = segment
    }
}

/// One placed piece of an asset: reachability is computed per endpoint, so an asset declared
/// as a range spanning two subnets is judged on both sides.
public struct Endpoint: Sendable, Hashable {
    /// Index of the asset in the inventory array the endpoints were made from.
    public var assetIndex: Int
    /// The representative address: rules are matched against it (the lowest address of the piece).
    public var address: IPAddress
    /// The asset's addresses this endpoint stands for.
    public var range: AddressSet
    /// nil when no subnet holds the address and the inventory gave no zone: unplaced.
    public var zone: String?
    public var segment: Subnet?

    public init(assetIndex: Int, address: IPAddress, range: AddressSet, zone: String?, segment: Subnet?) {
        self.assetIndex = assetIndex
        self.address = address
        self.range = range
        self.zone = zone
        self.segment = segment
    }
}

/// One crossing of an enforcement point on a route between zones.
public struct RouteHop: Sendable, Hashable {
    /// Index into `Topology.enforcementPoints`.
    public var enforcementPoint: Int
    public var fromZone: String
    public var toZone: String

    public init(enforcementPoint: Int, fromZone: String, toZone: String) {
        self.enforcementPoint = enforcementPoint
        self.fromZone = fromZone
        self.toZone = toZone
    }
}

/// Zones, their subnets and the enforcement points between them: the map reachability walks.
///
/// Zones come from the firewalls' interfaces and from the scope file; a zone the scope file
/// defines replaces the firewalls' subnets for that name (the scope file is the organisation's
/// own statement of its network). Routing is a bipartite graph: an enforcement point joins every
/// zone it knows, and a path between two zones crosses the enforcement points on a shortest
/// path. Routes for every zone pair are computed once, at construction.
public struct Topology: Sendable {
    /// Merged zones, sorted by name.
    public let zones: [Zone]
    /// The devices as given, then one egress stage per device with egress rules (see `init`).
    public let enforcementPoints: [EnforcementPoint]
    /// Device index → index of its egress stage in `enforcementPoints`.
    let egressStage: [Int: Int]
    /// Every zone name known (defined, scope-file, or only named in rules), sorted.
    public let zoneNames: [String]

    let subnets: SubnetIndex
    /// The devices' static routes, for addresses beyond the connected subnets.
    let routeTable: RouteTable
    private let zoneIndex: [String: Int]
    /// Enforcement points per zone, sorted by (name, index).
    private let pointsOfZone: [[Int]]
    /// `parents[s][z]`: how the BFS from zone `s` first reached zone `z` (enforcement point, previous zone).
    private let parents: [[(ep: Int32, zone: Int32)]]

    /// - Parameters:
    ///   - zones: scope-file zones; each replaces the firewalls' subnets for the same zone name.
    ///   - enforcementPoints: firewalls (their interface zones and every zone their rules name).
    public init(zones scopeZones: [Zone] = [], enforcementPoints: [EnforcementPoint]) {
        // pf-style devices also filter on the way out: their egress rules become a second stage
        // crossed right after the device's ingress hop (default pass), appended after the real
        // devices so they never take part in route finding.
        var stages = enforcementPoints
        var egress: [Int: Int] = [:]
        for (i, ep) in enforcementPoints.enumerated() where !ep.egressRules.isEmpty {
            egress[i] = stages.count
            stages.append(EnforcementPoint(
                name: "\(ep.name) (egress)", vendor: ep.vendor, rules: ep.egressRules, interzoneDefault: .allow,
                intrazoneDefault: .allow, location: ep.location))
        }
        self.enforcementPoints = stages
        self.routeTable = RouteTable(enforcementPoints: enforcementPoints)
        self.egressStage = egress
        var merged: [String: Zone] = [:]
        for ep in enforcementPoints {
            for z in ep.zones {
                var current = merged[z.name] ?? Zone(name: z.name)
                for s in z.subnets where !current.subnets.contains(where: { $0.text == s.text }) {
                    current.subnets.append(s)
                }
                current.isEnclave = current.isEnclave || z.isEnclave
                merged[z.name] = current
            }
        }
        for z in scopeZones { merged[z.name] = z }
        let zoneList = merged.values.sorted { $0.name < $1.name }
        self.zones = zoneList
        self.subnets = SubnetIndex(zones: zoneList)

        var names = Set(merged.keys)
        let epZoneSets = enforcementPoints.map(\.zoneNames)  // the real devices only
        for s in epZoneSets { names.formUnion(s) }
        let sortedNames = names.sorted()
        self.zoneNames = sortedNames
        var index: [String: Int] = [:]
        for (i, n) in sortedNames.enumerated() { index[n] = i }
        self.zoneIndex = index

        let epOrder = enforcementPoints.indices.sorted {
            (enforcementPoints[$0].name, $0) < (enforcementPoints[$1].name, $1)
        }
        var byZone = [[Int]](repeating: [], count: sortedNames.count)
        for e in epOrder {
            for n in epZoneSets[e] { if let z = index[n] { byZone[z].append(e) } }
        }
        let zonesOfPoint: [[Int]] = epZoneSets.map { $0.compactMap { index[$0] }.sorted() }
        self.pointsOfZone = byZone
        self.parents = sortedNames.indices.map {
            Topology.breadthFirst(
                from: $0, zoneCount: sortedNames.count, pointsOfZone: byZone, zonesOfPoint: zonesOfPoint)
        }
    }

    private static func breadthFirst(from start: Int, zoneCount: Int, pointsOfZone: [[Int]], zonesOfPoint: [[Int]])
        -> [(ep: Int32, zone: Int32)]
    {
        var parent = [(ep: Int32, zone: Int32)](repeating: (-1, -1), count: zoneCount)
        var seenZone = [Bool](repeating: false, count: zoneCount)
        var seenPoint = [Bool](repeating: false, count: zonesOfPoint.count)
        var queue = [start]
        seenZone[start] = true
        var head = 0
        while head < queue.count {
            let z = queue[head]
            head += 1
            for e in pointsOfZone[z] where !seenPoint[e] {
                seenPoint[e] = true
                for next in zonesOfPoint[e] where !seenZone[next] {
                    seenZone[next] = true
                    parent[next] = (Int32(e), Int32(z))
                    queue.append(next)
                }
            }
        }
        return parent
    }

    /// The zone and segment of an address by longest-prefix match over all zones' subnets
    /// (ties: zone name, then subnet text). nil when no subnet holds it.
    public func place(_ address: IPAddress) -> Placement? {
        guard let s = subnets.segment(of: address.value) else { return nil }
        let seg = subnets.segments[s]
        return Placement(zone: seg.zone, segment: seg.subnet)
    }

    /// Endpoints for every asset, indexed like `assets`.
    public func place(assets: [Asset]) -> [[Endpoint]] {
        assets.enumerated().map { place(asset: $1, index: $0) }
    }

    /// One endpoint per host address; a range is split into one endpoint per subnet it
    /// touches (plus one for the part in no subnet). Unplaced parts take the inventory's zone.
    /// - Parameter index: the asset's index, stored in each endpoint.
    public func place(asset: Asset, index: Int = 0) -> [Endpoint] {
        var out: [Endpoint] = []
        for iv in asset.addresses.intervals {
            if iv.lower == iv.upper {
                let a = IPAddress(value: iv.lower)
                let p = place(a)
                out.append(
                    Endpoint(
                        assetIndex: index, address: a, range: AddressSet(iv), zone: p?.zone ?? asset.zoneHint,
                        segment: p?.segment))
                continue
            }
            // Collect the pieces of the range per segment, in address order.
            var perSegment: [Int: [AddressSet.Interval]] = [:]
            var order: [Int] = []
            var covered: [AddressSet.Interval] = []
            var i = subnets.firstPiece(atOrAfter: iv.lower)
            while i < subnets.pieces.count, subnets.pieces[i].lower <= iv.upper {
                let p = subnets.pieces[i]
                let piece = AddressSet.Interval(max(p.lower, iv.lower), min(p.upper, iv.upper))
                if perSegment[p.segment] == nil { order.append(p.segment) }
                perSegment[p.segment, default: []].append(piece)
                covered.append(piece)
                i += 1
            }
            for s in order {
                let range = AddressSet(perSegment[s] ?? [])
                guard let first = range.intervals.first else { continue }
                let seg = subnets.segments[s]
                out.append(
                    Endpoint(
                        assetIndex: index, address: IPAddress(value: first.lower), range: range, zone: seg.zone,
                        segment: seg.subnet))
            }
            let rest = AddressSet(iv).subtracting(AddressSet(covered))
            if let first = rest.intervals.first {
                out.append(
                    Endpoint(
                        assetIndex: index, address: IPAddress(value: first.lower), range: rest, zone: asset.zoneHint,
                        segment: nil))
            }
        }
        return out
    }

    /// Whether some enforcement point joins `zone`.
    public func isFiltered(_ zone: String) -> Bool {
        guard let z = zoneIndex[zone] else { return false }
        return !pointsOfZone[z].isEmpty
    }

    /// A shortest route between two zones as enforcement-point hops.
    ///
    /// Same zone: one intrazone hop through the first enforcement point (by name) that has the
    /// zone, or `[]` (unfiltered within the zone) when none has it. Different zones with no
    /// enforcement-point path: nil (separated).
    /// - Parameter endsAtDevice: the packet is addressed to the last device itself (its own
    ///   address), so it never leaves that device: no egress stage on the last hop.
    public func route(from: String, to: String, endsAtDevice: Bool = false) -> [RouteHop]? {
        shortestRoute(from: from, to: to).map { hops in
            hops.enumerated().flatMap { i, h -> [RouteHop] in
                if endsAtDevice, i == hops.count - 1 { return [h] }
                guard let e = egressStage[h.enforcementPoint] else { return [h] }
                return [h, RouteHop(enforcementPoint: e, fromZone: h.fromZone, toZone: h.toZone)]
            }
        }
    }

    private func shortestRoute(from: String, to: String) -> [RouteHop]? {
        if from == to {
            guard let z = zoneIndex[from], let e = pointsOfZone[z].first else { return [] }
            return [RouteHop(enforcementPoint: e, fromZone: from, toZone: to)]
        }
        guard let s = zoneIndex[from], let t = zoneIndex[to] else { return nil }
        let parent = parents[s]
        guard parent[t].ep >= 0 else { return nil }
        var hops: [RouteHop] = []
        var z = t
        while z != s {
            let (e, prev) = parent[z]
            hops.append(RouteHop(enforcementPoint: Int(e), fromZone: zoneNames[Int(prev)], toZone: zoneNames[z]))
            z = Int(prev)
        }
        return hops.reversed()
    }
}
