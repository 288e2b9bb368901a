@testable import CUIScope

/// A small network built in code for classification tests: zones enclave 10.50.1.0/24,
/// corp 10.20.10.0/24, mgmt 10.99.0.0/24 and shop 10.60.0.0/24 behind one firewall.
struct ScopeScenario {
    var assets: [Asset] = []
    var rules: [Rule] = []
    var flows: [Flow] = []
    var level: CMMCLevel = .two
    var interzone: RuleAction = .deny
    var allowlist: [AllowlistEntry] = []

    static let zones = [
        ReachFixtures.zone("enclave", "10.50.1.0/24"), ReachFixtures.zone("corp", "10.20.10.0/24"),
        ReachFixtures.zone("mgmt", "10.99.0.0/24"), ReachFixtures.zone("shop", "10.60.0.0/24"),
    ]

    mutating func add(
        _ id: String, _ address: String = "", kind: AssetKind = .endpoint, cui: CUIHandling = [],
        functions: [SecurityFunction] = [], declared: Category? = nil, crm: Bool = false, vdi: VDIMode? = nil,
        justification: String? = nil, government: Bool = false, publicFacing: Bool = false,
        fedrampID: String? = nil, fedrampStatus: String? = nil, impact: String? = nil, dfars: String? = nil
    ) {
        let line = assets.count + 2
        assets.append(Asset(
            id: id, addressTexts: address.isEmpty ? [] : [address],
            addresses: address.isEmpty ? .empty : ReachFixtures.addr(address), kind: kind, cui: cui,
            functions: functions, declared: declared, crmPolicy: crm, fedrampID: fedrampID,
            fedrampStatus: fedrampStatus, impactLevel: impact, vdi: vdi, justification: justification,
            governmentOperated: government, publicFacing: publicFacing, dfarsEvidence: dfars,
            location: SourceLocation(file: "inventory.csv", line: line)))
    }

    mutating func allow(_ name: String, from: String, to: String, source: String = "any", destination: String = "any",
                        services: String = "any") {
        rules.append(ReachFixtures.rule(name, .allow, from: [from], to: [to], source: source,
                                        destination: destination, services: services, line: 10 + rules.count))
    }

    func run() -> AnalysisResult {
        let fw = ReachFixtures.firewall("fw", zones: ScopeScenario.zones, rules: rules, interzone: interzone)
        let scope = ScopeConfig(organisation: "Test Org", level: level, enclave: ["enclave"],
                                protocolAllowlist: allowlist)
        let flowLog = FlowLog(flows: flows, source: "flows.xml", recordCount: flows.count)
        return Analyzer.run(AnalysisInput(
            inventories: [Inventory(assets: assets, source: "inventory.csv")],
            ruleSets: [RuleSet(enforcementPoints: [fw], source: "policy.xml")],
            flowLogs: flows.isEmpty ? [] : [flowLog], scope: scope, level: level))
    }
}

extension AnalysisResult {
    func asset(_ id: String) -> AssetResult? { assets.first { $0.id == id } }
    func category(_ id: String) -> Category? { asset(id)?.category }
    func findings(_ findingID: String) -> [Finding] { findings.filter { $0.id == findingID } }
    func has(_ findingID: String, for asset: String) -> Bool {
        findings.contains { $0.id == findingID && $0.assets.contains(asset) }
    }
}
