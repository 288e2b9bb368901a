/// Network scans reconciled with the inventory (docs/SCOPING.md, DOC-14; docs/SCOPING.md, SCAN-40): live hosts
/// no inventory row covers, inventory assets listening on services nothing explains, and every
/// asset's open ports as evidence.
enum ScanFindings {
    /// What the scans saw, joined to the inventory by address (docs/DECISIONS.md 136).
    struct Reconciled {
        /// Open ports per asset index: each protocol/port once, at its first sighting.
        var ports: [Int: [OpenPort]] = [:]
        /// The scanned hosts of each asset, in scan order.
        var hosts: [Int: [ScannedHost]] = [:]
        /// Live hosts no inventory row covers, by their first address, every sighting.
        var unknown: [IPAddress: [ScannedHost]] = [:]
    }

    /// Joins every scanned host to the asset owning one of its addresses.
    static func reconcile(_ scans: [HostScan], index: AddressIndex) -> Reconciled {
        var r = Reconciled()
        for scan in scans {
            for host in scan.hosts {
                guard let owner = host.addresses.lazy.compactMap({ index.owner(of: $0) }).first else {
                    r.unknown[host.addresses[0], default: []].append(host)
                    continue
                }
                r.hosts[owner, default: []].append(host)
                var seen = Set((r.ports[owner] ?? []).map { ServiceSet.key(proto: $0.proto, port: $0.port) })
                for p in host.openPorts where seen.insert(ServiceSet.key(proto: p.proto, port: p.port)).inserted {
                    r.ports[owner, default: []].append(p)
                }
            }
        }
        return r
    }

    /// The scan's evidence for one sighting of a host: its `<host>` place, addresses and ports.
    static func hostEvidence(_ h: ScannedHost) -> Evidence {
        Evidence(kind: .scan, text: "Scanned host \(h.summary)", location: h.location)
    }

    /// DOC-14 for each live host that no inventory row covers, sitting in an enclave zone, or in
    /// a subnet or zone holding a CUI asset or an asset computed in scope (docs/DECISIONS.md 138).
    static func unknownHosts(
        _ r: Reconciled, graph: ScopeGraph, categories: [Category], placeOf: (IPAddress) -> Placement?
    ) -> [Finding] {
        let holders = scopedPlaces(graph: graph, categories: categories)
        return r.unknown.keys.sorted().compactMap { address in
            guard let sightings = r.unknown[address], let at = sightings[0].addresses.lazy.compactMap(placeOf).first
            else { return nil }
            let place: String
            if graph.enclaveZones.contains(at.zone) {
                place = "the enclave zone \(at.zone)"
            } else if let seg = at.segment, let holder = holders.bySegment["\(at.zone)|\(seg.text)"] {
                place = "subnet \(seg.text) of zone \(at.zone), which holds \(holder)"
            } else if let holder = holders.byZone[at.zone] {
                place = "zone \(at.zone), which holds \(holder)"
            } else {
                return nil
            }
            let ports = Set(sightings.flatMap { $0.openPorts.map(\.serviceKey) }).sorted()
            let listening = ports.isEmpty ? "no open port found" : "listening on \(ports.joined(separator: ", "))"
            return FindingCatalog.documentationGap.make(
                assets: [],
                message: "Live host \(address) (\(listening)) was found by the network scan in \(place), but no inventory row covers it: an unknown asset in a scoped zone.",
                evidence: sightings.map(hostEvidence), primaryLocation: sightings[0].location)
        }
    }

    /// Per subnet (`zone|subnet`) and per zone, the first CUI asset there (by id), else the first
    /// asset computed in scope: what makes an unknown host there matter.
    static func scopedPlaces(graph: ScopeGraph, categories: [Category])
        -> (bySegment: [String: String], byZone: [String: String])
    {
        var bySegment: [String: String] = [:], byZone: [String: String] = [:]
        let cui = graph.targets.sorted { graph.assets[$0].id < graph.assets[$1].id }
        let inScope = graph.assets.indices.filter { !graph.targets.contains($0) && categories[$0].isInScope }
            .sorted { graph.assets[$0].id < graph.assets[$1].id }
        for i in cui + inScope {
            let what = graph.targets.contains(i)
                ? "the CUI asset \(graph.assets[i].id)" : "the in-scope asset \(graph.assets[i].id) (\(categories[i].rawValue))"
            for ep in graph.endpoints[i] {
                guard let zone = ep.zone else { continue }
                if byZone[zone] == nil { byZone[zone] = what }
                if let seg = ep.segment, bySegment["\(zone)|\(seg.text)"] == nil { bySegment["\(zone)|\(seg.text)"] = what }
            }
        }
        return (bySegment, byZone)
    }

    /// SCAN-40 for each scanned inventory asset that is a VDI client listening on any port, or
    /// that is in scope (or in the enclave) and listens on services no allow rule and no
    /// allowlist entry explains (the latter only when rules are loaded).
    static func unexplainedServices(
        _ r: Reconciled, graph: ScopeGraph, categories: [Category], enforcementPoints: [EnforcementPoint],
        allowlist: [AllowlistEntry]
    ) -> [Finding] {
        var out: [Finding] = []
        for i in r.ports.keys.sorted() {
            guard let ports = r.ports[i]?.sorted(), !ports.isEmpty, let hosts = r.hosts[i] else { continue }
            let a = graph.assets[i]
            let addresses = hosts.flatMap(\.addresses)
            let row = Evidence(kind: .inventory, text: "Inventory row of \(a.id) (kind \(a.kind.rawValue))", location: a.location)
            if a.kind == .vdiClient {
                let mode = a.vdi.map { "vdi: \($0.rawValue)" } ?? "no vdi configuration"
                out.append(FindingCatalog.unexplainedService.make(
                    assets: [a.id],
                    message: "\(a.id) is a VDI client (\(mode)) but the scan found it listening on \(ports.map(\.text).joined(separator: ", ")): a client limited to keyboard, video and mouse accepts no connections, and a listening service such as file sharing (SMB) or remote desktop can store or transmit data.",
                    evidence: ports.map { portEvidence($0, addresses) } + [row], severity: .medium,
                    primaryLocation: hosts[0].location))
                continue
            }
            let enclave = !Set(graph.zones(of: i)).isDisjoint(with: graph.enclaveZones)
            guard !enforcementPoints.isEmpty, categories[i].isInScope || enclave else { continue }
            let unexplained = ports.filter {
                !explained($0, asset: a, addresses: addresses, enforcementPoints: enforcementPoints, allowlist: allowlist)
            }
            guard !unexplained.isEmpty else { continue }
            out.append(FindingCatalog.unexplainedService.make(
                assets: [a.id],
                message: "\(a.id) (\(categories[i].rawValue)) listens on \(unexplained.map(\.text).joined(separator: ", ")), which no allow rule of the loaded exports and no allowlist entry names for it: the rules do not explain who uses \(unexplained.count == 1 ? "this service" : "these services"), so a path the exports do not show may exist.",
                evidence: unexplained.map { portEvidence($0, addresses) } + [row], primaryLocation: hosts[0].location))
        }
        return out
    }

    static func portEvidence(_ p: OpenPort, _ addresses: [IPAddress]) -> Evidence {
        Evidence(kind: .scan, text: "Open \(p.text) on \(addresses.map(\.description).joined(separator: " "))",
                 location: p.location)
    }

    /// Whether an enabled allow rule of some enforcement point has one of the addresses in its
    /// destination and the port in its services, or the scope file's allowlist names the port
    /// for the asset (or for any asset). Zones and sources are not asked: any permitted use
    /// explains the listener (docs/DECISIONS.md 137).
    static func explained(
        _ p: OpenPort, asset: Asset, addresses: [IPAddress], enforcementPoints: [EnforcementPoint],
        allowlist: [AllowlistEntry]
    ) -> Bool {
        let key = ServiceSet.key(proto: p.proto, port: p.port)
        if allowlist.contains(where: { ($0.to == nil || $0.to == asset.id) && $0.services.contains(key) }) { return true }
        return enforcementPoints.contains { ep in
            ep.rules.contains { rule in
                rule.action == .allow && !rule.disabled && rule.services.contains(key)
                    && addresses.contains { rule.destination.addresses.contains($0) }
            }
        }
    }
}
