import Testing

@testable import CUIScope

/// Pins what `Analyzer.run` concludes on the synthetic 10k network, so that performance work on
/// the analysis layer (partitions, hop policies, grouping, classification, findings) cannot
/// change a single category, reason, finding or edge unnoticed.
///
/// The pinned value was computed before the performance changes of BENCHMARKS.md; the conclusions
/// themselves are checked elsewhere (ReachabilityDifferentialTests against `evaluate()`, the
/// classifier and finding tests). When a deliberate change of semantics moves it, update the
/// constant and say why in the commit.
@Suite("Analysis: synthetic network digest")
struct AnalysisDigestTests {
    /// The analysis input for ``SyntheticNetwork`` (no flows, no scope file: the enclave is
    /// where the CUI assets are).
    static func input(assets: Int, rules: Int, seed: UInt64) -> AnalysisInput {
        let net = SyntheticNetwork.make(assets: assets, rules: rules, seed: seed)
        return AnalysisInput(
            inventories: [Inventory(assets: net.assets, source: "synthetic-inventory-\(seed).csv")],
            ruleSets: [RuleSet(enforcementPoints: net.enforcementPoints, source: "synthetic-rules-\(seed).xml")])
    }

    /// A canonical text of every conclusion: per asset its category, labels, reasons and their
    /// evidence; every finding with its evidence; every edge with its services and hops.
    static func canonical(_ r: AnalysisResult) -> String {
        var out = ""
        func evidence(_ list: [Evidence]) -> String {
            list.map { "[\($0.kind)|\($0.text)|\($0.file ?? ""):\($0.line ?? 0)|\($0.rule ?? "")]" }.joined()
        }
        for a in r.assets {
            out += "A \(a.id) \(a.category.rawValue) \(a.labels.map(\.rawValue)) \(a.zone ?? "-")\n"
            for reason in a.reasons { out += "  R \(reason.text) \(evidence(reason.evidence))\n" }
        }
        for f in r.findings {
            out += "F \(f.id) \(f.severity) \(f.assets) \(f.message) \(evidence(f.evidence))\n"
        }
        for e in r.edges {
            let hops = e.hops.map { "\($0.enforcementPoint):\($0.rule ?? $0.defaultName ?? "-"):\($0.action)" }
            out += "E \(e.kind) \(e.from) \(e.to) \(e.services.summary) \(hops) \(e.segment ?? "")\n"
        }
        return out
    }

    /// FNV-1a, 64 bits.
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    @Test("10,000 assets, 2,000 rules, seed 42: conclusions unchanged")
    func synthetic10k() {
        let result = Analyzer.run(Self.input(assets: 10_000, rules: 2_000, seed: 42))
        let text = Self.canonical(result)
        let digest = String(Self.fnv1a(text), radix: 16)
        print("synthetic 10k digest \(digest): \(result.assets.count) assets, \(result.findings.count) findings, "
              + "\(result.edges.count) edges, \(text.utf8.count) bytes")
        #expect(result.assets.count == 10_000)
        #expect(digest == "PENDING")
    }

    @Test("The digest sees a changed conclusion")
    func digestIsSensitive() {
        var result = Analyzer.run(Self.input(assets: 500, rules: 100, seed: 7))
        let before = Self.fnv1a(Self.canonical(result))
        let i = result.assets.count / 2
        result.assets[i].category = result.assets[i].category == .outOfScope ? .cui : .outOfScope
        #expect(Self.fnv1a(Self.canonical(result)) != before)
    }
}
