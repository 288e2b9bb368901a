/// The decision procedure of SCOPING.md §5, one asset at a time, with the decisions of
/// DESIGN.md (specialized kinds before CUI handling, connected ⇒ CRMA with a policy else CUI,
/// no transitive pull-in, out-of-scope only when separated). Returns the category, every
/// label, the reasons with evidence, and the per-asset findings.
struct Classifier {
    struct Outcome {
        var category: Category
        var labels: [Category]
        var reasons: [Reason]
        var findings: [Finding]
    }

    let level: CMMCLevel
    let graph: ScopeGraph
    let marketplace: Marketplace?
    /// Hop and service texts shared by the edges of many assets.
    let memo = EvidenceMemo()

    /// Display protocols of VDI clients (RDP, PCoIP, Blast, ICA/CGP): the keyboard/video/mouse
    /// traffic a KVM-only client may exchange (SCOPING.md §4.5). Anything else is data-capable
    /// unless the scope file allowlists it with a reason.
    static let displayServices: ServiceSet = [
        ServiceSet.ports(IPProtocol.tcp, 3389, 3389), .ports(IPProtocol.udp, 3389, 3389),
        .ports(IPProtocol.tcp, 4172, 4172), .ports(IPProtocol.udp, 4172, 4172),
        .ports(IPProtocol.tcp, 22443, 22443), .ports(IPProtocol.udp, 22443, 22443),
        .ports(IPProtocol.tcp, 1494, 1494), .ports(IPProtocol.tcp, 2598, 2598),
    ].reduce(ServiceSet()) { $0.union($1) }

    /// Ports of the role edges that make an asset a Security Protection Asset when in-scope
    /// assets use it (auth, logging, management, patch): LDAP, Kerberos, RADIUS, syslog, SIEM
    /// forwarders, WSUS, SCCM, EDR/agent management.
    static let rolePorts: ServiceSet = [
        ServiceSet.ports(IPProtocol.tcp, 88, 88), .ports(IPProtocol.udp, 88, 88),
        .ports(IPProtocol.tcp, 389, 389), .ports(IPProtocol.udp, 389, 389), .ports(IPProtocol.tcp, 636, 636),
        .ports(IPProtocol.tcp, 3268, 3269), .ports(IPProtocol.udp, 1812, 1813),
        .ports(IPProtocol.udp, 514, 514), .ports(IPProtocol.tcp, 514, 514), .ports(IPProtocol.tcp, 6514, 6514),
        .ports(IPProtocol.tcp, 9997, 9997), .ports(IPProtocol.tcp, 8530, 8531), .ports(IPProtocol.tcp, 10123, 10123),
    ].reduce(ServiceSet()) { $0.union($1) }

    func classify(_ i: Int) -> Outcome {
        let a = graph.assets[i]
        var labels = Set<Category>()
        var reasons: [Reason] = []
        var findings: [Finding] = []
        let row = EvidenceText.inventory(a)
        let zones = graph.zones(of: i)
        let connected = graph.isConnected(i)
        // The asset's edges, built once: the evidence, the peer summary and the role check read them.
        let edges = graph.edges(of: i)
        let pathParts = edges.prefix(3).map(memo.edge)
        // Sized once: `flatMap` regrew the array, and every connected asset keeps it in its reasons.
        var pathEvidence: [Evidence] = []
        pathEvidence.reserveCapacity(pathParts.reduce(0) { $0 + $1.count })
        for part in pathParts { pathEvidence += part }
        let peers = (graph.connectivity[i]?.peers ?? 0)
        let peerText = peerSummary(i, edges: edges)

        // Step 1: Government-operated systems are outside CMMC.
        if a.governmentOperated {
            reasons.append(Reason("Operated by or on behalf of the Government: CMMC does not apply (32 CFR 170.3(b)).",
                                  evidence: [row]))
            findings.append(FindingCatalog.governmentOperated.make(
                assets: [a.id], message: "\(a.id) is marked as operated on behalf of the Government; it is excluded from the CMMC assessment.",
                evidence: [row]))
            return Outcome(category: .outOfScope, labels: [.outOfScope], reasons: reasons, findings: findings)
        }

        let declaresCUI = a.handlesCUI || a.declared == .cui
        let handling = a.handlesCUI ? a.cui.tokens.joined(separator: ", ") : "declared cui"

        // Step 5 before step 2 for the six specialized kinds (DESIGN.md decision).
        if a.kind.isSpecializedKind {
            if a.declared == .cui && level != .one {
                labels.insert(.cui)
                reasons.append(Reason("\(article(a.kind.rawValue)) device the organisation itself declares cui: it will be fully secured and is kept a CUI Asset.", evidence: [row]))
            } else if a.handlesCUI || connected {
                labels.insert(.specialized)
                let why = a.handlesCUI ? "handles CUI (\(handling))" : "has a data-capable path to or from CUI assets\(peerText)"
                var text = "\(article(a.kind.rawValue)) device that \(why): a Specialized Asset (32 CFR 170.19(c)(1))."
                if level == .one { text += " Specialized Assets are not part of the Level 1 assessment scope (§170.19(b))." }
                reasons.append(Reason(text, evidence: [row] + (a.handlesCUI ? [] : pathEvidence)))
            }
        } else if declaresCUI {
            // Step 2 (and step 3 for cloud services holding CUI).
            labels.insert(.cui)
            let text: String
            if level == .one {
                // Level 1 reads the cui column as FCI handling (docs/DECISIONS.md 5): no CUI Asset category, no FedRAMP test.
                let what = a.handlesCUI ? "handles FCI (\(handling))" : "is declared in the Level 1 scope (cui)"
                text = a.isCloudService
                    ? "A cloud service that \(what): in the Level 1 scope (32 CFR 170.19(b)). The FedRAMP requirement of DFARS 252.204-7012 applies to CUI, not to a Level 1 FCI scope."
                    : "\(a.handlesCUI ? "Processes, stores or transmits FCI (\(handling))" : "Declared in the Level 1 scope (cui)"): in the Level 1 scope (32 CFR 170.19(b))."
            } else {
                text = a.isCloudService
                    ? "A cloud service that \(a.handlesCUI ? "handles CUI (\(handling))" : "is declared cui"): a CUI Asset, checked against the FedRAMP requirements (DFARS 252.204-7012(b)(2)(ii)(D))."
                    : "\(a.handlesCUI ? "Processes, stores or transmits CUI (\(handling))" : "Declared a CUI Asset in the SSP"): a CUI Asset (32 CFR 170.19(c)(1))."
            }
            reasons.append(Reason(text, evidence: [row]))
        }

        // FedRAMP and DFARS 7012 are CUI rules; Level 1 (FCI, FAR 52.204-21) has no cloud requirement.
        if a.isCloudService && level != .one {
            findings += CloudChecks.findings(for: a, holdsCUI: declaresCUI, marketplace: marketplace, level: level)
            if !declaresCUI && !a.functions.isEmpty && level != .one {
                labels.insert(.securityProtection)
                reasons.append(Reason("A cloud service holding Security Protection Data (\(functionList(a))): assessed as a Security Protection Asset (Table 4 to §170.19(c)(2)).", evidence: [row]))
            }
        }

        // Step 4: security functions for the scope.
        if level != .one && !a.functions.isEmpty && !a.isCloudService {
            let inEnclave = zones.contains { graph.enclaveZones.contains($0) }
            if declaresCUI || connected || inEnclave || a.declared == .securityProtection {
                labels.insert(.securityProtection)
                var why: String
                if connected { why = "and a data-capable path to or from CUI assets\(peerText)" }
                else if inEnclave { why = "inside the enclave zone \(zones.filter { graph.enclaveZones.contains($0) }.joined(separator: ", "))" }
                else if declaresCUI { why = "on a CUI Asset" }
                else { why = "and is declared security-protection, though no path to or from CUI assets was found" }
                reasons.append(Reason("Provides security functions (\(functionList(a))) \(why): a Security Protection Asset (32 CFR 170.19(c)(1)).",
                                      evidence: [row] + (connected ? pathEvidence : [])))
            } else {
                reasons.append(Reason("Provides security functions (\(functionList(a))), but no path to or from the CUI scope was found, so it does not protect the scope.", evidence: [row]))
            }
        }

        // Step 6: VDI client endpoints configured KVM-only are out of scope.
        var vdiExempt = false
        if a.kind == .vdiClient && !declaresCUI {
            let nonDisplay = graph.services(of: i).subtracting(Classifier.displayServices)
            switch a.vdi {
            case .kvmOnly where nonDisplay.isEmpty:
                vdiExempt = true
                reasons.append(Reason("A VDI client configured keyboard/video/mouse only, whose only paths to CUI assets are display protocols\(connected ? " (\(graph.services(of: i).summary))" : ""): out of scope (32 CFR 170.19(c)(1), VDI bullet).", evidence: [row] + (connected ? pathEvidence : [])))
            case .kvmOnly:
                findings.append(level == .one ? levelOneVDIReview(a, peerText: peerText, evidence: [row] + pathEvidence)
                    : FindingCatalog.vdiNotKVM.make(
                    assets: [a.id], message: "\(a.id) is configured KVM-only, but it can exchange \(nonDisplay.summary) (not a display protocol) with CUI assets\(peerText).",
                    evidence: [row] + pathEvidence))
            case .redirection:
                // Without any path to CUI assets the client is separated (step 8 says so with its evidence);
                // "cannot be out of scope" would then contradict the computed category.
                if connected && (a.declared == .outOfScope || a.declared == nil) {
                    findings.append(level == .one ? levelOneVDIReview(a, peerText: peerText, evidence: [row] + pathEvidence)
                        : FindingCatalog.vdiNotKVM.make(
                        assets: [a.id], message: "\(a.id) is a VDI client with clipboard/drive/print redirection enabled; it can move CUI off the VDI host and cannot be out of scope.",
                        evidence: [row] + pathEvidence))
                }
            case nil:
                if a.declared == .outOfScope {
                    findings.append(FindingCatalog.vdiNotKVM.make(
                        assets: [a.id], message: "\(a.id) is a VDI client claimed out of scope, but the inventory gives no VDI configuration (kvm-only or redirection) to support the claim.",
                        evidence: [row], review: true))
                }
            }
        }

        // Step 7: not separated from CUI assets.
        if labels.isEmpty && connected && !vdiExempt {
            let undeclared = a.declared == nil || a.declared == .outOfScope
            switch level {
            case .one:
                findings.append(FindingCatalog.pathEnterprise.make(
                    assets: [a.id], message: "\(a.id) has a data-capable path to or from FCI assets\(peerText); Level 1 has no separation test, so it is not reclassified — decide whether it processes, stores or transmits FCI.",
                    evidence: pathEvidence, severity: .low, review: true))
            case .two, .three:
                let category: Category = (level == .two && a.crmPolicy) ? .contractorRiskManaged : .cui
                labels.insert(category)
                let policy = level == .three
                    ? "Level 3 has no Contractor Risk Managed category (Table 5 to §170.19(d)), so it is a CUI Asset."
                    : (a.crmPolicy ? "A documented policy keeps CUI off it: a Contractor Risk Managed Asset." : "No documented policy keeps CUI off it (crm_policy), so it is a CUI Asset (conservative default).")
                reasons.append(Reason("Not separated: a data-capable path to or from CUI assets\(peerText). \(policy)",
                                      evidence: pathEvidence))
                if undeclared {
                    findings.append(FindingCatalog.pathEnterprise.make(
                        assets: [a.id], message: "\(a.id) (declared \(a.declared?.rawValue ?? "nothing")) has a data-capable path to or from CUI assets\(peerText); the path pulls it into the assessment scope as \(category.rawValue).",
                        evidence: pathEvidence))
                }
                if level == .three && (a.crmPolicy || a.declared == .contractorRiskManaged) {
                    findings.append(FindingCatalog.level3Reclassification.make(
                        assets: [a.id], message: "\(a.id) would be a Contractor Risk Managed Asset at Level 2; at Level 3 it is a CUI Asset.",
                        evidence: [row] + pathEvidence))
                }
            }
        }

        // Step 8: out of scope, with the separation evidence (a KVM-only VDI client has its own reason).
        if labels.isEmpty && vdiExempt {
            labels.insert(.outOfScope)
        } else if labels.isEmpty && connected && level == .one {
            // Not "separated": Level 1 has no separation test, so the path is reported (SCOPE-PATH-01, review), not ignored.
            labels.insert(.outOfScope)
            reasons.append(Reason("Not reclassified, but not separated either: it has a data-capable path to or from FCI assets\(peerText). Level 1 has no separation test (32 CFR 170.19(b)); it stays outside the Level 1 scope only if it does not process, store or transmit FCI (SCOPE-PATH-01, review).",
                                  evidence: [row] + pathEvidence))
        } else if labels.isEmpty {
            labels.insert(.outOfScope)
            let (text, evidence, unplaced) = separation(i)
            reasons.append(Reason(text, evidence: evidence))
            if unplaced && !a.isCloudService {
                findings.append(FindingCatalog.unplacedAsset.make(
                    assets: [a.id], message: "\(a.id) has no address in a known zone\(a.addresses.isEmpty ? " (the inventory row has no address)" : ""); its separation from CUI assets could not be evaluated.",
                    evidence: [row]))
            }
            let justified = !(a.justification ?? "").isEmpty
            if level != .one && !justified && (evidence.allSatisfy { $0.kind == "inventory" } || unplaced) && !a.isCloudService && !vdiExempt {
                findings.append(FindingCatalog.outOfScopeUnjustified.make(
                    assets: [a.id], message: "\(a.id) is out of scope, but there is no separation evidence (deny rule, denied flow, no route) and no written justification.",
                    evidence: [row]))
            }
        }

        if let j = a.justification, Classifier.reliesOnEncryption(j), a.declared == .outOfScope {
            findings.append(FindingCatalog.encryptionAsSeparation.make(
                assets: [a.id], message: "The out-of-scope justification of \(a.id) relies on encryption; encrypted CUI keeps its designation and encryption is not logical separation.",
                evidence: [Evidence(kind: "inventory", text: "justification: \(j)", location: a.location)],
                review: a.kind == .network))
        }

        let ordered = labels.sorted()
        let category = ordered[0]
        findings += declaredChecks(i, category: category, labels: Set(ordered), existing: findings, pathEvidence: pathEvidence,
                                   edges: edges)

        // Specialized devices at Level 3 need an intermediary or a purpose-specific network. Raised after the
        // declared-category checks: this L3-12 is about isolation and does not explain a wrong declared category
        // (a test instrument declared out of scope still gets SPEC-11).
        if level == .three && labels.contains(.specialized) && !isolatedSpecialized(i) {
            let whereText = zones.isEmpty
                ? "has no address in a known zone, so its isolation could not be checked"
                : "shares its zone with general-purpose assets"
            findings.append(FindingCatalog.level3Reclassification.make(
                assets: [a.id], message: "\(a.id) is a Specialized Asset at Level 3 that \(whereText); it needs an intermediary device or isolation in a purpose-specific network (SI.L3-3.14.3e).",
                evidence: [row] + pathEvidence, review: true))
        }
        _ = peers
        return Outcome(category: category, labels: ordered, reasons: reasons, findings: findings)
    }

    /// Findings where the organisation's declared category disagrees with the computed one.
    private func declaredChecks(_ i: Int, category: Category, labels: Set<Category>, existing: [Finding],
                                pathEvidence: [Evidence], edges: [Edge]) -> [Finding] {
        let a = graph.assets[i]
        let row = EvidenceText.inventory(a)
        var out: [Finding] = []
        if level != .one && labels.contains(.securityProtection) && a.declared != .securityProtection && a.declared != .cui {
            out.append(FindingCatalog.undeclaredSPA.make(
                assets: [a.id], message: "\(a.id) provides security functions (\(functionList(a))) to the scope but is declared \(a.declared?.rawValue ?? "nothing"), not security-protection.",
                evidence: [row] + pathEvidence))
        } else if level != .one && !labels.contains(.securityProtection) && a.declared != .securityProtection
            && !a.kind.isSpecializedKind
        {
            // Only edges that name their services: a same-segment edge carries everything and says nothing about a role.
            let roleEdges = edges.filter {
                $0.to == a.id && $0.kind != .sameSegment && !$0.services.isAnyService
                    && $0.services.intersects(Classifier.rolePorts)
            }
            if let e = roleEdges.first {
                out.append(FindingCatalog.undeclaredSPA.make(
                    assets: [a.id], message: "CUI assets reach \(a.id) on authentication/logging/management ports (\(e.services.intersection(Classifier.rolePorts).summary)); it likely provides a security function to the scope and is not declared security-protection.",
                    evidence: [row] + memo.edge(e)))
            }
        }
        guard let declared = a.declared, declared != category else { return out }
        let explained = existing.contains { ["SCOPE-PATH-01", "VDI-10", "L3-12", "GOV-17"].contains($0.id) }
            || out.contains { $0.id == "SCOPE-SPA-06" }
        if explained { return out }
        // Level 1: Specialized Assets are not part of the Level 1 scope (§170.19(b)), so declaring one out of scope is right.
        if level == .one && a.kind.isSpecializedKind && declared == .outOfScope && category == .specialized { return out }
        if (a.kind.isSpecializedKind && declared == .outOfScope && category.isInScope)
            || (declared == .specialized && !a.kind.isSpecializedKind)
        {
            out.append(FindingCatalog.specializedMisclassified.make(
                assets: [a.id], message: declared == .specialized
                    ? "\(a.id) is general-purpose IT (\(a.kind.rawValue)) declared Specialized; the category does not allow broad use (rule preamble). Computed: \(category.rawValue)."
                    : "\(a.id) is a \(a.kind.rawValue) device declared out of scope, but it is in scope as \(category.rawValue).",
                evidence: [row] + pathEvidence))
            return out
        }
        if level == .one && (declared == .securityProtection || declared == .contractorRiskManaged) { return out }
        let severity: Severity = declared == .outOfScope && category.isInScope ? .high
            : (!category.isInScope ? .low : .medium)
        var why = ""
        if declared == .contractorRiskManaged && category == .cui {
            why = level == .three ? " Level 3 has no Contractor Risk Managed category." : " A Contractor Risk Managed Asset needs a documented policy keeping CUI off it (crm_policy), and none is recorded."
        } else if category == .cui && a.handlesCUI {
            why = " The inventory says it handles CUI (\(a.cui.tokens.joined(separator: ", "))), which makes it a CUI Asset\(labels.count > 1 ? " (also \(labels.subtracting([.cui]).map(\.rawValue).sorted().joined(separator: ", ")))" : "")."
        } else if !category.isInScope {
            why = " No CUI handling, security function or data-capable path to CUI assets was found."
        }
        out.append(FindingCatalog.declaredDiffers.make(
            assets: [a.id], message: "\(a.id) is declared \(declared.rawValue) but computed \(category.rawValue).\(why)",
            evidence: [row] + pathEvidence, severity: severity))
        return out
    }

    /// The out-of-scope justification: deny rules and defaults on the routes to CUI assets, zones
    /// with no route, denied flow records, and the organisation's own statement.
    private func separation(_ i: Int) -> (String, [Evidence], unplaced: Bool) {
        let a = graph.assets[i]
        var evidence: [Evidence] = [EvidenceText.inventory(a)]
        var parts: [String] = []
        let placed = graph.endpoints[i].contains { $0.zone != nil }
        if let c = graph.connectivity[i] {
            if !c.blocked.isEmpty {
                parts.append("the enforcement points deny every route to CUI assets")
                evidence += c.blocked.map { EvidenceText.hop($0) }
            }
            if !c.noRouteZones.isEmpty {
                parts.append("no enforcement point routes to zone\(c.noRouteZones.count == 1 ? "" : "s") \(c.noRouteZones.joined(separator: ", "))")
                evidence.append(Evidence(kind: "zone", text: "no route from \(graph.zones(of: i).joined(separator: ", ")) to \(c.noRouteZones.joined(separator: ", "))"))
            }
        }
        if let denied = graph.observed.denied[i], !denied.isEmpty {
            parts.append("observed attempts were denied")
            evidence += denied.map(EvidenceText.flow)
        }
        if graph.targets.isEmpty { parts.append("no CUI asset is in the inventory") }
        if let j = a.justification, !j.isEmpty {
            parts.append("justification: \(j)")
        }
        let text: String
        if !placed && !a.isCloudService {
            text = "Out of scope as far as the inputs show: it handles no CUI and provides no security function, but it has no address in a known zone, so separation could not be checked" + (parts.isEmpty ? "." : "; " + parts.joined(separator: "; ") + ".")
        } else if a.isCloudService {
            text = "A cloud service that holds neither CUI nor Security Protection Data: not an ESP for CMMC (Table 4 to §170.19(c)(2))" + (parts.isEmpty ? "." : "; " + parts.joined(separator: "; ") + ".")
        } else {
            text = "Separated: no permitted, same-segment or observed data-capable path to or from any CUI asset" + (parts.isEmpty ? "." : "; " + parts.joined(separator: "; ") + ".")
        }
        return (text, evidence, !placed)
    }

    /// VDI-10 at Level 1: the client is not KVM-only, but Level 1 has no separation test and does not
    /// reclassify it (SCOPING.md §5, Level 1), so the finding is a review, like SCOPE-PATH-01 there.
    private func levelOneVDIReview(_ a: Asset, peerText: String, evidence: [Evidence]) -> Finding {
        FindingCatalog.vdiNotKVM.make(
            assets: [a.id], message: "\(a.id) is a VDI client that is not keyboard/video/mouse only (\(a.vdi == .redirection ? "redirection enabled" : "non-display services to FCI assets\(peerText)")); Level 1 does not reclassify it — decide whether it processes, stores or transmits FCI.",
            evidence: evidence, severity: .low, review: true)
    }

    private func isolatedSpecialized(_ i: Int) -> Bool {
        let zones = graph.zones(of: i)
        guard !zones.isEmpty else { return false }
        return zones.allSatisfy { z in (graph.membersByZone[z] ?? []).allSatisfy { graph.assets[$0].kind.isSpecializedKind } }
    }

    private func peerSummary(_ i: Int, edges: [Edge]) -> String {
        guard let first = edges.first else { return "" }
        let a = graph.assets[i]
        let peer = first.from == a.id ? first.to : first.from
        let permitted = graph.connectivity[i]?.peers ?? 0
        let observedPeers = Set((graph.observed.edges[i] ?? []).map { $0.from == a.id ? $0.to : $0.from }).count
        let n = max(permitted, observedPeers)
        return " (\(peer)\(n > 1 ? " and \(n - 1) other\(n - 1 == 1 ? "" : "s")" : ""))"
    }

    /// Whether a justification argues from encryption ("CUI is encrypted with BitLocker"), not
    /// merely mentions its absence ("unencrypted", "not encrypted", "no encryption").
    static func reliesOnEncryption(_ text: String) -> Bool {
        let t = text.lowercased()
        guard t.contains("encrypt") else { return false }
        let negated = ["unencrypt", "not encrypt", "no encrypt", "without encrypt", "non-encrypt", "never encrypt"]
        var stripped = t
        for n in negated { stripped = stripped.replacingOccurrences(of: n, with: "") }
        return stripped.contains("encrypt")
    }

    /// "An ot", "A test-equipment": the indefinite article for a kind token.
    private func article(_ word: String) -> String {
        ("aeiou".contains(word.first ?? "x") ? "An " : "A ") + word
    }

    private func functionList(_ a: Asset) -> String { a.functions.map(\.rawValue).joined(separator: ", ") }
}
