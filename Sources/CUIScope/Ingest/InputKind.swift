import Foundation

/// What an input file is, decided from its first bytes and (for XML) its root element, never
/// from its extension (docs/FORMATS.md, Detecting the format).
public enum InputKind: Sendable, Equatable {
    /// A firewall rules export; `root` is the document element name.
    case rules(root: String)
    /// A flow log; `root` is the document element name.
    case flows(root: String)
    /// XML whose root element no reader knows.
    case unknownXML(root: String, location: SourceLocation)
    /// An asset inventory, CSV or JSON.
    case inventory
    /// A `--scope` YAML file.
    case scope

    /// A rules, flow or inventory format the tool recognises but cannot read (Check Point
    /// rulebase JSON, …): refused in one line, never misread as an inventory.
    case unsupported(format: String, location: SourceLocation)
    /// A FedRAMP Marketplace feed (`--fedramp`): the 18F `data.json` or a product list.
    case marketplace
    /// A network scan (`--scan`): `nmap -oX` XML, root `<nmaprun>`.
    case scan

    /// Root elements of the flow formats (read by ``FlowsReader``).
    static let flowsRoots: Set<String> = [NativeFlowsParser.rootName]
    /// The OSCAL system security plan, whose `inventory-item`s ``InventoryReader`` reads.
    static let inventoryRoots: Set<String> = ["system-security-plan"]

    /// Sniffs a file's kind from content: the rules readers of ``ReaderRegistry`` first, then
    /// the recognised-but-unsupported formats, then flows, scans, marketplace, scope and inventory.
    /// - Throws: ``InputError`` when the file cannot be read.
    public static func detect(path: String, displayName: String? = nil) throws(InputError) -> InputKind {
        let file = displayName ?? path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(SourceLocation(file: file, line: 0), "cannot read file")
        }
        // Decompressed: a gzip file is recognised by what it holds.
        let head = try InputHead(path: path, displayName: displayName)
        let start = head.xmlRoot?.location ?? SourceLocation(file: file, line: 1)
        if let root = head.xmlRoot, flowsRoots.contains(root.name)
            || (root.name == "response" && FlowsReader.isPANOSLogResponse(head.bytes))
        {
            return .flows(root: root.name)
        }
        if head.xmlRoot?.name == NmapXMLParser.rootName { return .scan }
        if let reader = ReaderRegistry.rulesReader(for: head) {
            return .rules(root: head.xmlRoot?.name ?? reader.names[0])
        }
        if let known = ReaderRegistry.recognisedFormat(for: head) {
            return .unsupported(format: known.label, location: start)
        }
        if head.firstByte == UInt8(ascii: "<") {
            guard let root = head.xmlRoot else { return .unknownXML(root: "", location: start) }
            return inventoryRoots.contains(root.name) ? .inventory : .unknownXML(root: root.name, location: root.location)
        }
        // Text and JSON flow logs (Zeek, AWS VPC, Azure, headed CSV with source and destination columns).
        if let f = FlowsReader.sniffText(head.bytes) { return .flows(root: f.rawValue) }
        if FedRAMPMarketplaceParser.sniff(head) { return .marketplace }
        if head.isJSON { return .inventory }
        return looksLikeYAMLMapping(head.text) ? .scope : .inventory
    }

    /// The first meaningful line is `key:` or `key: value` (or `---`): YAML, not a CSV header.
    private static func looksLikeYAMLMapping(_ text: String) -> Bool {
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line == "---" || line.hasPrefix("%YAML") { return true }
            return line.wholeMatch(of: /[A-Za-z_][A-Za-z0-9_\-]*[ \t]*:([ \t].*)?/) != nil
        }
        return false
    }
}
