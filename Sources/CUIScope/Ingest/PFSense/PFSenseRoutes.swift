/// Routes of a pfSense or OPNsense config: the default gateways and `staticroutes/route`
/// (docs/FORMATS.md, pfSense and OPNsense; docs/DECISIONS.md 69).
///
/// Gateways (`gateways/gateway_item`) name an interface key, which is also the zone. The IPv4
/// default is `gateways/defaultgw4` (else an item with `<defaultgw>`), and likewise for IPv6; with
/// none configured, pfSense's automatic default is the WAN interface's gateway (its DHCP or
/// static upstream), so a `wan` interface with a dynamic or configured gateway gets the default.
/// A static route through `Null4`/`Null6` rejects the traffic: a discard route.
enum PFSenseRoutes {
    private struct Gateway {
        var name: String
        var interface: String
        var address: String
        var v6: Bool
        var isDefault: Bool
        var location: SourceLocation
    }

    static func read(_ root: XMLElement) -> [StaticRoute] {
        let gateways = root.all("gateways/gateway_item").compactMap(gateway)
        var out: [StaticRoute?] = []
        for (v6, key) in [(false, "defaultgw4"), (true, "defaultgw6")] {
            let named = root.path("gateways/\(key)")?.text
            let gw = gateways.first { $0.name == named && !(named ?? "").isEmpty }
                ?? gateways.first { $0.isDefault && $0.v6 == v6 }
            if let gw {
                out.append(route(v6 ? "::/0" : "0.0.0.0/0", name: "default gateway \(gw.name)", gw, router: "default"))
            } else if let wan = root.path("interfaces/wan"), let r = automaticDefault(wan, v6: v6) {
                out.append(r)
            }
        }
        for el in root.all("staticroutes/route") where el.child("disabled") == nil {
            guard let network = el.child("network")?.text, !network.isEmpty else { continue }
            let via = el.child("gateway")?.text ?? ""
            let descr = el.child("descr")?.text ?? ""
            let name = descr.isEmpty ? network : descr
            if via == "Null4" || via == "Null6" {
                out.append(make(network, name: name, interface: nil, nextHop: via, discard: true, el.location))
            } else {
                let gw = gateways.first { $0.name == via }
                out.append(make(network, name: name, interface: gw?.interface, nextHop: gw.map { "\($0.name) \($0.address)" } ?? via,
                                discard: false, el.location))
            }
        }
        return out.compactMap { $0 }
    }

    private static func gateway(_ el: XMLElement) -> Gateway? {
        guard let name = el.child("name")?.text, let iface = el.child("interface")?.text, !iface.isEmpty else { return nil }
        let address = el.child("gateway")?.text ?? "dynamic"
        let v6 = el.child("ipprotocol")?.text == "inet6" || address.contains(":")
        return Gateway(name: name, interface: iface.lowercased(), address: address, v6: v6,
                       isDefault: el.child("defaultgw") != nil, location: el.location)
    }

    /// pfSense's automatic default gateway: the WAN's dynamic (DHCP, PPPoE, SLAAC) or configured gateway.
    private static func automaticDefault(_ wan: XMLElement, v6: Bool) -> StaticRoute? {
        let mode = wan.child(v6 ? "ipaddrv6" : "ipaddr")?.text.lowercased() ?? ""
        let configured = wan.child(v6 ? "gatewayv6" : "gateway")?.text ?? ""
        let dynamic = ["dhcp", "dhcp6", "pppoe", "pptp", "l2tp", "slaac", "6rd", "6to4", "track6"].contains(mode)
        guard dynamic || !configured.isEmpty else { return nil }
        return make(v6 ? "::/0" : "0.0.0.0/0", name: "automatic default gateway (wan \(mode.isEmpty ? configured : mode))",
                    interface: "wan", nextHop: configured.isEmpty ? "dynamic" : configured, discard: false, wan.location)
    }

    private static func route(_ dest: String, name: String, _ gw: Gateway, router: String) -> StaticRoute? {
        make(dest, name: name, interface: gw.interface, nextHop: gw.address, discard: false, gw.location)
    }

    private static func make(
        _ dest: String, name: String, interface: String?, nextHop: String?, discard: Bool, _ location: SourceLocation
    ) -> StaticRoute? {
        guard let set = AddressSet.parse(dest) else { return nil }
        let length = dest.split(separator: "/").last.flatMap { Int($0) } ?? (dest.contains(":") ? 128 : 32)
        return StaticRoute(
            name: name, router: "default", destinationText: dest, destination: set, prefixLength: length,
            interface: interface, nextHop: nextHop, zone: discard ? nil : interface, discard: discard, location: location)
    }
}
