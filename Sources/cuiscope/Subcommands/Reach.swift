import ArgumentParser
import CUIScope
import Foundation

extension CUIScopeCommand {
    /// `cuiscope reach`: the firewall's own first-match verdict for one source, destination and service.
    struct Reach: ParsableCommand, OutputSpec {
        static let configuration = CommandConfiguration(
            abstract: "Answer whether traffic from one address or asset to another is permitted, and by which rule.")

        static let defaultFormat = QueryFormat.text
        static let outputNoun = "answer"

        @Option(name: .long, parsing: .upToNextOption, help: "Firewall rule exports.")
        var rules: [String]

        @Option(name: .long, help: "Source address, or asset id (with --inventory).")
        var from: String

        @Option(name: .long, help: "Destination address, or asset id (with --inventory).")
        var to: String

        @Option(name: .long, help: "Protocol: tcp, udp, icmp or any.")
        var proto: String = "any"

        @Option(name: .long, help: "Destination port.")
        var port: String?

        @Option(name: .long, help: "Ingress zone (default: the zone whose subnet holds the source).")
        var fromZone: String?

        @Option(name: .long, help: "Egress zone (default: the zone whose subnet holds the destination).")
        var toZone: String?

        @Option(name: .long, parsing: .upToNextOption, help: "Inventories, to name assets by id.")
        var inventory: [String] = []

        @Option(name: .long, help: "Scope file, for zones and subnets.")
        var scope: String?

        @Flag(name: .long, help: "Skip invalid rules instead of stopping.")
        var lenient = false

        @OptionGroup var output: OutputOptions<Reach>

        func validate() throws {
            _ = try services()
        }

        /// `--proto` and `--port` as the service asked about.
        func services() throws -> ServiceSet {
            do { return try ServiceQuery.services(proto: proto, port: port) } catch { throw ValidationError(error.message) }
        }

        func run() throws {
            let paths = InputPaths(inventories: inventory, rules: rules, scope: scope, lenient: lenient)
            let input = try loadOrExit { () throws(InputError) in try InputLoader.load(paths) }
            let src = try resolve(from, input: input, option: "--from")
            let dst = try resolve(to, input: input, option: "--to")
            let answer = ReachQuery.run(input: input, source: src, destination: dst, services: try services(),
                                        fromZone: fromZone, toZone: toZone)
            try output.sink.write(output.format == .json ? ReachRenderer.json(answer) : ReachRenderer.text(answer))
        }

        private func resolve(_ text: String, input: AnalysisInput, option: String) throws -> IPAddress {
            if let a = IPAddress(text) { return a }
            if let asset = input.assets.first(where: { $0.id == text }), let first = asset.addresses.intervals.first {
                return IPAddress(value: first.lower)
            }
            Diagnostics.print([.error(SourceLocation(file: "<arguments>", line: 0),
                                      "\(option) '\(text)' is neither an IP address nor an asset id with an address in the inventory")])
            throw ExitCode(2)
        }
    }
}
