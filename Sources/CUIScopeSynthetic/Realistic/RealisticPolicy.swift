/// Writes the security rules of a realistic policy in the order administrators keep them:
/// global denies, the enclave block, the enterprise body, legacy broad rules, the cleanup deny.
///
/// Across the policy about 11 % of rules deny (deny, drop, reset-*), including deny-before-allow
/// exceptions; about 8 % are shadowed or conflicting copies of earlier rules; about 3 % are
/// disabled; a few name literal addresses instead of objects.
struct RealisticPolicy {
    let network: RealisticNetwork
    let catalog: ObjectCatalog
    let serviceCatalog: ServiceCatalog
    let sizes: RealisticSizes
    var rules: [RealisticRule] = []
    /// Zone indices per kind, in zone order.
    let byKind: [ZoneKind: [Int]]

    init(network: RealisticNetwork, catalog: ObjectCatalog, serviceCatalog: ServiceCatalog, sizes: RealisticSizes) {
        self.network = network
        self.catalog = catalog
        self.serviceCatalog = serviceCatalog
        self.sizes = sizes
        var byKind: [ZoneKind: [Int]] = [:]
        for (i, z) in network.zones.enumerated() { byKind[z.kind, default: []].append(i) }
        self.byKind = byKind
    }

    mutating func build(rng: inout SplitMix64) -> [RealisticRule] {
        let total = sizes.rules
        let global = max(6, total * 15 / 1000)
        let enclave = max(14, total * 15 / 1000)
        let legacy = max(2, total / 100)
        addGlobalDenies(global, rng: &rng)
        addEnclaveBlock(enclave, rng: &rng)
        addBody(max(0, total - rules.count - legacy - 1), rng: &rng)
        addLegacy(max(0, total - rules.count - 1), rng: &rng)
        addCleanup()
        for i in rules.indices where rules[i].ruleType == nil && Int.random(in: 0..<100, using: &rng) < 30 {
            rules[i].ruleType = "universal"
        }
        return rules
    }

    // MARK: Rules

    /// Appends a rule with a fresh name and uuid.
    @discardableResult
    mutating func add(
        _ prefix: String, _ label: String, from: [String], to: [String], source: [String],
        destination: [String], action: String = "allow", tag: String,
        rng: inout SplitMix64
    ) -> Int {
        let n = rules.count + 1
        rules.append(
            RealisticRule(
                name: "\(prefix)-\(RealisticInventory.pad(n, 5))-\(label)", uuid: Self.uuid(&rng), from: from, to: to,
                source: source, destination: destination, action: action, tag: tag))
        return rules.count - 1
    }

    static func uuid(_ rng: inout SplitMix64) -> String {
        let a = rng.next()
        let b = rng.next()
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: max(0, digits - s.count)) + s
        }
        return "\(hex(a >> 32, 8))-\(hex(a >> 16 & 0xFFFF, 4))-4\(hex(a & 0xFFF, 3))-"
            + "\(hex(8 | (b >> 62), 1))\(hex(b >> 48 & 0xFFF, 3))-\(hex(b & 0xFFFF_FFFF_FFFF, 12))"
    }

    /// A deny action as policies mix them: mostly deny, then drop, then the resets.
    static func denyAction(_ rng: inout SplitMix64) -> String {
        let r = Int.random(in: 0..<100, using: &rng)
        return r < 50 ? "deny" : r < 75 ? "drop" : r < 85 ? "reset-both" : r < 93 ? "reset-client" : "reset-server"
    }

    // MARK: Zones and members

    func zones(_ kind: ZoneKind) -> [Int] { byKind[kind] ?? [] }
    func name(_ z: Int) -> String { network.zones[z].name }

    func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }

    /// `count` distinct items (fewer if there are fewer), in their original order.
    func sample<T>(_ items: [T], _ count: Int, _ rng: inout SplitMix64) -> [T] {
        guard count < items.count else { return items }
        var chosen = Set<Int>()
        while chosen.count < count { chosen.insert(Int.random(in: 0..<items.count, using: &rng)) }
        return chosen.sorted().map { items[$0] }
    }

    /// Address members for one zone, as administrators mix them: host objects, the zone's groups,
    /// its subnet object, slices, ranges, now and then a literal address, sometimes `any`.
    func members(_ z: Int, anyAllowed: Bool, _ rng: inout SplitMix64) -> [String] {
        let zone = network.zones[z]
        let roll = Int.random(in: 0..<100, using: &rng)
        if roll < 35, !catalog.hosts[z].isEmpty {
            return sample(catalog.hosts[z], Int.random(in: 1...4, using: &rng), &rng)
        }
        if roll < 50, !catalog.zoneGroups[z].isEmpty { return [pick(catalog.zoneGroups[z], &rng)] }
        if roll < 72 { return [catalog.zoneSubnet[z]] }
        if roll < 82, !catalog.slices[z].isEmpty { return sample(catalog.slices[z], 2, &rng) }
        if roll < 87, !catalog.ranges[z].isEmpty { return [pick(catalog.ranges[z], &rng)] }
        if roll < 88, Int.random(in: 0..<4, using: &rng) == 0 {
            // A literal: a host of the zone, or the zone's CIDR.
            return Bool.random(using: &rng)
                ? [IPv4.text(zone.host(Int.random(in: 0..<max(1, zone.assetCount), using: &rng)))]
                : [zone.cidr]
        }
        return anyAllowed ? ["any"] : [catalog.zoneSubnet[z]]
    }

    /// Members for several zones: one member list per zone, concatenated.
    func members(_ zs: [Int], anyAllowed: Bool, _ rng: inout SplitMix64) -> [String] {
        var out: [String] = []
        for z in zs {
            let m = members(z, anyAllowed: anyAllowed, &rng)
            if m == ["any"] { return ["any"] }
            out += m.filter { !out.contains($0) }
        }
        return out
    }

    /// Services for a purpose: application-default with its App-IDs, service objects, a group,
    /// application services or (rarely) any.
    func services(_ purpose: String, _ rng: inout SplitMix64) -> (apps: [String], services: [String]) {
        let roll = Int.random(in: 0..<100, using: &rng)
        let named = serviceCatalog.named(purpose)
        if roll < 30, let apps = RealisticApplications.byPurpose[purpose] {
            return (sample(apps, Int.random(in: 1...2, using: &rng), &rng), ["application-default"])
        }
        if roll < 62, !named.isEmpty { return (["any"], sample(named, Int.random(in: 1...3, using: &rng), &rng)) }
        if roll < 80 {
            let group = RealisticServices.functional.first { $0.1.contains(purpose) }?.0
            let appGroup = serviceCatalog.appGroups.isEmpty ? "SG-WEB" : pick(serviceCatalog.appGroups, &rng)
            return (["any"], [group ?? appGroup])
        }
        if roll < 96 {
            let apps = serviceCatalog.named("app")
            return (["any"], sample(apps, Int.random(in: 1...2, using: &rng), &rng))
        }
        return (roll % 2 == 0 ? ["ssl"] : ["any"], ["any"])
    }

    /// The service purpose of a server zone, from its label.
    static func purpose(ofServerLabel label: String) -> String {
        switch label {
        case "web", "ci": return "web"
        case "db": return "db"
        case "file", "backup": return "file"
        case "infra": return "ad"
        case "mail": return "mail"
        case "erp", "plm", "mes": return "db"
        default: return "app"
        }
    }
}
