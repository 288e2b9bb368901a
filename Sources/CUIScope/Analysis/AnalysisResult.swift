/// The outcome for one asset: computed category, what the organisation declared, every
/// label that applies and the reasons with evidence.
public struct AssetResult: Sendable, Hashable {
    public var id: String
    public var name: String
    public var addresses: [String]
    public var kind: AssetKind
    /// The primary zone: the inventory's own zone when the asset has an address there, else
    /// the first of ``zones``.
    public var zone: String?
    /// Every zone the asset has an address in, the primary first, then in name order: a
    /// multi-homed asset (a firewall, a jump host) is in scope through any of them.
    public var zones: [String] = []
    public var category: Category
    public var declared: Category?
    /// All categories that apply, primary first.
    public var labels: [Category]
    public var reasons: [Reason]
    public var location: SourceLocation
    /// Ports a network scan found open on the asset, sorted (empty without `--scan`).
    public var openPorts: [OpenPort] = []
    /// The security functions the inventory states (`functions`), for the diagrams' actors.
    public var functions: [SecurityFunction] = []

    public init(id: String, name: String, addresses: [String], kind: AssetKind, zone: String?, category: Category,
                declared: Category?, labels: [Category], reasons: [Reason], location: SourceLocation) {
        self.id = id
        self.name = name
        self.addresses = addresses
        self.kind = kind
        self.zone = zone
        self.category = category
        self.declared = declared
        self.labels = labels
        self.reasons = reasons
        self.location = location
    }
}

/// A finding from the catalogue (docs/SCOPING.md, Finding catalogue). `id` is a ``FindingID``'s
/// raw value: findings are made by ``FindingKind/make(assets:message:evidence:severity:review:primaryLocation:)``.
public struct Finding: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    /// The tool could not decide; an assessor must (docs/SCOPING.md, Finding catalogue).
    public var review: Bool
    public var title: String
    public var assets: [String]
    public var message: String
    public var evidence: [Evidence]
    public var remediation: String
    /// The rule basis (regulation, guide) in short.
    public var basis: String
    /// Where a code-scanning UI should point (the rule's file and line), when one place is the cause.
    public var primaryLocation: SourceLocation?

    public init(id: String, severity: Severity, review: Bool = false, title: String, assets: [String], message: String,
                evidence: [Evidence], remediation: String, basis: String, primaryLocation: SourceLocation? = nil) {
        self.id = id
        self.severity = severity
        self.review = review
        self.title = title
        self.assets = assets
        self.message = message
        self.evidence = evidence
        self.remediation = remediation
        self.basis = basis
        self.primaryLocation = primaryLocation
    }

    /// A stable identity for diffs, waivers and SARIF fingerprints: id + assets + primary place.
    public var fingerprint: String {
        ([id] + assets.sorted() + [primaryLocation.map { "\($0.file):\($0.line)" } ?? ""]).joined(separator: "|")
    }
}

/// One input file as read, for the report's provenance section.
public struct InputSummary: Sendable, Hashable {
    public var file: String
    /// `inventory-csv`, `inventory-json`, `native-rules`, `panos`, …
    public var format: String
    /// Objects read (assets, rules, flows).
    public var records: Int
    /// Rows/rules/records skipped, each with its location.
    public var skipped: [Diagnostic]
    /// Problems with rows or columns that were read all the same (ignored columns, a missing
    /// `cui` column, unrecognised values), which the report must show: they change what the
    /// result can be trusted for.
    public var warnings: [Diagnostic] = []
    public var counts: [String: Int]
    /// For flow logs: the window the records were filtered to and the times actually seen.
    public var window: ObservationWindow?

    public init(file: String, format: String, records: Int, skipped: [Diagnostic] = [], counts: [String: Int] = [:]) {
        self.file = file
        self.format = format
        self.records = records
        self.skipped = skipped
        self.counts = counts
    }
}

/// The observation window of flow evidence: what was asked (`--since`/`--until`) and the
/// earliest and latest record time actually kept, in seconds since 1970 UTC.
public struct ObservationWindow: Sendable, Hashable {
    public var since: Double?
    public var until: Double?
    public var firstSeen: Double?
    public var lastSeen: Double?
    /// Records read and records kept (inside the window), summed over the sources described.
    public var records: Int
    public var kept: Int

    public init(since: Double?, until: Double?, firstSeen: Double?, lastSeen: Double?, records: Int, kept: Int) {
        self.since = since
        self.until = until
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.records = records
        self.kept = kept
    }

    /// One line for reports: "2026-10-01T00:00:00Z to 2026-10-07T23:59:59Z (requested: …)".
    public var text: String {
        func t(_ v: Double?) -> String { v.map(EvidenceText.timestamp) ?? "open" }
        var s = firstSeen == nil ? "no timed records" : "records from \(t(firstSeen)) to \(t(lastSeen))"
        s += since == nil && until == nil ? ", no window requested" : ", window \(t(since)) to \(t(until))"
        s += "; \(kept) of \(records) record\(records == 1 ? "" : "s") kept"
        return s
    }
}

/// Everything `analyze` concluded; renderers only read it.
public struct AnalysisResult: Sendable {
    public var level: CMMCLevel
    public var organisation: String?
    public var assets: [AssetResult]
    public var findings: [Finding]
    public var inputs: [InputSummary]
    /// The scope file's justified allowlist, echoed for the assessor.
    public var allowlist: [AllowlistEntry]
    /// The FedRAMP Marketplace snapshot date used, if any.
    public var marketplaceSnapshot: String?
    /// Data-capable edges behind the conclusions (examples per asset, deterministic order); empty
    /// when the analysis ran with `includeDiagramData: false` (`analyze`, `explain`: no report shows them).
    public var edges: [Edge]
    /// Zones, enforcement points, FedRAMP verdicts and CUI-to-CUI edges, for diagrams; empty when
    /// the analysis ran with `includeDiagramData: false`.
    public var network: NetworkSummary
    /// The flow evidence's observation window over all flow sources; nil without flow logs.
    public var observation: ObservationWindow?

    public init(level: CMMCLevel, organisation: String?, assets: [AssetResult], findings: [Finding],
                inputs: [InputSummary], allowlist: [AllowlistEntry], marketplaceSnapshot: String?, edges: [Edge],
                network: NetworkSummary = NetworkSummary()) {
        self.level = level
        self.organisation = organisation
        self.assets = assets
        self.findings = findings
        self.inputs = inputs
        self.allowlist = allowlist
        self.marketplaceSnapshot = marketplaceSnapshot
        self.edges = edges
        self.network = network
    }

    /// Assets per category token, every token present (zero included).
    public var categoryCounts: [(Category, Int)] {
        Category.allCases.map { c in (c, assets.filter { $0.category == c }.count) }
    }
}
