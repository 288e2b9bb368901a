import Foundation

/// Reads JSON inventories: an array of asset objects (native keys or the CSV aliases),
/// `{"assets":[…]}`, NetBox REST pages (`{count,next,previous,results}`: devices, IP addresses,
/// prefixes), ServiceNow Table API (`{"result":[…]}`), Snipe-IT (`{"rows":[…]}`), Azure Resource
/// Graph (`{"data":[…]}`) and OSCAL SSP `inventory-items`.
///
/// Every asset is located at the opening `{` of its record (see ``JSONRecordLocator``).
enum InventoryJSONParser {
    static func parse(_ data: Data, file: String, mappings: [String: String], lenient: Bool) throws(InputError)
        -> Inventory
    {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let locator = JSONRecordLocator(bytes)
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw InputError(syntaxErrorLocation(error, locator: locator, file: file),
                             "malformed JSON: expected an array of asset objects or an inventory object")
        }

        var assembler = InventoryAssembler(file: file, lenient: lenient)
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard let (records, path, shape) = recordsArray(root) else {
            throw InputError(top, "unrecognised JSON inventory: expected an array of asset objects, or an object with "
                + "assets, results (NetBox), result (ServiceNow), rows, data, or system-security-plan (OSCAL)")
        }
        let offsets = locator.elementOffsets(path: path) ?? []
        func location(_ i: Int) -> SourceLocation {
            guard i < offsets.count else { return top }
            let p = locator.position(ofOffset: offsets[i])
            return SourceLocation(file: file, line: p.line, column: p.column)
        }

        var objects: [(object: [String: Any], location: SourceLocation)] = []
        for (i, element) in records.enumerated() {
            if let o = element as? [String: Any] {
                objects.append((o, location(i)))
            } else {
                assembler.rejectRecord(location(i), "record is not a JSON object (expected {…} with asset keys)")
            }
        }
        // `--map` reads generic objects only: for the fixed vendor shapes every mapping is unmatched.
        assembler.columns.unmatchedMappings = Set(mappings.keys)
        switch shape {
        case .generic: readGeneric(objects, mappings: mappings, into: &assembler)
        case .netbox: NetBoxRecords.read(objects, into: &assembler)
        case .oscal:
            for (object, loc) in objects { OSCALInventory.add(OSCALInventory.item(json: object, at: loc), to: &assembler) }
        }
        return try assembler.finish()
    }

    enum Shape { case generic, netbox, oscal }

    /// The records array, its key path from the root, and how to read its elements.
    static func recordsArray(_ root: Any) -> ([Any], [String], Shape)? {
        if let array = root as? [Any] { return (array, [], .generic) }
        guard let object = root as? [String: Any] else { return nil }
        if let ssp = object["system-security-plan"] as? [String: Any] {
            let items = (ssp["system-implementation"] as? [String: Any])?["inventory-items"] as? [Any] ?? []
            return (items, ["system-security-plan", "system-implementation", "inventory-items"], .oscal)
        }
        if let results = object["results"] as? [Any] { return (results, ["results"], .netbox) }
        for key in ["assets", "result", "rows", "data"] {
            if let array = object[key] as? [Any] { return (array, [key], .generic) }
        }
        return nil
    }

    /// Objects keyed like CSV columns: the same aliases and `--map` mappings, resolved once per
    /// distinct key set (keys sorted, so ties never depend on dictionary order).
    static func readGeneric(
        _ objects: [(object: [String: Any], location: SourceLocation)], mappings: [String: String],
        into assembler: inout InventoryAssembler
    ) {
        var layouts: [[String]: InventoryLayout] = [:]
        defer { assembler.useColumns(columnReport(Array(layouts.values), mappings: mappings), at: objects.first?.location
            ?? SourceLocation(file: assembler.file, line: 1, column: 1)) }
        for (object, location) in objects {
            let keys = object.keys.sorted()
            let layout: InventoryLayout
            if let cached = layouts[keys] {
                layout = cached
            } else {
                let (resolved, notes) = InventoryLayout.resolve(headers: keys, mappings: mappings, at: location)
                // Mapping notes once per key set, and only errors (a --map column absent from some
                // objects is normal in JSON).
                for note in notes where note.severity == .error { assembler.report(note) }
                layouts[keys] = resolved
                layout = resolved
            }
            var cells: [InventoryField: [InventoryCell]] = [:]
            for field in InventoryField.allCases {
                let columns = layout.columns(for: field)
                if columns.isEmpty { continue }
                cells[field] = columns.map { i in
                    InventoryCell(text: InventoryValues.cellText(object[keys[i]]), location: location, column: keys[i])
                }
            }
            assembler.add(cells, at: location)
        }
    }

    /// The columns over every key set: a key is ignored when no object's layout reads it, a
    /// mapping unmatched when no object has its key (objects of one file differ in keys).
    static func columnReport(_ layouts: [InventoryLayout], mappings: [String: String]) -> InventoryColumns {
        var c = InventoryColumns()
        var available = Set<String>(), read = Set<String>()
        var unmatched = Set(mappings.keys)
        for layout in layouts {
            let r = layout.columnReport
            available.formUnion(r.available)
            read.formUnion(Set(r.available).subtracting(r.ignored))
            unmatched.formIntersection(r.unmatchedMappings)
            c.statesCUI = c.statesCUI || r.statesCUI
        }
        c.available = available.sorted()
        c.ignored = available.subtracting(read).sorted()
        c.unmatchedMappings = unmatched
        return c
    }

    /// JSONSerialization reports "around character N"; turn that into a line and column.
    private static func syntaxErrorLocation(_ error: any Error, locator: JSONRecordLocator, file: String)
        -> SourceLocation
    {
        let info = (error as NSError).userInfo
        var offset: Int? = info["NSJSONSerializationErrorIndex"] as? Int
        if offset == nil, let text = info[NSDebugDescriptionErrorKey] as? String,
            let range = text.range(of: "character ")
        {
            offset = Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        guard let offset else { return SourceLocation(file: file, line: 1, column: 1) }
        let p = locator.position(ofOffset: offset)
        return SourceLocation(file: file, line: p.line, column: p.column)
    }
}
