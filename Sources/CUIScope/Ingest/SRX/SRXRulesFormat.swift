/// Juniper SRX configurations in the reader registry: `show configuration | display set` text
/// or `| display xml` (docs/FORMATS.md, Juniper SRX).
struct SRXRulesFormat: RulesFormatReader {
    let names = ["srx", "junos"]
    let label = "Juniper SRX"
    let signature = "root element <configuration> (or <rpc-reply> with junos), or set security/interfaces/applications lines"

    func sniff(_ head: InputHead) -> Bool {
        if let root = head.xmlRoot { return JunosXMLConfig.isJunos(rootName: root.name, head: head.text) }
        return head.hasLine(startingWith: JunosSetParser.signatures)
    }

    func read(path: String, displayName: String?, options: RulesReadOptions) throws(InputError) -> RuleSet {
        let file = displayName ?? path
        if try InputHead(path: path, displayName: displayName).xmlRoot != nil {
            let root = try XMLReader.document(path, displayName: displayName, skip: JunosXMLConfig.skippedElements)
            return try SRXConfigParser.parse(xml: root, file: file, hosts: options.hosts, lenient: options.lenient)
        }
        let data = try InputFile.contents(path: path, file: file)
        return try SRXConfigParser.parse(setText: String(decoding: data, as: UTF8.self), file: file,
                                         hosts: options.hosts, lenient: options.lenient)
    }
}
