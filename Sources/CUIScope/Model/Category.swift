/// The DoD scoping categories (32 CFR 170.19), with the output tokens of the contract.
public enum Category: String, Sendable, Codable, CaseIterable, Comparable {
    case cui
    case securityProtection = "security-protection"
    case contractorRiskManaged = "contractor-risk-managed"
    case specialized
    case outOfScope = "out-of-scope"

    /// Precedence when an asset carries several labels (docs/SCOPING.md, Decision procedure):
    /// cui > security-protection > specialized > contractor-risk-managed > out-of-scope.
    public var precedence: Int {
        switch self {
        case .cui: return 0
        case .securityProtection: return 1
        case .specialized: return 2
        case .contractorRiskManaged: return 3
        case .outOfScope: return 4
        }
    }

    public var isInScope: Bool { self != .outOfScope }

    public var title: String {
        switch self {
        case .cui: return "CUI Asset"
        case .securityProtection: return "Security Protection Asset"
        case .contractorRiskManaged: return "Contractor Risk Managed Asset"
        case .specialized: return "Specialized Asset"
        case .outOfScope: return "Out-of-Scope Asset"
        }
    }

    public static func < (a: Category, b: Category) -> Bool { a.precedence < b.precedence }

    /// Accepts the contract tokens and the spellings found in SSP spreadsheets
    /// ("CUI Asset", "SPA", "CRMA", "Out of scope").
    public init?(token raw: String) {
        let t = raw.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch t {
        case "cui", "cui-asset", "cui-assets": self = .cui
        case "security-protection", "spa", "security-protection-asset", "security-protection-assets": self = .securityProtection
        case "contractor-risk-managed", "crma", "contractor-risk-managed-asset", "contractor-risk-managed-assets":
            self = .contractorRiskManaged
        case "specialized", "specialised", "specialized-asset", "specialized-assets": self = .specialized
        case "out-of-scope", "oos", "out-of-scope-asset", "out-of-scope-assets", "outofscope": self = .outOfScope
        default: return nil
        }
    }
}

/// CMMC level of the assessment; it changes which categories exist (docs/SCOPING.md, Levels).
public enum CMMCLevel: Int, Sendable, Codable, CaseIterable {
    case one = 1, two = 2, three = 3
}
