import Foundation
import Testing

@testable import CUIScope

/// The finding catalogue is one list: the ids of ``FindingID``, each with one catalogue entry,
/// one `### ID` heading in docs/SCOPING.md; and code that raises it — or an explicit place in
/// ``notRaisedYet``.
@Suite("Finding catalogue")
struct FindingCatalogTests {
    /// Catalogued ids no code raises, with why. This list may only shrink: raising one of them
    /// fails ``notRaisedYetIsRaisedNowhere`` until it is removed here (and an input that raises it
    /// is added to ``raisingInputs()``), and an id that stops being raised fails
    /// ``everyIdIsRaisedOrListed`` until it is added here, in the diff for a reviewer to see.
    static let notRaisedYet: [FindingID: String] = [
        .connectorNotInScope: "cloud services have no addresses in the inputs, so no flow is joined to one "
            + "(and step 7 already pulls any asset with a path to a CUI asset into scope)",
        .espUndocumented: "the inventory has no column for an ESP's SSP entry, service description or CRM",
        .nonFIPSCrypto: "no input describes cryptographic modules",
        .level3NotWithinLevel2: "a run analyses one level; no input gives a Level 2 scope to compare with",
    ]

    static let scopingDoc = TestPaths.repoRoot.appendingPathComponent("docs/SCOPING.md")

    @Test("all is every id once, in id order, each with its own entry")
    func allIsDerived() {
        #expect(FindingCatalog.all.map(\.id) == FindingID.allCases)
        #expect(Set(FindingID.allCases.map(\.rawValue)).count == FindingID.allCases.count)
        for id in FindingID.allCases {
            #expect(FindingCatalog.kind(id).id == id)
            #expect(FindingCatalog.kind(id: id.rawValue)?.id == id)
            #expect(!FindingCatalog.kind(id).title.isEmpty && !FindingCatalog.kind(id).basis.isEmpty)
            #expect(id.rawValue.range(of: #"^[A-Z0-9]+(-[A-Z]+)*-[0-9]{2}$"#, options: .regularExpression) != nil)
        }
        #expect(FindingCatalog.kind(id: "SCOPE-PATH-99") == nil)
    }

    /// The `### ` headings of docs/SCOPING.md's `## Finding catalogue` section.
    static func catalogueHeadings() throws -> [String] {
        let text = try String(contentsOf: scopingDoc, encoding: .utf8)
        var inCatalogue = false
        var headings: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inCatalogue = line == "## Finding catalogue" }
            if inCatalogue && line.hasPrefix("### ") { headings.append(String(line.dropFirst(4))) }
        }
        return headings
    }

    @Test("every id has a ### heading in docs/SCOPING.md, Finding catalogue, and every id heading there is an id")
    func documented() throws {
        let headings = try Self.catalogueHeadings()
        let ids = FindingID.allCases.map(\.rawValue)
        for id in ids { #expect(headings.filter { $0 == id }.count == 1, "no single ### \(id) in docs/SCOPING.md") }
        let idLike = headings.filter { $0.range(of: #"^[A-Z0-9]+(-[A-Z]+)*-[0-9]{2}$"#, options: .regularExpression) != nil }
        #expect(idLike == ids, "the catalogue's id headings, in order, are exactly the ids")
    }

    @Test("docs/SCOPING.md marks exactly the notRaisedYet ids as not raised")
    func documentedAsNotRaised() throws {
        let text = try String(contentsOf: Self.scopingDoc, encoding: .utf8)
        let sections = text.components(separatedBy: "\n### ").dropFirst()
        let marked = sections.compactMap { section -> String? in
            let heading = String(section.prefix { $0 != "\n" })
            return section.contains("Not raised by this version") ? heading : nil
        }
        #expect(Set(marked) == Set(Self.notRaisedYet.keys.map(\.rawValue)))
    }

    /// Runs that together raise every id the code can raise: the demo at each level, the change
    /// check (with and without expired waivers), and a scenario for the rest.
    static func raisingInputs() throws -> Set<String> {
        var ids = Set<String>()
        for level in CMMCLevel.allCases {
            var paths = InputPaths(
                inventories: [TestPaths.demo("demo/inventory.csv")], rules: [TestPaths.demo("demo/firewall.xml")],
                flows: [TestPaths.demo("demo/flows.xml")], scope: TestPaths.demo("demo/scope.yaml"),
                fedramp: TestPaths.demo("demo/fedramp-marketplace.json"))
            paths.level = level
            paths.scans = [TestPaths.demo("demo/scan.xml")]
            var input = try InputLoader.load(paths)
            input.today = "2026-12-04"  // the demo's Marketplace snapshot is then 104 days old
            ids.formUnion(Analyzer.run(input, includeDiagramData: false).findings.map(\.id))
        }
        let noRules = InputPaths(inventories: [TestPaths.demo("demo/inventory.csv")], rules: [], flows: [],
                                 scope: TestPaths.demo("demo/scope.yaml"))
        ids.formUnion(Analyzer.run(try InputLoader.load(noRules), includeDiagramData: false).findings.map(\.id))
        let check = try CheckFixtures.run(proposed: CheckFixtures.proposed)
        let expired = try CheckFixtures.run(proposed: CheckFixtures.fixture("proposed-vendor.xml"),
                                            waivers: CheckFixtures.fixture("waivers-vendor-expired.yaml"))
        ids.formUnion((check.findings + expired.findings).map(\.finding.id))

        var s = ScopeScenario()
        s.add("fs01", "10.50.1.10", kind: .server, cui: .all)
        s.add("portal", "10.50.1.20", kind: .server, publicFacing: true)
        s.add("box", kind: .cloudService, cui: .all)
        s.assets[s.assets.count - 1].equivalencyEvidence = ["3pao-sar"]
        s.add("saas", kind: .cloudService, cui: .all, fedrampStatus: "FedRAMP Authorized", impact: "20x Moderate")
        s.add("laptop", "10.20.10.5", declared: .outOfScope, justification: "CUI on it is encrypted with BitLocker")
        s.rules.append(ReachFixtures.rule("files-by-name", .allow, from: ["corp"], to: ["enclave"],
                                          destination: "10.50.1.10", line: 30, unresolved: ["fqdn:files.example.test"]))
        s.add("jump", "10.99.0.40", kind: .server, functions: [.jumpHost], declared: .securityProtection)
        s.add("desk", "10.60.0.5", declared: .outOfScope, justification: "no direct path")
        s.allow("jump-rdp", from: "mgmt", to: "enclave", source: "10.99.0.40", services: "tcp/3389")
        s.allow("shop-jump", from: "shop", to: "mgmt", destination: "10.99.0.40", services: "tcp/3389")
        ids.formUnion(s.run().findings.map(\.id))
        let noCUIColumn = try InventoryReader.read(data: Data("id,addresses\nh1,10.0.0.1\n".utf8), displayName: "no-cui.csv")
        ids.formUnion(Analyzer.run(AnalysisInput(inventories: [noCUIColumn])).findings.map(\.id))
        return ids
    }

    @Test("every catalogued id is raised by an input, except the notRaisedYet ones")
    func everyIdIsRaisedOrListed() throws {
        let raised = try Self.raisingInputs()
        let expected = Set(FindingID.allCases.map(\.rawValue)).subtracting(Self.notRaisedYet.keys.map(\.rawValue))
        #expect(raised.subtracting(expected).isEmpty, "raised but listed as not raised yet (or not catalogued)")
        #expect(expected.subtracting(raised).isEmpty, "catalogued, not listed, but raised by none of the inputs")
    }

    @Test("no source raises a notRaisedYet id")
    func notRaisedYetIsRaisedNowhere() throws {
        let findings = TestPaths.repoRoot.appendingPathComponent("Sources/CUIScope/Analysis/Findings")
        // The Swift name of each id's case, as FindingID.swift spells it (`connectorNotInScope`).
        let enumText = try String(
            contentsOf: TestPaths.repoRoot.appendingPathComponent("Sources/CUIScope/Model/FindingID.swift"), encoding: .utf8)
        var caseName: [String: String] = [:]
        for line in enumText.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 4, words[0] == "case", words[2] == "=" { caseName[words[3].trimmingCharacters(in: ["\""])] = String(words[1]) }
        }
        #expect(caseName.count == FindingID.allCases.count, "the scan reads every case of FindingID")
        var text = ""
        let catalogue: Set<String> = ["FindingID.swift", "FindingCatalog.swift"]
        let files = FileManager.default.enumerator(at: findings.deletingLastPathComponent().deletingLastPathComponent(),
                                                   includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift", !catalogue.contains(url.lastPathComponent) else { continue }
            text += try String(contentsOf: url, encoding: .utf8)
        }
        let scanned = text.contains("FindingCatalog.pathEnterprise.make(")
        #expect(scanned, "the scan reads the sources")
        // A finding is raised through its catalogue constant, or through FindingCatalog.kind(_:) for
        // an id a verdict returns (FedRAMPVerdict).
        for id in Self.notRaisedYet.keys {
            let name = try #require(caseName[id.rawValue])
            for use in ["FindingCatalog.\(name)", "kind(.\(name))", "return .\(name)"] {
                let used = text.contains(use)
                #expect(!used, "\(id.rawValue) is raised (\(use)): remove it from notRaisedYet")
            }
        }
    }

    @Test("waivers accept every catalogued id and JUnit has one test case per id")
    func waiversAndJUnitUseTheCatalogue() throws {
        let entries = FindingID.allCases.map { id in
            """
            - id: \(id.rawValue)
              subject: asset:fs01
              justification: risk accepted for the test
              owner: me@example.test
              ticket: T-1
              expires: 2030-01-01
            """
        }
        let path = TestPaths.temporaryFile(entries.joined(separator: "\n") + "\n", name: "waivers.yaml")
        let waivers = try WaiversParser.read(path: path, displayName: "waivers.yaml")
        #expect(waivers.map(\.findingID) == FindingID.allCases.map(\.rawValue))
        let junit = JUnitRenderer.render(suite: "s", findings: [])
        for id in FindingID.allCases { #expect(junit.contains("classname=\"\(id.rawValue)\"")) }
        #expect(junit.contains("tests=\"\(FindingID.allCases.count)\""))
    }
}
