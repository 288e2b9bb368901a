import Foundation
import Testing

@testable import CUIScope

/// Pins every reason and finding the decision procedure writes across the space of asset facts
/// (kind, CUI handling, security functions, declared category, CRMA policy, justification, VDI
/// mode, Government operation) and of network placements (same segment as a CUI asset, a permit
/// on any service, display protocols only, role ports from the enclave, denied, observed only,
/// behind a relay, unplaced), at each level.
///
/// The classifier tests check what each step concludes; this sweep makes sure a restructuring
/// of the steps changes no category, reason text, evidence or finding anywhere in that space.
/// When a deliberate change of semantics moves a digest, update it and say why in the commit;
/// `CUISCOPE_SWEEP_DUMP=DIR` writes the texts behind the digests there, to diff before and after.
@Suite("Classification: sweep over asset facts and placements")
struct ClassificationSweepTests {
    /// Where a probe asset sits and what the rules and flows give it.
    enum Placement: CaseIterable {
        case enclave, corp, display, logs, denied, observedOnly, behindRelay, unplaced

        /// Zone subnet prefix of the placement (a /16), nil when unplaced.
        var prefix: String? {
            switch self {
            case .enclave: return "10.50"
            case .corp: return "10.20"
            case .display: return "10.99"
            case .logs: return "10.98"
            case .denied: return "10.60"
            case .observedOnly: return "10.61"
            case .behindRelay: return "10.70"
            case .unplaced: return nil
            }
        }
    }

    static let zones = [
        ReachFixtures.zone("enclave", "10.50.0.0/16"), ReachFixtures.zone("corp", "10.20.0.0/16"),
        ReachFixtures.zone("mgmt", "10.99.0.0/16"), ReachFixtures.zone("logs", "10.98.0.0/16"),
        ReachFixtures.zone("shop", "10.60.0.0/15"), ReachFixtures.zone("dmz", "10.70.0.0/16"),
        ReachFixtures.zone("cui-probes", "10.40.0.0/16"),
    ]

    static let rules = [
        ReachFixtures.rule("corp-any", .allow, from: ["corp"], to: ["enclave"], destination: "10.50.0.10", line: 10),
        ReachFixtures.rule("mgmt-rdp", .allow, from: ["mgmt"], to: ["enclave"], destination: "10.50.0.10",
                           services: "tcp/3389", line: 11),
        ReachFixtures.rule("enclave-logs", .allow, from: ["enclave"], to: ["logs"], source: "10.50.0.10",
                           services: "udp/514", line: 12),
        ReachFixtures.rule("dmz-corp", .allow, from: ["dmz"], to: ["corp"], line: 13),
    ]

    /// The probes: every combination of the facts the procedure reads, in each placement.
    static func probes() -> [Asset] {
        var out: [Asset] = []
        var counters: [String: Int] = [:]
        func add(_ p: Placement, _ build: (inout Asset) -> Void) {
            var a = Asset(id: "p\(out.count)", location: SourceLocation(file: "inventory.csv", line: out.count + 10))
            build(&a)
            // CUI assets sit in a zone of their own: beside the probes of a placement they would
            // share its segment and connect every probe there. So their placement is placed or not.
            let target = !a.governmentOperated && !a.kind.isForwarding && (a.handlesCUI || a.declared == .cui)
            if target && p != .enclave && p != .unplaced { return }
            if let prefix = p.prefix.map({ target ? "10.40" : $0 }) {
                let n = counters[prefix, default: 100]
                counters[prefix] = n + 1
                let text = "\(prefix).\(n / 250).\(n % 250 + 2)"
                a.addressTexts = [text]
                a.addresses = ReachFixtures.addr(text)
            }
            out.append(a)
        }
        let kinds: [AssetKind] = [.endpoint, .server, .cloudService, .ot, .vdiClient, .network]
        let functions: [[SecurityFunction]] = [[], [.directory], [.jumpHost]]
        let declared: [Category?] = [nil, .cui, .securityProtection, .contractorRiskManaged, .specialized, .outOfScope]
        let justifications: [String?] = [nil, "CUI is encrypted with BitLocker", "no route to the enclave"]
        for p in Placement.allCases {
            for kind in kinds {
                let modes: [VDIMode?] = kind == .vdiClient ? [nil, .kvmOnly, .redirection] : [nil]
                for mode in modes {
                    for cui in [CUIHandling(), .process] {
                        for f in functions {
                            for d in declared {
                                for crm in [false, true] {
                                    for j in justifications {
                                        add(p) {
                                            $0.kind = kind; $0.vdi = mode; $0.cui = cui; $0.functions = f
                                            $0.declared = d; $0.crmPolicy = crm; $0.justification = j
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for d in declared {
                add(p) { $0.kind = .server; $0.governmentOperated = true; $0.declared = d; $0.cui = .store }
            }
            let fedramp: [(String?, String?, String?, [String])] = [
                ("FedRAMP Authorized", "Moderate", nil, []), ("FedRAMP Authorized", "Moderate", "contract.pdf", []),
                ("In Process", "Moderate", nil, []), ("Compliant", "20x Moderate", nil, []),
                (nil, nil, nil, ["3pao-sar", "crm"]),
            ]
            for (status, impact, dfars, equivalency) in fedramp {
                add(p) {
                    $0.kind = .cloudService; $0.cui = .all; $0.fedrampStatus = status; $0.impactLevel = impact
                    $0.dfarsEvidence = dfars; $0.equivalencyEvidence = equivalency
                }
            }
        }
        return out
    }

    /// Allowed flows from the observed-only probes to the file server, denied ones from the
    /// denied probes.
    static func flows(_ probes: [Asset]) -> [Flow] {
        var out: [Flow] = []
        let server = ReachFixtures.ip("10.50.0.10")
        for (n, a) in probes.enumerated() {
            guard let source = a.addresses.intervals.first.map({ IPAddress(value: $0.lower) }) else { continue }
            let net = (source.value & 0xffff_ffff) >> 16
            guard net == 0x0A3C || net == 0x0A3D else { continue }
            out.append(Flow(
                source: source, destination: server, proto: IPProtocol.tcp, destinationPort: 445,
                action: net == 0x0A3D ? .allow : .deny, bytes: 1000, packets: 10, firstSeen: 1_790_000_000, count: 1,
                location: SourceLocation(file: "flows.xml", line: n + 3, column: 3)))
        }
        return out
    }

    static func run(level: CMMCLevel) -> AnalysisResult {
        var assets = [
            Asset(id: "fs01", addressTexts: ["10.50.0.10"], addresses: ReachFixtures.addr("10.50.0.10"), kind: .server,
                  cui: .all, location: SourceLocation(file: "inventory.csv", line: 2)),
            Asset(id: "plm01", addressTexts: ["10.50.0.11"], addresses: ReachFixtures.addr("10.50.0.11"), kind: .server,
                  declared: .cui, location: SourceLocation(file: "inventory.csv", line: 3)),
        ]
        let probes = probes()
        assets += probes
        let fw = ReachFixtures.firewall("fw", zones: zones, rules: rules)
        let scope = ScopeConfig(organisation: "Sweep", level: level, enclave: ["enclave"])
        let log = FlowLog(flows: flows(probes), source: "flows.xml", recordCount: 0)
        return Analyzer.run(AnalysisInput(
            inventories: [Inventory(assets: assets, source: "inventory.csv")],
            ruleSets: [RuleSet(enforcementPoints: [fw], source: "policy.xml")],
            flowLogs: [log], scope: scope, level: level))
    }

    @Test("Level 1, 2 and 3: every reason and finding unchanged", arguments: [
        (CMMCLevel.one, "4e93d99970262587"), (.two, "408d917c35ec9c1a"), (.three, "b95ca18106502c5a"),
    ])
    func sweep(level: CMMCLevel, digest: String) {
        let result = Self.run(level: level)
        let text = AnalysisDigestTests.canonical(result)
        let got = String(AnalysisDigestTests.fnv1a(text), radix: 16)
        if let dir = ProcessInfo.processInfo.environment["CUISCOPE_SWEEP_DUMP"] {
            try? text.write(toFile: "\(dir)/sweep-L\(level.rawValue).txt", atomically: true, encoding: .utf8)
        }
        print("sweep level \(level.rawValue) digest \(got): \(result.assets.count) assets, \(result.findings.count) findings")
        #expect(got == digest)
    }
}
