/// PAN-OS and Panorama configurations in the reader registry. A `<response>` that answers a
/// log query is a flow log, not a configuration.
struct PANOSRulesFormat: RulesFormatReader {
    let names = ["panos"]
    let label = "PAN-OS/Panorama"
    let signature = "root element <config> or <response>"

    func sniff(_ head: InputHead) -> Bool {
        guard let root = head.xmlRoot, PANOSConfigParser.isPANOS(rootName: root.name) else { return false }
        return !(root.name == "response" && FlowsReader.isPANOSLogResponse(head.bytes))
    }

    func read(path: String, displayName: String?, options: RulesReadOptions) throws(InputError) -> RuleSet {
        let document = try XMLReader.document(path, displayName: displayName, skip: PANOSConfigParser.skippedElements)
        return try PANOSConfigParser.parse(document, file: displayName ?? path, hosts: options.hosts,
                                           lenient: options.lenient)
    }
}
