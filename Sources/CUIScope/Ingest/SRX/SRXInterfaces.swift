/// SRX interfaces, security zones and static routes (docs/FORMATS.md, Juniper SRX).
///
/// A zone lists logical interfaces (`ge-0/0/1.0` = interface `ge-0/0/1` unit `0`); each unit's
/// `family inet|inet6 address A/len` gives the zone a subnet, with `A` as the firewall's own
/// address on it. `host-inbound-traffic` (traffic to the device itself) is noted per zone.
enum SRXInterfaces {
    /// Logical interface (`ge-0/0/1.0`) → its subnets.
    static func subnets(_ interfaces: JunosNode?) -> [String: [Subnet]] {
        var map: [String: [Subnet]] = [:]
        for ifd in interfaces?.active ?? [] where ifd.word != "interface-range" {
            for unit in ifd.child("unit")?.active ?? [] {
                let name = "\(ifd.word).\(unit.word)"
                for family in ["inet", "inet6"] {
                    guard let f = unit.child("family")?.child(family), !f.inactive else { continue }
                    for a in f.child("address")?.active ?? [] {
                        guard let set = AddressSet.parse(a.word), a.word.contains("/") else { continue }
                        map[name, default: []].append(Subnet(
                            text: set.summary, addresses: set, location: a.location, origin: "SRX interface \(name) \(a.word)",
                            hostAddress: IPAddress(String(a.word.split(separator: "/")[0]))))
                    }
                }
            }
        }
        return map
    }

    /// The security zones with their interfaces' subnets, and interface → zone.
    static func zones(_ security: JunosNode?, subnets: [String: [Subnet]], log: inout DiagnosticLog)
        -> (zones: [Zone], zoneOf: [String: String])
    {
        var zones: [Zone] = []
        var zoneOf: [String: String] = [:]
        for z in security?.path("zones security-zone")?.active ?? [] {
            var zone = Zone(name: z.word)
            for i in z.child("interfaces")?.active ?? [] {
                zoneOf[i.word] = z.word
                zone.subnets += subnets[i.word] ?? []
                noteHostInbound(i.child("host-inbound-traffic"), owner: "interface \(i.word) of zone \(z.word)", log: &log)
            }
            noteHostInbound(z.child("host-inbound-traffic"), owner: "zone \(z.word)", log: &log)
            zones.append(zone)
        }
        if let mgmt = security?.path("zones functional-zone management"), !mgmt.inactive {
            log.append(Diagnostic(.note, mgmt.location, "functional-zone management is not a security zone; its interfaces carry no transit traffic"))
        }
        return (zones, zoneOf)
    }

    /// One note naming the services and protocols a zone or interface accepts for the device itself.
    private static func noteHostInbound(_ node: JunosNode?, owner: String, log: inout DiagnosticLog) {
        guard let node, !node.inactive else { return }
        var parts: [String] = []
        for kind in ["system-services", "protocols"] {
            let names = (node.child(kind)?.active ?? []).map(\.word)
            if !names.isEmpty { parts.append("\(kind) \(names.joined(separator: " "))") }
        }
        guard !parts.isEmpty else { return }
        log.append(Diagnostic(.note, node.location, "\(owner) accepts host-inbound-traffic \(parts.joined(separator: "; ")) (traffic to the firewall itself)"))
    }

    /// `routing-options static route P next-hop A | discard | reject | qualified-next-hop A`
    /// (and `rib inet6.0 static`). A route's zone is its interface's zone, else the zone whose subnet
    /// holds its next hop.
    static func routes(_ config: JunosNode, zones: [Zone], zoneOf: [String: String]) -> [StaticRoute] {
        var out: [StaticRoute] = []
        let ro = config.child("routing-options")
        var tables: [(String, JunosNode?)] = [("inet.0", ro?.child("static"))]
        for rib in ro?.child("rib")?.active ?? [] { tables.append((rib.word, rib.child("static"))) }
        for (router, table) in tables {
            guard let table, !table.inactive else { continue }
            for r in table.child("route")?.active ?? [] {
                guard let set = AddressSet.parse(r.word) else { continue }
                let length = r.word.split(separator: "/").last.flatMap { Int($0) } ?? (r.word.contains(":") ? 128 : 32)
                let hop = r.value("next-hop") ?? r.child("qualified-next-hop")?.active.first?.word
                let discard = r.child("discard") != nil || r.child("reject") != nil
                // A next hop is an address, or a point-to-point interface (`next-hop st0.2`).
                let interface = hop.flatMap { zoneOf[$0] != nil ? $0 : nil }
                let zone = interface.flatMap { zoneOf[$0] } ?? hop.flatMap(IPAddress.init).flatMap { a in
                    zones.first { z in z.subnets.contains { $0.addresses.contains(a) } }?.name
                }
                out.append(StaticRoute(
                    name: r.word, router: router, destinationText: r.word, destination: set, prefixLength: length,
                    interface: interface, nextHop: discard ? (r.child("reject") != nil ? "reject" : "discard") : hop,
                    zone: discard ? nil : zone, discard: discard, location: r.location))
            }
        }
        return out
    }
}
