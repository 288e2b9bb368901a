/// pfSense and OPNsense `config.xml` in the reader registry; one reader serves both.
struct PFSenseRulesFormat: RulesFormatReader {
    let names = ["pfsense", "opnsense"]
    let label = "pfSense/OPNsense"
    let signature = "root element <pfsense> or <opnsense>"

    func sniff(_ head: InputHead) -> Bool {
        head.xmlRoot.map { PFSenseConfigParser.isPFSense(rootName: $0.name) } ?? false
    }

    func read(path: String, displayName: String?, options: RulesReadOptions) throws(InputError) -> RuleSet {
        let document = try XMLReader.document(path, displayName: displayName)
        return try PFSenseConfigParser.parse(document, file: displayName ?? path, lenient: options.lenient)
    }
}
