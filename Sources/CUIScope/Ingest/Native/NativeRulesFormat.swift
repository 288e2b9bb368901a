/// The cuiscope native rules XML in the reader registry (docs/FORMATS.md, Detecting the format).
struct NativeRulesFormat: RulesFormatReader {
    let names = ["native"]
    let label = "cuiscope native XML"
    var signature: String { "root element <\(NativeRulesParser.rootName)>" }

    func sniff(_ head: InputHead) -> Bool { head.xmlRoot?.name == NativeRulesParser.rootName }

    func read(path: String, displayName: String?, options: RulesReadOptions) throws(InputError) -> RuleSet {
        let document = try XMLReader.document(path, displayName: displayName)
        return try NativeRulesParser.parse(document, file: displayName ?? path, lenient: options.lenient)
    }
}
