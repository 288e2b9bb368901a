import Foundation
import Testing

@testable import CUIScope
import CUIScopeSynthetic

@Suite("Diagrams: aggregation keeps large networks readable")
struct DiagramScaleTests {
    /// The generated 10,000-asset contractor network, analysed.
    static let large: AnalysisResult = {
        let net = SyntheticNetwork.make(assets: 10_000, rules: 2_000, seed: 42)
        let input = AnalysisInput(
            inventories: [Inventory(assets: net.assets, source: "synthetic-inventory-42.csv")],
            ruleSets: [RuleSet(enforcementPoints: net.enforcementPoints, source: "synthetic-rules-42.xml")],
            scope: ScopeConfig(zones: net.zones, enclave: ["enclave"]))
        return Analyzer.run(input)
    }()

    @Test("10,000 assets with --aggregate auto: a bounded diagram that dot lays out", arguments: DiagramView.allCases)
    func tenThousand(view: DiagramView) throws {
        let r = Self.large
        let options = DiagramOptions(view: view, aggregate: .auto)
        let counts = try DOTRenderer.counts(r, options: options)
        // Zones × 2 parts × 5 categories, plus anchors, enforcement points, grouped subnets and the legend.
        #expect(counts.nodes <= 150, "\(view): \(counts.nodes) nodes")
        let dot = try DOTRenderer.render(r, options: options)
        // CUISCOPE_DIAGRAM_DUMP=DIR keeps the DOT, to time `dot` by hand for the README numbers.
        if let dir = ProcessInfo.processInfo.environment["CUISCOPE_DIAGRAM_DUMP"] {
            try Data(dot.utf8).write(to: URL(fileURLWithPath: dir).appendingPathComponent("synthetic-10k-\(view).dot"))
        }
        let clock = ContinuousClock()
        let start = clock.now
        let g = try DiagramTestSupport.layout(dot)
        print("diagram \(view) 10k assets: \(counts.nodes) nodes, \(counts.edges) edges, dot -Tjson \(clock.now - start)")
        #expect(g.nodes.count == counts.nodes)
        // Aggregates inside the boundary hold only in-scope assets.
        let inScope = Set(r.assets.filter(\.category.isInScope).map(\.id))
        let boundary = g.clusters.filter { $0.key.hasPrefix("cluster_in:") }.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        #expect(!boundary.isEmpty)
        for name in boundary where name.hasPrefix("agg:") {
            let tooltip = g.string(name, "tooltip") ?? ""
            let sample = tooltip.split(separator: ":", maxSplits: 1).last.map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            } ?? []
            for id in sample where id.hasPrefix("asset-") { #expect(inScope.contains(id), "\(id) in \(name)") }
        }
        #expect(g.clusters["cluster_legend"] != nil)
    }

    @Test("aggregation modes bound the demo's node count; members are never lost")
    func modes() throws {
        let r = DiagramTestSupport.demo
        let none = try DOTRenderer.counts(r, options: DiagramOptions(aggregate: .none)).nodes
        let category = try DOTRenderer.counts(r, options: DiagramOptions(aggregate: .category)).nodes
        let zone = try DOTRenderer.counts(r, options: DiagramOptions(aggregate: .zone)).nodes
        #expect(zone < category && category < none)
        let g = try DiagramBuilder(result: r, options: DiagramOptions(aggregate: .zone)).build()
        let members = g.nodes.flatMap(\.assets)
        #expect(Set(members) == Set(r.assets.map(\.id)) && members.count == r.assets.count)
    }
}
