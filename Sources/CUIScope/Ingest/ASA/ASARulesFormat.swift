/// The Cisco ASA configuration reader of the registry (docs/FORMATS.md, Cisco ASA).
struct ASARulesFormat: RulesFormatReader {
    let names = ["asa"]
    let label = "Cisco ASA"
    let signature = "a line starting ASA Version or access-group"

    func sniff(_ head: InputHead) -> Bool { head.hasLine(startingWith: ["ASA Version ", "access-group "]) }

    func read(path: String, displayName: String?, options: RulesReadOptions) throws(InputError) -> RuleSet {
        let file = displayName ?? path
        let data = try InputFile.contents(path: path, file: file)
        return try ASAConfigParser.parse(String(decoding: data, as: UTF8.self), file: file, lenient: options.lenient,
                                         hosts: options.hosts)
    }
}
