/// The enterprise body: application access from user VLANs to servers, server to server,
/// management, DMZ publishing, printers and plant OT, VPN, shared security services and the
/// Internet, interleaved with deny-before-allow exceptions and shadowed or conflicting copies.
extension RealisticPolicy {
    /// Kinds of body rule with their weights.
    private static let kinds: [(weight: Int, kind: Int)] = [
        (45, 0), (18, 1), (6, 2), (6, 3), (4, 4), (4, 5), (4, 6), (6, 7), (4, 8), (3, 9),
    ]

    /// Appends one allow rule of body kind `kind` (the index in ``kinds``).
    private mutating func make(_ kind: Int, _ rng: inout SplitMix64) -> Int {
        switch kind {
        case 0: return userToServer(&rng)
        case 1: return serverToServer(&rng)
        case 2: return management(&rng)
        case 3: return dmzPublishing(&rng)
        case 4: return printing(&rng)
        case 5: return plantOT(&rng)
        case 6: return vpnAccess(&rng)
        case 7: return internet(&rng)
        case 8: return sharedServices(&rng)
        default: return otherZones(&rng)
        }
    }

    mutating func addBody(_ count: Int, rng: inout SplitMix64) {
        let end = rules.count + count
        let totalWeight = Self.kinds.reduce(0) { $0 + $1.weight }
        while rules.count < end {
            var roll = Int.random(in: 0..<totalWeight, using: &rng)
            var kind = 0
            for k in Self.kinds {
                if roll < k.weight { kind = k.kind; break }
                roll -= k.weight
            }
            let i = make(kind, &rng)
            if Int.random(in: 0..<1000, using: &rng) < 38 { rules[i].disabled = true }
            if Int.random(in: 0..<100, using: &rng) < 12 { rules[i].description = "CHG-\(10_000 + i) R&D request" }
            if rules.count < end, Int.random(in: 0..<1000, using: &rng) < 112 { addShadow(of: i, rng: &rng) }
            if rules.count < end, Int.random(in: 0..<1000, using: &rng) < 66 { addException(before: i, rng: &rng) }
        }
    }

    /// A deny inserted before an allow rule for part of what it allows: one source host, or one
    /// destination member on one service (deny-before-allow).
    private mutating func addException(before i: Int, rng: inout SplitMix64) {
        var r = rules[i]
        let n = rules.count + 1
        r.name = "EXC-\(RealisticInventory.pad(n, 5))-\(r.name.split(separator: "-").prefix(1).joined())"
        r.uuid = Self.uuid(&rng)
        r.action = Self.denyAction(&rng)
        r.disabled = false
        r.description = "exception to \(rules[i].name)"
        if r.source.count > 1 || r.source == ["any"], r.destination.count > 1 {
            r.destination = [pick(r.destination, &rng)]
        } else if r.source.count > 1 {
            r.source = [pick(r.source, &rng)]
        }
        if r.services.count > 1 { r.services = [pick(r.services, &rng)] }
        rules.insert(r, at: i)
    }

    /// A later copy of rule `i` that can never match first: narrower source (shadowed), or the
    /// same match with the opposite action (conflicting).
    private mutating func addShadow(of i: Int, rng: inout SplitMix64) {
        var r = rules[i]
        let conflicting = Bool.random(using: &rng)
        r.name = "\(conflicting ? "CONFLICT" : "DUP")-\(RealisticInventory.pad(rules.count + 1, 5))"
        r.uuid = Self.uuid(&rng)
        r.disabled = false
        if r.source.count > 1 && !r.negateSource { r.source = [r.source[0]] }
        if conflicting { r.action = Self.denyAction(&rng) }
        r.description = "\(conflicting ? "conflicts with" : "duplicate of") \(rules[i].name)"
        rules.append(r)
    }

    mutating func userToServer(_ rng: inout SplitMix64) -> Int {
        let (label, group) = pick(catalog.departmentGroups, &rng)
        let dept = zones(.users).filter { network.zones[$0].label == label }
        let server = pick(zones(.servers), &rng)
        let roll = Int.random(in: 0..<100, using: &rng)
        let from: [Int]
        let source: [String]
        if roll < 30 {
            (from, source) = (dept, [group])
        } else if roll < 80 {
            from = sample(dept, Int.random(in: 1...2, using: &rng), &rng)
            source = members(from, anyAllowed: false, &rng)
        } else {
            (from, source) = (sample(dept, Int.random(in: 1...3, using: &rng), &rng), ["any"])
        }
        let i = add(
            "U2S", "\(label)-to-\(name(server))", from: from.map(name), to: [name(server)], source: source,
            destination: members(server, anyAllowed: false, &rng), tag: "USERS", rng: &rng)
        (rules[i].applications, rules[i].services) =
            services(Self.purpose(ofServerLabel: network.zones[server].label), &rng)
        return i
    }

    mutating func serverToServer(_ rng: inout SplitMix64) -> Int {
        let servers = zones(.servers)
        let a = pick(servers, &rng)
        let b =
            servers.count > 1 && Int.random(in: 0..<100, using: &rng) < 85
            ? pick(servers.filter { $0 != a }, &rng) : a
        let i = add(
            "S2S", "\(name(a))-to-\(name(b))", from: [name(a)], to: [name(b)],
            source: members(a, anyAllowed: false, &rng), destination: members(b, anyAllowed: true, &rng),
            tag: "SERVERS", rng: &rng)
        (rules[i].applications, rules[i].services) = services(Self.purpose(ofServerLabel: network.zones[b].label), &rng)
        if a == b { rules[i].ruleType = "intrazone" }
        return i
    }

    mutating func management(_ rng: inout SplitMix64) -> Int {
        let mgmt = pick(zones(.management), &rng)
        let targets = sample(internalZones, Int.random(in: 1...5, using: &rng), &rng)
        let i = add(
            "MGMT", "\(name(mgmt))-admin", from: [name(mgmt)], to: targets.map(name),
            source: members(mgmt, anyAllowed: false, &rng),
            destination: Bool.random(using: &rng) ? ["any"] : targets.map { catalog.zoneSubnet[$0] },
            tag: "MGMT", rng: &rng)
        (rules[i].applications, rules[i].services) = services("mgmt", &rng)
        return i
    }

    mutating func dmzPublishing(_ rng: inout SplitMix64) -> Int {
        let dmz = pick(zones(.dmz), &rng)
        if Bool.random(using: &rng) {
            let partners = Int.random(in: 0..<100, using: &rng) < 25
            let i = add(
                "DMZ", "publish-\(name(dmz))", from: ["untrust"], to: [name(dmz)],
                source: partners ? [catalog.partners] : ["any"],
                destination: members(dmz, anyAllowed: false, &rng), tag: "DMZ", rng: &rng)
            (rules[i].applications, rules[i].services) = services("web", &rng)
            return i
        }
        let server = pick(zones(.servers), &rng)
        let i = add(
            "DMZ", "\(name(dmz))-to-\(name(server))", from: [name(dmz)], to: [name(server)],
            source: members(dmz, anyAllowed: false, &rng), destination: members(server, anyAllowed: false, &rng),
            tag: "DMZ", rng: &rng)
        (rules[i].applications, rules[i].services) = services("db", &rng)
        return i
    }
}
