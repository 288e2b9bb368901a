import Foundation

/// One alias: legacy `aliases/alias` (space-separated `address`) or OPNsense MVC
/// `OPNsense/Firewall/Alias/aliases/alias[@uuid]` (newline-separated `content`).
struct PFAlias {
    let name: String
    let type: String
    let entries: [String]
    let enabled: Bool
    let uuid: String?
    let location: SourceLocation

    /// Types whose contents are addresses written in the config.
    static let addressTypes: Set<String> = ["host", "network", "networkgroup"]
    /// Types whose contents are ports written in the config.
    static let portTypes: Set<String> = ["port"]
    /// Types filled at run time (downloads, GeoIP, DNS, users, MACs, ASNs): unresolved offline.
    static let runTimeTypes: Set<String> = [
        "url", "urltable", "url_ports", "urltable_ports", "geoip", "mac", "asn", "dynipv6host", "authgroup",
        "external", "internal",
    ]

    var isPortAlias: Bool { Self.portTypes.contains(type) || type == "url_ports" || type == "urltable_ports" }
}

/// The alias table and the resolution of alias names to address sets and port lists, nested
/// to any depth with cycle detection.
struct PFAliases {
    private(set) var byName: [String: PFAlias] = [:]
    /// Count of alias elements in the file (legacy + MVC).
    private(set) var count = 0

    static func parse(_ root: XMLElement, _ ctx: inout PFSenseContext) -> PFAliases {
        var out = PFAliases()
        for el in root.all("aliases/alias") {
            out.add(el, entriesElement: "address", uuid: nil, enabled: true, &ctx)
        }
        for el in root.all("OPNsense/Firewall/Alias/aliases/alias") {
            let enabled = el.child("enabled").map { $0.text != "0" } ?? true
            out.add(el, entriesElement: "content", uuid: el.attribute("uuid"), enabled: enabled, &ctx)
        }
        return out
    }

    private mutating func add(
        _ el: XMLElement, entriesElement: String, uuid: String?, enabled: Bool, _ ctx: inout PFSenseContext
    ) {
        count += 1
        guard let name = el.nonEmpty("name") else {
            ctx.problem(el.location, "<alias> has no <name>")
            return
        }
        let type = (el.text(of: "type") ?? "").lowercased()
        if !(PFAlias.addressTypes.contains(type) || PFAlias.portTypes.contains(type)
            || PFAlias.runTimeTypes.contains(type))
        {
            ctx.problem(el.child("type")?.location ?? el.location,
                        "alias '\(name)': <type> is not a known alias type (host, network, port, url, urltable, …)")
            return
        }
        if let previous = byName[name] {
            ctx.problem(el.location, "alias '\(name)' is defined twice (first at line \(previous.location.line))")
            return
        }
        let entries = (el.text(of: entriesElement) ?? "").split(whereSeparator: { $0.isWhitespace }).map(String.init)
        byName[name] = PFAlias(name: name, type: type, entries: entries, enabled: enabled, uuid: uuid,
                               location: el.location)
    }

    func alias(_ name: String) -> PFAlias? { byName[name] }

    /// Resolves an address alias (nested aliases included). Problems (cycles, undefined
    /// members, a port alias used as an address) are reported at the alias's location.
    func addresses(of name: String, _ ctx: inout PFSenseContext, _ interfaces: PFInterfaces) -> PFAddresses {
        var stack: [String] = []
        return addresses(of: name, &stack, &ctx, interfaces)
    }

    private func addresses(
        of name: String, _ stack: inout [String], _ ctx: inout PFSenseContext, _ interfaces: PFInterfaces
    ) -> PFAddresses {
        guard let alias = byName[name] else { return PFAddresses() }
        if stack.contains(name) {
            ctx.problem(alias.location, "alias '\(name)' contains itself through "
                + (stack.drop { $0 != name } + [name]).map { "'\($0)'" }.joined(separator: " → "))
            return PFAddresses()
        }
        if !alias.enabled { return PFAddresses() }
        if PFAlias.runTimeTypes.contains(alias.type) {
            return PFAddresses(unresolved: [("\(name) (\(alias.type) alias: contents known only at run time)", .both)])
        }
        if alias.isPortAlias {
            ctx.problem(alias.location, "alias '\(name)' is a port alias but is used as an address")
            return PFAddresses()
        }
        stack.append(name)
        defer { stack.removeLast() }
        var out = PFAddresses()
        for entry in alias.entries {
            if let set = AddressSet.parse(entry), entry.lowercased() != "any" {
                out.set = out.set.union(set)
            } else if byName[entry] != nil {
                out.formUnion(addresses(of: entry, &stack, &ctx, interfaces))
            } else if alias.type == "networkgroup", let n = interfaces.network(named: entry) {
                out.formUnion(n)
            } else if Self.looksLikeHostname(entry), alias.type != "networkgroup" {
                out.unresolved.append(("\(entry) (hostname in alias \(name), resolved by DNS at run time)", .both))
            } else {
                ctx.problem(alias.location, "alias '\(name)': an entry is neither an address, a network, a range, "
                    + "a hostname nor a defined alias")
            }
        }
        return out
    }

    /// Resolves a port alias to port ranges; run-time port lists come back as `unresolved`.
    func ports(of name: String, _ ctx: inout PFSenseContext) -> (ranges: [ClosedRange<UInt16>], unresolved: [String]) {
        var stack: [String] = []
        return ports(of: name, &stack, &ctx)
    }

    private func ports(of name: String, _ stack: inout [String], _ ctx: inout PFSenseContext)
        -> (ranges: [ClosedRange<UInt16>], unresolved: [String])
    {
        guard let alias = byName[name] else { return ([], []) }
        if stack.contains(name) {
            ctx.problem(alias.location, "port alias '\(name)' contains itself")
            return ([], [])
        }
        if !alias.enabled { return ([], []) }
        if alias.type == "url_ports" || alias.type == "urltable_ports" {
            return ([], ["\(name) (\(alias.type) alias: ports known only at run time)"])
        }
        guard alias.type == "port" else {
            ctx.problem(alias.location, "alias '\(name)' is a \(alias.type) alias but is used as a port")
            return ([], [])
        }
        stack.append(name)
        defer { stack.removeLast() }
        var ranges: [ClosedRange<UInt16>] = []
        var unresolved: [String] = []
        for entry in alias.entries {
            if let r = PFPorts.range(entry) {
                ranges.append(r)
            } else if byName[entry] != nil {
                let nested = ports(of: entry, &stack, &ctx)
                ranges += nested.ranges
                unresolved += nested.unresolved
            } else {
                ctx.problem(alias.location, "port alias '\(name)': an entry is neither a port, a range nor an alias")
            }
        }
        return (ranges, unresolved)
    }

    /// A DNS name as pfSense accepts in host aliases: labels of letters, digits and hyphens,
    /// at least one dot, not all digits.
    static func looksLikeHostname(_ s: String) -> Bool {
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, s.contains(where: { $0.isLetter }) else { return false }
        return labels.allSatisfy { l in
            !l.isEmpty && l.count <= 63
                && l.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }
    }
}

/// Port syntax of pfSense/OPNsense rules and aliases: `443`, `1000-2000`, `1000:2000`, and a
/// few service names OPNsense accepts.
enum PFPorts {
    private static let wellKnown: [String: UInt16] = [
        "ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "dns": 53, "domain": 53, "http": 80, "kerberos": 88,
        "pop3": 110, "ntp": 123, "imap": 143, "snmp": 161, "ldap": 389, "https": 443, "microsoft-ds": 445,
        "smb": 445, "submission": 587, "ldaps": 636, "imaps": 993, "pop3s": 995, "ms-sql-s": 1433,
        "openvpn": 1194, "mysql": 3306, "ms-wbt-server": 3389, "rdp": 3389,
    ]

    static func range(_ raw: String) -> ClosedRange<UInt16>? {
        let t = raw.trimmedWhitespace.lowercased()
        if let p = wellKnown[t] { return p...p }
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == ":" })
        if parts.count == 1, let p = UInt16(parts[0]) { return p...p }
        if parts.count == 2, let a = UInt16(parts[0]), let b = UInt16(parts[1]) { return min(a, b)...max(a, b) }
        return nil
    }
}
