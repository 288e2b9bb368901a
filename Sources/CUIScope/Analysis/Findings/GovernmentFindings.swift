/// GOV-17: a system operated by or on behalf of the Government is excluded from the CMMC
/// assessment (step 1, §170.3(b)); the finding records the exclusion for the assessor.
enum GovernmentFindings {
    static func findings(_ x: AssetContext) -> [Finding] {
        let id = x.asset.id
        return [FindingCatalog.governmentOperated.make(
            assets: [id], message: "\(id) is marked as operated on behalf of the Government; it is excluded from the CMMC assessment.",
            evidence: [x.row])]
    }
}
