import Foundation

/// The Azure NSG reader of the registry (docs/FORMATS.md, Azure NSG): `az network nsg list`,
/// `az network vnet list` and `az network nic list` JSON (or ARM/REST objects), read together
/// as one export like the AWS files (docs/DECISIONS.md 145).
struct AzureRulesFormat: MultiFileRulesFormatReader {
    let names = ["azure-nsg"]
    let label = "Azure NSG"
    let signature = "JSON with securityRules, or addressSpace and subnets, or ipConfigurations (az network nsg/vnet/nic list)"

    func sniff(_ head: InputHead) -> Bool {
        head.hasJSONKeys(["securityRules"]) || head.hasJSONKeys(["defaultSecurityRules"])
            || head.hasJSONKeys(["addressSpace", "subnets"]) || head.hasJSONKeys(["ipConfigurations", "privateIPAddress"])
    }

    func read(path: String, displayName: String?, options: RulesReadOptions) throws(InputError) -> RuleSet {
        try read(files: [(path, displayName ?? path)], options: options)
    }

    func read(files: [(path: String, displayName: String)], options: RulesReadOptions) throws(InputError) -> RuleSet {
        var export = AzureExport()
        var log = DiagnosticLog()
        for (path, name) in files {
            let data = try InputFile.contents(path: path, file: name)
            do throws(InputError) {
                try AzureExportParser.add(data, file: name, to: &export, lenient: options.lenient, log: &log)
            } catch { log.append(contentsOf: error.diagnostics) }
        }
        try log.throwIfErrors()
        return AzurePolicy.ruleSet(export, source: files.map(\.displayName).joined(separator: ", "), diagnostics: log.entries)
    }
}
