/// Per-zone address objects: slices, ranges and hosts.
extension RealisticObjects {
    /// Zones objects are made in: every zone except `untrust`.
    var internalZones: [Int] { network.zones.indices.filter { network.zones[$0].kind != .untrust } }

    /// `/25`–`/28` slices of VLAN subnets (DHCP scopes, static blocks, voice, clusters).
    mutating func addSlices(_ count: Int, rng: inout SplitMix64) {
        let zones = internalZones.filter { network.zones[$0].length <= 26 }
        guard !zones.isEmpty else { return }
        let purposes = ["dhcp", "static", "voice", "cad", "kiosk", "cluster", "build", "vip"]
        for k in 0..<count {
            let z = zones[Int.random(in: 0..<zones.count, using: &rng)]
            let zone = network.zones[z]
            let length = Int.random(in: max(25, zone.length + 1)...28, using: &rng)
            let size = IPv4.size(length)
            let low = zone.network + UInt32(Int.random(in: 0..<Int(zone.size / size), using: &rng)) * size
            let purpose = purposes[k % purposes.count]
            let name = add(
                "N-\(IPv4.text(low))s\(length)_\(zone.name)-\(purpose)", .netmask("\(IPv4.text(low))/\(length)"),
                low, low + size - 1)
            catalog.slices[z].append(name)
        }
    }

    /// `ip-range`s inside VLAN subnets (scanner pools, DHCP reservations).
    mutating func addRanges(_ count: Int, rng: inout SplitMix64) {
        let zones = internalZones
        for _ in 0..<count {
            let z = zones[Int.random(in: 0..<zones.count, using: &rng)]
            let zone = network.zones[z]
            let span = Int(zone.size) - 24
            let first = zone.network + 10 + UInt32(Int.random(in: 0..<max(1, span / 2), using: &rng))
            let last = min(first + UInt32(Int.random(in: 4...60, using: &rng)), zone.network + zone.size - 2)
            let text = "\(IPv4.text(first))-\(IPv4.text(last))"
            let name = add("R-\(text)_\(zone.name)", .range(text), first, last)
            catalog.ranges[z].append(name)
        }
    }

    /// Host objects for servers, infrastructure, printers, OT and enclave assets (then for
    /// endpoints if those run out), plus ~2 % stale objects for addresses no asset holds any more.
    mutating func addHosts(_ count: Int, rng: inout SplitMix64) {
        let stale = count / 50
        var candidates: [Int] = []
        var rest: [Int] = []
        for (i, a) in network.assets.enumerated() where network.zones[a.zone].kind != .untrust {
            if a.kind == "endpoint" || a.kind == "vdi-client" { rest.append(i) } else { candidates.append(i) }
        }
        candidates.shuffle(using: &rng)
        rest.shuffle(using: &rng)
        var chosen = Array((candidates + rest).prefix(count - stale))
        chosen.sort()
        for i in chosen {
            let a = network.assets[i]
            let text = IPv4.text(a.primary)
            let written = Int.random(in: 0..<100, using: &rng) < 45 ? "\(text)/32" : text
            catalog.hosts[a.zone].append(add("H-\(text)_\(a.name)", .netmask(written), a.primary, a.primary))
        }
        let zones = internalZones
        for k in 0..<stale where !zones.isEmpty {
            let z = zones[(k * 7) % zones.count]
            let zone = network.zones[z]
            let ip = zone.network + zone.size - 2 - UInt32(k / zones.count % 6)
            let name = add(
                "H-\(IPv4.text(ip))_decom-\(k + 1)", .netmask(IPv4.text(ip)), ip, ip,
                description: "decommissioned; still referenced")
            catalog.hosts[z].append(name)
        }
    }
}
