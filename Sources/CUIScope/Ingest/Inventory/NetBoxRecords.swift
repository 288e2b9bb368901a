/// NetBox REST records (`results` of `/api/dcim/devices/`, `/api/virtualization/virtual-machines/`,
/// `/api/ipam/ip-addresses/`, `/api/ipam/prefixes/`), each recognised by its keys so a merged
/// dump of several endpoints reads too (docs/FORMATS.md, NetBox).
///
/// NetBox's own `id` is a database number, so devices are identified by `name`. IP addresses are
/// grouped per device they are assigned to and joined to that device by the loader, in this file
/// or another; prefixes are segments, which give zones when the scope file names none.
enum NetBoxRecords {
    static func read(_ objects: [(object: [String: Any], location: SourceLocation)],
                     into assembler: inout InventoryAssembler)
    {
        // IP records grouped per device, in order of first appearance.
        var groups: [(key: String, device: String?, cells: [InventoryCell], location: SourceLocation, dns: String)] = []
        var groupIndex: [String: Int] = [:]

        for (object, location) in objects {
            if object["prefix"] != nil {
                addPrefix(object, at: location, into: &assembler)
                continue
            }
            if isIPAddress(object) {
                let address = InventoryCell(
                    text: InventoryValues.cellText(object["address"]), location: location, column: "address")
                let device = deviceName(of: object)
                // An IP with no device is its own asset, keyed by its host address.
                let key = device.map { "device\u{0}" + $0 }
                    ?? "ip\u{0}" + String(address.text.prefix { $0 != "/" })
                if let g = groupIndex[key] {
                    groups[g].cells.append(address)
                } else {
                    groupIndex[key] = groups.count
                    groups.append((key, device, [address], location,
                                   InventoryValues.cellText(object["dns_name"])))
                }
                continue
            }
            assembler.add(deviceCells(object, at: location), at: location, cidrIsHost: true)
        }

        for g in groups {
            let id = g.device ?? String(g.cells[0].text.prefix { $0 != "/" })
            var cells: [InventoryField: [InventoryCell]] = [
                .id: [InventoryCell(text: id, location: g.location, column: g.device == nil ? "address" : "device.name")],
                .addresses: g.cells,
            ]
            if g.device == nil, !g.dns.isEmpty {
                cells[.name] = [InventoryCell(text: g.dns, location: g.location, column: "dns_name")]
            }
            assembler.add(cells, at: g.location, cidrIsHost: true, joinsDevice: g.device != nil)
        }
    }

    /// A prefix is a segment: a subnet of the zone named by its VLAN, else its role, else its
    /// site, else itself. These zones are used when the scope file names none (docs/DECISIONS.md 116).
    static func addPrefix(_ o: [String: Any], at location: SourceLocation, into assembler: inout InventoryAssembler) {
        let text = InventoryValues.cellText(o["prefix"])
        guard let addresses = AddressSet.parse(text) else {
            assembler.rejectRecord(location, "field 'prefix': \(text.prefix(40)) is not a CIDR prefix")
            return
        }
        let named = ["vlan", "role", "site"].lazy.compactMap { key -> String? in
            let name = InventoryValues.cellText((o[key] as? [String: Any])?["name"])
            return name.isEmpty ? nil : name
        }.first
        let subnet = Subnet(text: text, addresses: addresses, location: location, origin: "NetBox prefix \(text)")
        let name = named ?? text
        if let i = assembler.zones.firstIndex(where: { $0.name == name }) {
            assembler.zones[i].subnets.append(subnet)
        } else {
            assembler.zones.append(Zone(name: name, subnets: [subnet]))
        }
    }

    /// An `ipam/ip-addresses` record: an `address` and no device name of its own.
    static func isIPAddress(_ o: [String: Any]) -> Bool {
        o["address"] != nil && o["name"] == nil
            && (o["interface"] != nil || o["assigned_object"] != nil || o["assigned_object_type"] != nil
                || o["family"] != nil)
    }

    /// The device (or virtual machine) an IP is assigned to: `assigned_object` (NetBox ≥ 2.9)
    /// or `interface` (older).
    static func deviceName(of o: [String: Any]) -> String? {
        for key in ["assigned_object", "interface"] {
            guard let owner = o[key] as? [String: Any] else { continue }
            for parent in ["device", "virtual_machine"] {
                if let d = owner[parent] as? [String: Any] {
                    let name = InventoryValues.cellText(d["name"])
                    if !name.isEmpty { return name }
                }
            }
        }
        return nil
    }

    /// A device or VM: id from `name` (then `asset_tag`, `serial`, then the NetBox number),
    /// kind from `role`/`device_role`, addresses from `primary_ip4`/`primary_ip6`, zone from `site`.
    /// Custom fields named like native columns (`cui`, `declared`, `functions`, …) are read too:
    /// that is where a NetBox user records CMMC facts.
    static func deviceCells(_ o: [String: Any], at location: SourceLocation) -> [InventoryField: [InventoryCell]] {
        func cell(_ key: String) -> InventoryCell? {
            let text = InventoryValues.cellText(o[key])
            return text.isEmpty ? nil : InventoryCell(text: text, location: location, column: key)
        }
        var cells: [InventoryField: [InventoryCell]] = [:]
        if let custom = o["custom_fields"] as? [String: Any] {
            for key in custom.keys.sorted() {
                guard let field = InventoryField(mapTarget: key), field != .id else { continue }
                let text = InventoryValues.cellText(custom[key])
                if text.isEmpty { continue }
                cells[field, default: []].append(
                    InventoryCell(text: text, location: location, column: "custom_fields.\(key)"))
            }
        }
        var id = cell("name") ?? cell("asset_tag") ?? cell("serial")
        if id == nil, let number = cell("id") {
            id = InventoryCell(text: "netbox-\(number.text)", location: location, column: "id")
        }
        cells[.id] = id.map { [$0] } ?? []
        if let name = cell("name") { cells[.name] = [name] }
        if cells[.kind] == nil, let role = cell("role") ?? cell("device_role") { cells[.kind] = [role] }
        cells[.addresses, default: []].append(contentsOf: ["primary_ip4", "primary_ip6"].compactMap(cell))
        if cells[.zone] == nil, let site = cell("site") ?? cell("cluster") { cells[.zone] = [site] }
        return cells
    }
}
