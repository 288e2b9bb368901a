/// Static routes of a PAN-OS device: `network/virtual-router/entry/routing-table/{ip,ipv6}/static-route`
/// and, for the advanced routing engine, `network/logical-router/entry/vrf/entry/routing-table/…`
/// (docs/FORMATS.md, PAN-OS firewall).
///
/// Routes belong to the device, not a vsys: they are read once and given to the device's first
/// vsys. A route's zone is its egress interface's zone in any vsys, else the zone whose subnet
/// holds the next hop; a `next-vr` route is resolved in that router when a destination is placed.
/// Every route is kept (counted), even one that no packet follows (`no-install`).
enum PANOSRoutes {
    static func read(_ network: XMLElement?, vsys: [XMLElement], zones: [Zone]) -> [StaticRoute] {
        guard let network else { return [] }
        let zoneOfInterface = interfaceZones(vsys)
        var out: [StaticRoute] = []
        var tables: [(router: String, table: XMLElement)] = []
        for vr in network.child("virtual-router")?.children("entry") ?? [] {
            if let t = vr.child("routing-table") { tables.append((PANOSXML.name(vr), t)) }
        }
        for lr in network.child("logical-router")?.children("entry") ?? [] {
            for vrf in lr.child("vrf")?.children("entry") ?? [] {
                if let t = vrf.child("routing-table") { tables.append(("\(PANOSXML.name(lr))/\(PANOSXML.name(vrf))", t)) }
            }
        }
        for (router, table) in tables {
            for family in ["ip", "ipv6"] {
                for e in table.path("\(family)/static-route")?.children("entry") ?? [] {
                    guard let r = route(e, router: router, zoneOfInterface: zoneOfInterface, zones: zones) else { continue }
                    out.append(r)
                }
            }
        }
        return out
    }

    private static func route(
        _ e: XMLElement, router: String, zoneOfInterface: [String: String], zones: [Zone]
    ) -> StaticRoute? {
        guard let text = e.child("destination")?.text,
            let set = AddressSet.parse(text)
        else { return nil }
        let length = text.split(separator: "/").last.flatMap { Int($0) } ?? (text.contains(":") ? 128 : 32)
        let interface = e.child("interface").map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        let nh = e.child("nexthop")
        let discard = nh?.child("discard") != nil
        var nextHop: String?
        var zone = interface.flatMap { zoneOfInterface[$0] }
        if let ip = nh?.child("ip-address")?.text ?? nh?.child("ipv6-address")?.text {
            nextHop = ip
            if zone == nil, let a = IPAddress(ip) {
                zone = zones.first { z in z.subnets.contains { $0.addresses.contains(a.value) } }?.name
            }
        } else if let vr = nh?.child("next-vr")?.text {
            nextHop = "next-vr \(vr)"
        } else if discard {
            nextHop = "discard"
        }
        return StaticRoute(
            name: PANOSXML.name(e), router: router, destinationText: text, destination: set, prefixLength: length,
            interface: interface, nextHop: nextHop, zone: discard ? nil : zone, discard: discard,
            installed: e.path("route-table/no-install") == nil, location: e.location)
    }

    /// Interface name → zone, from the vsys zones' member lists.
    private static func interfaceZones(_ vsys: [XMLElement]) -> [String: String] {
        var map: [String: String] = [:]
        for v in vsys {
            for z in PANOSXML.entries(v, "zone") {
                for kind in ["layer3", "layer2", "virtual-wire", "tap", "tunnel", "external"] {
                    for m in z.path("network/\(kind)")?.children("member") ?? [] { map[m.text] = PANOSXML.name(z) }
                }
            }
        }
        return map
    }
}
