/// The fixed sections around the body: global denies, the enclave block, legacy broad rules
/// and the cleanup deny.
extension RealisticPolicy {
    var internalZones: [Int] {
        network.zones.indices.filter { network.zones[$0].kind != .untrust && !network.zones[$0].isEnclave }
    }

    /// Blocklists, inbound management and legacy protocols, guest isolation, IoT without
    /// Internet, quarantined hosts, users kept out of management networks.
    mutating func addGlobalDenies(_ count: Int, rng: inout SplitMix64) {
        let inboundBlocked = ["tcp-445", "tcp-135", "tcp-3389", "tcp-23"]
        let guest = zones(.guest).map(name)
        for k in 0..<count {
            let i: Int
            switch k {
            case 0:
                i = add(
                    "GLB", "blocklist-in", from: ["untrust"], to: ["any"], source: [catalog.blocklist],
                    destination: ["any"], action: "drop", tag: "GLOBAL", rng: &rng)
            case 1:
                i = add(
                    "GLB", "blocklist-out", from: ["any"], to: ["untrust"], source: ["any"],
                    destination: [catalog.blocklist], action: "reset-both", tag: "GLOBAL", rng: &rng)
            case 2:
                i = add(
                    "GLB", "guest-to-internal", from: guest, to: ["any"], source: ["any"],
                    destination: [catalog.rfc1918], action: "drop", tag: "GLOBAL", rng: &rng)
            case 3:
                i = add(
                    "GLB", "inbound-mgmt-ports", from: ["untrust"], to: ["any"], source: ["any"],
                    destination: ["any"], action: "deny", tag: "GLOBAL", rng: &rng)
                rules[i].services = inboundBlocked
            case 4:
                i = add(
                    "GLB", "telnet", from: ["any"], to: ["any"], source: ["any"], destination: ["any"],
                    action: "deny", tag: "GLOBAL", rng: &rng)
                rules[i].services = ["tcp-23"]
            case 5:
                i = add(
                    "GLB", "iot-no-internet", from: zones(.iot).map(name), to: ["untrust"], source: ["any"],
                    destination: ["any"], action: "reset-client", tag: "GLOBAL", rng: &rng)
            default:
                i = addQuarantineOrIsolation(k, rng: &rng)
            }
            if Int.random(in: 0..<100, using: &rng) < 20 { rules[i].description = "security baseline & hygiene" }
        }
    }

    /// Quarantined hosts (any zone, a few host objects) or users kept out of a management zone.
    private mutating func addQuarantineOrIsolation(_ k: Int, rng: inout SplitMix64) -> Int {
        let users = zones(.users)
        if k % 2 == 0 || zones(.management).isEmpty {
            let z = pick(users, &rng)
            let hosts = catalog.hosts[z].isEmpty ? [catalog.zoneSubnet[z]] : sample(catalog.hosts[z], 2, &rng)
            return add(
                "GLB", "quarantine-\(k)", from: [name(z)], to: ["any"], source: hosts, destination: ["any"],
                action: Self.denyAction(&rng), tag: "GLOBAL", rng: &rng)
        }
        let mgmt = pick(zones(.management), &rng)
        let from = sample(users, Int.random(in: 1...6, using: &rng), &rng).map(name)
        return add(
            "GLB", "users-to-\(name(mgmt))", from: from, to: [name(mgmt)], source: ["any"], destination: ["any"],
            action: Self.denyAction(&rng), tag: "GLOBAL", rng: &rng)
    }

    /// Broad rules left from before the segmentation project: several zones to several zones,
    /// any address, any service; and any zone to one server zone.
    mutating func addLegacy(_ count: Int, rng: inout SplitMix64) {
        let pool = internalZones.filter { network.zones[$0].kind != .guest }
        for k in 0..<count {
            let i: Int
            if k % 3 == 2 {
                let z = pick(zones(.servers), &rng)
                i = add(
                    "LEGACY", "any-to-\(name(z))", from: ["any"], to: [name(z)], source: ["any"],
                    destination: ["any"], tag: "LEGACY", rng: &rng)
            } else {
                let from = sample(pool, Int.random(in: 2...6, using: &rng), &rng).map(name)
                let to = sample(pool, Int.random(in: 2...6, using: &rng), &rng).map(name)
                i = add(
                    "LEGACY", "broad-\(k + 1)", from: from, to: to, source: ["any"], destination: ["any"],
                    tag: "LEGACY", rng: &rng)
            }
            rules[i].description = "legacy any-any; review before removal"
        }
    }

    /// The final explicit deny. Interzone, as best practice writes it, so that traffic inside a
    /// zone still reaches `intrazone-default`.
    mutating func addCleanup() {
        var rng = SplitMix64(seed: UInt64(rules.count))
        let i = add(
            "CLEANUP", "deny-all", from: ["any"], to: ["any"], source: ["any"], destination: ["any"],
            action: "deny", tag: "CLEANUP", rng: &rng)
        rules[i].ruleType = "interzone"
    }
}
