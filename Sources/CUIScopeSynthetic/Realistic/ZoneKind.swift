/// The kinds of zone an enterprise firewall policy separates, with where each kind lives.
///
/// Each kind has its own private block (users in 10.64.0.0/10, plant OT in 172.20.0.0/14, …)
/// and its own parent interface whose VLAN sub-interfaces (`ethernet1/2.110`) carry the zones,
/// as a core firewall with trunked VLANs is usually built.
public enum ZoneKind: String, CaseIterable, Sendable {
    case users, servers, printers, iot, ot, lab, guest, vpn, security, management, dmz, untrust, enclave

    /// Every kind except `untrust` and `enclave`, whose counts are fixed separately.
    static let ordinary: [ZoneKind] = allCases.filter { $0 != .untrust && $0 != .enclave }

    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Share of the ordinary zones.
    var zoneWeight: Int {
        switch self {
        case .users: return 38
        case .servers: return 20
        case .printers: return 6
        case .iot: return 5
        case .ot: return 7
        case .lab: return 5
        case .guest: return 2
        case .vpn: return 3
        case .security: return 4
        case .management: return 3
        case .dmz: return 7
        case .untrust, .enclave: return 0
        }
    }

    /// Share of the inventory, in tenths of a percent.
    var assetWeight: Int {
        switch self {
        case .users: return 615
        case .servers: return 140
        case .printers: return 30
        case .iot: return 40
        case .ot: return 50
        case .lab: return 35
        case .guest: return 5
        case .vpn: return 0
        case .security: return 15
        case .management: return 20
        case .dmz: return 15
        case .untrust: return 5
        case .enclave: return 30
        }
    }

    /// First address of the kind's block and the block's prefix length.
    var block: (base: UInt32, length: Int) {
        switch self {
        case .users: return (IPv4.make(10, 64, 0, 0), 10)
        case .servers: return (IPv4.make(10, 16, 0, 0), 12)
        case .printers: return (IPv4.make(10, 40, 0, 0), 14)
        case .iot: return (IPv4.make(10, 44, 0, 0), 14)
        case .ot: return (IPv4.make(172, 20, 0, 0), 14)
        case .lab: return (IPv4.make(10, 56, 0, 0), 13)
        case .guest: return (IPv4.make(172, 28, 0, 0), 14)
        case .vpn: return (IPv4.make(10, 200, 0, 0), 13)
        case .security: return (IPv4.make(10, 250, 0, 0), 16)
        case .management: return (IPv4.make(10, 254, 0, 0), 16)
        case .dmz: return (IPv4.make(172, 16, 0, 0), 14)
        case .untrust: return (IPv4.make(198, 51, 100, 0), 24)
        case .enclave: return (IPv4.make(10, 160, 0, 0), 12)
        }
    }

    /// Prefix lengths a zone of this kind may have: the largest (smallest number) and the smallest.
    var prefixBounds: (widest: Int, narrowest: Int) {
        switch self {
        case .users: return (21, 24)
        case .servers, .ot, .management, .enclave: return (21, 24)
        case .printers, .iot, .security, .dmz: return (22, 26)
        case .lab: return (22, 25)
        case .guest: return (22, 22)
        case .vpn: return (23, 23)
        case .untrust: return (28, 28)
        }
    }

    /// The parent interface of the kind's VLAN sub-interfaces and the first VLAN tag used.
    var trunk: (interface: String, firstTag: Int) {
        switch self {
        case .users: return ("ethernet1/2", 100)
        case .printers: return ("ethernet1/2", 2000)
        case .iot: return ("ethernet1/2", 2500)
        case .guest: return ("ethernet1/2", 3000)
        case .vpn: return ("ethernet1/2", 3100)
        case .servers: return ("ethernet1/3", 100)
        case .security: return ("ethernet1/3", 2000)
        case .management: return ("ethernet1/3", 2500)
        case .ot: return ("ethernet1/4", 100)
        case .lab: return ("ethernet1/4", 2000)
        case .dmz: return ("ethernet1/5", 100)
        case .enclave: return ("ethernet1/6", 100)
        case .untrust: return ("ethernet1/1", 0)
        }
    }

    /// Words that tell zones of one kind apart in their names.
    var labels: [String] {
        switch self {
        case .users: return ["eng", "fin", "hr", "it", "ops", "sales", "mfg", "qa", "legal", "exec", "supply", "prog"]
        case .servers: return ["app", "db", "web", "file", "erp", "mes", "plm", "dev", "infra", "backup", "mail", "ci"]
        case .printers: return ["bldg1", "bldg2", "bldg3", "plant", "hq"]
        case .iot: return ["bms", "cctv", "badge", "hvac", "av", "voip"]
        case .ot: return ["line1", "line2", "line3", "scada", "hist", "cnc", "paint", "test"]
        case .lab: return ["rf", "sil", "hil", "sw", "metrology"]
        case .guest: return ["wifi", "lobby"]
        case .vpn: return ["gp", "s2s", "vendor"]
        case .security: return ["siem", "edr", "scan", "pki", "ad", "patch", "pam", "backup"]
        case .management: return ["oob", "net", "fw", "ilo", "jump"]
        case .dmz: return ["web", "mail", "ftp", "vpn", "api", "dns"]
        case .untrust: return ["untrust"]
        case .enclave: return ["users", "servers", "vdi", "mgmt", "lab", "storage"]
        }
    }

    /// The zone-name prefix (`usr-eng-vl100`).
    var prefix: String {
        switch self {
        case .users: return "usr"
        case .servers: return "srv"
        case .printers: return "prn"
        case .iot: return "iot"
        case .ot: return "ot"
        case .lab: return "lab"
        case .guest: return "guest"
        case .vpn: return "vpn"
        case .security: return "sec"
        case .management: return "mgmt"
        case .dmz: return "dmz"
        case .untrust: return "untrust"
        case .enclave: return "enc"
        }
    }
}

/// IPv4 addresses as integers, and their text.
enum IPv4 {
    static func make(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 { a << 24 | b << 16 | c << 8 | d }

    static func text(_ v: UInt32) -> String { "\(v >> 24).\(v >> 16 & 255).\(v >> 8 & 255).\(v & 255)" }

    static func size(_ length: Int) -> UInt32 { length == 0 ? .max : UInt32(1) << UInt32(32 - length) }
}
