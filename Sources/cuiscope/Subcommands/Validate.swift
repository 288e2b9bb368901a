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
                let result: Result<Inventory, InputError> = Result { () throws(InputError) in
                    try InventoryReader.read(path: path, displayName: path)
                }
                switch result {
                case .success(let inventory): return inventory.warnings
                case .failure(let error): return error.diagnostics
                }
            }
            Diagnostics.print(problems)
            if problems.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
            let warnings = problems.filter { $0.severity == .warning }.count
            print("\(files.count) file\(files.count == 1 ? "" : "s") valid\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")")
        }
    }
}
