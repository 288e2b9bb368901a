import Foundation

/// OSCAL SSP `system-implementation/inventory-items` (JSON and XML) read as assets
/// (docs/FORMATS.md, OSCAL SSP inventory items): props `asset-id` (else the item's `uuid`),
/// repeated `ipv4-address` / `ipv6-address`, `asset-type`, `vlan-id`/`network-id`, `public`;
/// the name from the description, else `fqdn`, `netbios-name` or `asset-tag`. From cuiscope's own
/// namespace (``ToolInfo/oscalNamespace``, what `analyze --format oscal` writes): `asset-kind`
/// (the exact kind, preferred to `asset-type`), `cmmc-category` (read as the declared category)
/// and `address` (CIDRs and ranges, which `ipv4-address` cannot hold), so cuiscope reads its own
/// SSP back.
enum OSCALInventory {
    /// One inventory item, whichever serialisation it came from.
    struct Item {
        var uuid: String
        var description: String
        /// Props in document order; only props in the OSCAL namespace (no `ns`, or the NIST one).
        var props: [(name: String, value: String)]
        /// Props in cuiscope's namespace, in document order.
        var cuiscopeProps: [(name: String, value: String)] = []
        var location: SourceLocation
    }

    static let oscalNamespace = "http://csrc.nist.gov/ns/oscal"

    /// Sorts one prop by its namespace: OSCAL's, cuiscope's, or another (ignored).
    static func add(name: String, value: String, ns: String?, to item: inout Item) {
        guard let ns, !ns.hasPrefix(oscalNamespace) else { return item.props.append((name, value)) }
        if ns == ToolInfo.oscalNamespace { item.cuiscopeProps.append((name, value)) }
    }

    /// An item from its JSON object.
    static func item(json o: [String: Any], at location: SourceLocation) -> Item {
        var item = Item(uuid: InventoryValues.cellText(o["uuid"]),
                        description: InventoryValues.cellText(o["description"]), props: [], location: location)
        for p in o["props"] as? [[String: Any]] ?? [] {
            add(name: InventoryValues.cellText(p["name"]), value: InventoryValues.cellText(p["value"]),
                ns: p["ns"] as? String, to: &item)
        }
        return item
    }

    /// An item from its `<inventory-item>` element (namespace-agnostic).
    static func item(xml e: XMLElement) -> Item {
        let description = e.child("description").map(allText) ?? ""
        var item = Item(uuid: e.attribute("uuid") ?? "", description: description, props: [], location: e.location)
        for p in e.children("prop") {
            add(name: p.attribute("name") ?? "", value: InventoryValues.trim(p.attribute("value") ?? ""),
                ns: p.attribute("ns"), to: &item)
        }
        return item
    }

    /// Converts an item into cells and hands it to the assembler.
    static func add(_ item: Item, to assembler: inout InventoryAssembler) {
        func cell(_ text: String, _ column: String) -> InventoryCell {
            InventoryCell(text: text, location: item.location, column: column)
        }
        func values(_ name: String) -> [String] { item.props.filter { $0.name == name }.map(\.value) }
        func own(_ name: String) -> [String] { item.cuiscopeProps.filter { $0.name == name }.map(\.value) }
        var cells: [InventoryField: [InventoryCell]] = [:]
        if let assetID = values("asset-id").first(where: { !$0.isEmpty }) {
            cells[.id] = [cell(assetID, "prop asset-id")]
        } else {
            cells[.id] = [cell(item.uuid, "uuid")]
        }
        let firstLine = item.description.split(whereSeparator: \.isNewline).first
            .map { InventoryValues.trim($0) } ?? ""
        let name = [firstLine] + values("fqdn") + values("netbios-name") + values("asset-tag")
        if let n = name.first(where: { !$0.isEmpty }) { cells[.name] = [cell(n, "description")] }
        cells[.addresses] = (values("ipv4-address").map { cell($0, "prop ipv4-address") }
            + values("ipv6-address").map { cell($0, "prop ipv6-address") } + own("address").map { cell($0, "prop address") })
        if let k = own("asset-kind").first {
            cells[.kind] = [cell(k, "prop asset-kind")]
        } else if let t = values("asset-type").first {
            cells[.kind] = [cell(t, "prop asset-type")]
        }
        if let c = own("cmmc-category").first { cells[.declared] = [cell(c, "prop cmmc-category")] }
        for prop in ["vlan-id", "network-id"] {
            if let z = values(prop).first(where: { !$0.isEmpty }) {
                cells[.zone] = [cell(z, "prop \(prop)")]
                break
            }
        }
        if let p = values("public").first { cells[.public] = [cell(p, "prop public")] }
        assembler.add(cells, at: item.location)
    }

    /// Reads the inventory items of an OSCAL SSP XML file, streaming past everything else.
    static func parseXML(path: String, file: String, lenient: Bool) throws(InputError) -> Inventory {
        var assembler = InventoryAssembler(file: file, lenient: lenient)
        var rootName: String?
        try XMLReader.stream(path, displayName: file, select: { names in
            if names.count == 1 {
                rootName = names[0]
                return names[0] == "system-security-plan" ? .descend : .skip
            }
            if names.count == 2 { return names[1] == "system-implementation" ? .descend : .skip }
            return names[2] == "inventory-item" ? .record : .skip
        }) { (element: XMLElement) throws(InputError) in
            add(item(xml: element), to: &assembler)
        }
        guard rootName == "system-security-plan" else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1),
                             "unrecognised XML inventory: expected an OSCAL <system-security-plan> root element")
        }
        return try assembler.finish()
    }

    /// All character data under an element (OSCAL descriptions are markup: `<p>` children).
    private static func allText(_ e: XMLElement) -> String {
        var parts = [e.text]
        for c in e.children { parts.append(allText(c)) }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
