import Foundation
import Testing

@testable import CUIScope

/// Zones and assets in the order people read them (docs/DECISIONS.md 108).
@Suite("Diagrams: natural order of zones and assets")
struct NaturalOrderTests {
    @Test("digit runs compare as numbers; the order is total")
    func order() {
        let names = ["z19", "z9", "z2", "z1", "z10", "a", "z02", "ws-10", "ws-9", "Z1", ""]
        let sorted = names.sorted(by: NaturalOrder.less)
        #expect(sorted == ["", "Z1", "a", "ws-9", "ws-10", "z1", "z2", "z02", "z9", "z10", "z19"])
        for a in names { #expect(!NaturalOrder.less(a, a)) }
    }

    @Test("zones and the assets of a zone read top to bottom in natural order on the laid-out page",
          arguments: [DiagramView.boundary, .network], ["none", "zone"])
    func diagramOrder(view: DiagramView, aggregate: String) throws {
        var csv = "id,name,addresses,kind,cui,zone\n"
        for z in [19, 9, 2, 1, 10] { csv += "h\(z),host \(z),10.0.\(z).5,server,\(z == 1 ? "yes" : ""),z\(z)\n" }
        for n in [10, 9, 2] { csv += "ws-\(n),workstation \(n),10.0.2.\(100 + n),endpoint,,z2\n" }
        var scope = "level: 2\nzones:\n"
        for z in [19, 9, 2, 1, 10] { scope += "  z\(z): [10.0.\(z).0/24]\n" }
        let inv = TestPaths.temporaryFile(csv, name: "natural.csv")
        let sc = TestPaths.temporaryFile(scope, name: "natural-scope.yaml")
        let r = try CLIRunner.run(["diagram", "--view", view.rawValue, "--aggregate", aggregate, "--inventory", inv, "--scope", sc])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try GraphvizRunner.render(r.stdout, format: "json")
        let objects = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["objects"] as? [[String: Any]])
        // Graphviz's y grows upwards: top to bottom is descending y (cluster tops, node centres).
        func top(_ o: [String: Any]) -> Double {
            if let bb = o["bb"] as? String { return Double(bb.split(separator: ",")[3]) ?? 0 }
            return Double((o["pos"] as? String ?? "0,0").split(separator: ",")[1]) ?? 0
        }
        func order(_ prefix: String) -> [String] {
            objects.filter { ($0["name"] as? String ?? "").hasPrefix(prefix) }.sorted { top($0) > top($1) }
                .map { String(($0["name"] as? String ?? "").dropFirst(prefix.count)) }
        }
        #expect(order("cluster_zone:") == ["z1", "z2", "z9", "z10", "z19"])
        if aggregate == "none" { #expect(order("asset:ws-") == ["2", "9", "10"]) }
    }
}
