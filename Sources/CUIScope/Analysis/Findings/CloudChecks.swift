/// External service checks of SCOPING.md §6: a cloud service holding CUI must be FedRAMP
/// Moderate (or higher) authorized or equivalent, and its DFARS 7012(c)–(g) terms evidenced.
enum CloudChecks {
    static func findings(for a: Asset, holdsCUI: Bool, marketplace: Marketplace?, level: CMMCLevel) -> [Finding] {
        let row = EvidenceText.inventory(a)
        var out: [Finding] = []
        if !holdsCUI {
            if !a.functions.isEmpty && level != .one {
                out.append(FindingCatalog.spdOnlyCloud.make(
                    assets: [a.id], message: "\(a.id) holds only Security Protection Data (\(a.functions.map(\.rawValue).joined(separator: ", "))); the rule text assesses it as a Security Protection Asset, while the preamble applies FedRAMP requirements to SPD as to CUI.",
                    evidence: [row]))
            }
            return out
        }
        let snapshot = marketplace.map { "Marketplace snapshot \($0.snapshotDate ?? "undated") (\($0.source))" }
            ?? "no Marketplace data loaded (--fedramp)"
        let verdict = FedRAMPAssessment.assess(asset: a, marketplace: marketplace)
        var acceptable = false
        switch verdict {
        case .authorized(let r):
            acceptable = true
            _ = r
        case .insufficient(let r, let reason):
            out.append(FindingCatalog.cloudInsufficient.make(
                assets: [a.id], message: "\(a.id) holds CUI on \(r.offering) (\(r.id)), whose Marketplace record is not FedRAMP Moderate (or higher) authorized: \(reason).",
                evidence: [row, record(r, snapshot)]))
        case .review(let r, let reason):
            out.append(FindingCatalog.fedrampReview.make(
                assets: [a.id], message: "\(a.id) holds CUI on \(r.map { "\($0.offering) (\($0.id))" } ?? "a service") whose FedRAMP status needs a manual determination: \(reason).",
                evidence: [row] + (r.map { [record($0, snapshot)] } ?? [])))
        case .notFound(let candidates):
            let ids = candidates.map { "\($0.id) \($0.offering) [\($0.status), \($0.impact)]" }
            out.append(FindingCatalog.cloudNotFedRAMP.make(
                assets: [a.id], message: "\(a.id) holds CUI, but \(a.fedrampID.map { "FedRAMP package id \($0) is not in the Marketplace data" } ?? "no FedRAMP package id is recorded (fedramp_id)") and no equivalency evidence is given. \(snapshot).\(ids.isEmpty ? "" : " Near matches: \(ids.joined(separator: "; ")).")",
                evidence: [row]))
        case .statedOnly(let status, let impact):
            let stated = "stated in the inventory, not verified: no Marketplace data loaded (--fedramp)"
            switch FedRAMPAcceptList.default.decide(status: status, impact: impact) {
            case .accepted:
                acceptable = true
            case .denied(let reason):
                out.append(FindingCatalog.cloudInsufficient.make(
                    assets: [a.id], message: "\(a.id) holds CUI; its FedRAMP status '\(status)'\(impact.map { ", impact '\($0)'" } ?? "") is not Moderate (or higher) authorized: \(reason) (\(stated)).",
                    evidence: [row]))
            case .review(let reason):
                out.append(FindingCatalog.fedrampReview.make(
                    assets: [a.id], message: "\(a.id) holds CUI; its FedRAMP status '\(status)'\(impact.map { ", impact '\($0)'" } ?? "") needs a manual determination: \(reason) (\(stated)).",
                    evidence: [row]))
            }
        case .equivalency(let missing):
            if missing.isEmpty {
                acceptable = true
            } else {
                out.append(FindingCatalog.equivalencyIncomplete.make(
                    assets: [a.id], message: "\(a.id) claims FedRAMP Moderate equivalency, but the evidence lacks: \(missing.joined(separator: ", ")).",
                    evidence: [row]))
            }
        }
        if acceptable && (a.dfarsEvidence ?? "").isEmpty {
            out.append(FindingCatalog.dfarsTermsMissing.make(
                assets: [a.id], message: "\(a.id) holds CUI; no evidence is recorded (dfars_7012) that the provider complies with DFARS 252.204-7012(c)–(g): incident reporting within 72 hours, malicious software, 90-day preservation, forensic access, damage assessment.",
                evidence: [row]))
        }
        return out
    }

    private static func record(_ r: MarketplaceRecord, _ snapshot: String) -> Evidence {
        Evidence(kind: "marketplace", text: "\(r.id): \(r.provider) — \(r.offering); status '\(r.status)', impact '\(r.impact)'; \(snapshot)",
                 location: r.location)
    }
}
