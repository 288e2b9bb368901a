/// Writes the realistic inventory as a native CSV (same header as ``InventoryCSVWriter``): several
/// addresses joined with `;`, the zone column empty where the CMDB does not know it.
enum RealisticInventoryWriter {
    static func write(_ net: RealisticNetwork, to path: String) throws {
        let sink = try FileSink(path: path)
        try sink.write(InventoryCSVWriter.header)
        for a in net.assets {
            let zone = a.zoneWritten ? net.zones[a.zone].name : ""
            try sink.write(
                "\(a.id),\(a.name),\(a.addresses.joined(separator: ";")),\(a.kind),\(a.cui),\(a.functions),"
                    + "\(a.declared),,\(zone),\(a.provider),,,,\(a.vdi),,\(a.publicFacing ? "yes" : ""),,\n")
        }
        try sink.close()
    }
}
