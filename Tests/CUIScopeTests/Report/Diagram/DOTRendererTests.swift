import Foundation
import Testing

@testable import CUIScope

@Suite("Diagrams: boundary, data flow and network views through Graphviz")
struct DOTRendererTests {
    typealias S = DiagramTestSupport
    static let directions = ["ingress", "egress", "bidirectional", "internal", "external"]

    @Test("the boundary cluster holds exactly the in-scope network assets; cloud services sit outside, split by FedRAMP")
    func boundaryMembership() throws {
        let r = S.demo
        let g = try S.layout(try DOTRenderer.render(r, options: DiagramOptions(view: .boundary, aggregate: .none)))
        let inside = S.assets(try #require(g.clusters["cluster_boundary"]))
        let expected = Set(r.assets.filter { $0.category.isInScope && $0.kind != .cloudService }.map(\.id))
        #expect(inside == expected)
        #expect(inside.contains("corp-lt-07") && inside.contains("erp01") && !inside.contains("hr-app01"))

        let authorized = S.assets(try #require(g.clusters["cluster_ext:authorized"]))
        let unauthorized = S.assets(try #require(g.clusters["cluster_ext:unauthorized"]))
        #expect(authorized == ["azure-gov", "m365-commercial"])
        #expect(unauthorized.isSuperset(of: ["m365-gcch", "box-eng"]))
        #expect(g.string("asset:m365-gcch", "tooltip")?.contains("FR1824057433") == true)
        // Out-of-scope assets of a zone are drawn outside the boundary, in their zone.
        #expect(S.assets(try #require(g.clusters["cluster_out:corp"])).contains("hr-app01"))
        // Legend always present.
        #expect(g.clusters["cluster_legend"]?.contains("legend") == true)
    }

    @Test("flagged paths are red and name the finding; every flow carries ports and a direction")
    func flaggedPaths() throws {
        let g = try S.layout(try DOTRenderer.render(S.demo, options: DiagramOptions(view: .boundary, aggregate: .none)))
        let pulled = try #require(g.edges(between: "asset:corp-lt-07", "asset:fs01").first)
        #expect(pulled["color"] as? String == DiagramStyle.flagColor)
        #expect((pulled["label"] as? String)?.contains("SCOPE-PATH-01") == true)
        #expect((pulled["label"] as? String)?.contains("helpdesk-smb-temp") == true)
        #expect((pulled["label"] as? String)?.contains("tcp/445") == true)
        let observed = g.edges(between: "asset:corp-lt-03", "asset:fs01").first { $0["style"] as? String == "dashed" }
        #expect((observed?["label"] as? String)?.contains("SCOPE-FLOW-04") == true)
        // The non-FedRAMP CUI cloud is reached by a dotted, flagged edge from the boundary.
        let cloud = g.edges.filter { $0.head == "asset:m365-gcch" }.map(\.attributes)
        #expect(cloud.contains { $0["style"] as? String == "dotted" && ($0["label"] as? String)?.contains("CLOUD-02") == true })
        #expect((g.nodes["asset:corp-lt-07"]?["color"] as? String) == DiagramStyle.flagColor)

        let flows = g.edges.filter { ($0.attributes["class"] as? String).map { !$0.contains("interface") } ?? true }
        #expect(!flows.isEmpty)
        for e in flows {
            let label = e.attributes["label"] as? String ?? ""
            #expect(label.contains(" · ") && Self.directions.contains { label.contains($0) }, "\(e.tail) → \(e.head): \(label)")
        }
    }

    @Test("the data-flow view shows CUI moving between CUI assets and to cloud services, and nothing out of scope")
    func dataflow() throws {
        let r = S.demo
        let g = try S.layout(try DOTRenderer.render(r, options: DiagramOptions(view: .dataflow, aggregate: .none)))
        let drawn = S.assets(Set(g.nodes.keys))
        let outOfScope = Set(r.assets.filter { !$0.category.isInScope }.map(\.id))
        #expect(drawn.isDisjoint(with: outOfScope))
        #expect(!g.edges(between: "asset:eng-ws01", "asset:fs01").isEmpty)
        #expect(!r.network.cuiEdges.isEmpty)
        #expect(!g.nodes.keys.contains { $0.hasPrefix("ep:") })
    }

    @Test("the network view draws subnets inside their zones and enforcement points on the zones they join")
    func network() throws {
        let g = try S.layout(try DOTRenderer.render(S.demo, options: DiagramOptions(view: .network, aggregate: .none)))
        #expect(g.clusters["cluster_in:enclave"]?.contains("subnet:enclave|10.50.1.0/24") == true)
        #expect(g.clusters["cluster_out:guest"]?.contains("subnet:guest|192.168.100.0/24") == true)
        let interfaces = g.edges.filter { $0.attributes["class"] as? String == "interface" }
        #expect(Set(interfaces.map(\.tail)) == ["asset:fw-core"])
        #expect(interfaces.contains { $0.head == "subnet:guest|192.168.100.0/24" })
        #expect(g.edges.allSatisfy { $0.attributes["style"] as? String != "dashed" })
    }

    @Test("focus options keep the asked neighbourhood; unknown names are errors")
    func focus() throws {
        let r = S.demo
        let around = try S.layout(try DOTRenderer.render(r, options: DiagramOptions(aggregate: .none, around: "corp-lt-07")))
        #expect(S.assets(Set(around.nodes.keys)) == ["corp-lt-07", "fs01"])
        let zone = try S.layout(try DOTRenderer.render(r, options: DiagramOptions(aggregate: .none, zone: "shop")))
        #expect(S.assets(Set(zone.nodes.keys)).isSuperset(of: ["cnc-01", "cmm-01", "hvac-ctl01", "fs01"]))
        #expect(!S.assets(Set(zone.nodes.keys)).contains("hr-app01"))
        let flagged = try S.layout(try DOTRenderer.render(r, options: DiagramOptions(aggregate: .none, onlyFindings: true)))
        let flaggedAssets = S.assets(Set(flagged.nodes.keys))
        #expect(flaggedAssets.contains("corp-lt-07") && !flaggedAssets.contains("bkp01"))
        #expect(flagged.clusters["cluster_legend"] != nil)
        #expect(throws: DiagramError.self) { try DOTRenderer.render(r, options: DiagramOptions(around: "no-such")) }
        #expect(throws: DiagramError.self) { try DOTRenderer.render(r, options: DiagramOptions(zone: "no-such")) }
    }

    @Test("output is byte-identical across runs and inventory row order")
    func deterministic() throws {
        let paths = InputPaths(
            inventories: [TestPaths.demo("demo/inventory.csv")], rules: [TestPaths.demo("demo/firewall.xml")],
            flows: [TestPaths.demo("demo/flows.xml")], scope: TestPaths.demo("demo/scope.yaml"),
            fedramp: TestPaths.demo("demo/fedramp-marketplace.json"))
        var input = try InputLoader.load(paths)
        for view in DiagramView.allCases {
            let a = try DOTRenderer.render(S.demo, options: DiagramOptions(view: view))
            #expect(a == (try DOTRenderer.render(Analyzer.run(input), options: DiagramOptions(view: view))))
        }
        input.inventories[0].assets.reverse()
        for view in DiagramView.allCases {
            let a = try DOTRenderer.render(S.demo, options: DiagramOptions(view: view))
            #expect(a == (try DOTRenderer.render(Analyzer.run(input), options: DiagramOptions(view: view))))
        }
    }

    @Test("any asset name survives: quotes, backslashes, unicode, markup, line breaks")
    func escaping() throws {
        let nasty = "evil\"id\\x <b>&amp; Ünïcødé 🛰"
        let name = "<table>\"quoted\" & \\N back\\slash\nsecond line ]]> é"
        let loc = SourceLocation(file: "inv.csv", line: 2)
        let assets = [
            Asset(id: nasty, name: name, addressTexts: ["10.0.0.5"], addresses: AddressSet.parse("10.0.0.5") ?? .empty,
                  kind: .server, cui: .all, declared: .cui, zoneHint: "zöne \"x\"", location: loc),
            Asset(id: "peer", addressTexts: ["10.0.0.6"], addresses: AddressSet.parse("10.0.0.6") ?? .empty,
                  kind: .endpoint, location: loc),
        ]
        let subnet = Subnet(text: "10.0.0.0/24", addresses: AddressSet.parse("10.0.0.0/24") ?? .empty, location: loc,
                            origin: "scope")
        let input = AnalysisInput(
            inventories: [Inventory(assets: assets, source: "inv.csv")],
            scope: ScopeConfig(zones: [Zone(name: "zöne \"x\"", subnets: [subnet])], enclave: ["zöne \"x\""]))
        let r = Analyzer.run(input)
        for view in DiagramView.allCases {
            let g = try S.layout(try DOTRenderer.render(r, options: DiagramOptions(view: view, aggregate: .none)))
            let node = DOTEscape.identifier("asset:", nasty)
            #expect(g.nodes[node] != nil, "view \(view)")
            // Graphviz's own rendering shows the name as written (a word joiner guards `\N`).
            let svg = String(decoding: try GraphvizRunner.render(try DOTRenderer.render(r, options: DiagramOptions(view: view, aggregate: .none)), format: "svg"), as: UTF8.self)
            let shown = "&lt;table&gt;&quot;quoted&quot; &amp; \\\u{2060}N back\\slash&#10;second line ]]&gt; é"
            #expect(svg.contains(shown), "view \(view)")
            #expect(svg.contains("Ünïcødé 🛰"))
            #expect(!g.edges(between: node, DOTEscape.identifier("asset:", "peer")).isEmpty || view == .network)
        }
        #expect(DOTEscape.identifier("", "a\"b") == "a%22b")
        #expect(DOTEscape.identifier("", "a%22b") == "a%2522b")
        #expect(DOTEscape.identifier("", "a b") == "a%20b")
        #expect(DOTEscape.quoted("a\"b\\c\nd\u{7}") == "\"a\\\"b\\\\c\\nd\"")
        #expect(DOTEscape.html("<a href='x'>&") == "&lt;a href=&#39;x&#39;&gt;&amp;")
    }
}
