import ArgumentParser
import CUIScopeSynthetic

/// `cuiscope-gen`: writes a synthetic contractor network as cuiscope input files, for the
/// end-to-end measurements in BENCHMARKS.md.
@main
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cuiscope-gen",
        abstract: "Write a synthetic inventory CSV, native rules XML and native flows XML to a directory.")

    @Option(help: "Number of assets.") var assets = 10_000
    @Option(help: "Number of firewall rules (split between two firewalls).") var rules = 2_000
    @Option(help: "Number of flow records (0: no flows file).") var flows = 100_000
    @Option(help: "Seed; the same seed and sizes give byte-identical files.") var seed: UInt64 = 42
    @Option(name: .shortAndLong, help: "Directory to write inventory.csv, rules.xml and flows.xml to.")
    var output: String

    func run() throws {
        let files = try SyntheticInputs.write(assets: assets, rules: rules, flows: flows, seed: seed, to: output)
        print(files.inventory)
        print(files.rules)
        if let f = files.flows { print(f) }
    }
}
