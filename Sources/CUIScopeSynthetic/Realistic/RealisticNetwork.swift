/// A generated enterprise network shaped like a real PAN-OS policy (see ``RealisticSizes``): one
/// core firewall (`fw-core-01`, vsys1) with hundreds of VLAN zones, tens of thousands of named
/// objects, and rules in the order administrators write them. Plain values, written out by the
/// PAN-OS, native and inventory writers; the same seed and sizes give the same network.
public struct RealisticNetwork: Sendable {
    public static let hostname = "fw-core-01"
    /// The enforcement point name cuiscope gives the firewall's vsys, used by the native file too.
    public static let enforcementPoint = "fw-core-01/vsys1"

    var zones: [RealisticZone] = []
    var assets: [RealisticAsset] = []
    var addresses: [RealisticAddress] = []
    var groups: [RealisticGroup] = []
    var services: [RealisticService] = []
    var serviceGroups: [RealisticServiceGroup] = []
    var rules: [RealisticRule] = []

    /// Generates the network for these sizes.
    public static func make(_ sizes: RealisticSizes, seed: UInt64) -> RealisticNetwork {
        var rng = SplitMix64(seed: seed ^ 0x5EA1_1571_C000_0000)
        var net = RealisticNetwork()
        net.zones = RealisticZones.make(sizes, rng: &rng)
        net.assets = RealisticInventory.make(zones: net.zones, sizes: sizes, rng: &rng)
        var objects = RealisticObjects(network: net, sizes: sizes)
        objects.build(rng: &rng)
        net.addresses = objects.addresses
        net.groups = objects.groups
        let services = RealisticServices.make(sizes, rng: &rng)
        net.services = services.services
        net.serviceGroups = services.groups
        var policy = RealisticPolicy(
            network: net, catalog: objects.catalog, serviceCatalog: services.catalog,
            sizes: sizes)
        net.rules = policy.build(rng: &rng)
        return net
    }

    /// Counts for reports and tests: zones, assets, objects, groups, services, service groups,
    /// rules, deny rules, disabled rules.
    public var summary: [(String, Int)] {
        [
            ("zones", zones.count), ("assets", assets.count), ("address objects", addresses.count),
            ("address groups", groups.count), ("services", services.count),
            ("service groups", serviceGroups.count), ("rules", rules.count),
            ("deny rules", rules.filter { $0.action != "allow" }.count),
            ("disabled rules", rules.filter(\.disabled).count),
        ]
    }
}

/// One zone: one aligned subnet on one VLAN sub-interface.
struct RealisticZone: Sendable {
    var name: String
    var kind: ZoneKind
    /// The label the name carries (department, server role, plant line).
    var label: String
    var interface: String
    var tag: Int
    var network: UInt32
    var length: Int
    var assetCount: Int

    var size: UInt32 { IPv4.size(length) }
    var cidr: String { "\(IPv4.text(network))/\(length)" }
    /// The firewall's address on the sub-interface: first usable host, with the zone's prefix.
    var interfaceAddress: String { "\(IPv4.text(network + 1))/\(length)" }
    /// The `n`-th host address handed to assets (from .10 up, leaving room for gateways).
    func host(_ n: Int) -> UInt32 { network + 10 + UInt32(n) }
    var isEnclave: Bool { kind == .enclave }
}

/// One inventory row.
struct RealisticAsset: Sendable {
    var id: String
    var name: String
    /// Address texts as the CSV lists them; the first is the primary IPv4 address.
    var addresses: [String]
    var primary: UInt32
    var kind: String
    var cui: String
    var functions: String
    var declared: String
    var provider = ""
    var vdi = ""
    var publicFacing = false
    /// Zone index; the CSV leaves the zone empty for some rows (`zoneWritten`).
    var zone: Int
    var zoneWritten: Bool
}

/// An address object: `ip-netmask` (host with or without /32, or subnet), `ip-range` or `fqdn`.
struct RealisticAddress: Sendable {
    enum Value: Sendable {
        case netmask(String)
        case range(String)
        case fqdn(String)
    }
    var name: String
    var value: Value
    /// The IPv4 interval it covers (empty for an FQDN: `low > high`).
    var low: UInt32
    var high: UInt32
    var description: String?
}

/// A static address group; members are object or group names, possibly listed twice.
struct RealisticGroup: Sendable {
    var name: String
    var members: [String]
    var description: String?
}

/// A service object: one protocol and a port list (`443`, `8000-8100`, `80,8080`).
struct RealisticService: Sendable {
    var name: String
    var proto: String
    var ports: String
}

struct RealisticServiceGroup: Sendable {
    var name: String
    var members: [String]
}

/// A security rule as PAN-OS writes it: member lists of names, `any`, literals.
struct RealisticRule: Sendable {
    var name: String
    var uuid: String
    var from: [String]
    var to: [String]
    var source: [String]
    var destination: [String]
    var negateSource = false
    var negateDestination = false
    var applications: [String] = ["any"]
    /// `any`, `application-default`, service and service-group names, `service-http(s)`.
    var services: [String] = ["any"]
    /// allow, deny, drop, reset-client, reset-server or reset-both.
    var action: String
    var disabled = false
    /// Written only when set (exports before PAN-OS 6.1 had no rule-type; many omit universal).
    var ruleType: String?
    var description: String?
    var tag: String
}
