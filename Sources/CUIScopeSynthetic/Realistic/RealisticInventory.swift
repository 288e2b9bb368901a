/// The inventory of a realistic network: every asset in its zone's subnet (cloud services in the
/// cloud ranges), with the kinds, CUI handling, security functions and declared categories a
/// contractor's CMDB export carries. About 10 % of rows leave the zone empty, ~4 % of assets have
/// a second IPv4 address and ~3 % an IPv6 address.
enum RealisticInventory {
    static func make(zones: [RealisticZone], sizes: RealisticSizes, rng: inout SplitMix64) -> [RealisticAsset] {
        var assets: [RealisticAsset] = []
        assets.reserveCapacity(sizes.assets)
        for (z, zone) in zones.enumerated() {
            var slot = 0
            var extra = 0
            for _ in 0..<zone.assetCount {
                let n = assets.count
                var asset = describe(zone, number: n, rng: &rng)
                asset.zone = z
                asset.zoneWritten = Int.random(in: 0..<100, using: &rng) >= 10
                let primary = zone.kind == .untrust ? RealisticInternet.cloudHost(n) : zone.host(slot)
                slot += 1
                asset.primary = primary
                asset.addresses = [IPv4.text(primary)]
                let roll = Int.random(in: 0..<100, using: &rng)
                if roll < 4 && zone.kind != .untrust && extra <= zone.assetCount / 20 {
                    // A second NIC; zones are sized for one in twenty (RealisticZones.length).
                    asset.addresses.append(IPv4.text(zone.host(slot)))
                    slot += 1
                    extra += 1
                } else if roll < 7 {
                    asset.addresses.append("2001:db8:\(hex(z + 1))::\(hex(slot))")
                }
                assets.append(asset)
            }
        }
        return assets
    }

    static func hex(_ v: Int) -> String { String(v, radix: 16) }

    /// Zero-padded decimal.
    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Kind, name, CUI handling, functions and declared category of the `number`-th asset.
    private static func describe(_ zone: RealisticZone, number n: Int, rng: inout SplitMix64) -> RealisticAsset {
        let roll = Int.random(in: 0..<100, using: &rng)
        var a = RealisticAsset(
            id: "AT-\(pad(n + 1, 6))", name: "", addresses: [], primary: 0, kind: "endpoint",
            cui: "no", functions: "", declared: "", zone: 0, zoneWritten: true)
        let tag = "\(zone.label)-\(pad(n + 1, 6))"
        switch zone.kind {
        case .users:
            a.kind =
                roll < 92
                ? "endpoint" : roll < 95 ? "vdi-client" : roll < 97 ? "printer" : roll < 98 ? "iot" : "network"
            if a.kind == "vdi-client" { a.vdi = roll % 2 == 0 ? "kvm-only" : "redirection" }
            a.name = a.kind == "endpoint" ? "ws-\(tag)" : "\(a.kind)-\(tag)"
        case .servers:
            a.kind = roll < 97 ? "server" : "network"
            a.name = "srv-\(tag)"
        case .printers: (a.kind, a.name) = ("printer", "prn-\(tag)")
        case .iot: (a.kind, a.name) = (roll < 90 ? "iot" : "network", "iot-\(tag)")
        case .ot:
            a.kind = roll < 70 ? "ot" : roll < 80 ? "iiot" : roll < 90 ? "server" : "endpoint"
            a.name = "ot-\(tag)"
            if roll < 30 { a.declared = "specialized" }
        case .lab:
            a.kind = roll < 40 ? "test-equipment" : roll < 80 ? "endpoint" : "server"
            a.name = "lab-\(tag)"
        case .guest: (a.kind, a.name) = ("endpoint", "kiosk-\(tag)")
        case .vpn: (a.kind, a.name) = ("network", "vpn-\(tag)")
        case .security:
            (a.kind, a.name) = ("security-tool", "sec-\(tag)")
            a.functions = securityFunctions(zone.label)
            if roll < 50 { a.declared = "security-protection" }
        case .management:
            a.kind = roll < 60 ? "network" : roll < 65 ? "firewall" : "server"
            a.name = "mgmt-\(tag)"
            if a.kind == "server" { a.functions = roll % 2 == 0 ? "config-mgmt" : "jump-host" }
        case .dmz: (a.kind, a.name, a.publicFacing) = ("server", "dmz-\(tag)", true)
        case .untrust:
            (a.kind, a.name) = ("cloud-service", "cloud-\(pad(n + 1, 6))")
            a.provider = ["AWS GovCloud", "Azure Government", "Microsoft 365 GCC High"][roll % 3]
            if roll < 40 { a.cui = "store;transmit" }
        case .enclave:
            describeEnclave(zone.label, roll: roll, tag: tag, into: &a)
        }
        return a
    }

    private static func describeEnclave(_ label: String, roll: Int, tag: String, into a: inout RealisticAsset) {
        a.name = "enc-\(tag)"
        switch label {
        case "users": (a.kind, a.cui) = ("endpoint", "process;store;transmit")
        case "servers", "vdi": (a.kind, a.cui) = ("server", "process;store;transmit")
        case "storage": (a.kind, a.cui) = ("server", "store")
        case "lab": (a.kind, a.cui) = ("test-equipment", "process")
        default:
            (a.kind, a.functions) = ("security-tool", roll % 2 == 0 ? "siem;log-collector" : "jump-host")
            return
        }
        if roll < 50 { a.declared = "cui" }
    }

    private static func securityFunctions(_ label: String) -> String {
        switch label {
        case "siem": return "siem;log-collector"
        case "edr": return "edr;antivirus"
        case "scan": return "vuln-scanner"
        case "pki": return "idp"
        case "ad": return "directory;idp;mfa"
        case "patch": return "patch;config-mgmt"
        case "pam": return "pam;jump-host"
        default: return "backup"
        }
    }
}
