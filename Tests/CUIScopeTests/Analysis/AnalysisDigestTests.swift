import Testing

@testable import CUIScope
import CUIScopeSynthetic

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
    static func input(assets: Int, rules: Int, seed: UInt64, flows: Int = 0) -> AnalysisInput {
        let net = SyntheticNetwork.make(assets: assets, rules: rules, seed: seed)
        return AnalysisInput(
            inventories: [Inventory(assets: net.assets, source: "synthetic-inventory-\(seed).csv")],
            ruleSets: [RuleSet(enforcementPoints: net.enforcementPoints, source: "synthetic-rules-\(seed).xml")],
            flowLogs: flows > 0 ? [flowLog(net.assets, count: flows, seed: seed)] : [])
    }

    /// Flow records between the assets: a third touch a CUI asset, some come from addresses
    /// in no inventory, some were denied, and repeats aggregate.
    static func flowLog(_ assets: [Asset], count: Int, seed: UInt64) -> FlowLog {
        var rng = SplitMix64(seed: seed &+ 1)
        let targets = assets.indices.filter { assets[$0].handlesCUI }
        let ports: [UInt16] = [22, 53, 443, 445, 1433, 3389, 8080]
        func host(_ i: Int) -> IPAddress { IPAddress(value: assets[i].addresses.intervals[0].lower) }
        var log = FlowLog(source: "synthetic-flows.xml", recordCount: count)
        for n in 0..<count {
            let roll = Int.random(in: 0..<100, using: &rng)
            let s = Int.random(in: 0..<assets.count, using: &rng)
            let src = roll < 5 ? IPAddress("203.0.113.\(1 + n % 200)")! : host(s)
            let dst = roll < 35 ? host(targets[(s + n) % targets.count]) : host((s * 7 + 3) % assets.count)
            let first = 1_790_000_000 + Double(n * 37)
            log.flows.append(Flow(
                source: src, destination: dst, proto: roll % 9 == 0 ? IPProtocol.udp : IPProtocol.tcp,
                destinationPort: ports[(s + roll) % ports.count], action: roll % 6 == 0 ? .deny : .allow,
                bytes: UInt64(100 * n), packets: UInt64(n % 50), firstSeen: first,
                lastSeen: roll % 2 == 0 ? first + 61.5 : nil, count: 1 + n % 3,
                location: SourceLocation(file: "synthetic-flows.xml", line: n + 3, column: 3)))
        }
        return log
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
        #expect(digest == "f85b66355464013f")  // re-pinned: docs/DECISIONS.md 75–79
    }

    @Test("10,000 assets, 2,000 rules, 20,000 flow records, seed 42: conclusions unchanged")
    func synthetic10kWithFlows() {
        let result = Analyzer.run(Self.input(assets: 10_000, rules: 2_000, seed: 42, flows: 20_000))
        let text = Self.canonical(result)
        let digest = String(Self.fnv1a(text), radix: 16)
        print("synthetic 10k+flows digest \(digest): \(result.findings.count) findings, \(result.edges.count) edges")
        #expect(result.findings.contains { $0.id == "SCOPE-FLOW-04" })
        #expect(result.findings.contains { $0.id == "DOC-14" })
        // Re-pinned after the flow-ingest rework (aggregation by action, record lines in the evidence,
        // broad-rule SCOPE-FLOW-04): the same digest before and after the batch-verdict optimisation.
        #expect(digest == "a122497280da0f27")  // re-pinned: docs/DECISIONS.md 75–79
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

/// The synthetic network must be a valid network at benchmark size too.
@Suite("SyntheticNetwork at 100k assets")
struct SyntheticNetworkSizeTests {
    @Test("Every asset has an address inside one of its zone's subnets")
    func addressesValid() {
        let net = SyntheticNetwork.make(assets: 100_000, rules: 10, seed: 42)
        #expect(net.assets.count == 100_000)
        let topology = Topology(zones: net.zones, enforcementPoints: net.enforcementPoints)
        let unplaced = net.assets.filter { a in
            a.addresses.isEmpty || topology.place(asset: a).contains { $0.segment == nil || $0.zone != a.zoneHint }
        }
        #expect(unplaced.isEmpty, "\(unplaced.prefix(3).map(\.addressTexts))")
    }
}
