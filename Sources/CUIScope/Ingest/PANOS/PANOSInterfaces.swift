/// Interface addresses of a PAN-OS device (`network/interface`) and the zones built on them.
///
/// A zone's subnets are the networks of its member interfaces' addresses: `192.168.10.2/24` on
/// `ethernet1/1` puts `192.168.10.0/24` in the zone that lists `ethernet1/1`. Addresses may be
/// written as an address-object name instead of a CIDR.
enum PANOSInterfaces {
    /// Interface name → subnets it connects.
    typealias Map = [String: [Subnet]]

    /// Reads every layer-3 interface kind: ethernet and aggregate-ethernet (with `layer3/units`
    /// sub-interfaces), `vlan`, `loopback` and `tunnel` (with `units`).
    /// - Parameter addressObject: resolves an address-object name used as an interface IP.
    static func read(_ interfaces: XMLElement?, addressObject: (String) -> AddressSet?, log: inout DiagnosticLog)
        -> Map
    {
        var map: Map = [:]
        guard let interfaces else { return map }
        for kind in ["ethernet", "aggregate-ethernet"] {
            for e in interfaces.child(kind)?.children("entry") ?? [] {
                let l3 = e.child("layer3")
                add(PANOSXML.name(e), l3, into: &map, addressObject: addressObject, log: &log)
                for unit in l3?.child("units")?.children("entry") ?? [] {
                    add(PANOSXML.name(unit), unit, into: &map, addressObject: addressObject, log: &log)
                }
            }
        }
        for kind in ["vlan", "loopback", "tunnel"] {
            guard let el = interfaces.child(kind) else { continue }
            add(kind, el, into: &map, addressObject: addressObject, log: &log)
            for unit in el.child("units")?.children("entry") ?? [] {
                add(PANOSXML.name(unit), unit, into: &map, addressObject: addressObject, log: &log)
            }
        }
        return map
    }

    /// Adds the `ip/entry` and `ipv6/address/entry` addresses of one interface or unit.
    private static func add(
        _ name: String, _ el: XMLElement?, into map: inout Map, addressObject: (String) -> AddressSet?,
        log: inout DiagnosticLog
    ) {
        guard let el else { return }
        var entries = el.child("ip")?.children("entry") ?? []
        entries += el.path("ipv6/address")?.children("entry") ?? []
        for ip in entries {
            let text = PANOSXML.name(ip)
            if let net = network(text) {
                map[name, default: []].append(Subnet(
                    text: net.summary, addresses: net, location: ip.location, origin: "\(name) \(text)",
                    hostAddress: IPAddress(String(text.split(separator: "/")[0]))))
            } else if let set = addressObject(text) {
                map[name, default: []].append(Subnet(
                    text: set.summary, addresses: set, location: ip.location, origin: "\(name) \(text)"))
            } else {
                log.warning(ip.location, "interface \(name): address entry is neither a CIDR nor a known address object; its subnet is not added to a zone")
            }
        }
        if el.child("dhcp-client") != nil {
            log.append(Diagnostic(.note, el.location, "interface \(name) takes its address from DHCP; its subnet is unknown"))
        }
    }

    /// The network a `host/len` interface address sits in (`192.168.10.2/24` → `192.168.10.0/24`).
    static func network(_ text: String) -> AddressSet? {
        guard text.contains("/") || IPAddress(text) != nil else { return nil }
        return AddressSet.parse(text)
    }

    /// Zones of one vsys (`zone/entry/network/{layer3|layer2|virtual-wire|tap|tunnel|external}/member`),
    /// each with the subnets of its interfaces.
    static func zones(_ vsysElements: [XMLElement], interfaces: Map) -> [Zone] {
        var order: [String] = []
        var byName: [String: Zone] = [:]
        for vsys in vsysElements {
            for z in PANOSXML.entries(vsys, "zone") {
                let name = PANOSXML.name(z)
                var zone = byName[name] ?? Zone(name: name)
                if byName[name] == nil { order.append(name) }
                for kind in ["layer3", "layer2", "virtual-wire", "tap", "tunnel", "external"] {
                    for member in z.path("network/\(kind)")?.children("member") ?? [] {
                        for subnet in interfaces[member.text] ?? [] where !zone.subnets.contains(subnet) {
                            zone.subnets.append(subnet)
                        }
                    }
                }
                byName[name] = zone
            }
        }
        return order.compactMap { byName[$0] }
    }
}
