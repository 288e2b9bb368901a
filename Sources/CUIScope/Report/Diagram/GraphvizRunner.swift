import Foundation

/// Runs Graphviz `dot` to turn DOT into SVG or PNG for the user. DOT itself never needs it.
public enum GraphvizRunner {
    /// Why rendering through `dot` failed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The first executable `dot` on `PATH`, nil when Graphviz is not installed.
    public static func locateDot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let path = String(dir) + "/dot"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Lays out `dot` text with Graphviz and returns the output bytes.
    /// - Parameters:
    ///   - format: `svg` or `png` (any `-T` format Graphviz knows).
    ///   - executable: the `dot` binary; found on `PATH` when nil.
    /// - Throws: ``Failure`` when `dot` is missing or exits non-zero (its stderr is included).
    public static func render(_ dot: String, format: String, executable: String? = nil) throws(Failure) -> Data {
        guard let exe = executable ?? locateDot() else {
            throw Failure(message: "--format \(format) needs Graphviz 'dot' on PATH (install graphviz), "
                          + "or use --format dot and render it yourself")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = ["-T" + format]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw Failure(message: "cannot run \(exe): \(error.localizedDescription)")
        }
        // Read both pipes while writing so a large diagram cannot deadlock on a full pipe buffer.
        let box = OutputBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            box.out = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            box.err = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        input.fileHandleForWriting.write(Data(dot.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: box.err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "dot exited with status \(process.terminationStatus): \(text)")
        }
        return box.out
    }

    private final class OutputBox: @unchecked Sendable {
        var out = Data()
        var err = Data()
    }
}
