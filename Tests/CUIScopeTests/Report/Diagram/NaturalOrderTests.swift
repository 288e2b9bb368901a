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

    @Test("the DOT writes zone clusters and asset nodes in natural order")
    func diagramOrder() throws {
        var csv = "id,name,addresses,kind,cui,zone\n"
        for z in [19, 9, 2, 1] { csv += "h\(z),host \(z),10.0.\(z).5,server,\(z == 1 ? "yes" : ""),z\(z)\n" }
        var scope = "level: 2\nzones:\n"
        for z in [19, 9, 2, 1] { scope += "  z\(z): [10.0.\(z).0/24]\n" }
        let inv = TestPaths.temporaryFile(csv, name: "natural.csv")
        let sc = TestPaths.temporaryFile(scope, name: "natural-scope.yaml")
        let r = try CLIRunner.run(["diagram", "--view", "network", "--aggregate", "none", "--inventory", inv, "--scope", sc])
        #expect(r.status == 0, "\(r.stderr)")
        func order(_ needles: [String]) -> [String] {
            needles.compactMap { n in r.stdout.range(of: n).map { (n, $0.lowerBound) } }.sorted { $0.1 < $1.1 }.map(\.0)
        }
        #expect(order(["cluster_out:z19\"", "cluster_out:z9\"", "cluster_out:z2\""])
            == ["cluster_out:z2\"", "cluster_out:z9\"", "cluster_out:z19\""])
        #expect(order(["\"asset:h19\" [", "\"asset:h9\" [", "\"asset:h2\" ["]) == ["\"asset:h2\" [", "\"asset:h9\" [", "\"asset:h19\" ["])
    }
}
