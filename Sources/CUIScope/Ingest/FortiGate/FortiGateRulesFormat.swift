/// The FortiOS configuration reader of the registry (docs/FORMATS.md, FortiGate).
struct FortiGateRulesFormat: RulesFormatReader {
    let names = ["fortigate"]
    let label = "FortiGate"
    let signature = "a line starting #config-version=, config firewall policy or config system interface"

    func sniff(_ head: InputHead) -> Bool {
        head.hasLine(startingWith: ["#config-version=", "config firewall policy", "config system interface"])
    }

    func read(path: String, displayName: String?, options: RulesReadOptions) throws(InputError) -> RuleSet {
        let file = displayName ?? path
        let data = try InputFile.contents(path: path, file: file)
        return try FortiGateConfigParser.parse(String(decoding: data, as: UTF8.self), file: file,
                                               lenient: options.lenient)
    }
}
