import Foundation

/// The AWS VPC reader of the registry (docs/FORMATS.md, AWS VPC): `aws ec2 describe-*` JSON,
/// one CLI output per file or several combined in one object; every `--rules` file of this
/// format in a run is read together as one export (docs/DECISIONS.md 145).
struct AWSRulesFormat: MultiFileRulesFormatReader {
    let names = ["aws"]
    let label = "AWS VPC"
    let signature = "a JSON object with SecurityGroups, NetworkAcls, NetworkInterfaces, Subnets or RouteTables"

    func sniff(_ head: InputHead) -> Bool {
        guard head.firstByte == UInt8(ascii: "{") else { return false }
        // `Subnets` alone is a common word; the CLI's subnet records always carry `SubnetId`.
        return AWSExportParser.keys.contains { $0 == "Subnets" ? head.hasJSONKeys([$0, "SubnetId"]) : head.hasJSONKeys([$0]) }
    }

    func read(path: String, displayName: String?, options: RulesReadOptions) throws(InputError) -> RuleSet {
        try read(files: [(path, displayName ?? path)], options: options)
    }

    func read(files: [(path: String, displayName: String)], options: RulesReadOptions) throws(InputError) -> RuleSet {
        var export = AWSExport()
        var log = DiagnosticLog()
        for (path, name) in files {
            let data = try InputFile.contents(path: path, file: name)
            do throws(InputError) {
                try AWSExportParser.add(data, file: name, to: &export, lenient: options.lenient, log: &log)
            } catch { log.append(contentsOf: error.diagnostics) }
        }
        try log.throwIfErrors()
        return AWSVPCPolicy.ruleSet(export, source: files.map(\.displayName).joined(separator: ", "), diagnostics: log.entries)
    }
}
