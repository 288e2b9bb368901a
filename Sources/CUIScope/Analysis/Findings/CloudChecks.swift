/// The cloud findings of step 3 (docs/SCOPING.md, External services and FedRAMP): a cloud
/// service holding CUI must be FedRAMP Moderate (or higher) authorized or equivalent, and its
/// DFARS 7012(c)–(g) terms evidenced; one holding only Security Protection Data is a review.
///
/// Which finding a FedRAMP verdict raises is ``FedRAMPVerdict``'s to say (the diagrams show the
/// same id); this pass writes the message and evidence for it.
enum CloudChecks {
    static func findings(for a: Asset, holdsCUI: Bool, marketplace: Marketplace?, rules: LevelRules) -> [Finding] {
        let row = EvidenceText.inventory(a)
        guard holdsCUI else {
            guard !a.functions.isEmpty && rules.hasSecurityProtection else { return [] }
            return [FindingCatalog.spdOnlyCloud.make(
                assets: [a.id], message: "\(a.id) holds only Security Protection Data (\(a.functions.map(\.rawValue).joined(separator: ", "))); the rule text assesses it as a Security Protection Asset, while the preamble applies FedRAMP requirements to SPD as to CUI.",
                evidence: [row])]
        }
        let verdict = FedRAMPAssessment.assess(asset: a, marketplace: marketplace)
        if let id = verdict.finding(acceptList: .default),
            let failure = explanation(verdict, asset: a, marketplace: marketplace)
        {
            return [FindingCatalog.kind(id).make(assets: [a.id], message: failure.message, evidence: [row] + failure.evidence)]
        }
        guard (a.dfarsEvidence ?? "").isEmpty else { return [] }
        return [FindingCatalog.dfarsTermsMissing.make(
            assets: [a.id], message: "\(a.id) holds CUI; no evidence is recorded (dfars_7012) that the provider complies with DFARS 252.204-7012(c)–(g): incident reporting within 72 hours, malicious software, 90-day preservation, forensic access, damage assessment.",
            evidence: [row])]
    }

    /// The message of a failing verdict and the evidence after the inventory row (the
    /// Marketplace record with its snapshot, when there is one); nil when the verdict passes.
    private static func explanation(_ verdict: FedRAMPVerdict, asset a: Asset, marketplace: Marketplace?)
        -> (message: String, evidence: [Evidence])?
    {
        let snapshot = marketplace.map { "Marketplace snapshot \($0.snapshotDate ?? "undated") (\($0.source))" }
            ?? "no Marketplace data loaded (--fedramp)"
        let stated = "stated in the inventory, not verified: no Marketplace data loaded (--fedramp)"
        switch verdict {
        case .insufficient(let r, let reason):
            return ("\(a.id) holds CUI on \(r.offering) (\(r.id)), whose Marketplace record is not FedRAMP Moderate (or higher) authorized: \(reason).",
                    [record(r, snapshot)])
        case .review(nil, let reason):
            return ("\(a.id) holds CUI; its FedRAMP authorization was \(reason).", [])
        case .review(let r, let reason):
            return ("\(a.id) holds CUI on \(r.map { "\($0.offering) (\($0.id))" } ?? "a service") whose FedRAMP status needs a manual determination: \(reason).",
                    r.map { [record($0, snapshot)] } ?? [])
        case .notFound(let candidates):
            let ids = candidates.map { "\($0.id) \($0.offering) [\($0.status), \($0.impact)]" }
            return ("\(a.id) holds CUI, but \(a.fedrampID.map { "FedRAMP package id \($0) is not in the Marketplace data" } ?? "no FedRAMP package id is recorded (fedramp_id)") and no equivalency evidence is given. \(snapshot).\(ids.isEmpty ? "" : " Near matches: \(ids.joined(separator: "; ")).")",
                    [])
        case .statedOnly(let status, let impact):
            let values = "'\(status)'\(impact.map { ", impact '\($0)'" } ?? "")"
            if FedRAMPAssessment.statesNoAuthorization(status) {
                return ("\(a.id) holds CUI, and the inventory itself states FedRAMP status \(values): no FedRAMP Moderate authorization and no equivalency evidence (\(stated)).", [])
            }
            switch FedRAMPAcceptList.default.decide(status: status, impact: impact) {
            case .denied(let reason):
                return ("\(a.id) holds CUI; its FedRAMP status \(values) is not Moderate (or higher) authorized: \(reason) (\(stated)).", [])
            case .review(let reason):
                return ("\(a.id) holds CUI; its FedRAMP status \(values) needs a manual determination: \(reason) (\(stated)).", [])
            case .accepted:
                return nil
            }
        case .equivalency(let missing):
            if missing.isEmpty { return nil }
            return ("\(a.id) claims FedRAMP Moderate equivalency, but the evidence lacks: \(missing.joined(separator: ", ")).", [])
        case .authorized:
            return nil
        }
    }

    private static func record(_ r: MarketplaceRecord, _ snapshot: String) -> Evidence {
        Evidence(kind: .marketplace, text: "\(r.id): \(r.provider) — \(r.offering); status '\(r.status)', impact '\(r.impact)'; \(snapshot)",
                 location: r.location)
    }
}
