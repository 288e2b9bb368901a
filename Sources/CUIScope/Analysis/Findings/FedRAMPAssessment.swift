import Foundation

/// What the FedRAMP test (docs/SCOPING.md, External services and FedRAMP) says about one cloud
/// service holding CUI.
///
/// Each case maps to at most one finding (``findingID``); the records and reasons are kept so
/// reports can show the Marketplace entry and the snapshot it came from.
public enum FedRAMPVerdict: Sendable, Hashable {
    /// Marketplace lists the stated package as authorized at an accepted impact
    /// (`Compliant`/`FedRAMP Authorized` at Moderate or High by default).
    case authorized(MarketplaceRecord)
    /// Listed, but in a stage or at an impact the rule does not credit (In Process, Ready/FRR,
    /// Agency In Process, No Status Found, Low, LI-SaaS, 20x Low) → CLOUD-02.
    case insufficient(MarketplaceRecord, reason: String)
    /// The values cannot be decided by rule (20x Moderate, Certification Classes A–D, values on
    /// neither list, conflicting duplicate records) → CLOUD-04.
    case review(MarketplaceRecord?, reason: String)
    /// Marketplace data loaded, but no record for the stated package id, or no id stated →
    /// CLOUD-01 with near matches.
    case notFound(candidates: [MarketplaceRecord])
    /// No Marketplace data was loaded: only the inventory's own `fedramp_status` and
    /// `impact_level`, to be reported as "stated, not verified".
    case statedOnly(status: String, impact: String?)
    /// FedRAMP Moderate equivalency claimed instead of a Marketplace authorization: the
    /// required Body-of-Evidence items not supplied. Empty = accepted equivalent; else CLOUD-03.
    case equivalency(missing: [String])

    /// The finding this verdict raises, nil when the FedRAMP test passes. Stated-only values
    /// go through the default accept-list; use ``FedRAMPAcceptList/decide(status:impact:)``
    /// for a configured one.
    public var findingID: String? { finding(acceptList: .default)?.rawValue }

    /// The finding this verdict raises under `acceptList` (it matters for stated values only).
    public func findingID(acceptList: FedRAMPAcceptList) -> String? { finding(acceptList: acceptList)?.rawValue }

    /// The id behind ``findingID``.
    func finding(acceptList: FedRAMPAcceptList) -> FindingID? {
        switch self {
        case .authorized: return nil
        case .insufficient: return .cloudInsufficient
        case .review: return .fedrampReview
        case .notFound: return .cloudNotFedRAMP
        case .equivalency(let missing): return missing.isEmpty ? nil : .equivalencyIncomplete
        case .statedOnly(let status, let impact):
            if FedRAMPAssessment.statesNoAuthorization(status) { return .cloudNotFedRAMP }
            switch acceptList.decide(status: status, impact: impact) {
            case .accepted: return nil
            case .denied: return .cloudInsufficient
            case .review: return .fedrampReview
            }
        }
    }
}

/// The outcome of checking one status/impact pair against an accept-list.
public enum FedRAMPDecision: Sendable, Hashable {
    case accepted
    case denied(reason: String)
    case review(reason: String)
}

/// Which Marketplace statuses and impacts satisfy the FedRAMP requirement, and which are
/// known not to. Configurable because the program is changing (FedRAMP 20x, Certification
/// Classes, "FedRAMP Ready goes Legacy" on 28 July 2026) and DoD's treatment of the new
/// values is unconfirmed (docs/SCOPING.md, External services and FedRAMP; Judgement calls): a
/// value on neither list is a review.
///
/// Values are compared after ``normalise(_:)``: case, surrounding blanks, repeated spaces and
/// underscores do not matter, and a leading "FedRAMP " is ignored for impacts.
public struct FedRAMPAcceptList: Sendable, Hashable {
    public var acceptedStatuses: Set<String>
    public var deniedStatuses: Set<String>
    public var acceptedImpacts: Set<String>
    public var deniedImpacts: Set<String>

    public init(
        acceptedStatuses: Set<String>, deniedStatuses: Set<String>, acceptedImpacts: Set<String>,
        deniedImpacts: Set<String>
    ) {
        self.acceptedStatuses = Set(acceptedStatuses.map(Self.normalise))
        self.deniedStatuses = Set(deniedStatuses.map(Self.normalise))
        self.acceptedImpacts = Set(acceptedImpacts.map(Self.normaliseImpact))
        self.deniedImpacts = Set(deniedImpacts.map(Self.normaliseImpact))
    }

    /// Authorized at Moderate or High is accepted; In Process, Ready/FRR, Agency In Process, No
    /// Status Found/delisted, Low, LI-SaaS and 20x Low are not (docs/SCOPING.md, External
    /// services and FedRAMP).
    public static let `default` = FedRAMPAcceptList(
        acceptedStatuses: ["Compliant", "FedRAMP Authorized", "Authorized"],
        deniedStatuses: [
            "In Process", "FedRAMP In Process", "Agency In Process", "JAB In Process", "PMO In Process",
            "FedRAMP Ready", "Ready", "FRR", "No Status Found", "Delisted",
        ],
        acceptedImpacts: ["Moderate", "High"],
        deniedImpacts: ["Low", "LI-SaaS", "20x Low"])

    /// Lower-cased, trimmed, underscores as spaces, runs of spaces collapsed.
    public static func normalise(_ value: String) -> String {
        value.lowercased().replacingOccurrences(of: "_", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// ``normalise(_:)`` without a leading "fedramp " ("FedRAMP Moderate" is "moderate").
    public static func normaliseImpact(_ value: String) -> String {
        let n = normalise(value)
        return n.hasPrefix("fedramp ") ? String(n.dropFirst("fedramp ".count)) : n
    }

    /// Checks a status and impact: a denied status or impact is denied whatever the other
    /// says; both accepted is accepted; anything else (unknown, blank, 20x Moderate, a
    /// Certification Class) is a review naming the raw value.
    public func decide(status: String, impact: String?) -> FedRAMPDecision {
        let s = Self.normalise(status)
        let i = Self.normaliseImpact(impact ?? "")
        let shownStatus = status.trimmingCharacters(in: .whitespacesAndNewlines)
        let shownImpact = (impact ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if deniedStatuses.contains(s) {
            return .denied(
                reason: "status '\(shownStatus)' is not an authorization; only FedRAMP Authorized "
                    + "(Moderate or High) or an equivalent is credited")
        }
        if deniedImpacts.contains(i) {
            return .denied(reason: "impact level '\(shownImpact)' is below the required FedRAMP Moderate baseline")
        }
        guard acceptedStatuses.contains(s) else {
            if s.isEmpty { return .review(reason: "no FedRAMP status recorded") }
            return .review(reason: "status '\(shownStatus)' is on neither the accept nor the deny list")
        }
        if acceptedImpacts.contains(i) { return .accepted }
        if i.isEmpty { return .review(reason: "status '\(shownStatus)' but no impact level recorded") }
        if i.hasPrefix("20x") {
            return .review(reason: "impact '\(shownImpact)' is a FedRAMP 20x level whose DoD treatment is unconfirmed")
        }
        if i.hasPrefix("class") {
            return .review(
                reason: "impact '\(shownImpact)' is a FedRAMP Certification Class with no confirmed "
                    + "mapping to Moderate")
        }
        return .review(reason: "impact '\(shownImpact)' is on neither the accept nor the deny list")
    }
}

/// The FedRAMP decision (docs/SCOPING.md, External services and FedRAMP) for one cloud
/// service, as a pure function.
///
/// The offering is matched by the package id the user states (`fedramp_id`) and nothing
/// else: "Microsoft 365" is several offerings with different records, so vendor or brand
/// names only ever produce candidates, never a match (docs/SCOPING.md#match-the-offering-not-the-vendor).
public enum FedRAMPAssessment {
    /// Body-of-Evidence items a FedRAMP Moderate equivalency claim needs (DoD CIO memo of
    /// 21 Dec 2023 as summarised in docs/SCOPING.md, External services and FedRAMP; plus the
    /// DFARS 7012 (c)–(g) terms):
    /// 3PAO SAR, 100 % of the Moderate baseline, all assessment POA&Ms closed, annual 3PAO
    /// assessment, customer responsibility matrix, 7012(c)–(g) commitments.
    public static let equivalencyItems = [
        "3pao-sar", "100-percent", "poam-closed", "annual-3pao", "crm", "dfars-7012-cg",
    ]

    /// Decides the FedRAMP verdict for `asset`.
    ///
    /// Order: an accepted Marketplace record wins; otherwise an equivalency claim (any
    /// evidence item supplied) is checked for completeness; otherwise the record's
    /// insufficient or review verdict, or `notFound` with candidates. Without a Marketplace,
    /// the inventory's stated status is returned as `statedOnly`; with nothing stated at all
    /// the service has no FedRAMP evidence and is `notFound` with no candidates.
    public static func assess(
        asset: Asset, marketplace: Marketplace?, acceptList: FedRAMPAcceptList = .default
    ) -> FedRAMPVerdict {
        let claimsEquivalency = !asset.equivalencyEvidence.isEmpty
        let statedID = asset.fedrampID?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""

        guard let marketplace else {
            if claimsEquivalency { return .equivalency(missing: missingEquivalencyItems(asset.equivalencyEvidence)) }
            let status = asset.fedrampStatus?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            // Nothing stated and nothing loaded: absence of data is not a finding of absence
            // (docs/DECISIONS.md 76); the Marketplace data would decide it.
            if status.isEmpty {
                let what = statedID.isEmpty ? "no FedRAMP package id (fedramp_id) or status" : "package id \(statedID) but no FedRAMP status"
                return .review(nil, reason: "not evaluated: no Marketplace data loaded (--fedramp) and the inventory states \(what)")
            }
            let impact = asset.impactLevel?.trimmingCharacters(in: .whitespacesAndNewlines)
            return .statedOnly(status: status, impact: impact?.isEmpty == true ? nil : impact)
        }

        let listed = statedID.isEmpty ? [] : marketplace.allRecords(id: statedID)
        guard !listed.isEmpty else {
            if claimsEquivalency { return .equivalency(missing: missingEquivalencyItems(asset.equivalencyEvidence)) }
            return .notFound(candidates: marketplace.candidates(provider: asset.provider, name: asset.name))
        }

        let recordVerdict = verdict(for: listed, acceptList: acceptList)
        if case .authorized = recordVerdict { return recordVerdict }
        if claimsEquivalency { return .equivalency(missing: missingEquivalencyItems(asset.equivalencyEvidence)) }
        return recordVerdict
    }

    /// Whether an inventory's stated status itself says there is no authorization ("none",
    /// "no", "not authorized"): the organisation's own statement, CLOUD-01 (docs/DECISIONS.md 76).
    public static func statesNoAuthorization(_ status: String) -> Bool {
        ["none", "no", "not authorized", "unauthorized", "not fedramp authorized", "n/a", "not applicable"]
            .contains(FedRAMPAcceptList.normalise(status))
    }

    /// The verdict for the records listed under one id. When the feed repeats the id with
    /// decisions that differ, the tool does not choose: it asks for a review.
    static func verdict(for listed: [MarketplaceRecord], acceptList: FedRAMPAcceptList) -> FedRAMPVerdict {
        let decisions = listed.map { acceptList.decide(status: $0.status, impact: $0.impact) }
        let first = listed[0]
        if Set(decisions).count > 1 {
            let pairs = listed.map { "'\($0.status)'/'\($0.impact)'" }.joined(separator: ", ")
            return .review(
                first,
                reason: "the Marketplace lists \(listed.count) records for package \(first.id) "
                    + "with different outcomes (\(pairs)); check the live Marketplace")
        }
        switch decisions[0] {
        case .accepted: return .authorized(first)
        case .denied(let reason): return .insufficient(first, reason: reason)
        case .review(let reason): return .review(first, reason: reason)
        }
    }

    /// The required equivalency items not among `supplied` (compared case-insensitively,
    /// with `_` and spaces read as `-`), in the order of ``equivalencyItems``.
    public static func missingEquivalencyItems(_ supplied: [String]) -> [String] {
        let have = Set(
            supplied.map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                    .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
            })
        return equivalencyItems.filter { !have.contains($0) }
    }
}
