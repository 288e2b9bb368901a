import Foundation
import Testing

@testable import CUIScope

@Suite("Diagrams: boundary, data flow and network views through Graphviz")
struct DOTRendererTests {
    typealias S = DiagramTestSupport
    static let directions = ["ingress", "egress", "bidirectional", "internal", "external"]

    @Test("the in-scope parts of the zones hold exactly the in-scope network assets; cloud services sit outside, split by FedRAMP")
    func boundaryMembership() throws {
        let r = S.demo
        let g = try S.layout(try DOTRenderer.render(r, options: DiagramOptions(view: .boundary, aggregate: .none)))
        let inside = S.assets(g.clusters.filter { $0.key.hasPrefix("cluster_in:") }.values.reduce(into: Set<String>()) { $0.formUnion($1) })
        let expected = Set(r.assets.filter { $0.category.isInScope && $0.kind != .cloudService }.map(\.id))
        #expect(inside == expected)
        #expect(inside.contains("corp-lt-07") && inside.contains("erp01") && !inside.contains("hr-app01"))

        let authorized = S.assets(try #require(g.clusters["cluster_ext:authorized"]))
        let unauthorized = S.assets(try #require(g.clusters["cluster_ext:unauthorized"]))
        #expect(authorized == ["azure-gov", "m365-commercial"])
        #expect(unauthorized.isSuperset(of: ["m365-gcch", "box-eng"]))
        #expect(g.string("asset:m365-gcch", "tooltip")?.contains("FR1824057433") == true)
        // Out-of-scope assets of a zone are drawn outside the boundary, in their zone: one cluster
        // per zone holds both parts.
        #expect(S.assets(try #require(g.clusters["cluster_out:corp"])).contains("hr-app01"))
        let corp = S.assets(try #require(g.clusters["cluster_zone:corp"]))
        #expect(corp.isSuperset(of: ["hr-app01", "corp-lt-07", "erp01"]))
        let zoneClusters = g.clusters.keys.filter { $0.hasPrefix("cluster_zone:") }
        #expect(Set(zoneClusters).count == zoneClusters.count)
        #expect(Set(zoneClusters) == Set(r.network.zones.map { "cluster_zone:" + $0.name } + ["cluster_zone:"]))
        // Legend always present.
        #expect(g.clusters["cluster_legend"]?.contains("legend") == true)
    }

    @Test("flagged paths are red and name the finding; every flow carries ports and a direction")
    func flaggedPaths() throws {
        let g = try S.layout(try DOTRenderer.render(S.demo, options: DiagramOptions(view: .boundary, aggregate: .none)))
        let pulled = try #require(g.edges(between: "asset:corp-lt-07", "asset:fs01").first)
        #expect(pulled["color"] as? String == DiagramStyle.flagColor)
        // Short labels (services, finding ids); rules, direction and file:line in the tooltip.
        #expect((pulled["xlabel"] as? String)?.contains("SCOPE-PATH-01") == true)
        #expect((pulled["tooltip"] as? String)?.contains("helpdesk-smb-temp") == true)
        #expect((pulled["tooltip"] as? String)?.contains("firewall.xml:68") == true)
        #expect((pulled["xlabel"] as? String)?.contains("tcp/445") == true)
        let observed = g.edges(between: "asset:corp-lt-03", "asset:fs01").first { $0["style"] as? String == "dashed" }
        #expect((observed?["xlabel"] as? String)?.contains("SCOPE-FLOW-04") == true)
        // The non-FedRAMP CUI cloud is reached by a dotted, flagged edge from the boundary.
        let cloud = g.edges(between: "boundary", "asset:m365-gcch")
        #expect(cloud.contains { $0["style"] as? String == "dotted" && ($0["xlabel"] as? String)?.contains("CLOUD-02") == true })
        #expect((g.nodes["asset:corp-lt-07"]?["color"] as? String) == DiagramStyle.flagColor)

        let flows = g.edges.filter { e in
            (e.attributes["class"] as? String).map { !["interface", "unknown-host", "actor"].contains($0) } ?? true
        }
        #expect(!flows.isEmpty)
        for e in flows {
            let tip = e.attributes["tooltip"] as? String ?? ""
            #expect(tip.contains(" · ") && Self.directions.contains { tip.contains($0) }, "\(e.tail) → \(e.head): \(tip)")
            #expect((e.attributes["xlabel"] as? String)?.split(separator: "\n").count ?? 0 <= 2)
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

    @Test("no edge or zone label overlaps another label or a node on the demo views", arguments: DiagramView.allCases)
    func noOverlappingLabels(view: DiagramView) throws {
        let dot = try DOTRenderer.render(S.demo, options: DiagramOptions(view: view))
        let overlaps = try DiagramLabelBoxes.overlaps(dot: dot)
        #expect(overlaps == [])
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

    @Test("a session from a host in no inventory is drawn in its own style, in the zone the address sits in")
    func unknownHost() throws {
        let g = try S.layout(try DOTRenderer.render(S.demo, options: DiagramOptions(view: .boundary, aggregate: .none)))
        let host = "unknown:10.20.10.200"
        #expect(g.string(host, "class") == "unknown-host")
        #expect(g.clusters["cluster_zone:corp"]?.contains(host) == true)
        #expect(!(g.clusters["cluster_in:corp"]?.contains(host) ?? false) && !(g.clusters["cluster_out:corp"]?.contains(host) ?? false))
        let edge = try #require(g.edges(between: host, "asset:eng-ws01").first)
        #expect(edge["style"] as? String == "dashed" && edge["color"] as? String == DiagramStyle.unknownColor)
        #expect((edge["xlabel"] as? String)?.contains("DOC-14") == true)
        #expect((edge["tooltip"] as? String)?.contains("flows.xml:7") == true)
        // Aggregated, the unknown hosts of a zone are one node, joined to the aggregate of the asset.
        let zoned = try S.layout(try DOTRenderer.render(S.demo, options: DiagramOptions(view: .boundary, aggregate: .zone)))
        #expect(zoned.string("unknown-hosts:corp", "class") == "unknown-host")
        #expect(zoned.edges.contains { $0.tail == "unknown-hosts:corp" && $0.attributes["class"] as? String == "unknown-host" })
        #expect(!zoned.nodes.keys.contains { $0.hasPrefix("unknown:") })
    }

    @Test("users and administrators are actors joined to the devices the inventory gives them")
    func actors() throws {
        let r = S.demo
        let g = try S.layout(try DOTRenderer.render(r, options: DiagramOptions(view: .boundary, aggregate: .none)))
        func devices(_ actor: String) -> Set<String> {
            S.assets(Set(g.edges.filter { $0.tail == actor && $0.attributes["class"] as? String == "actor" }.map(\.head)))
        }
        #expect(devices("actor:administrators") == ["corp-admin-ws", "enc-jump01"])
        let cuiDevices = Set(r.assets.filter { $0.category == .cui && ($0.kind == .endpoint || $0.kind == .vdiClient) }.map(\.id))
        #expect(devices("actor:cui-users") == cuiDevices)
        #expect(cuiDevices.isSuperset(of: ["eng-ws01", "corp-lt-07"]))
        let tip = g.edges.first { $0.tail == "actor:administrators" && $0.head == "asset:enc-jump01" }?.attributes["tooltip"] as? String
        #expect(tip?.contains("inventory.csv:6: inventory row of enc-jump01") == true)
        let network = try DOTRenderer.render(r, options: DiagramOptions(view: .network))
        #expect(!network.contains("actor:"))
    }

    @Test("the legend lists exactly the styles drawn", arguments: DiagramView.allCases)
    func legendMatchesDrawing(view: DiagramView) throws {
        let dot = try DOTRenderer.render(S.demo, options: DiagramOptions(view: view, aggregate: .none))
        let legend = try #require(dot.split(separator: "\n").first { $0.contains("\"legend\" [") })
        func listed(_ text: String) -> Bool { legend.contains(text) }
        let edgeLines = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(listed("observed in flow logs (dashed)") == edgeLines.contains { $0.contains("style=dashed") && !$0.contains("unknown-host") })
        #expect(listed("declared in the inventory (dotted") == edgeLines.contains { $0.contains("style=dotted") })
        #expect(listed("joins the zone") == edgeLines.contains { $0.contains("class=\"interface\"") })
        #expect(listed("host in no inventory") == edgeLines.contains { $0.contains("unknown-host") })
        #expect(listed("not in the inventory — octagon") == dot.contains("class=\"enforcement-point\""))
        #expect(listed("in the inventory — octagon") == dot.contains(" enforcement-point"))
        #expect(listed("Subnet") == dot.contains("class=\"subnet\""))
        #expect(listed("(actor)") == dot.contains("class=\"actor\""))
        for c in Category.allCases {
            #expect(listed("(\(c.rawValue))") == dot.contains("class=\"asset \(c.rawValue)"), "\(c)")
        }
        #expect(listed("authorized / unverified") == dot.contains("cluster_ext:unauthorized"))
    }

    @Test("--title replaces the first title line; the inputs' date is always drawn below it")
    func title() throws {
        let dot = try DOTRenderer.render(S.demo, options: DiagramOptions(title: "Example Machining — SSP figure 2"))
        #expect(dot.contains("label=\"Example Machining — SSP figure 2\\nInputs dated 2026-10-07 · CMMC Level 2"))
        let plain = try DOTRenderer.render(S.demo)
        #expect(plain.contains("label=\"cuiscope boundary diagram — Example Machining LLC\\nInputs dated 2026-10-07"))
    }
}
