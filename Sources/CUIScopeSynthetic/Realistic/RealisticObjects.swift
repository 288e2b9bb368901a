/// Names the policy can use, per zone and per purpose, collected while the objects are made.
struct ObjectCatalog: Sendable {
    var zoneSubnet: [String] = []
    var hosts: [[String]] = []
    var slices: [[String]] = []
    var ranges: [[String]] = []
    var zoneGroups: [[String]] = []
    /// User-zone label (department) → its VLAN group.
    var departmentGroups: [(label: String, name: String)] = []
    var securityGroups: [(label: String, name: String)] = []
    var rfc1918 = "G-RFC1918"
    var cloud = "G-CLOUD-GOV"
    var blocklist = "G-BLOCKLIST-EXT"
    var partners = "G-PARTNERS"
    var enclaveNets = "G-ENCLAVE-NETS"
    var vdiBrokers = "G-VDI-BROKERS"
    var allUsers = "G-ALL-USER-VLANS"
    var cloudObjects: [String] = []
    /// Partner (even) and blocked (odd) host objects, in the order made.
    var external: [String] = []
}

/// Builds the address objects and static groups of a realistic policy: a subnet object per zone,
/// host objects (with and without `/32`) for most servers and infrastructure, `/25`–`/28` slices
/// of VLAN subnets, `ip-range`s, cloud ranges, partner and blocked hosts, a few FQDNs no rule
/// uses; then department, security, enclave and nested per-zone groups (with duplicate members).
struct RealisticObjects {
    let network: RealisticNetwork
    let sizes: RealisticSizes
    var addresses: [RealisticAddress] = []
    var groups: [RealisticGroup] = []
    var catalog = ObjectCatalog()
    var names = UniqueNames()

    init(network: RealisticNetwork, sizes: RealisticSizes) {
        self.network = network
        self.sizes = sizes
        let n = network.zones.count
        catalog.zoneSubnet = Array(repeating: "", count: n)
        catalog.hosts = Array(repeating: [], count: n)
        catalog.slices = Array(repeating: [], count: n)
        catalog.ranges = Array(repeating: [], count: n)
        catalog.zoneGroups = Array(repeating: [], count: n)
    }

    mutating func build(rng: inout SplitMix64) {
        let total = sizes.addressObjects
        let external = max(6, total * 3 / 100)
        addZoneSubnets()
        addRFC1918()
        addCloud(max(6, total / 100))
        addExternal(external, rng: &rng)
        addFQDNs(min(40, max(3, total / 500)))
        addSlices(total * 8 / 100, rng: &rng)
        addRanges(total * 3 / 100, rng: &rng)
        addHosts(max(0, total - addresses.count), rng: &rng)
        var grouping = RealisticGroups(network: network, catalog: catalog, names: names)
        grouping.build(target: sizes.addressGroups, rng: &rng)
        groups = grouping.groups
        catalog = grouping.catalog
    }

    mutating func add(
        _ name: String, _ value: RealisticAddress.Value, _ low: UInt32, _ high: UInt32,
        description: String? = nil
    ) -> String {
        let unique = names.claim(name)
        addresses.append(RealisticAddress(name: unique, value: value, low: low, high: high, description: description))
        return unique
    }

    private mutating func addZoneSubnets() {
        for (z, zone) in network.zones.enumerated() {
            let net = IPv4.text(zone.network)
            let name = add(
                "N-\(net)s\(zone.length)_\(zone.name)", .netmask(zone.cidr), zone.network,
                zone.network + zone.size - 1)
            catalog.zoneSubnet[z] = name
        }
    }

    private mutating func addRFC1918() {
        for (a, len) in [(IPv4.make(10, 0, 0, 0), 8), (IPv4.make(172, 16, 0, 0), 12), (IPv4.make(192, 168, 0, 0), 16)] {
            _ = add("N-\(IPv4.text(a))s\(len)", .netmask("\(IPv4.text(a))/\(len)"), a, a + IPv4.size(len) - 1)
        }
    }

    private mutating func addCloud(_ count: Int) {
        for r in RealisticInternet.cloudRanges(count) {
            let text = "\(IPv4.text(r.low))/\(r.length)"
            catalog.cloudObjects.append(
                add(
                    "N-\(IPv4.text(r.low))s\(r.length)_\(r.label)", .netmask(text), r.low,
                    r.low + IPv4.size(r.length) - 1, description: "cloud range: \(r.label)"))
        }
    }

    /// Partner hosts (even) and blocked hosts (odd), written with `/32` about half the time.
    private mutating func addExternal(_ count: Int, rng: inout SplitMix64) {
        for k in 0..<count {
            let ip = RealisticInternet.publicHost(1_000_000 + k)
            let text = IPv4.text(ip)
            let written = Bool.random(using: &rng) ? "\(text)/32" : text
            let role = k % 2 == 0 ? "partner-\(k / 2 + 1)" : "blocked-\(k / 2 + 1)"
            catalog.external.append(
                add(
                    "H-\(text)_\(role)", .netmask(written), ip, ip,
                    description: k % 2 == 0 ? "supplier & partner access" : "threat intel <high>"))
        }
    }

    private mutating func addFQDNs(_ count: Int) {
        let domains = [
            "updates.vendor-a.example", "portal.supplier-b.example", "license.cad-c.example",
            "telemetry.vendor-d.example", "sso.partner-e.example",
        ]
        for k in 0..<count {
            let host = "h\(k + 1).\(domains[k % domains.count])"
            _ = add("fqdn_\(host)", .fqdn(host), 1, 0)
        }
    }
}

/// Object names as PAN-OS requires them: unique; a repeated name gets `-2`, `-3`, …
struct UniqueNames: Sendable {
    private var used: Set<String> = []

    mutating func claim(_ name: String) -> String {
        if used.insert(name).inserted { return name }
        var k = 2
        while !used.insert("\(name)-\(k)").inserted { k += 1 }
        return "\(name)-\(k)"
    }
}
