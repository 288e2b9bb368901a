import Foundation

/// Inventory file formats (`--inventory-format`).
public enum InventoryFormat: String, Sendable, CaseIterable {
    case csv, json
    /// OSCAL SSP XML (`inventory-item` elements).
    case xml
}

/// Entry point for asset inventories: detects the format from content, never from the extension
/// (docs/FORMATS.md, Detecting the format), and returns the assets with their provenance.
///
/// First non-space byte `{` or `[` → JSON; `<` → OSCAL SSP XML; anything else → CSV.
public enum InventoryReader {
    /// Reads an inventory file.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: the name diagnostics and provenance use (default: `path`).
    ///   - format: overrides content detection.
    ///   - mappings: `--map column=field` pairs (column header → native field or `ignore`).
    ///   - lenient: skip bad rows (listed in ``Inventory/skipped``) instead of failing.
    /// - Throws: ``InputError`` listing every problem with file:line:column.
    public static func read(
        path: String, displayName: String? = nil, format: InventoryFormat? = nil, mappings: [String: String] = [:],
        lenient: Bool = false
    ) throws(InputError) -> Inventory {
        let file = displayName ?? path
        var isDirectory: ObjCBool = false
        let unreadable = "cannot read inventory file (missing or unreadable)"
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw InputError(SourceLocation(file: file, line: 0), unreadable)
        }
        if format == nil { try refuseOtherKinds(path: path, file: file) }
        let data = try InputFile.contents(path: path, file: file, unreadable: unreadable)
        let resolved = format ?? detect(data)
        if resolved == .xml {
            var inventory = try OSCALInventory.parseXML(path: path, file: file, lenient: lenient)
            inventory.columns.unmatchedMappings = Set(mappings.keys)  // `--map` reads CSV and generic JSON only
            return inventory
        }
        return try read(data: data, displayName: file, format: resolved, mappings: mappings, lenient: lenient)
    }

    /// A rules export, flow log or recognised unsupported format given as an inventory is
    /// refused in one line: a text firewall export would otherwise read as a CSV whose rows
    /// are all invalid (docs/DECISIONS.md 91).
    private static func refuseOtherKinds(path: String, file: String) throws(InputError) {
        let start = SourceLocation(file: file, line: 1)
        switch try InputKind.detect(path: path, displayName: file) {
        case .rules: throw InputError(start, "a firewall rules export, not an inventory (pass it with --rules)")
        case .flows: throw InputError(start, "a flow log, not an inventory (pass it with --flows)")
        case .unsupported(let format, let location):
            throw InputError(location, ReaderRegistry.unsupportedMessage(named: format))
        case .marketplace: throw InputError(start, "a FedRAMP Marketplace feed, not an inventory (pass it with --fedramp)")
        case .scan: throw InputError(start, "an nmap scan, not an inventory (pass it with --scan)")
        case .inventory, .scope, .unknownXML: return
        }
    }

    /// Reads an inventory from bytes (tests, stdin).
    public static func read(
        data: Data, displayName: String, format: InventoryFormat? = nil, mappings: [String: String] = [:],
        lenient: Bool = false
    ) throws(InputError) -> Inventory {
        switch format ?? detect(data) {
        case .csv: return try InventoryCSVParser.parse(data, file: displayName, mappings: mappings, lenient: lenient)
        case .json: return try InventoryJSONParser.parse(data, file: displayName, mappings: mappings, lenient: lenient)
        case .xml:
            // libxml2's reader works on files; spill the bytes to a private temporary file.
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("cuiscope-inventory-\(UUID().uuidString).xml")
            guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
            else { throw InputError(SourceLocation(file: displayName, line: 0), "cannot stage XML input for parsing") }
            defer { try? FileManager.default.removeItem(at: url) }
            var inventory = try OSCALInventory.parseXML(path: url.path, file: displayName, lenient: lenient)
            inventory.columns.unmatchedMappings = Set(mappings.keys)
            return inventory
        }
    }

    /// The format a file's first non-space byte implies (after a UTF-8 BOM).
    public static func detect(_ data: Data) -> InventoryFormat {
        let start = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for b in data.dropFirst(start) {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
            case UInt8(ascii: "<"): return .xml
            default: return .csv
            }
        }
        return .csv
    }
}
