import ArgumentParser
import CUIScope
import Foundation

extension CMMCLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: Int(argument) ?? 0) }
}
extension Severity: ExpressibleByArgument {}
extension InventoryFormat: ExpressibleByArgument {}
extension RulesFormat: ExpressibleByArgument {}
extension FlowFormat: ExpressibleByArgument {}

/// The inputs shared by `analyze`, `explain` (and later `diagram`, `check`).
struct InputOptions: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption, help: "Asset inventory files (CSV or JSON).")
    var inventory: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Firewall rule exports (\(ReaderRegistry.rulesLabels))."))
    var rules: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "Flow logs: native XML, PAN-OS traffic log XML, Zeek conn.log (TSV or JSON), AWS VPC, Azure NSG/VNet, headed CSV.")
    var flows: [String] = []

    @Option(name: .long, help: "Flow log format override: native, panos-traffic, zeek, zeek-json, aws-vpc, azure, csv (default: detected from content).")
    var flowsFormat: FlowFormat?

    @Option(name: .long, parsing: .singleValue, help: "Map a flow CSV column to a field: --flow-map 'Source Address=src'.")
    var flowMap: [String] = []

    @Option(name: .long, help: "Observation window start for flow logs (ISO-8601 with zone, or YYYY-MM-DD in UTC).")
    var since: String?

    @Option(name: .long, help: "Observation window end for flow logs (ISO-8601 with zone, or YYYY-MM-DD: the whole day, UTC).")
    var until: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Network scans (nmap -oX XML) reconciled against the inventory: unknown live hosts, open ports.")
    var scan: [String] = []

    @Option(name: .long, help: "Scope file (YAML): organisation, level, zones, enclave, protocol allowlist.")
    var scope: String?

    @Option(name: .long, help: "CMMC level: 1, 2 or 3 (default: the scope file's, else 2).")
    var level: CMMCLevel?

    @Option(name: .long, help: "FedRAMP Marketplace data (18F data.json or fedramp-products.json) to check cloud services.")
    var fedramp: String?

    @Option(name: .long, help: "The assessment date (YYYY-MM-DD; default: today, UTC): the age of the FedRAMP Marketplace data, and in check waiver expiry, are judged against it.")
    var today: String?

    @Option(name: .long, help: "Marketplace data older than this many days on the assessment date raises CLOUD-41 and a warning (default: 90).")
    var marketplaceMaxAge: Int = 90

    @Option(name: .long, help: "Hosts file (address name…) resolving FQDN objects in firewall exports; DNS is never queried.")
    var hosts: String?

    @Option(name: .long, help: "Inventory format override: csv or json (default: detected from content).")
    var inventoryFormat: InventoryFormat?

    @Option(name: .long, help: ArgumentHelp("Rules format override: \(ReaderRegistry.rulesFormatNames) (default: detected from content)."))
    var rulesFormat: RulesFormat?

    @Option(name: .long, parsing: .singleValue, help: "Map an inventory column to a field: --map 'Host Name=id'.")
    var map: [String] = []

    @Flag(name: .long, help: "Skip invalid rows and rules (each is listed in the report) instead of stopping.")
    var lenient = false

    @Flag(name: .long, help: "Make malformed flow records fatal (default: skipped, counted and reported).")
    var strict = false

    @Flag(name: .long, help: "Print no progress on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Print progress (phases, records read, rate) on stderr even when it is not a terminal.")
    var progress = false

    func paths() throws -> InputPaths {
        let mappings = try Self.mappings(map, flag: "--map")
        let flowMappings = try Self.mappings(flowMap, flag: "--flow-map")
        var p = InputPaths(inventories: inventory, rules: rules, flows: flows, scope: scope, fedramp: fedramp, hosts: hosts,
                           inventoryFormat: inventoryFormat, rulesFormat: rulesFormat, mappings: mappings, lenient: lenient, strictFlows: strict,
                           level: level)
        p.flowWindow = try window()
        p.flowsFormat = flowsFormat
        p.flowMappings = flowMappings
        p.scans = scan
        return p
    }

    /// `column=field` pairs of `--map`/`--flow-map`, column → field.
    static func mappings(_ pairs: [String], flag: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for m in pairs {
            let parts = m.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("\(flag) expects column=field, got '\(m)'")
            }
            out[parts[0]] = parts[1]
        }
        return out
    }

    /// `--since`/`--until` as a window (``FlowWindow/parse(since:until:)``).
    func window() throws -> FlowWindow {
        do { return try FlowWindow.parse(since: since, until: until) } catch { throw ValidationError(error.message) }
    }

    func validate() throws {
        if inventory.isEmpty { throw ValidationError("at least one --inventory file is required") }
        if let today, !WaiversParser.isDate(today) { throw ValidationError("--today expects a date YYYY-MM-DD") }
        if marketplaceMaxAge < 0 { throw ValidationError("--marketplace-max-age expects a number of days, 0 or more") }
    }

    /// Loads every input; bad input prints every problem and exits 2.
    func load() throws -> AnalysisInput { try load(progress: Progress(force: false, quiet: true)) }

    /// Loads every input, reporting phases on `progress`.
    func load(progress: Progress) throws -> AnalysisInput {
        progress.note("reading \(inventory.count + rules.count + flows.count + scan.count) input file(s)")
        let inputPaths = try self.paths()
        var input = try loadOrExit { () throws(InputError) in try InputLoader.load(inputPaths) }
        input.today = assessmentDate
        input.marketplaceMaxAgeDays = marketplaceMaxAge
        progress.read(CUIScopeInputCounts(
            assets: input.assets.count, rules: input.enforcementPoints.reduce(0) { $0 + $1.rules.count },
            flowRecords: input.flowLogs.reduce(0) { $0 + $1.recordCount }))
        progress.phaseDone("ingest")
        return input
    }

    /// Old Marketplace data (CLOUD-41) is also a warning on stderr, unless `--quiet`: the report
    /// may go to a file nobody reads before relying on its FedRAMP conclusions.
    func warnAboutStaleData(_ findings: [Finding]) {
        guard !quiet else { return }
        for f in findings where f.id == FindingID.staleMarketplace.rawValue {
            let place = f.primaryLocation.map { "\($0.file):\($0.line): " } ?? ""
            FileHandle.standardError.write(Data("\(place)warning: \(f.message)\n".utf8))
        }
    }

    /// `--today`, else today's date in UTC.
    var assessmentDate: String { today ?? Self.systemDate() }

    /// Today's date in UTC as YYYY-MM-DD.
    static func systemDate() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
    }

    var progressReporter: Progress { Progress(force: progress, quiet: quiet) }
}
