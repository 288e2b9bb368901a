/// The id of every finding the tool can raise: the one place each id is spelled.
///
/// Ids are a contract (waiver files, SARIF rule ids, JUnit test cases, users' CI filters):
/// never renumber, reuse or rename one; add new ids at the end, in catalogue order. The
/// catalogue entry of each id (severity, title, basis, remediation) is ``FindingCatalog``'s
/// constant of the same name, and `FindingCatalog.all` follows the order of the cases here.
/// The finding catalogue (docs/SCOPING.md, Finding catalogue) documents each one under a `### ID` heading; ids 21 and
/// up are cuiscope's own.
public enum FindingID: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case pathEnterprise = "SCOPE-PATH-01"
    case flatSegment = "SCOPE-SEG-02"
    case dualHomed = "SCOPE-DUAL-03"
    case unauthorizedFlow = "SCOPE-FLOW-04"
    case permissiveRule = "SCOPE-RULE-05"
    case undeclaredSPA = "SCOPE-SPA-06"
    case indirectPath = "SCOPE-IND-07"
    case cloudNotFedRAMP = "CLOUD-01"
    case cloudInsufficient = "CLOUD-02"
    case equivalencyIncomplete = "CLOUD-03"
    case fedrampReview = "CLOUD-04"
    case connectorNotInScope = "CLOUD-05"
    case spdOnlyCloud = "CLOUD-06"
    case espUndocumented = "ESP-07"
    case encryptionAsSeparation = "ENC-08"
    case nonFIPSCrypto = "ENC-09"
    case vdiNotKVM = "VDI-10"
    case specializedMisclassified = "SPEC-11"
    case level3Reclassification = "L3-12"
    case level3NotWithinLevel2 = "L3-13"
    case documentationGap = "DOC-14"
    case outOfScopeUnjustified = "DOC-15"
    case publicInEnclave = "NET-16"
    case governmentOperated = "GOV-17"
    case boundaryChange = "CHG-18"
    case dfarsTermsMissing = "CLOUD-19"
    case unresolvedObject = "INPUT-20"
    case declaredDiffers = "SCOPE-DECL-21"
    case unplacedAsset = "INPUT-22"
    case expiredWaiver = "WAIVER-23"
    case policyViolation = "POLICY-24"
    case newEnclavePath = "CHG-25"
    case shadowedRule = "RULE-26"
    case redundantRule = "RULE-27"
    case noCUIStated = "INPUT-35"
    case separationNotEvaluated = "EVID-30"
    case unexplainedService = "SCAN-40"
    case staleMarketplace = "CLOUD-41"

    public var description: String { rawValue }
}
