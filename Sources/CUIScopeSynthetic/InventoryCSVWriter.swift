import CUIScope

/// Writes ``SyntheticNetwork`` assets as a native inventory CSV (docs/FORMATS.md, Inventory CSV), one row per
/// asset in order, so that reading the file back gives the same assets.
public enum InventoryCSVWriter {
    static let header =
        "id,name,addresses,kind,cui,functions,declared,crm_policy,zone,provider,fedramp_id,fedramp_status,"
        + "impact_level,vdi,government,public,dfars_7012,justification\n"

    public static func write(_ assets: [Asset], to path: String) throws {
        let sink = try FileSink(path: path)
        try sink.write(header)
        for a in assets {
            let cui = a.cui.isEmpty ? "no" : a.cui.tokens.joined(separator: ";")
            let declared = a.declared?.rawValue ?? ""
            let zone = a.zoneHint ?? ""
            try sink.write(
                "\(a.id),\(a.name),\(a.addressTexts.joined(separator: ";")),\(a.kind.rawValue),\(cui),,"
                    + "\(declared),,\(zone),,,,,,,,,\n")
        }
        try sink.close()
    }
}
