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
        var from: String?

        @Option(name: .long, help: "Destination address, or asset id (with --inventory).")
        var to: String?

        @Option(
            name: .long,
            help: "JSON Lines file of questions (keys from, to, proto, port, from_zone, to_zone); prints one JSON answer per line.")
        var queries: String?

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
            if queries != nil {
                if from != nil || to != nil { throw ValidationError("--queries replaces --from and --to") }
            } else if from == nil || to == nil {
                throw ValidationError("reach needs --from and --to, or --queries FILE")
            }
            _ = try services()
        }

        /// `--proto` and `--port` as the service asked about.
        func services() throws -> ServiceSet {
            do { return try ServiceQuery.services(proto: proto, port: port) } catch { throw ValidationError(error.message) }
        }

        func run() throws {
            let paths = InputPaths(inventories: inventory, rules: rules, scope: scope, lenient: lenient)
            let input = try loadOrExit { () throws(InputError) in try InputLoader.load(paths) }
            let reach = ReachQuery(input: input)
            if let queries { return try answerAll(queries, reach: reach) }
            let request = ReachRequest(
                from: from ?? "", to: to ?? "", proto: proto, port: port.flatMap { UInt16($0) }, fromZone: fromZone,
                toZone: toZone)
            switch reach.answer(request, names: ("--from", "--to")) {
            case .success(let answer):
                try output.sink.write(output.format == .json ? ReachRenderer.json(answer) : ReachRenderer.text(answer))
            case .failure(let e):
                Diagnostics.print([.error(SourceLocation(file: "<arguments>", line: 0), e.message)])
                throw ExitCode(2)
            }
        }

        /// `--queries`: one JSON answer (or `{"line":N,"error":…}`) per query line, in order;
        /// exit 2 at the end when any line was bad.
        private func answerAll(_ path: String, reach: ReachQuery) throws {
            var bad = 0
            var failure: InputError?
            try output.sink.write { out in
                do throws(InputError) {
                    try ReachQueryLines.forEach(path: path) { line, parsed in
                        switch parsed.flatMap({ reach.answer($0) }) {
                        case .success(let answer): out.write(ReachRenderer.jsonLine(answer))
                        case .failure(let e):
                            bad += 1
                            out.write(ReachRenderer.errorLine(line: line, message: e.message))
                        }
                    }
                } catch { failure = error }
            }
            if let failure {
                Diagnostics.print(failure.diagnostics)
                throw ExitCode(2)
            }
            if bad > 0 { throw ExitCode(2) }
        }
    }
}
