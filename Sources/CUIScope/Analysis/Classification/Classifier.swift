/// The decision procedure (docs/SCOPING.md, Decision procedure), one asset at a time: one method
/// per step, in the order the procedure runs them, each concluding with a reason and its
/// evidence or passing to the next. The findings of the asset are raised afterwards from what
/// the steps concluded (``AssetFindings``).
///
/// The order follows the procedure with one decision of its own: for the six specialized kinds
/// step 5 runs before step 2, because the rule defines Specialized Assets as assets that can
/// process CUI but cannot be fully secured (docs/SCOPING.md, Decision procedure, Step 5). There is
/// no transitive pull-in (a path to an asset that is only in scope by a path does not count), and
/// an asset is out of scope only when separated (step 8).
struct Classifier {
    struct Outcome {
        var category: Category
        var labels: [Category]
        var reasons: [Reason]
        var findings: [Finding]
    }

    let rules: LevelRules
    let graph: ScopeGraph
    let marketplace: Marketplace?
    /// Hop and service texts shared by the edges of many assets.
    let memo = EvidenceMemo()

    func classify(_ i: Int) -> Outcome {
        let x = AssetContext(i, graph: graph, memo: memo)
        let c = steps(x)
        let findings = AssetFindings.findings(x, c, rules: rules, graph: graph, memo: memo, marketplace: marketplace)
        return Outcome(category: c.category, labels: c.orderedLabels, reasons: c.reasons, findings: findings)
    }

    /// The steps in the order they run.
    func steps(_ x: AssetContext) -> Classification {
        var c = Classification()
        if let excluded = step1GovernmentOperated(x) {
            c.governmentOperated = true
            c.add(excluded)
            return c
        }
        c.add(x.asset.kind.isSpecializedKind ? step5Specialized(x) : step2CUIAsset(x))
        c.add(step3ExternalService(x))
        c.add(step4SecurityProtection(x))
        if let check = step6VDIClient(x) {
            c.vdi = check.check
            c.add(check.conclusion)
        }
        let exempt = c.vdi?.exempt ?? false
        if c.labels.isEmpty && x.connected && !exempt {
            let step7 = step7NotSeparated(x)
            c.path = step7.decision
            c.add(step7.conclusion)
        }
        if c.labels.isEmpty {
            let step8 = step8OutOfScope(x, vdiExempt: exempt)
            c.separation = step8.separation
            c.add(step8.conclusion)
        }
        return c
    }

    /// Step 1: systems operated by or on behalf of the Government are outside CMMC (§170.3(b)).
    func step1GovernmentOperated(_ x: AssetContext) -> Classification.Conclusion? {
        guard x.asset.governmentOperated else { return nil }
        return .init(label: .outOfScope, reason: Reason(
            "Operated by or on behalf of the Government: CMMC does not apply (32 CFR 170.3(b)).", evidence: [x.row]))
    }

    /// Step 2: an asset that processes, stores or transmits CUI, or is declared `cui`, is a CUI
    /// Asset; a cloud service holding CUI is worded as step 3 has it (checked against FedRAMP).
    func step2CUIAsset(_ x: AssetContext) -> Classification.Conclusion? {
        guard x.declaresCUI else { return nil }
        let a = x.asset, words = rules.vocabulary
        let text = a.isCloudService
            ? "A cloud service that \(a.handlesCUI ? "handles \(words.information) (\(x.handling))" : words.declaredCloudService): \(words.cloudConsequence)."
            : "\(a.handlesCUI ? "Processes, stores or transmits \(words.information) (\(x.handling))" : words.declaredHandler): \(words.handlerCategory)."
        return .init(label: .cui, reason: Reason(text, evidence: [x.row]))
    }

    /// Step 3: a cloud service holding only Security Protection Data is assessed as a Security
    /// Protection Asset (Table 4 to §170.19(c)(2)); one holding CUI was labelled by step 2.
    func step3ExternalService(_ x: AssetContext) -> Classification.Conclusion? {
        let a = x.asset
        guard a.isCloudService && rules.appliesCloudRequirements && rules.hasSecurityProtection,
            !x.declaresCUI && !a.functions.isEmpty
        else { return nil }
        return .init(label: .securityProtection, reason: Reason(
            "A cloud service holding Security Protection Data (\(x.functionList)): assessed as a Security Protection Asset (Table 4 to §170.19(c)(2)).",
            evidence: [x.row]))
    }

    /// Step 4: an asset with security functions protects the scope when it is on a CUI Asset,
    /// has a path to or from one, sits in the enclave or is declared so; otherwise the reason
    /// says it protects nothing in scope and it goes on (docs/DECISIONS.md 3).
    func step4SecurityProtection(_ x: AssetContext) -> Classification.Conclusion? {
        let a = x.asset
        guard rules.hasSecurityProtection && !a.functions.isEmpty && !a.isCloudService else { return nil }
        let enclave = x.zones.filter { graph.enclaveZones.contains($0) }
        guard x.declaresCUI || x.connected || !enclave.isEmpty || a.declared == .securityProtection else {
            return .init(reason: Reason(
                "Provides security functions (\(x.functionList)), but no path to or from the CUI scope was found, so it does not protect the scope.",
                evidence: [x.row]))
        }
        let why: String
        if x.connected { why = "and a data-capable path to or from CUI assets\(x.peerText)" }
        else if !enclave.isEmpty { why = "inside the enclave zone \(enclave.joined(separator: ", "))" }
        else if x.declaresCUI { why = "on a CUI Asset" }
        else { why = "and is declared security-protection, though no path to or from CUI assets was found" }
        return .init(label: .securityProtection, reason: Reason(
            "Provides security functions (\(x.functionList)) \(why): a Security Protection Asset (32 CFR 170.19(c)(1)).",
            evidence: [x.row] + (x.connected ? x.pathEvidence : [])))
    }

    /// Step 5: a specialized-kind device that handles CUI or has a data-capable path to CUI
    /// assets is a Specialized Asset, unless the organisation itself declares it `cui` (it will
    /// be fully secured) where the level scopes Specialized Assets at all.
    func step5Specialized(_ x: AssetContext) -> Classification.Conclusion? {
        let a = x.asset
        if a.declared == .cui && rules.scopesSpecialized {
            return .init(label: .cui, reason: Reason(
                "\(x.kindWithArticle) device the organisation itself declares cui: it will be fully secured and is kept a CUI Asset.",
                evidence: [x.row]))
        }
        guard a.handlesCUI || x.connected else { return nil }
        let why = a.handlesCUI ? "handles CUI (\(x.handling))" : "has a data-capable path to or from CUI assets\(x.peerText)"
        var text = "\(x.kindWithArticle) device that \(why): a Specialized Asset (32 CFR 170.19(c)(1))."
        if !rules.scopesSpecialized {
            text += " Specialized Assets are not part of the Level 1 assessment scope (§170.19(b))."
        }
        return .init(label: .specialized, reason: Reason(text, evidence: [x.row] + (a.handlesCUI ? [] : x.pathEvidence)))
    }

    /// Step 6: a VDI client configured keyboard/video/mouse only, whose paths to CUI assets carry
    /// display protocols only, is out of scope (docs/SCOPING.md, Separation; docs/DECISIONS.md 2).
    /// Any other VDI client goes on; VDI-10 says why it could not stay out.
    func step6VDIClient(_ x: AssetContext) -> (check: Classification.VDICheck, conclusion: Classification.Conclusion?)? {
        guard x.asset.kind == .vdiClient && !x.declaresCUI else { return nil }
        let services = graph.services(of: x.index)
        let check = Classification.VDICheck(mode: x.asset.vdi, nonDisplay: services.subtracting(Self.displayServices))
        guard check.exempt else { return (check, nil) }
        let shown = x.connected ? " (\(services.summary))" : ""
        return (check, .init(reason: Reason(
            "A VDI client configured keyboard/video/mouse only, whose only paths to CUI assets are display protocols\(shown): out of scope (32 CFR 170.19(c)(1), VDI bullet).",
            evidence: [x.row] + (x.connected ? x.pathEvidence : []))))
    }

    /// Step 7: an asset with a data-capable path to or from a CUI asset and no category yet is
    /// not separated: a Contractor Risk Managed Asset with a documented policy where the level
    /// has that category, else a CUI Asset. A level without a separation test only records the
    /// path for review.
    func step7NotSeparated(_ x: AssetContext) -> (decision: Classification.PathDecision, conclusion: Classification.Conclusion?) {
        guard rules.hasSeparationTest else { return (.review, nil) }
        let a = x.asset
        let category: Category = rules.hasContractorRiskManaged && a.crmPolicy ? .contractorRiskManaged : .cui
        let policy: String
        if !rules.hasContractorRiskManaged {
            policy = "Level 3 has no Contractor Risk Managed category (Table 5 to §170.19(d)), so it is a CUI Asset."
        } else if a.crmPolicy {
            policy = "A documented policy keeps CUI off it: a Contractor Risk Managed Asset."
        } else {
            policy = "No documented policy keeps CUI off it (crm_policy), so it is a CUI Asset (conservative default)."
        }
        return (.pulledIn(category), .init(label: category, reason: Reason(
            "Not separated: a data-capable path to or from CUI assets\(x.peerText). \(policy)", evidence: x.pathEvidence)))
    }

    /// Step 8: an asset no step put in scope is out of scope, with the evidence of its
    /// separation (docs/DECISIONS.md 6 and 7). A KVM-only VDI client has step 6's reason; an
    /// asset with a path at a level without a separation test is not called separated.
    func step8OutOfScope(_ x: AssetContext, vdiExempt: Bool) -> (separation: Classification.Separation?, conclusion: Classification.Conclusion) {
        if vdiExempt { return (nil, .init(label: .outOfScope)) }
        if x.connected && !rules.hasSeparationTest {
            let info = rules.vocabulary.information
            return (nil, .init(label: .outOfScope, reason: Reason(
                "Not reclassified, but not separated either: it has a data-capable path to or from \(info) assets\(x.peerText). Level 1 has no separation test (32 CFR 170.19(b)); it stays outside the Level 1 scope only if it does not process, store or transmit \(info) (\(FindingID.pathEnterprise), review).",
                evidence: [x.row] + x.pathEvidence)))
        }
        let (text, separation) = separationReason(x)
        return (separation, .init(label: .outOfScope, reason: Reason(text, evidence: separation.evidence)))
    }

    /// Display protocols of VDI clients (RDP, PCoIP, Blast, ICA/CGP): the keyboard/video/mouse
    /// traffic a KVM-only client may exchange (docs/DECISIONS.md 2). Anything else is
    /// data-capable unless the scope file allowlists it with a reason.
    static let displayServices: ServiceSet = [
        ServiceSet.ports(IPProtocol.tcp, 3389, 3389), .ports(IPProtocol.udp, 3389, 3389),
        .ports(IPProtocol.tcp, 4172, 4172), .ports(IPProtocol.udp, 4172, 4172),
        .ports(IPProtocol.tcp, 22443, 22443), .ports(IPProtocol.udp, 22443, 22443),
        .ports(IPProtocol.tcp, 1494, 1494), .ports(IPProtocol.tcp, 2598, 2598),
    ].reduce(ServiceSet()) { $0.union($1) }

    /// Step 8's reason and evidence: the deny rules and defaults on the routes to CUI assets,
    /// zones with no route, denied flow records, and the organisation's own statement.
    func separationReason(_ x: AssetContext) -> (String, Classification.Separation) {
        let a = x.asset, i = x.index
        var evidence: [Evidence] = [x.row]
        var parts: [String] = []
        let placed = graph.endpoints[i].contains { $0.zone != nil }
        if let c = graph.connectivity[i] {
            if !c.blocked.isEmpty {
                parts.append("the enforcement points deny every route to CUI assets")
                evidence += c.blocked.map { EvidenceText.hop($0) }
            }
            if !c.noRouteZones.isEmpty && graph.rulesLoaded {
                // At most 8 names: with hundreds of zones the full list, repeated in every
                // asset's reason, made the report grow with assets × zones.
                let shown = c.noRouteZones.prefix(8).joined(separator: ", ")
                let more = c.noRouteZones.count - min(8, c.noRouteZones.count)
                let zones = more > 0 ? "\(shown) and \(more) more" : shown
                parts.append("no enforcement point routes to zone\(c.noRouteZones.count == 1 ? "" : "s") \(zones)")
                evidence.append(Evidence(kind: .zone, text: "no route from \(x.zones.joined(separator: ", ")) to \(zones)"))
            }
        }
        if let denied = graph.observed.denied[i], !denied.isEmpty {
            parts.append("observed attempts were denied")
            evidence += denied.map(EvidenceText.flow)
        }
        if graph.targets.isEmpty { parts.append("no CUI asset is in the inventory") }
        if let j = a.justification, !j.isEmpty { parts.append("justification: \(j)") }
        let denied = !(graph.observed.denied[i] ?? []).isEmpty
        let notEvaluated = placed && !a.isCloudService && !graph.rulesLoaded && !graph.targets.isEmpty && !denied
        let head: String
        if !placed && !a.isCloudService {
            head = "Out of scope as far as the inputs show: it handles no CUI and provides no security function, but it has no address in a known zone, so separation could not be checked"
        } else if a.isCloudService {
            head = "A cloud service that holds neither CUI nor Security Protection Data: not an ESP for CMMC (Table 4 to §170.19(c)(2))"
        } else if notEvaluated {
            head = "Separation not evaluated: no firewall rules were loaded (--rules), so no rule or route shows whether it can reach CUI assets; no same-segment or observed data-capable path was found"
        } else {
            head = "Separated: no permitted, same-segment or observed data-capable path to or from any CUI asset"
        }
        let text = head + (parts.isEmpty ? "." : "; " + parts.joined(separator: "; ") + ".")
        return (text, Classification.Separation(evidence: evidence, unplaced: !placed, notEvaluated: notEvaluated))
    }
}
