import ArgumentParser
import CUIScopeSynthetic

extension SyntheticProfile: ExpressibleByArgument {}

/// `cuiscope-gen`: writes a synthetic contractor network as cuiscope input files, for the
/// end-to-end measurements in BENCHMARKS.md.
@main
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cuiscope-gen",
        abstract: "Write a synthetic inventory, firewall policy and flow log to a directory.",
        discussion: """
            realistic (default): inventory.csv, rules.xml (native), panos.xml (the same policy as a \
            PAN-OS config), flows.xml (native) and traffic.xml (the same flows as a PAN-OS traffic log). \
            uniform: the historic benchmark network, inventory.csv, rules.xml and flows.xml.
            """)

    @Option(help: "Network shape: realistic or uniform.") var profile: SyntheticProfile = .realistic
    @Option(help: "Number of assets.") var assets = 10_000
    @Option(help: "Number of firewall rules.") var rules = 2_000
    @Option(help: "Number of flow records (0: no flows file).") var flows = 100_000
    @Option(help: "Seed; the same seed and sizes give byte-identical files.") var seed: UInt64 = 42
    @Option(name: .shortAndLong, help: "Directory to write the files to.")
    var output: String

    func run() throws {
        let files = try SyntheticInputs.write(
            profile: profile, assets: assets, rules: rules, flows: flows, seed: seed, to: output)
        for f in files.all { print(f) }
    }
}
