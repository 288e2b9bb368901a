/// How serious a finding is, `critical` highest: the one severity scale of the tool. It orders
/// findings in every report and decides `--fail-on`; `info` findings never fail a run.
///
/// Input problems are not graded on this scale: a ``Diagnostic`` has a ``Diagnostic/Level``
/// (error, warning, note), which decides whether the input can be used at all.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case critical, high, medium, low, info

    public var rank: Int {
        switch self {
        case .critical: return 4
        case .high: return 3
        case .medium: return 2
        case .low: return 1
        case .info: return 0
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
