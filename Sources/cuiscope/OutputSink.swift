import ArgumentParser
import CUIScope
import Foundation

/// Where a command's result goes: stdout, or the `--output` file, created or truncated. Every
/// command writes through here, so a failed write is reported one way:
/// `FILE: error: cannot write output: …` on stderr and exit code 2.
struct OutputSink {
    /// The `--output` path; nil for stdout.
    let path: String?

    /// Streams a result to the destination as `body` writes it, in 64 KiB chunks, so a large
    /// report is never held whole in memory. The file is opened before `body` runs.
    func write(_ body: (inout ReportOutput) -> Void) throws {
        guard let path else {
            var out = ReportOutput(handle: FileHandle.standardOutput)
            body(&out)
            do { try out.finish() } catch { throw fail(error) }
            return
        }
        let handle: FileHandle
        do {
            // Create or truncate the file, then append to it as the result is written.
            let url = URL(fileURLWithPath: path)
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

    /// Writes a result already rendered as text.
    func write(_ text: String) throws { try write { $0.write(text) } }

    /// Writes a result already rendered as bytes (SVG, PNG).
    func write(_ data: Data) throws { try write { $0.write(data) } }

    private func fail(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(
            Data("\(path ?? "<stdout>"): error: cannot write output: \(error.localizedDescription)\n".utf8))
        return ExitCode(2)
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

/// Runs an input loader; bad input prints every problem on stderr and exits 2.
func loadOrExit<Loaded>(_ load: () throws(InputError) -> Loaded) throws -> Loaded {
    do throws(InputError) { return try load() } catch {
        Diagnostics.print(error.diagnostics)
        throw ExitCode(2)
    }
}
