/// Where the organisation's declared category and the procedure disagree: SCOPE-SPA-06 (a
/// security function not declared), SPEC-11 (a Specialized Asset declared wrongly) and
/// SCOPE-DECL-21 for any other difference no earlier finding explains. The report never
/// silently overrides a declaration (docs/SCOPING.md, Decision procedure, After the steps: declared versus computed).
enum DeclaredCategoryFindings {
    /// Ports of the role edges that make an asset a Security Protection Asset when in-scope
    /// assets use it (auth, logging, management, patch): LDAP, Kerberos, RADIUS, syslog, SIEM
    /// forwarders, WSUS, SCCM, EDR/agent management (docs/DECISIONS.md 4).
    static let rolePorts: ServiceSet = [
        ServiceSet.ports(IPProtocol.tcp, 88, 88), .ports(IPProtocol.udp, 88, 88),
        .ports(IPProtocol.tcp, 389, 389), .ports(IPProtocol.udp, 389, 389), .ports(IPProtocol.tcp, 636, 636),
        .ports(IPProtocol.tcp, 3268, 3269), .ports(IPProtocol.udp, 1812, 1813),
        .ports(IPProtocol.udp, 514, 514), .ports(IPProtocol.tcp, 514, 514), .ports(IPProtocol.tcp, 6514, 6514),
        .ports(IPProtocol.tcp, 9997, 9997), .ports(IPProtocol.tcp, 8530, 8531), .ports(IPProtocol.tcp, 10123, 10123),
    ].reduce(ServiceSet()) { $0.union($1) }

    /// Findings that already say why the declared category is wrong (SCOPE-SPA-06 too, when this
    /// pass raises it): SCOPE-DECL-21 would repeat them.
    static let explaining: Set<String> = Set([
        FindingID.pathEnterprise, .vdiNotKVM, .level3Reclassification, .governmentOperated,
    ].map(\.rawValue))

    static func findings(
        _ x: AssetContext, _ c: Classification, rules: LevelRules, raised: [Finding], memo: EvidenceMemo
    ) -> [Finding] {
        let a = x.asset, category = c.category
        let spa = undeclaredSecurityProtection(x, c, rules: rules, memo: memo)
        guard let declared = a.declared, declared != category else { return spa }
        if !spa.isEmpty || raised.contains(where: { explaining.contains($0.id) }) { return spa }
        // Specialized Assets are not part of a scope that does not scope them (Level 1, §170.19(b)):
        // declaring one out of scope is right there.
        if !rules.scopesSpecialized && a.kind.isSpecializedKind && declared == .outOfScope && category == .specialized {
            return []
        }
        if (a.kind.isSpecializedKind && declared == .outOfScope && category.isInScope)
            || (declared == .specialized && !a.kind.isSpecializedKind)
        {
            return [FindingCatalog.specializedMisclassified.make(
                assets: [a.id], message: declared == .specialized
                    ? "\(a.id) is general-purpose IT (\(a.kind.rawValue)) declared Specialized; the category does not allow broad use (rule preamble). Computed: \(category.rawValue)."
                    : "\(a.id) is a \(a.kind.rawValue) device declared out of scope, but it is in scope as \(category.rawValue).",
                evidence: [x.row] + x.pathEvidence)]
        }
        if rules.uncomparedDeclarations.contains(declared) { return [] }
        return [declaredDiffers(x, c, declared: declared, rules: rules)]
    }

    /// SCOPE-SPA-06: security functions to the scope, or CUI assets reaching the asset on role
    /// ports (an edge that names its services; a same-segment edge says nothing about a role).
    static func undeclaredSecurityProtection(
        _ x: AssetContext, _ c: Classification, rules: LevelRules, memo: EvidenceMemo
    ) -> [Finding] {
        let a = x.asset
        guard rules.hasSecurityProtection && a.declared != .securityProtection else { return [] }
        if c.labels.contains(.securityProtection) {
            guard a.declared != .cui else { return [] }
            return [FindingCatalog.undeclaredSPA.make(
                assets: [a.id], message: "\(a.id) provides security functions (\(x.functionList)) to the scope but is declared \(a.declared?.rawValue ?? "nothing"), not security-protection.",
                evidence: [x.row] + x.pathEvidence)]
        }
        guard !a.kind.isSpecializedKind,
            let e = x.edges.first(where: {
                $0.to == a.id && $0.kind != .sameSegment && !$0.services.isAnyService && $0.services.intersects(rolePorts)
            })
        else { return [] }
        return [FindingCatalog.undeclaredSPA.make(
            assets: [a.id], message: "CUI assets reach \(a.id) on authentication/logging/management ports (\(e.services.intersection(rolePorts).summary)); it likely provides a security function to the scope and is not declared security-protection.",
            evidence: [x.row] + memo.edge(e))]
    }

    /// SCOPE-DECL-21: high when declared out of scope but in scope, low when declared in scope
    /// but out of scope, medium otherwise; the message says what decided the computed category.
    static func declaredDiffers(_ x: AssetContext, _ c: Classification, declared: Category, rules: LevelRules) -> Finding {
        let a = x.asset, category = c.category
        let severity: Severity = declared == .outOfScope && category.isInScope ? .high
            : (!category.isInScope ? .low : .medium)
        var why = ""
        if declared == .contractorRiskManaged && category == .cui {
            why = !rules.hasContractorRiskManaged ? " Level 3 has no Contractor Risk Managed category."
                : " A Contractor Risk Managed Asset needs a documented policy keeping CUI off it (crm_policy), and none is recorded."
        } else if category == .cui && a.handlesCUI {
            let also = c.labels.count > 1
                ? " (also \(c.labels.subtracting([.cui]).map(\.rawValue).sorted().joined(separator: ", ")))" : ""
            why = " The inventory says it handles CUI (\(a.cui.tokens.joined(separator: ", "))), which makes it a CUI Asset\(also)."
        } else if !category.isInScope {
            why = " No CUI handling, security function or data-capable path to CUI assets was found."
        }
        return FindingCatalog.declaredDiffers.make(
            assets: [a.id], message: "\(a.id) is declared \(declared.rawValue) but computed \(category.rawValue).\(why)",
            evidence: [x.row] + x.pathEvidence, severity: severity)
    }
}
