import ArgumentParser
import CUIScope
import Foundation

extension OutputFormat: ExpressibleByArgument {}
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

    @Option(name: .long, parsing: .upToNextOption, help: "Firewall rule exports (native XML, PAN-OS, Panorama, pfSense, OPNsense).")
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

    @Option(name: .long, help: "Scope file (YAML): organisation, level, zones, enclave, protocol allowlist.")
    var scope: String?

    @Option(name: .long, help: "CMMC level: 1, 2 or 3 (default: the scope file's, else 2).")
    var level: CMMCLevel?

    @Option(name: .long, help: "FedRAMP Marketplace data (18F data.json or fedramp-products.json) to check cloud services.")
    var fedramp: String?

    @Option(name: .long, help: "Hosts file (address name…) resolving FQDN objects in firewall exports; DNS is never queried.")
    var hosts: String?

    @Option(name: .long, help: "Inventory format override: csv or json (default: detected from content).")
    var inventoryFormat: InventoryFormat?

    @Option(name: .long, help: "Rules format override: native, panos, pfsense or opnsense (default: detected from content).")
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

    /// `--since`/`--until` as a window; a bare date means that whole UTC day.
    func window() throws -> FlowWindow {
        func parse(_ text: String?, _ flag: String, endOfDay: Bool) throws -> Double? {
            guard let text else { return nil }
            if let t = FlowTimestamp.parse(text) { return t }
            if text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, let t = FlowTimestamp.parse(text + "T00:00:00Z") {
                return endOfDay ? t + 86_400 - 0.001 : t
            }
            throw ValidationError("\(flag) expects an ISO-8601 time with zone (2026-10-01T00:00:00Z) or a date (2026-10-01), got '\(text)'")
        }
        let w = FlowWindow(since: try parse(since, "--since", endOfDay: false), until: try parse(until, "--until", endOfDay: true))
        if let a = w.since, let b = w.until, a > b { throw ValidationError("--since is after --until") }
        return w
    }

    func validate() throws {
        if inventory.isEmpty { throw ValidationError("at least one --inventory file is required") }
    }

    /// Loads every input; bad input prints every problem and exits 2.
    func load() throws -> AnalysisInput { try load(progress: Progress(force: false, quiet: true)) }

    /// Loads every input, reporting phases on `progress`.
    func load(progress: Progress) throws -> AnalysisInput {
        progress.note("reading \(inventory.count + rules.count + flows.count) input file(s)")
        let input = try loadOrExit(try paths())
        progress.read(CUIScopeInputCounts(
            assets: input.assets.count, rules: input.enforcementPoints.reduce(0) { $0 + $1.rules.count },
            flowRecords: input.flowLogs.reduce(0) { $0 + $1.recordCount }))
        progress.phaseDone("ingest")
        return input
    }

    var progressReporter: Progress { Progress(force: progress, quiet: quiet) }
}

/// Loads inputs; bad input prints every problem on stderr and exits 2.
func loadOrExit(_ paths: InputPaths) throws -> AnalysisInput {
    let result: Result<AnalysisInput, InputError> = Result { () throws(InputError) in try InputLoader.load(paths) }
    switch result {
    case .success(let input): return input
    case .failure(let e):
        Diagnostics.print(e.diagnostics)
        throw ExitCode(2)
    }
}

/// Diagnostics go to stderr, one `file:line:column: error: message` per line.
enum Diagnostics {
    static func print(_ ds: [Diagnostic]) {
        var text = ""
        for d in ds.sorted() { text += d.description + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Writes results to stdout or `--output`.
func emit(_ text: String, to output: String?) throws {
    if let output {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
            FileHandle.standardError.write(Data("\(output): error: cannot write output: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Streams a report to stdout or `--output` as `body` writes it, in 64 KiB chunks, so a large
/// report is never held whole in memory. Same file handling and error as ``emit(_:to:)``.
func emitStreaming(to output: String?, _ body: (inout ReportOutput) -> Void) throws {
    func fail(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(Data("\(output ?? "<stdout>"): error: cannot write output: \(error.localizedDescription)\n".utf8))
        return ExitCode(2)
    }
    guard let output else {
        var out = ReportOutput(handle: FileHandle.standardOutput)
        body(&out)
        do { try out.finish() } catch { throw fail(error) }
        return
    }
    let handle: FileHandle
    do {
        // Create or truncate the file the way `emit` does, then append to it as we go.
        let url = URL(fileURLWithPath: output)
        try Data().write(to: url)
        handle = try FileHandle(forWritingTo: url)
    } catch { throw fail(error) }
    var out = ReportOutput(handle: handle)
    body(&out)
    do {
        try out.finish()
        try handle.close()
    } catch { throw fail(error) }
}
