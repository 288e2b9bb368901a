import ArgumentParser
import CUIScope
import Foundation

/// Maps argument-parser's usage exit code (64) to the contract's 2 and prints errors on stderr.
@main enum Entrypoint {
    static func main() {
        do {
            var command = try CUIScopeCommand.parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = CUIScopeCommand.exitCode(for: error)
            if code == .success { CUIScopeCommand.exit(withError: error) }  // --help, --version
            FileHandle.standardError.write(Data((CUIScopeCommand.fullMessage(for: error) + "\n").utf8))
            exit(code == .validationFailure ? 2 : (code.rawValue == 64 ? 2 : code.rawValue))
        }
    }
}

struct CUIScopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cuiscope",
        abstract: "Which systems are in your CMMC assessment scope, and why.",
        discussion: """
            Reads asset inventories (CSV/JSON), firewall exports (native XML, PAN-OS, pfSense/OPNsense, FortiGate, Juniper SRX) and flow \
            logs, classifies every asset into the CMMC scoping categories (cui, security-protection, \
            contractor-risk-managed, specialized, out-of-scope) and reports findings with evidence.
            Exit codes: 0 success, 1 findings at or above --fail-on, 2 bad input or usage.
            """,
        version: "cuiscope \(ToolInfo.version)",
        subcommands: [Analyze.self, Diagram.self, Check.self, Reach.self, Explain.self, Validate.self])
}
