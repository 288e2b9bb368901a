/// One entry of the finding catalogue (docs/SCOPING.md, Finding catalogue): the id, default
/// severity, title, rule basis and suggested remediation that every finding of the kind carries.
public struct FindingKind: Sendable, Hashable {
    public let id: FindingID
    public let severity: Severity
    public let review: Bool
    public let title: String
    public let basis: String
    public let remediation: String

    /// A finding of this kind; `severity` overrides the catalogue default where the catalogue allows it.
    public func make(assets: [String], message: String, evidence: [Evidence], severity: Severity? = nil,
                     review: Bool? = nil, primaryLocation: SourceLocation? = nil) -> Finding {
        Finding(id: id.rawValue, severity: severity ?? self.severity, review: review ?? self.review, title: title,
                assets: assets.sorted(), message: message.compacted, evidence: evidence, remediation: remediation, basis: basis,
                primaryLocation: primaryLocation ?? evidence.first(where: { $0.file != nil && $0.kind != .inventory })
                    .flatMap { e in e.file.map { SourceLocation(file: $0, line: e.line ?? 0) } })
    }
}

/// The catalogue: one constant per ``FindingID``, named like the id's case. Code raises a
/// finding through its constant (`FindingCatalog.pathEnterprise.make(…)`) and compares ids
/// through it, never through a spelled-out id.
public enum FindingCatalog {
    public static let pathEnterprise = FindingKind(
        id: .pathEnterprise, severity: .high, review: false, title: "Enterprise asset pulled into scope",
        basis: "32 CFR 170.19(c)(1) (Out-of-Scope: physically or logically separated); Scoping Guide L2, logical separation; §170.1(a)",
        remediation: "Block the path, or reclassify the asset: contractor-risk-managed with a documented policy, else cui (cui at Level 3).")
    public static let flatSegment = FindingKind(
        id: .flatSegment, severity: .high, review: false, title: "Flat segment shared with CUI assets",
        basis: "32 CFR 170.19(c)(1); Scoping Guide L2, separation techniques",
        remediation: "Move the enclave to its own filtered segment; meanwhile co-residents are classified by step 7 (CRMA with a documented policy, else CUI).")
    public static let dualHomed = FindingKind(
        id: .dualHomed, severity: .high, review: false, title: "Dual-homed bridge between enclave and enterprise",
        basis: "Bypasses the separation control (Scoping Guide L2, logical separation)",
        remediation: "Treat as at least a Security Protection Asset or CUI Asset; review its enterprise peers.")
    public static let unauthorizedFlow = FindingKind(
        id: .unauthorizedFlow, severity: .medium, review: false, title: "Observed flow not authorized by the rules",
        basis: "NIST SP 800-171 3.1.3, 3.13.6",
        remediation: "Authorize and document the flow, or block it.")
    public static let permissiveRule = FindingKind(
        id: .permissiveRule, severity: .medium, review: false, title: "Permissive rule across the enclave boundary",
        basis: "NIST SP 800-171 3.13.6 (deny by default, allow by exception), 3.13.1 (key internal boundaries)",
        remediation: "Narrow the rule to named sources, destinations and services.")
    public static let undeclaredSPA = FindingKind(
        id: .undeclaredSPA, severity: .high, review: false, title: "Undeclared Security Protection Asset",
        basis: "32 CFR 170.19(c)(1) Security Protection Assets; §170.4 Security Protection Data; Scoping Guide L2, use of enclaves",
        remediation: "Add the asset as security-protection; its other enterprise clients are not pulled in by this alone.")
    public static let indirectPath = FindingKind(
        id: .indirectPath, severity: .low, review: true, title: "Indirect path through an application relay",
        basis: "No CMMC transitive rule (docs/SCOPING.md, What counts as a path)",
        remediation: "Assessor decides; document the relay's controls.")
    public static let cloudNotFedRAMP = FindingKind(
        id: .cloudNotFedRAMP, severity: .critical, review: false, title: "CUI in a cloud service without FedRAMP authorization",
        basis: "DFARS 252.204-7012(b)(2)(ii)(D); 32 CFR 170.16(c)(2), 170.17(c)(5); Table 4 to §170.19(c)(2)",
        remediation: "Move CUI to a FedRAMP Moderate (or higher) authorized offering, or obtain equivalency evidence.")
    public static let cloudInsufficient = FindingKind(
        id: .cloudInsufficient, severity: .critical, review: false, title: "Insufficient FedRAMP status for CUI",
        basis: "CMMC rule preamble: 'any other stage of compliance ... NOT MET'; 32 CFR 170.16(c)(2)",
        remediation: "Move CUI to a FedRAMP Moderate (or higher) authorized offering, or obtain equivalency evidence.")
    public static let equivalencyIncomplete = FindingKind(
        id: .equivalencyIncomplete, severity: .high, review: false, title: "FedRAMP Moderate equivalency evidence incomplete",
        basis: "DoD CIO FedRAMP Moderate Equivalency memo (21 Dec 2023) [secondary]; §170.16(c)(2)(ii)",
        remediation: "Obtain the Body of Evidence (3PAO SAR, 100 % implementation, closed POA&Ms, annual assessment, CRM, 7012(c)–(g) terms).")
    public static let fedrampReview = FindingKind(
        id: .fedrampReview, severity: .medium, review: true, title: "FedRAMP status needs a manual determination",
        basis: "FedRAMP 20x and 2026 Certification Classes: DoD mapping unconfirmed (docs/SCOPING.md, What satisfies the FedRAMP requirement)",
        remediation: "Make a manual determination and record it in the scope file.")
    public static let connectorNotInScope = FindingKind(
        id: .connectorNotInScope, severity: .medium, review: false, title: "On-premises connector to a CUI cloud not in scope",
        basis: "32 CFR 170.16(c)(2)(iii), 170.17(c)(5)(iii)",
        remediation: "Add the connecting asset to the assessment scope.")
    public static let spdOnlyCloud = FindingKind(
        id: .spdOnlyCloud, severity: .info, review: true, title: "Cloud service holding only Security Protection Data",
        basis: "Table 4 to §170.19(c)(2) (assess as SPA); preamble on SPD (docs/SCOPING.md, Level 3, SPD-only clouds, Impact Levels)",
        remediation: "Classify as security-protection; document it with its customer responsibility matrix.")
    public static let espUndocumented = FindingKind(
        id: .espUndocumented, severity: .medium, review: false, title: "External service provider undocumented",
        basis: "32 CFR 170.19(c)(2)(ii)", remediation: "Document the ESP in the SSP and obtain its CRM.")
    public static let encryptionAsSeparation = FindingKind(
        id: .encryptionAsSeparation, severity: .high, review: false, title: "Encryption used as separation",
        basis: "DoD CMMC FAQ B-A8 [secondary]; encryption is not logical separation; common-carrier exception (preamble)",
        remediation: "Reclassify the asset; only the common-carrier case, or FIPS-tunnel-only transit gear with review, may stay out.")
    public static let nonFIPSCrypto = FindingKind(
        id: .nonFIPSCrypto, severity: .medium, review: false, title: "Non-FIPS cryptography on a CUI path",
        basis: "NIST SP 800-171 3.13.11; 32 CFR 170.21 scoring", remediation: "Use FIPS-validated modules.")
    public static let vdiNotKVM = FindingKind(
        id: .vdiNotKVM, severity: .high, review: false, title: "VDI endpoint is not KVM-only",
        basis: "32 CFR 170.19(c)(1), Out-of-Scope Assets, VDI client bullet; DoD FAQ on screenshots [secondary]",
        remediation: "Restrict the VDI client to keyboard/video/mouse only (turn off drive, clipboard, printer and USB redirection in the VDI policy), or accept the endpoint as in scope (cui).")
    public static let specializedMisclassified = FindingKind(
        id: .specializedMisclassified, severity: .medium, review: false, title: "Specialized Asset misclassified",
        basis: "32 CFR 170.19(c)(1) Specialized Assets; preamble on broad categorization",
        remediation: "Fix the category and write the SSP risk narrative.")
    public static let level3Reclassification = FindingKind(
        id: .level3Reclassification, severity: .high, review: false, title: "Level 3 reclassification",
        basis: "Table 5 to §170.19(d); SI.L3-3.14.3e; Scoping Guide L3",
        remediation: "CRMA → cui; give specialized assets an intermediary device or isolate them in a purpose-specific network.")
    public static let level3NotWithinLevel2 = FindingKind(
        id: .level3NotWithinLevel2, severity: .high, review: false, title: "Level 3 scope not within Level 2 scope",
        basis: "32 CFR 170.19(e)", remediation: "Extend the Level 2 scope or shrink the Level 3 scope.")
    public static let documentationGap = FindingKind(
        id: .documentationGap, severity: .medium, review: false, title: "Documentation gap",
        basis: "32 CFR 170.19(c)(1) OSA requirements; NIST SP 800-171 3.4.1, 3.12.4",
        remediation: "Add the missing asset or artifact to the inventory, SSP and network diagram.")
    public static let outOfScopeUnjustified = FindingKind(
        id: .outOfScopeUnjustified, severity: .medium, review: false, title: "Out-of-scope asset without justification",
        basis: "32 CFR 170.19(c)(1): 'Prepare to justify the inability of an Out-of-Scope Asset to process, store, or transmit CUI'",
        remediation: "Attach deny rules, no-flow evidence or an air-gap statement (the inventory's justification column).")
    public static let publicInEnclave = FindingKind(
        id: .publicInEnclave, severity: .medium, review: false, title: "Publicly reachable component inside the enclave",
        basis: "NIST SP 800-171 3.13.5", remediation: "Move the public component to a DMZ.")
    public static let governmentOperated = FindingKind(
        id: .governmentOperated, severity: .info, review: false, title: "Government-operated system",
        basis: "32 CFR 170.3(b); DFARS 252.239-7010 / DoD Cloud SRG",
        remediation: "Exclude it from CMMC scoring; document the government operation.")
    public static let boundaryChange = FindingKind(
        id: .boundaryChange, severity: .info, review: false, title: "Boundary change",
        basis: "Scoping Guide: significant boundary change may require a new assessment",
        remediation: "Update the SSP and network diagram; consider a reassessment.")
    public static let dfarsTermsMissing = FindingKind(
        id: .dfarsTermsMissing, severity: .medium, review: true, title: "DFARS 7012(c)–(g) terms not evidenced",
        basis: "DFARS 252.204-7012(b)(2)(ii)(D)",
        remediation: "Record the contract clause or provider commitment covering incident reporting, malware, preservation, access and damage assessment.")
    public static let unresolvedObject = FindingKind(
        id: .unresolvedObject, severity: .low, review: true, title: "Rule depends on an object that cannot be resolved offline",
        basis: "Reachability cannot be decided for the unresolved part (docs/SCOPING.md, Separation evidence)",
        remediation: "Supply the resolved membership (hosts file, inventory), or narrow the rule.")
    public static let declaredDiffers = FindingKind(
        id: .declaredDiffers, severity: .medium, review: false, title: "Declared category differs from the computed one",
        basis: "docs/SCOPING.md, After the steps: declared versus computed; 32 CFR 170.19(c)(1)",
        remediation: "Correct the SSP category, or change the facts (policy, configuration) that decide it.")
    public static let unplacedAsset = FindingKind(
        id: .unplacedAsset, severity: .low, review: true, title: "Asset cannot be placed on the network",
        basis: "Separation cannot be evaluated without an address in a known zone (docs/SCOPING.md, Step 8 — Out of scope)",
        remediation: "Add the asset's addresses to the inventory, or the zone's subnets to the scope file.")
    public static let separationNotEvaluated = FindingKind(
        id: .separationNotEvaluated, severity: .low, review: true, title: "Separation not evaluated: no rules loaded",
        basis: "An out-of-scope conclusion needs separation evidence; without a firewall export no rule or route was evaluated (docs/SCOPING.md, Step 8 — Out of scope)",
        remediation: "Load the firewall exports of the enforcement points between this asset's zone and the CUI assets (--rules), or document the separation.")
    public static let expiredWaiver = FindingKind(
        id: .expiredWaiver, severity: .high, review: false, title: "Expired waiver",
        basis: "A waiver is a time-limited risk acceptance (32 CFR 170.21 POA&M close-out within 180 days; NIST SP 800-171 3.12.2)",
        remediation: "Fix the finding the waiver covered, or renew the waiver with a new expiry date, owner and ticket.")
    public static let policyViolation = FindingKind(
        id: .policyViolation, severity: .high, review: false, title: "Path violates the intended zone policy",
        basis: "The scope file's intended zone-to-zone matrix; NIST SP 800-171 3.13.1 (boundary protection), 3.13.6 (deny by default)",
        remediation: "Narrow or remove the permitting rule, or change the intended policy (with its justification) in the scope file.")
    public static let newEnclavePath = FindingKind(
        id: .newEnclavePath, severity: .high, review: false, title: "New data-capable path into the enclave",
        basis: "32 CFR 170.19(c)(1) (separation of the CUI scope); Scoping Guide L2, logical separation; NIST SP 800-171 3.13.1, 3.13.6",
        remediation: "Drop or narrow the rule that opens the path, or document why the new path is not data-capable (scope file protocol_allowlist).")
    public static let shadowedRule = FindingKind(
        id: .shadowedRule, severity: .medium, review: false, title: "Rule shadowed by earlier rules",
        basis: "NIST SP 800-171 3.13.6 (deny by default, allow by exception): a shadowed rule never takes effect",
        remediation: "Move the rule above the rules that cover it, or narrow those rules; remove it if it is no longer wanted.")
    public static let redundantRule = FindingKind(
        id: .redundantRule, severity: .info, review: false, title: "Redundant rule",
        basis: "Rule-base hygiene: removing the rule changes no decision (NIST SP 800-171 3.4.6 least functionality, review)",
        remediation: "Remove the rule, or narrow the rules that make it redundant.")
    public static let noCUIStated = FindingKind(
        id: .noCUIStated, severity: .high, review: true, title: "No inventory states which assets handle CUI",
        basis: "32 CFR 170.19(c)(1): the CMMC scope starts from the assets that process, store or transmit CUI",
        remediation: "Add a cui column to the inventory (the CUI categories an asset handles, or yes/no), or map one with --map 'COLUMN=cui'.")
    public static let unexplainedService = FindingKind(
        id: .unexplainedService, severity: .low, review: true, title: "Scanned asset listens on services nothing explains",
        basis: "NIST SP 800-171 3.4.1 (inventory and baseline), 3.4.7 (nonessential services), 3.13.6; 32 CFR 170.19(c)(1): an out-of-scope VDI client is limited to keyboard, video and mouse",
        remediation: "Turn the service off, or document who uses it: an allow rule naming the asset and service, or a protocol_allowlist entry with a reason; for a VDI client, lock it down to keyboard, video and mouse or treat it as in scope.")
    public static let staleMarketplace = FindingKind(
        id: .staleMarketplace, severity: .info, review: false, title: "FedRAMP Marketplace data is old",
        basis: "DFARS 252.204-7012(b)(2)(ii)(D) (authorization as of the assessment); docs/SCOPING.md, The FedRAMP decision for one service",
        remediation: "Fetch current Marketplace data and run again before relying on CLOUD-01, CLOUD-02 or CLOUD-04 conclusions.")

    /// The entry of `id`. Exhaustive: an id added to ``FindingID`` without an entry does not compile.
    public static func kind(_ id: FindingID) -> FindingKind {
        switch id {
        case .pathEnterprise: return pathEnterprise
        case .flatSegment: return flatSegment
        case .dualHomed: return dualHomed
        case .unauthorizedFlow: return unauthorizedFlow
        case .permissiveRule: return permissiveRule
        case .undeclaredSPA: return undeclaredSPA
        case .indirectPath: return indirectPath
        case .cloudNotFedRAMP: return cloudNotFedRAMP
        case .cloudInsufficient: return cloudInsufficient
        case .equivalencyIncomplete: return equivalencyIncomplete
        case .fedrampReview: return fedrampReview
        case .connectorNotInScope: return connectorNotInScope
        case .spdOnlyCloud: return spdOnlyCloud
        case .espUndocumented: return espUndocumented
        case .encryptionAsSeparation: return encryptionAsSeparation
        case .nonFIPSCrypto: return nonFIPSCrypto
        case .vdiNotKVM: return vdiNotKVM
        case .specializedMisclassified: return specializedMisclassified
        case .level3Reclassification: return level3Reclassification
        case .level3NotWithinLevel2: return level3NotWithinLevel2
        case .documentationGap: return documentationGap
        case .outOfScopeUnjustified: return outOfScopeUnjustified
        case .publicInEnclave: return publicInEnclave
        case .governmentOperated: return governmentOperated
        case .boundaryChange: return boundaryChange
        case .dfarsTermsMissing: return dfarsTermsMissing
        case .unresolvedObject: return unresolvedObject
        case .declaredDiffers: return declaredDiffers
        case .unplacedAsset: return unplacedAsset
        case .expiredWaiver: return expiredWaiver
        case .policyViolation: return policyViolation
        case .newEnclavePath: return newEnclavePath
        case .shadowedRule: return shadowedRule
        case .redundantRule: return redundantRule
        case .noCUIStated: return noCUIStated
        case .separationNotEvaluated: return separationNotEvaluated
        case .unexplainedService: return unexplainedService
        case .staleMarketplace: return staleMarketplace
        }
    }

    /// Every entry, in id order: waivers accept exactly these ids and JUnit has one test case each.
    public static let all: [FindingKind] = FindingID.allCases.map(kind)

    /// The entry of an id as written in a waiver file or a report, nil when it is not in the catalogue.
    public static func kind(id: String) -> FindingKind? { FindingID(rawValue: id).map(kind) }
}
