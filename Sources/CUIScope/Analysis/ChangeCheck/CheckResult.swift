/// What `check` concluded about a proposed firewall change; renderers only read it.
public struct CheckResult: Sendable {
    public var baseline: AnalysisResult
    public var proposed: AnalysisResult
    /// Newly permitted and newly blocked paths between zones (with the assets inside), merged.
    public var paths: [PathChange]
    public var categoryChanges: [CategoryChange]
    public var ruleChanges: [RuleChange]
    /// Rules that became shadowed or redundant in the proposed export.
    public var coverage: [RuleCoverage]
    /// New and existing findings of the proposed export plus the check's own (CHG-25, RULE-26…).
    public var findings: [CheckedFinding]
    /// Baseline findings the change resolves.
    public var resolved: [CheckedFinding]
    public var waivers: [WaiverUse]
    public var failOn: Severity
    /// The date waivers were judged against (`--today`).
    public var today: String

    /// Whether the change fails the pipeline (exit 1).
    public var failed: Bool { findings.contains { $0.failing } }
    public var failing: [CheckedFinding] { findings.filter(\.failing) }
    public var waived: [CheckedFinding] { findings.filter { $0.waiver != nil } }
}

/// A finding as `check` sees it: new or carried over, waived or not, failing or not.
public struct CheckedFinding: Sendable {
    public enum Status: String, Sendable, Codable {
        case new, existing, resolved
    }
    public var finding: Finding
    public var status: Status
    /// Stable across runs and line shifts (id, assets, rule identity): SARIF `partialFingerprints`, waiver subjects.
    public var fingerprint: String
    /// The valid waiver that covers it, if any.
    public var waiver: Waiver?
    /// New, not waived, not info, and at or above `--fail-on`.
    public var failing: Bool
}

/// An asset whose category differs between the baseline and the proposed analysis.
public struct CategoryChange: Sendable, Hashable {
    public var asset: String
    public var from: Category
    public var to: Category
    /// The proposed analysis's reasons (with the edge and rule that decide it).
    public var reasons: [Reason]
    /// Indices into ``CheckResult/paths`` of the changes that touch the asset.
    public var paths: [Int]
}

/// A waiver and what it did in this run.
public struct WaiverUse: Sendable, Hashable {
    public var waiver: Waiver
    public var expired: Bool
    /// Fingerprints of the findings it matched.
    public var matched: [String]
}
