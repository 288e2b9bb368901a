import Foundation

/// One cloud service offering as the FedRAMP Marketplace lists it, normalised from either
/// public feed (docs/FORMATS.md, FedRAMP Marketplace data).
///
/// Status and impact stay the raw strings of the feed: their meaning changes over time
/// (FedRAMP 20x, 2026 Certification Classes), so the decision is made later against a
/// configurable accept-list, and reports can always show what the Marketplace said.
public struct MarketplaceRecord: Sendable, Hashable {
    /// `Package_ID` (18F feed) or `id` (marketplace-fedramp-gov-data), trimmed, as written.
    public var id: String
    /// Cloud service provider: `Cloud_Service_Provider_Name` / `csp`.
    public var provider: String
    /// Cloud service offering: `Cloud_Service_Provider_Package` / `cso`.
    public var offering: String
    /// `Designation` (`Compliant`, `In Process`, `FedRAMP Ready`) / `public_status`.
    public var status: String
    /// `Impact_Level` (`Low`, `LI-SaaS`, `Moderate`, `High`, `20x Moderate`, …).
    public var impact: String
    /// Authorization path: `Path` (`Agency`, `JAB`) / `auth_path` (also `20x`, `Program`).
    public var path: String
    /// Service models, one per element: the 18F feed writes `"PaaS, SaaS"` in one string.
    public var serviceModels: [String]
    /// `Original_Authorization_Date` / `auth_date`, raw (ISO-8601 UTC in both feeds).
    public var authorizationDate: String?
    /// `Underlying_CSP_Package_ID` / `leveraged_systems` ids: context only, never used to
    /// infer coverage (docs/SCOPING.md, External services and FedRAMP, Match the offering).
    public var underlyingPackageIDs: [String]
    /// Third-party assessment organisation: `Independent_Assessor` / `3pao_name`.
    public var assessor: String?
    /// Where the record's object starts in the feed file.
    public var location: SourceLocation?

    public init(
        id: String, provider: String = "", offering: String = "", status: String = "", impact: String = "",
        path: String = "", serviceModels: [String] = [], authorizationDate: String? = nil,
        underlyingPackageIDs: [String] = [], assessor: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.provider = provider
        self.offering = offering
        self.status = status
        self.impact = impact
        self.path = path
        self.serviceModels = serviceModels
        self.authorizationDate = authorizationDate
        self.underlyingPackageIDs = underlyingPackageIDs
        self.assessor = assessor
        self.location = location
    }
}

/// A loaded Marketplace snapshot: records by package id, plus where and when it came from.
public struct Marketplace: Sendable {
    /// The feed's own date (`meta.Created_At` in the 18F feed), raw; reports must show it
    /// because the Marketplace changes daily and the bundled snapshot is not live.
    public var snapshotDate: String?
    /// The file the snapshot was read from, as displayed.
    public var source: String
    /// Records keyed by ``Marketplace/key(_:)`` of their id; the first record wins when an
    /// id repeats.
    public var records: [String: MarketplaceRecord]
    /// Later records that repeat an id already in ``records`` (the 18F feed lists
    /// `FR2112263551` twice, once Compliant and once In Process). Kept so the assessment can
    /// refuse to pick one silently.
    public var duplicates: [String: [MarketplaceRecord]]
    /// Non-fatal problems met while reading (repeated ids).
    public var warnings: [Diagnostic]

    public init(
        snapshotDate: String?, source: String, records: [String: MarketplaceRecord],
        duplicates: [String: [MarketplaceRecord]] = [:], warnings: [Diagnostic] = []
    ) {
        self.snapshotDate = snapshotDate
        self.source = source
        self.records = records
        self.duplicates = duplicates
        self.warnings = warnings
    }

    /// The lookup key of a package id: trimmed and upper-cased (feeds and inventories
    /// disagree on case and leave trailing blanks).
    public static func key(_ id: String) -> String {
        id.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// The record for a package id, compared case-insensitively; nil when not listed.
    public func record(id: String) -> MarketplaceRecord? {
        records[Self.key(id)]
    }

    /// Every record the feed lists under this id, the kept one first.
    public func allRecords(id: String) -> [MarketplaceRecord] {
        let k = Self.key(id)
        guard let first = records[k] else { return [] }
        return [first] + (duplicates[k] ?? [])
    }

    /// Near matches for a service the user could not (or did not) identify by package id,
    /// listed in CLOUD-01 so the user can pick the right offering.
    ///
    /// Score: shared words between the query's provider and the record's provider count
    /// once, shared words between the query's name and the record's offering count twice
    /// (the offering is what matters: docs/SCOPING.md, External services and FedRAMP, Match the
    /// offering), and name words found in the record's provider count once. Best first, ties by
    /// offering then id; at most five.
    public func candidates(provider: String?, name: String?, limit: Int = 5) -> [MarketplaceRecord] {
        let providerWords = MarketplaceWords.of(provider ?? "")
        let nameWords = MarketplaceWords.of(name ?? "")
        if providerWords.isEmpty && nameWords.isEmpty { return [] }
        var scored: [(score: Int, record: MarketplaceRecord)] = []
        for record in records.values {
            let recordProvider = MarketplaceWords.of(record.provider)
            let recordOffering = MarketplaceWords.of(record.offering)
            let score =
                providerWords.intersection(recordProvider).count
                + 2 * nameWords.intersection(recordOffering).count
                + nameWords.intersection(recordProvider).count
            if score > 0 { scored.append((score, record)) }
        }
        scored.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.record.offering != b.record.offering { return a.record.offering < b.record.offering }
            return a.record.id < b.record.id
        }
        return scored.prefix(limit).map(\.record)
    }
}

/// Word sets for fuzzy offering lookup: lower-cased alphanumeric runs, minus legal-form and
/// filler words that would make every "Inc." match every other.
enum MarketplaceWords {
    static let ignored: Set<String> = [
        "a", "an", "and", "the", "of", "for", "by", "to", "in", "on", "with",
        "inc", "llc", "ltd", "corp", "corporation", "co", "company", "lp", "llp", "plc", "dba",
    ]

    static func of(_ text: String) -> Set<String> {
        var words: Set<String> = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                words.insert(current)
                current = ""
            }
        }
        if !current.isEmpty { words.insert(current) }
        return words.subtracting(ignored)
    }
}
