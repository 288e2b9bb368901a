import Foundation
import CUIScope

/// Phase and count lines on stderr for long runs: shown when stderr is a terminal (or with
/// `--progress`), silent otherwise and with `--quiet`, so pipelines and CI logs stay clean.
struct Progress {
    let enabled: Bool
    private let start = Date()

    init(force: Bool, quiet: Bool) {
        enabled = !quiet && (force || isatty(STDERR_FILENO) == 1)
    }

    func note(_ text: String) {
        guard enabled else { return }
        let t = String(format: "%.2f", Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data("cuiscope [\(t)s] \(text)\n".utf8))
    }

    /// The end of one analysis phase, with the process's peak resident memory so far (the
    /// per-phase tables of BENCHMARKS.md are read from these lines).
    func phaseDone(_ name: String) {
        guard enabled else { return }
        note("\(name) done, peak RSS \(PeakMemory.residentMiB) MiB")
    }

    /// Summarises what was read, with the record rate.
    func read(_ input: CUIScopeInputCounts) {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(input.assets + input.rules + input.flowRecords) / seconds
        note("read \(input.assets) assets, \(input.rules) rules, \(input.flowRecords) flow records (\(Int(rate)) records/s)")
    }
}

/// Counts of what an analysis input holds, for progress lines.
struct CUIScopeInputCounts {
    var assets: Int
    var rules: Int
    var flowRecords: Int
}
