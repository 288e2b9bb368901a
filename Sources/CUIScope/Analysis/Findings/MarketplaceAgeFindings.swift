/// CLOUD-41: the Marketplace data a FedRAMP conclusion rests on is older than the allowed age,
/// or carries no date at all. The Marketplace changes daily and a bundled or cached snapshot is
/// not live, so a critical CLOUD-02 can rest on a status that has since changed; the report
/// says how old the data is instead of staying silent (docs/DECISIONS.md 150).
enum MarketplaceAgeFindings {
    /// The age is judged against `input.today` (the assessment date, `--today`); without it, or
    /// without Marketplace data, nothing is raised.
    static func findings(_ input: AnalysisInput) -> [Finding] {
        guard let m = input.marketplace, let today = input.today, let todayDay = day(today) else { return [] }
        let services = input.assets.filter(\.isCloudService).map(\.id)
        let evidence = [Evidence(kind: .marketplace, text: "FedRAMP Marketplace data \(m.source), snapshot \(m.snapshotDate ?? "undated")",
                                 location: SourceLocation(file: m.source, line: 1))]
        guard let snapshot = m.snapshotDate, let snapDay = day(snapshot) else {
            return [FindingCatalog.staleMarketplace.make(
                assets: services,
                message: "The FedRAMP Marketplace data \(m.source) carries no snapshot date, so its age on \(today) is unknown; an authorization status may have changed since it was taken.",
                evidence: evidence)]
        }
        let age = todayDay - snapDay
        guard age > input.marketplaceMaxAgeDays else { return [] }
        return [FindingCatalog.staleMarketplace.make(
            assets: services,
            message: "The FedRAMP Marketplace data \(m.source) was taken on \(String(snapshot.prefix(10))), \(age) days before the assessment date \(today), more than the \(input.marketplaceMaxAgeDays) days allowed (--marketplace-max-age); an authorization status may have changed since.",
            evidence: evidence)]
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date or an ISO-8601 time starting with one.
    static func day(_ text: String) -> Int? {
        guard text.count >= 10, let seconds = FlowTimestamp.parse(text.prefix(10) + "T00:00:00Z") else { return nil }
        return Int(seconds / 86_400)
    }
}
