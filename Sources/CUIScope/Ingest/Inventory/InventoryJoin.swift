/// What several inventory files say together: NetBox's devices, IP addresses and prefixes are
/// separate exports of one inventory, so their records join into one asset per device and the
/// prefixes give zones (docs/DECISIONS.md 116).
enum InventoryJoin {
    /// Joins each inventory's ``Inventory/deviceAddresses`` to the asset with that id in any
    /// inventory (the device's own record), adding the addresses it lacks; a device no inventory
    /// lists becomes an asset of the file its addresses came from, so nothing is dropped.
    static func joinDeviceAddresses(_ inventories: inout [Inventory]) {
        var place: [String: (inventory: Int, asset: Int)] = [:]
        for (i, inv) in inventories.enumerated() {
            for (j, a) in inv.assets.enumerated() where place[a.id] == nil { place[a.id] = (i, j) }
        }
        for i in inventories.indices {
            let records = inventories[i].deviceAddresses
            inventories[i].deviceAddresses = []
            for record in records {
                if let p = place[record.id] {
                    join(record, into: &inventories[p.inventory].assets[p.asset])
                } else {
                    place[record.id] = (i, inventories[i].assets.count)
                    inventories[i].assets.append(record)
                }
            }
        }
    }

    /// Adds the addresses of `record` that `asset` does not list yet, keeping the asset's own
    /// order first (its primary addresses) and its own provenance.
    static func join(_ record: Asset, into asset: inout Asset) {
        for text in record.addressTexts where !asset.addressTexts.contains(text) { asset.addressTexts.append(text) }
        asset.addresses = asset.addresses.union(record.addresses)
    }

    /// The scope with the inventories' zones (NetBox prefixes) when the scope file names no zone:
    /// a zone the scope file names always wins, so prefixes never redraw a declared boundary.
    static func scopeWithInventoryZones(_ scope: ScopeConfig?, _ inventories: [Inventory]) -> ScopeConfig? {
        guard scope?.zones.isEmpty ?? true else { return scope }
        var zones: [Zone] = []
        for zone in inventories.flatMap(\.zones) {
            if let i = zones.firstIndex(where: { $0.name == zone.name }) {
                zones[i].subnets += zone.subnets
            } else {
                zones.append(zone)
            }
        }
        guard !zones.isEmpty else { return scope }
        var out = scope ?? ScopeConfig()
        out.zones = zones
        return out
    }
}
