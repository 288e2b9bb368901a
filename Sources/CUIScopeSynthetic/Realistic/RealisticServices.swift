import Foundation

/// Service objects and service groups of a realistic policy: the well-known services every
/// enterprise defines (named `tcp-445`, `udp-161`, `tcp-49152-65535`), application services with
/// high ports and ranges, functional groups (`SG-AD-DC`, `SG-WEB`, `SG-OT`, …) and per-application
/// groups, some nesting a functional group.
struct RealisticServices {
    var services: [RealisticService] = []
    var groups: [RealisticServiceGroup] = []
    var catalog = ServiceCatalog()

    /// Well-known services: (proto, ports, purpose).
    static let wellKnown: [(String, String, String)] = [
        ("tcp", "22", "mgmt"), ("tcp", "23", "legacy"), ("tcp", "25", "mail"), ("udp", "53", "dns"),
        ("tcp", "53", "dns"), ("tcp", "80", "web"), ("tcp", "443", "web"), ("tcp", "8080", "web"),
        ("tcp", "8443", "web"), ("tcp", "88", "ad"), ("udp", "88", "ad"), ("tcp", "389", "ad"), ("udp", "389", "ad"),
        ("tcp", "636", "ad"), ("tcp", "445", "file"), ("tcp", "135", "ad"), ("tcp", "3268-3269", "ad"),
        ("tcp", "49152-65535", "ad"), ("tcp", "1433", "db"), ("tcp", "1521", "db"), ("tcp", "3306", "db"),
        ("tcp", "5432", "db"), ("tcp", "3389", "mgmt"), ("udp", "161", "mgmt"), ("udp", "162", "mgmt"),
        ("udp", "514", "siem"), ("tcp", "6514", "siem"), ("tcp", "9997", "siem"), ("tcp", "5044", "siem"),
        ("tcp", "9100", "print"), ("tcp", "631", "print"), ("tcp", "515", "print"), ("tcp", "502", "ot"),
        ("tcp", "44818", "ot"), ("udp", "2222", "ot"), ("tcp", "102", "ot"), ("tcp", "4840", "ot"),
        ("tcp", "20000", "ot"), ("tcp", "4172", "vdi"), ("udp", "4172", "vdi"), ("tcp", "8530-8531", "patch"),
        ("tcp", "5985-5986", "mgmt"), ("udp", "123", "ntp"), ("tcp", "21", "file"), ("tcp", "2049", "file"),
        ("tcp", "111", "file"), ("tcp", "5900", "mgmt"), ("udp", "1812-1813", "ad"), ("tcp", "49", "mgmt"),
        ("tcp", "10050-10051", "mgmt"), ("tcp", "9200", "app"), ("tcp", "6379", "app"), ("tcp", "5671-5672", "app"),
        ("tcp", "7001-7002", "app"), ("tcp", "8000-8100", "app"), ("tcp", "80,443", "web"),
    ]

    /// Functional groups: (name, purposes whose well-known services it holds).
    static let functional: [(String, [String])] = [
        ("SG-AD-DC", ["ad", "dns", "ntp"]), ("SG-WEB", ["web"]), ("SG-DB", ["db"]), ("SG-MGMT", ["mgmt"]),
        ("SG-SIEM", ["siem"]), ("SG-PRINT", ["print"]), ("SG-OT", ["ot"]), ("SG-VDI", ["vdi"]),
        ("SG-PATCH", ["patch"]), ("SG-FILE", ["file"]),
    ]

    static func make(_ sizes: RealisticSizes, rng: inout SplitMix64) -> RealisticServices {
        var out = RealisticServices()
        var names = UniqueNames()
        for (proto, ports, purpose) in wellKnown {
            let name = names.claim("\(proto)-\(ports.replacingOccurrences(of: ",", with: "_"))")
            out.services.append(RealisticService(name: name, proto: proto, ports: ports))
            out.catalog.byPurpose[purpose, default: []].append(name)
        }
        var k = 0
        while out.services.count < sizes.services {
            k += 1
            let proto = Int.random(in: 0..<100, using: &rng) < 20 ? "udp" : "tcp"
            let port = Int.random(in: 1024..<49_000, using: &rng)
            let ports =
                Int.random(in: 0..<100, using: &rng) < 15
                ? "\(port)-\(port + Int.random(in: 1...200, using: &rng))" : "\(port)"
            let name = names.claim("svc-app\(k)-\(proto)-\(ports)")
            out.services.append(RealisticService(name: name, proto: proto, ports: ports))
            out.catalog.byPurpose["app", default: []].append(name)
        }
        for (name, purposes) in functional {
            let members = purposes.flatMap { out.catalog.byPurpose[$0] ?? [] }
            out.groups.append(RealisticServiceGroup(name: names.claim(name), members: members))
            out.catalog.functionalGroup[name] = name
        }
        let apps = out.catalog.byPurpose["app"] ?? []
        var g = 0
        while out.groups.count < sizes.serviceGroups {
            g += 1
            var members = (0..<Int.random(in: 2...6, using: &rng)).map { _ in
                apps[Int.random(in: 0..<apps.count, using: &rng)]
            }
            if g % 5 == 0 { members.append("SG-WEB") }
            let name = names.claim("SG-APP-\(g)")
            out.groups.append(RealisticServiceGroup(name: name, members: members))
            out.catalog.appGroups.append(name)
        }
        return out
    }
}

/// Service names the policy draws from.
struct ServiceCatalog: Sendable {
    var byPurpose: [String: [String]] = [:]
    var functionalGroup: [String: String] = [:]
    var appGroups: [String] = []

    func named(_ purpose: String) -> [String] { byPurpose[purpose] ?? [] }
}

/// Standard ports of the App-IDs the generated rules name with `application-default`, as
/// Palo Alto Networks documents them (Applipedia). The native file, which has no App-ID, gets
/// these ports as literal services.
enum RealisticApplications {
    static let defaultPorts: [String: [String]] = [
        "web-browsing": ["tcp/80"], "ssl": ["tcp/443"], "ldap": ["tcp/389", "udp/389"],
        "kerberos": ["tcp/88", "udp/88"], "ms-ds-smb": ["tcp/139", "tcp/445"], "dns": ["tcp/53", "udp/53"],
        "ntp": ["udp/123"], "msrpc-base": ["tcp/135"], "mssql-db": ["tcp/1433"], "mysql": ["tcp/3306"],
        "postgres": ["tcp/5432"], "oracle": ["tcp/1521"], "ssh": ["tcp/22"], "ms-rdp": ["tcp/3389", "udp/3389"],
        "snmp": ["udp/161"], "syslog": ["udp/514"], "splunk": ["tcp/8089", "tcp/9997"],
        "ms-update": ["tcp/80", "tcp/443"], "ms-wsus": ["tcp/8530-8531"], "smtp": ["tcp/25"],
    ]

    /// Applications per purpose, for `application-default` rules.
    static let byPurpose: [String: [String]] = [
        "web": ["web-browsing", "ssl"], "ad": ["ldap", "kerberos", "ms-ds-smb", "dns", "ntp", "msrpc-base"],
        "db": ["mssql-db", "mysql", "postgres", "oracle"], "mgmt": ["ssh", "ms-rdp", "snmp"],
        "siem": ["syslog", "splunk"], "patch": ["ms-update", "ms-wsus"], "mail": ["smtp"], "file": ["ms-ds-smb"],
        "internet": ["web-browsing", "ssl", "dns", "ntp", "ms-update"],
    ]
}
