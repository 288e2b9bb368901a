import ArgumentParser
import CUIScope

extension CUIScopeCommand {
    /// `cuiscope validate FILE...`: parse only and report every problem.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse input files only and report every problem (exit 0 when clean, 2 otherwise).")

        @Argument(help: "Inventory, rules, flows or scope files; the kind is detected from content.")
        var files: [String]

        func run() throws {
            let problems = Validator.validate(paths: files) { path in
                do throws(InputError) {
                    return try InventoryReader.read(path: path, displayName: path).warnings
                } catch {
                    return error.diagnostics
                }
            }
            Diagnostics.print(problems)
            if problems.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
            let warnings = problems.filter { $0.severity == .warning }.count
            let plural = { (n: Int, noun: String) in "\(n) \(noun)\(n == 1 ? "" : "s")" }
            try OutputSink(path: nil).write(plural(files.count, "file") + " valid" + (warnings > 0 ? ", " + plural(warnings, "warning") : "") + "\n")
        }
    }
}
