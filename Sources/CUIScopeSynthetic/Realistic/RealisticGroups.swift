/// Static address groups: the shared ones (RFC 1918, cloud, partners, blocklist), one per
/// department of user VLANs, one per security function, enclave groups, then nested per-zone
/// groups until the target count: `G-<zone>-<role>-<n>` of a few host objects, and
/// `G-<zone>-ALL` holding those groups plus, as real policies do, some of their hosts again.
struct RealisticGroups {
    let network: RealisticNetwork
    var catalog: ObjectCatalog
    var names: UniqueNames
    var groups: [RealisticGroup] = []

    init(network: RealisticNetwork, catalog: ObjectCatalog, names: UniqueNames) {
        self.network = network
        self.catalog = catalog
        self.names = names
    }

    private mutating func add(_ name: String, _ members: [String], description: String? = nil) -> String {
        let unique = names.claim(name)
        groups.append(RealisticGroup(name: unique, members: members, description: description))
        return unique
    }

    mutating func build(target: Int, rng: inout SplitMix64) {
        addShared()
        addDepartments()
        addSecurityAndEnclave()
        addZoneGroups(max(0, target - groups.count), rng: &rng)
    }

    private mutating func addShared() {
        catalog.rfc1918 = add(
            "G-RFC1918", ["N-10.0.0.0s8", "N-172.16.0.0s12", "N-192.168.0.0s16"],
            description: "all private address space")
        catalog.cloud = add("G-CLOUD-GOV", catalog.cloudObjects)
        let external = catalog.external
        catalog.partners = add("G-PARTNERS", external.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        catalog.blocklist = add("G-BLOCKLIST-EXT", external.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
    }

    private mutating func addDepartments() {
        var labels: [String] = []
        for zone in network.zones where zone.kind == .users && !labels.contains(zone.label) {
            labels.append(zone.label)
        }
        var departmentNames: [String] = []
        for label in labels {
            let members = network.zones.indices.filter {
                network.zones[$0].kind == .users && network.zones[$0].label == label
            }.map { catalog.zoneSubnet[$0] }
            let name = add("G-DEPT-\(label.uppercased())-VLANS", members, description: "\(label) department VLANs")
            catalog.departmentGroups.append((label, name))
            departmentNames.append(name)
        }
        catalog.allUsers = add("G-ALL-USER-VLANS", departmentNames)
    }

    private mutating func addSecurityAndEnclave() {
        var labels: [String] = []
        for zone in network.zones where zone.kind == .security && !labels.contains(zone.label) {
            labels.append(zone.label)
        }
        for label in labels {
            var members: [String] = []
            for z in network.zones.indices where network.zones[z].kind == .security && network.zones[z].label == label {
                members += catalog.hosts[z].prefix(6)
                if catalog.hosts[z].isEmpty { members.append(catalog.zoneSubnet[z]) }
            }
            catalog.securityGroups.append((label, add("G-SEC-\(label.uppercased())", members)))
        }
        let enclave = network.zones.indices.filter { network.zones[$0].isEnclave }
        catalog.enclaveNets = add(
            "G-ENCLAVE-NETS", enclave.map { catalog.zoneSubnet[$0] },
            description: "CUI enclave")
        let vdi = enclave.filter { network.zones[$0].label == "vdi" || network.zones[$0].label == "servers" }
        var brokers = vdi.flatMap { catalog.hosts[$0].prefix(4) }
        if brokers.isEmpty { brokers = vdi.map { catalog.zoneSubnet[$0] } }
        catalog.vdiBrokers = add("G-VDI-BROKERS", brokers.isEmpty ? [catalog.enclaveNets] : brokers)
    }

    /// Per-zone subgroups round-robin over zones with at least two host objects; a quarter of the
    /// groups are `-ALL` groups nesting a zone's subgroups.
    private mutating func addZoneGroups(_ count: Int, rng: inout SplitMix64) {
        let zones = network.zones.indices.filter { catalog.hosts[$0].count >= 2 }
        guard !zones.isEmpty else { return }
        // Even a small policy has a few nested groups.
        let count = max(count, 4)
        let allCount = min(zones.count, max(1, count / 4))
        let roles = ["web", "app", "db", "batch", "api", "mgmt", "cluster", "legacy"]
        var subgroups = Array(repeating: [String](), count: network.zones.count)
        var nestedHost = Array(repeating: "", count: network.zones.count)
        for k in 0..<(count - allCount) {
            let z = zones[k % zones.count]
            let hosts = catalog.hosts[z]
            let size = min(hosts.count, Int.random(in: 2...8, using: &rng))
            let start = Int.random(in: 0...(hosts.count - size), using: &rng)
            let role = roles[(k / zones.count) % roles.count]
            let name = add(
                "G-\(network.zones[z].name)-\(role)-\(k / zones.count + 1)", Array(hosts[start..<start + size]))
            subgroups[z].append(name)
            if nestedHost[z].isEmpty { nestedHost[z] = hosts[start] }
            catalog.zoneGroups[z].append(name)
        }
        for z in zones.prefix(allCount) {
            var members = subgroups[z]
            // Duplicates: a host already in a subgroup, listed again, and in some groups twice.
            members.append(nestedHost[z])
            if z == zones[0] || members.count % 3 == 0 { members.append(nestedHost[z]) }
            catalog.zoneGroups[z].append(add("G-\(network.zones[z].name)-ALL", members))
        }
    }
}
