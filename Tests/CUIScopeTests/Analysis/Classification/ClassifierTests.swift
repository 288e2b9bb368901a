import Testing
@testable import CUIScope

/// The decision procedure (docs/SCOPING.md, Decision procedure), one step per test, with the decisions
/// of docs/SCOPING.md, Judgement calls; and docs/DECISIONS.md.
@Suite struct ClassifierTests {
    @Test func declaredCUIHandlingMakesACUIAsset() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("plm", "10.50.1.11", kind: .server, declared: .cui)
        let r = s.run()
        #expect(r.category("fs01") == .cui)
        #expect(r.category("plm") == .cui)
        #expect(r.asset("fs01")?.reasons.first?.text.contains("process, store, transmit") == true)
    }

    @Test func securityFunctionsWithAPathMakeASecurityProtectionAsset() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("dc01", "10.99.0.10", kind: .server, functions: [.directory], declared: .securityProtection)
        s.add("wsus", "10.99.0.50", kind: .server, functions: [.patch], declared: .outOfScope, justification: "corp only")
        s.allow("enclave-auth", from: "enclave", to: "mgmt", source: "10.50.1.0/24", destination: "10.99.0.10",
                services: "tcp/389")
        let r = s.run()
        #expect(r.category("dc01") == .securityProtection)
        #expect(r.asset("dc01")?.reasons.first?.evidence.contains { $0.rule == "enclave-auth" } == true)
        // Functions without any path to the scope do not make an SPA (docs/DECISIONS.md 3).
        #expect(r.category("wsus") == .outOfScope)
        #expect(!r.has("SCOPE-SPA-06", for: "dc01"))
    }

    @Test func undeclaredSecurityProtectionAssetIsFlagged() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("edr01", "10.99.0.30", kind: .server, functions: [.edr])
        s.allow("edr", from: "mgmt", to: "enclave", source: "10.99.0.30", services: "tcp/8443")
        let r = s.run()
        #expect(r.category("edr01") == .securityProtection)
        let f = r.findings("SCOPE-SPA-06").first
        #expect(f?.assets == ["edr01"])
        #expect(f?.severity == .high)
        #expect(f?.evidence.contains { $0.rule == "edr" && $0.line == 10 } == true)
    }

    @Test func rolePortsFromCUIAssetsSuggestAnUndeclaredSPA() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("syslog", "10.99.0.20", kind: .server, declared: .outOfScope)
        s.allow("logs", from: "enclave", to: "mgmt", destination: "10.99.0.20", services: "udp/514")
        let r = s.run()
        #expect(r.has("SCOPE-SPA-06", for: "syslog"))
        #expect(r.has("SCOPE-PATH-01", for: "syslog"))
    }

    @Test func specializedKindsComeBeforeCUIHandling() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("cnc", "10.60.0.11", kind: .ot, cui: .process, declared: .specialized)
        s.add("cmm", "10.60.0.12", kind: .testEquipment, cui: .process, declared: .cui)
        s.add("hvac", "10.99.0.77", kind: .iot)  // no path at all
        let r = s.run()
        #expect(r.category("cnc") == .specialized)
        #expect(r.category("cmm") == .cui)  // the organisation declares it cui: kept, and said so
        #expect(r.asset("cmm")?.reasons.first?.text.contains("declares cui") == true)
        #expect(r.category("hvac") == .outOfScope)
    }

    @Test func specializedDeviceWithAPathIsSpecializedAndMisdeclarationFlagged() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("cmm", "10.60.0.12", kind: .testEquipment, declared: .outOfScope)
        s.add("laptop", "10.20.10.5", kind: .endpoint, declared: .specialized, justification: "none")
        s.allow("shop-files", from: "shop", to: "enclave", destination: "10.50.1.10", services: "tcp/445")
        let r = s.run()
        #expect(r.category("cmm") == .specialized)
        #expect(r.has("SPEC-11", for: "cmm"))
        #expect(r.has("SPEC-11", for: "laptop"))  // general-purpose IT declared Specialized
    }

    @Test func connectedAssetIsCRMAWithPolicyElseCUI() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("erp", "10.20.10.10", kind: .server, declared: .outOfScope, crm: true)
        s.add("laptop", "10.20.10.57", declared: .outOfScope)
        s.add("qa", "10.20.10.70", declared: .contractorRiskManaged)
        s.allow("erp-sftp", from: "corp", to: "enclave", source: "10.20.10.10", destination: "10.50.1.10",
                services: "tcp/22")
        s.allow("helpdesk", from: "corp", to: "enclave", source: "10.20.10.57,10.20.10.70", destination: "10.50.1.10",
                services: "tcp/445")
        let r = s.run()
        #expect(r.category("erp") == .contractorRiskManaged)
        #expect(r.category("laptop") == .cui)
        #expect(r.has("SCOPE-PATH-01", for: "erp"))
        let path = r.findings("SCOPE-PATH-01").first { $0.assets == ["laptop"] }
        #expect(path?.evidence.contains { $0.rule == "helpdesk" && $0.file == "policy.xml" && $0.line == 11 } == true)
        #expect(path?.primaryLocation?.line == 11)
        // Declared CRMA without a documented policy: computed cui, explained by SCOPE-DECL-21, not PATH-01.
        #expect(r.category("qa") == .cui)
        #expect(r.has("SCOPE-DECL-21", for: "qa"))
        #expect(!r.has("SCOPE-PATH-01", for: "qa"))
    }

    @Test func levelThreeHasNoCRMA() {
        var s = ScopeScenario()
        s.level = .three
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("erp", "10.20.10.10", kind: .server, declared: .contractorRiskManaged, crm: true)
        s.allow("erp-sftp", from: "corp", to: "enclave", source: "10.20.10.10", services: "tcp/22")
        let r = s.run()
        #expect(r.level == .three)
        #expect(r.category("erp") == .cui)
        #expect(r.has("L3-12", for: "erp"))
        #expect(!r.assets.contains { $0.category == .contractorRiskManaged })
    }

    @Test func levelOneReportsAPathAsAReviewWithoutReclassifying() {
        var s = ScopeScenario()
        s.level = .one
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("laptop", "10.20.10.57", declared: .outOfScope)
        s.add("dc01", "10.99.0.10", functions: [.directory])
        s.allow("helpdesk", from: "corp", to: "enclave", source: "10.20.10.57", services: "tcp/445")
        s.allow("auth", from: "enclave", to: "mgmt", services: "tcp/389")
        let r = s.run()
        #expect(r.category("laptop") == .outOfScope)
        let f = r.findings("SCOPE-PATH-01").first { $0.assets == ["laptop"] }
        #expect(f?.review == true)
        #expect(f?.severity == .low)
        #expect(r.category("dc01") == .outOfScope)  // no SPA category at Level 1
        #expect(r.findings("DOC-15").isEmpty)
    }

    @Test func noTransitivePullIn() {
        // laptop → erp is allowed, erp → fs01 is allowed; laptop has no path to fs01 itself.
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("erp", "10.99.0.10", kind: .server, declared: .outOfScope, crm: true)
        s.add("laptop", "10.20.10.57", declared: .outOfScope, justification: "blocked")
        s.allow("erp-files", from: "mgmt", to: "enclave", source: "10.99.0.10", services: "tcp/22")
        s.allow("laptop-erp", from: "corp", to: "mgmt", source: "10.20.10.57", destination: "10.99.0.10",
                services: "tcp/443")
        let r = s.run()
        #expect(r.category("erp") == .contractorRiskManaged)
        #expect(r.category("laptop") == .outOfScope)
        #expect(!r.has("SCOPE-PATH-01", for: "laptop"))
    }

    @Test func sameSegmentIsAPathWhateverTheRulesSay() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("conf-pc", "10.50.1.80", declared: .outOfScope)
        s.add("guest-pc", "10.50.1.81")
        s.rules.append(ReachFixtures.rule("deny-all", .deny, line: 10))
        let r = s.run()
        #expect(r.category("conf-pc") == .cui)
        #expect(r.has("SCOPE-PATH-01", for: "conf-pc"))
        #expect(r.has("SCOPE-PATH-01", for: "guest-pc"))  // not declared at all: pulled in too
        let seg = r.findings("SCOPE-SEG-02")
        #expect(seg.count == 1)
        #expect(seg.first?.assets == ["conf-pc", "fs01", "guest-pc"])
        #expect(seg.first?.message.contains("10.50.1.0/24") == true)
    }

    @Test func kvmOnlyVDIClientStaysOutOfScopeOnDisplayProtocols() {
        var s = ScopeScenario()
        s.add("vdi-host", "10.50.1.30", kind: .server, cui: .all)
        s.add("thin", "10.20.10.60", kind: .vdiClient, declared: .outOfScope, vdi: .kvmOnly)
        s.add("thick", "10.20.10.61", kind: .vdiClient, declared: .outOfScope, vdi: .kvmOnly)
        s.add("legacy", "10.20.10.62", kind: .vdiClient, declared: .outOfScope, vdi: .redirection)
        s.allow("vdi", from: "corp", to: "enclave", source: "10.20.10.60,10.20.10.62", destination: "10.50.1.30",
                services: "tcp/3389 udp/3389 tcp/443")
        s.allow("vdi-smb", from: "corp", to: "enclave", source: "10.20.10.61", destination: "10.50.1.30",
                services: "tcp/3389 tcp/445")
        s.allowlist = [AllowlistEntry(services: .ports(6, 443, 443), serviceText: "tcp/443", to: "vdi-host",
                                      reason: "HTML5 display only", location: SourceLocation(file: "scope.yaml", line: 9))]
        let r = s.run()
        #expect(r.category("thin") == .outOfScope)
        #expect(r.asset("thin")?.reasons.first?.text.contains("display protocols") == true)
        #expect(!r.has("VDI-10", for: "thin"))
        #expect(r.category("thick") == .cui)
        #expect(r.findings("VDI-10").first { $0.assets == ["thick"] }?.message.contains("tcp/445") == true)
        #expect(r.has("VDI-10", for: "legacy"))
        #expect(r.category("legacy") == .cui)
        // docs/DECISIONS.md 79: VDI-10's advice only, never PATH-01's "block the path".
        #expect(!r.has("SCOPE-PATH-01", for: "legacy") && !r.has("SCOPE-PATH-01", for: "thick"))
        #expect(r.findings("VDI-10").first?.remediation.hasPrefix("Restrict the VDI client to keyboard/video/mouse only") == true)
        #expect(r.allowlist.count == 1)
    }

    @Test func governmentOperatedSystemsAreExcluded() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("dcma", "10.50.1.99", kind: .gfe, cui: .all, government: true)
        let r = s.run()
        #expect(r.category("dcma") == .outOfScope)
        #expect(r.findings("GOV-17").first?.severity == .info)
        #expect(!r.has("SCOPE-PATH-01", for: "dcma"))
    }

    @Test func outOfScopeAssetsCarrySeparationEvidence() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("laptop", "10.20.10.51", declared: .outOfScope)
        s.rules.append(ReachFixtures.rule("corp-deny-enclave", .deny, from: ["corp"], to: ["enclave"], line: 42))
        s.add("kiosk", "10.70.0.5", declared: .outOfScope)
        s.add("kiosk2", "10.70.0.6", declared: .outOfScope, justification: "air-gapped, no network")
        let r = s.run()
        #expect(r.category("laptop") == .outOfScope)
        let evidence = r.asset("laptop")?.reasons.flatMap(\.evidence) ?? []
        #expect(evidence.contains { $0.rule == "corp-deny-enclave" && $0.line == 42 })
        #expect(!r.has("DOC-15", for: "laptop"))
        // Not placed in any zone: review, and DOC-15 only without a written justification.
        #expect(r.has("INPUT-22", for: "kiosk"))
        #expect(r.has("DOC-15", for: "kiosk"))
        #expect(!r.has("DOC-15", for: "kiosk2"))
    }

    @Test func encryptionIsNotSeparation() {
        var s = ScopeScenario()
        s.add("nas", "10.20.10.9", kind: .server, declared: .outOfScope, justification: "CUI files are encrypted with BitLocker")
        s.add("lab", "10.20.10.8", kind: .server, declared: .outOfScope, justification: "Test data only, unencrypted, no CUI")
        let r = s.run()
        #expect(r.has("ENC-08", for: "nas"))
        #expect(!r.has("ENC-08", for: "lab"))
    }

    @Test func dualHomedHostIsABridgeButFirewallsAreNot() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("bkp-proxy", "10.50.1.90", kind: .server, functions: [.backup], declared: .securityProtection)
        s.assets[1].addresses = s.assets[1].addresses.union(ReachFixtures.addr("10.20.10.90"))
        s.add("fw", "10.50.1.1", kind: .firewall, functions: [.firewall], declared: .securityProtection)
        s.assets[2].addresses = s.assets[2].addresses.union(ReachFixtures.addr("10.20.10.1"))
        let r = s.run()
        #expect(r.findings("SCOPE-DUAL-03").map(\.assets) == [["bkp-proxy"]])
    }

    @Test func publicComponentInsideTheEnclave() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("portal", "10.50.1.20", kind: .server, cui: .all, publicFacing: true)
        let r = s.run()
        #expect(r.has("NET-16", for: "portal"))
    }

    @Test func permissiveBoundaryRulesAndAllowByDefault() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.allow("admin-any", from: "corp", to: "enclave", source: "10.20.10.5", services: "tcp/22")
        s.allow("web", from: "corp", to: "mgmt", services: "tcp/443")  // does not touch the enclave
        s.interzone = .allow
        let r = s.run()
        let rule05 = r.findings("SCOPE-RULE-05")
        #expect(rule05.contains { $0.message.contains("'admin-any'") && $0.message.contains("any destination") })
        #expect(!rule05.contains { $0.message.contains("'web'") })
        #expect(rule05.contains { $0.message.contains("interzone default allow") })
    }

    @Test func cloudServicesHoldingCUIAreCheckedAgainstFedRAMP() {
        var s = ScopeScenario()
        s.add("box", kind: .cloudService, cui: .store)
        s.add("gcch", kind: .cloudService, cui: .all, fedrampStatus: "In Process", impact: "High")
        s.add("azgov", kind: .cloudService, cui: .store, fedrampStatus: "Compliant", impact: "High", dfars: "contract 12")
        s.add("m365", kind: .cloudService, cui: .store, fedrampStatus: "FedRAMP Authorized", impact: "Moderate")
        s.add("siem", kind: .cloudService, functions: [.siem])
        s.add("crm", kind: .cloudService, declared: .outOfScope)
        let r = s.run()
        // Nothing stated and no Marketplace loaded: not evaluated, a review (docs/DECISIONS.md 76).
        #expect(r.has("CLOUD-04", for: "box") && !r.has("CLOUD-01", for: "box"))
        #expect(r.has("CLOUD-02", for: "gcch"))
        #expect(r.findings("CLOUD-02").first?.message.contains("not verified") == true)
        #expect(!r.findings.contains { $0.assets == ["azgov"] })
        #expect(r.has("CLOUD-19", for: "m365"))
        #expect(r.category("siem") == .securityProtection)
        #expect(r.has("CLOUD-06", for: "siem"))
        #expect(r.category("crm") == .outOfScope)
        #expect(r.category("box") == .cui)
    }

    @Test func observedFlowsPullInAndUnauthorizedFlowsAreReported() throws {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("laptop", "10.20.10.53", declared: .outOfScope, justification: "blocked by firewall")
        s.add("kiosk", "10.20.10.54", declared: .outOfScope, justification: "blocked by firewall")
        let loc = SourceLocation(file: "flows.xml", line: 4)
        s.flows = [
            Flow(source: ReachFixtures.ip("10.20.10.53"), destination: ReachFixtures.ip("10.50.1.10"), proto: 6,
                 destinationPort: 445, action: .allow, bytes: 1000, count: 3, location: loc),
            Flow(source: ReachFixtures.ip("10.20.10.54"), destination: ReachFixtures.ip("10.50.1.10"), proto: 6,
                 destinationPort: 445, action: .deny, count: 1, location: SourceLocation(file: "flows.xml", line: 5)),
            Flow(source: ReachFixtures.ip("10.20.10.200"), destination: ReachFixtures.ip("10.50.1.10"), proto: 6,
                 destinationPort: 22, action: .allow, count: 1, location: SourceLocation(file: "flows.xml", line: 6)),
        ]
        let r = s.run()
        #expect(r.category("laptop") == .cui)
        let path = try #require(r.findings("SCOPE-PATH-01").first { $0.assets == ["laptop"] })
        #expect(path.evidence.contains { $0.kind == .flow && $0.file == "flows.xml" && $0.line == 4 })
        #expect(r.has("SCOPE-FLOW-04", for: "laptop"))
        // Denied flows are separation evidence, never a path.
        #expect(r.category("kiosk") == .outOfScope)
        #expect(r.asset("kiosk")?.reasons.flatMap(\.evidence).contains { $0.kind == .flow && $0.line == 5 } == true)
        // An address in no inventory talking to a CUI asset.
        #expect(r.findings("DOC-14").first?.message.contains("10.20.10.200") == true)
    }

    @Test func indirectPathThroughAJumpHostIsAReview() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("jump", "10.99.0.40", kind: .server, functions: [.jumpHost], declared: .securityProtection)
        s.add("laptop", "10.20.10.57", declared: .outOfScope, justification: "no direct path")
        s.allow("jump-rdp", from: "mgmt", to: "enclave", source: "10.99.0.40", services: "tcp/3389")
        s.allow("corp-jump", from: "corp", to: "mgmt", destination: "10.99.0.40", services: "tcp/3389")
        let r = s.run()
        #expect(r.category("laptop") == .outOfScope)
        let f = r.findings("SCOPE-IND-07").first
        #expect(f?.assets == ["laptop"])
        #expect(f?.review == true)
    }

    @Test func resultsAreDeterministic() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        for i in 1...30 { s.add("pc\(i)", "10.20.10.\(i)", declared: i % 3 == 0 ? .outOfScope : nil) }
        s.allow("some", from: "corp", to: "enclave", source: "10.20.10.1-10.20.10.12", services: "tcp/445")
        let a = JSONReportRenderer.render(s.run())
        let b = JSONReportRenderer.render(s.run())
        #expect(a == b)
    }

    // Review fixes (wip-review): Level 1 and Level 3 edge cases.

    @Test func levelOneReasonDoesNotCallAConnectedAssetSeparated() {
        var s = ScopeScenario()
        s.level = .one
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("laptop", "10.20.10.57", declared: .outOfScope)
        s.add("kiosk", "10.20.10.90", declared: .outOfScope, justification: "blocked")
        s.allow("helpdesk", from: "corp", to: "enclave", source: "10.20.10.57", services: "tcp/445")
        let r = s.run()
        #expect(r.category("laptop") == .outOfScope)
        let reason = r.asset("laptop")?.reasons.first
        #expect(reason?.text.contains("Separated") == false)
        #expect(reason?.text.contains("not separated") == true)
        #expect(reason?.evidence.contains { $0.rule == "helpdesk" } == true)
        // A really separated asset keeps the separation reason.
        #expect(r.asset("kiosk")?.reasons.first?.text.hasPrefix("Separated") == true)
        #expect(r.asset("fs01")?.reasons.first?.text.contains("FCI") == true)
    }

    @Test func levelOneCloudServicesAreNotCheckedAgainstFedRAMP() {
        var s = ScopeScenario()
        s.level = .one
        s.add("box", kind: .cloudService, cui: .store)
        s.add("gcch", kind: .cloudService, cui: .all, fedrampStatus: "In Process", impact: "High")
        let r = s.run()
        #expect(r.category("box") == .cui)  // in the Level 1 scope
        #expect(!r.findings.contains { $0.id.hasPrefix("CLOUD-") })
        #expect(r.asset("box")?.reasons.first?.text.contains("FCI") == true)
        #expect(r.asset("box")?.reasons.first?.text.contains("checked against the FedRAMP") == false)
        // The same inventory at Level 2 is checked.
        s.level = .two
        #expect(s.run().has("CLOUD-04", for: "box"))
    }

    @Test func levelOneVDIClientWithRedirectionIsAReviewNotAReclassification() {
        var s = ScopeScenario()
        s.level = .one
        s.add("vdi-host", "10.50.1.30", kind: .server, cui: .all)
        s.add("thin", "10.20.10.61", kind: .vdiClient, declared: .outOfScope, vdi: .redirection)
        s.allow("vdi", from: "corp", to: "enclave", destination: "10.50.1.30", services: "tcp/3389")
        let r = s.run()
        #expect(r.category("thin") == .outOfScope)
        let f = r.findings("VDI-10").first
        #expect(f?.review == true)
        #expect(f?.severity == .low)
        #expect(f?.message.contains("cannot be out of scope") == false)
    }

    @Test func levelThreeIsolationFindingDoesNotHideSpecializedMisdeclaration() {
        var s = ScopeScenario()
        s.level = .three
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("scope01", "10.50.1.60", kind: .testEquipment, declared: .outOfScope)
        let r = s.run()
        #expect(r.category("scope01") == .specialized)
        #expect(r.findings("L3-12").contains { $0.assets == ["scope01"] && $0.review })
        #expect(r.has("SPEC-11", for: "scope01"))
    }

    @Test func levelThreeUnplacedSpecializedDeviceIsNotSaidToShareAZone() {
        var s = ScopeScenario()
        s.level = .three
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("gfe01", kind: .gfe, cui: .process, declared: .specialized)
        let r = s.run()
        let f = r.findings("L3-12").first { $0.assets == ["gfe01"] }
        #expect(f?.message.contains("no address in a known zone") == true)
        #expect(f?.message.contains("shares its zone") == false)
    }

    @Test func dualHomedFindingNamesTheSubnetOfEachAddress() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("bkp-proxy", "10.50.1.90", kind: .server, functions: [.backup], declared: .securityProtection)
        s.assets[1].addresses = s.assets[1].addresses.union(ReachFixtures.addr("10.20.10.90"))
        let r = s.run()
        let evidence = r.findings("SCOPE-DUAL-03").first?.evidence ?? []
        #expect(evidence.contains { $0.kind == .segment && $0.text.contains("10.20.10.90 in subnet 10.20.10.0/24 (zone corp)") && $0.file != nil })
        #expect(evidence.contains { $0.kind == .segment && $0.text.contains("10.50.1.90 in subnet 10.50.1.0/24 (zone enclave)") && $0.line != nil })
    }

    @Test func kvmOnlyVDIReasonShowsTheDisplayRule() {
        var s = ScopeScenario()
        s.add("vdi-host", "10.50.1.30", kind: .server, cui: .all)
        s.add("thin", "10.20.10.60", kind: .vdiClient, declared: .outOfScope, vdi: .kvmOnly)
        s.allow("vdi", from: "corp", to: "enclave", source: "10.20.10.60", destination: "10.50.1.30", services: "tcp/3389")
        let r = s.run()
        #expect(r.category("thin") == .outOfScope)
        #expect(r.asset("thin")?.reasons.first?.evidence.contains { $0.rule == "vdi" && $0.line == 10 } == true)
    }

    @Test func declaredSPAWithoutAPathSaysSoInPlainWords() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("siem", "10.99.0.20", kind: .server, functions: [.siem], declared: .securityProtection)
        let r = s.run()
        #expect(r.category("siem") == .securityProtection)
        let text = r.asset("siem")?.reasons.first?.text ?? ""
        #expect(text.contains("and is declared security-protection, though no path to or from CUI assets was found"))
        #expect(!text.contains(") declared a Security Protection Asset"))
    }

    @Test func separatedVDIClientWithRedirectionIsNotSaidToBeInScope() {
        var s = ScopeScenario()
        s.add("vdi-host", "10.50.1.30", kind: .server, cui: .all)
        s.add("legacy", "10.20.10.62", kind: .vdiClient, declared: .outOfScope, vdi: .redirection, justification: "blocked")
        let r = s.run()  // no rule lets corp reach the enclave
        #expect(r.category("legacy") == .outOfScope)
        #expect(!r.has("VDI-10", for: "legacy"))
        #expect(r.asset("legacy")?.reasons.first?.text.hasPrefix("Separated") == true)
    }

    @Test func levelOneSpecializedDeviceDeclaredOutOfScopeIsNotMisclassified() {
        var s = ScopeScenario()
        s.level = .one
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("cmm", "10.60.0.12", kind: .testEquipment, declared: .outOfScope)
        s.add("laptop", "10.20.10.5", kind: .endpoint, declared: .specialized, justification: "none")
        s.allow("shop-files", from: "shop", to: "enclave", destination: "10.50.1.10", services: "tcp/445")
        let r = s.run()
        #expect(r.category("cmm") == .specialized)
        #expect(r.asset("cmm")?.reasons.first?.text.contains("not part of the Level 1 assessment scope") == true)
        #expect(!r.findings.contains { $0.assets == ["cmm"] && ($0.id == "SPEC-11" || $0.id == "SCOPE-DECL-21") })
        #expect(r.has("SPEC-11", for: "laptop"))  // general-purpose IT declared Specialized is still wrong
    }

    @Test func declaredCategoryDifferenceSaysTheInventoryDeclaresCUIHandling() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("fw01", "10.99.0.1", kind: .firewall, cui: .transmit, functions: [.firewall], declared: .securityProtection)
        let r = s.run()
        #expect(r.category("fw01") == .cui)
        let f = r.findings("SCOPE-DECL-21").first { $0.assets == ["fw01"] }
        #expect(f?.message.contains("handles CUI (transmit)") == true)
        #expect(f?.message.contains("also security-protection") == true)
    }

    @Test func indirectPathWordingDoesNotClaimADirection() {
        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("jump", "10.99.0.50", kind: .server, functions: [.jumpHost], declared: .securityProtection)
        s.add("kiosk", "10.20.10.80", declared: .outOfScope, justification: "lobby")
        s.allow("admin", from: "mgmt", to: "enclave", source: "10.99.0.50", services: "tcp/22")
        s.allow("admin-corp", from: "mgmt", to: "corp", source: "10.99.0.50", services: "tcp/22")
        let r = s.run()
        let f = r.findings("SCOPE-IND-07").first { $0.assets == ["kiosk"] }
        #expect(f?.message.contains("has a data-capable path to or from the application relay jump") == true)
    }
}
