import Foundation
import Testing

@testable import CUIScope

/// `--format oscal` and `--format oscal-poam` as their consumers read them: compliance-trestle
/// loads them into its OSCAL models and NIST's published OSCAL JSON schema accepts them
/// (`ExternalValidators.oscalErrors`), and cuiscope reads its own SSP back as an inventory.
@Suite("OSCAL: SSP and POA&M", .serialized)
struct OSCALOutputTests {
    static let demos: [(name: String, args: [String])] = [
        ("demo", CLIRunner.demoArgs),
        ("panos-demo", ["--inventory", "Fixtures/panos-demo/inventory.csv", "--rules", "Fixtures/panos-demo/firewall.xml"]),
        ("opnsense-demo", ["--inventory", "Fixtures/opnsense-demo/inventory.csv", "--rules", "Fixtures/opnsense-demo/config.xml"]),
        ("inventory only, level 1", ["--inventory", "Fixtures/demo/inventory.csv", "--level", "1"]),
    ]

    static func output(_ format: String, _ args: [String]) throws -> String {
        let r = try CLIRunner.run(["analyze", "--format", format] + args)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("the SSP loads into trestle's SystemSecurityPlan and validates against NIST's schema", arguments: demos.map(\.name))
    func sspValidates(name: String) throws {
        let args = try #require(Self.demos.first { $0.name == name }).args
        let problems = try ExternalValidators.oscalErrors(kind: "ssp", json: try Self.output("oscal", args))
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("the POA&M loads into trestle's PlanOfActionAndMilestones and validates against NIST's schema", arguments: demos.map(\.name))
    func poamValidates(name: String) throws {
        let args = try #require(Self.demos.first { $0.name == name }).args
        let problems = try ExternalValidators.oscalErrors(kind: "poam", json: try Self.output("oscal-poam", args))
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("the validators refuse a broken SSP (a version 8 UUID, no components)")
    func validatorsCanFail() throws {
        var doc = try Self.object(try Self.output("oscal", CLIRunner.demoArgs))
        var ssp = try #require(doc["system-security-plan"] as? [String: Any])
        ssp["uuid"] = "3f3d5e6a-0f4c-8d0e-9a8b-6c1d2e3f4a5b"
        var implementation = try #require(ssp["system-implementation"] as? [String: Any])
        implementation["components"] = nil
        ssp["system-implementation"] = implementation
        doc["system-security-plan"] = ssp
        let text = String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self)
        let problems = try #require(try ExternalValidators.oscalErrors(kind: "ssp", json: text))
        #expect(problems.contains("trestle:") && problems.contains("NIST schema:"))
        #expect(problems.contains("components"))
    }

    @Test("SSP content: boundary, network and data flow link the diagrams; components per enforcement point and cloud service")
    func sspContent() throws {
        let ssp = try #require(try Self.object(try Self.output("oscal", CLIRunner.demoArgs))["system-security-plan"] as? [String: Any])
        let characteristics = try #require(ssp["system-characteristics"] as? [String: Any])
        let resources = try #require((ssp["back-matter"] as? [String: Any])?["resources"] as? [[String: Any]])
        for (section, file) in [("authorization-boundary", "cuiscope-boundary.svg"), ("network-architecture", "cuiscope-network.svg"),
                                ("data-flow", "cuiscope-dataflow.svg")] {
            let diagram = try #require(((characteristics[section] as? [String: Any])?["diagrams"] as? [[String: Any]])?.first)
            let href = try #require((diagram["links"] as? [[String: Any]])?.first?["href"] as? String)
            let resource = try #require(resources.first { "#\($0["uuid"] as? String ?? "")" == href }, "\(section) links \(href)")
            #expect((resource["rlinks"] as? [[String: Any]])?.first?["href"] as? String == file)
        }
        let implementation = try #require(ssp["system-implementation"] as? [String: Any])
        let components = try #require(implementation["components"] as? [[String: Any]])
        #expect(components.filter { $0["type"] as? String == "this-system" }.count == 1)
        #expect(components.contains { $0["title"] as? String == "Enforcement point fw-core" })
        let inventory = try String(contentsOfFile: TestPaths.demo("demo/inventory.csv"), encoding: .utf8)
        let cloudRows = inventory.split(separator: "\n").filter { $0.contains(",cloud-service,") }
        #expect(components.filter { $0["type"] as? String == "service" }.count == cloudRows.count)
        #expect(!(implementation["users"] as? [Any] ?? []).isEmpty)
        let items = try #require(implementation["inventory-items"] as? [[String: Any]])
        let gcch = try #require(items.first { $0["uuid"] as? String == NameBasedUUID.v5("asset:m365-gcch") })
        let props = try #require(gcch["props"] as? [[String: Any]])
        func own(_ name: String) -> [String] {
            props.filter { $0["name"] as? String == name && $0["ns"] as? String == ToolInfo.oscalNamespace }.compactMap { $0["value"] as? String }
        }
        #expect(own("fedramp-package-id") == ["FR1824057433"])
        #expect(own("fedramp-requirement-met") == ["no"] && own("fedramp-finding") == ["CLOUD-02"])
        #expect(own("cmmc-category") == ["cui"] && !own("cmmc-reason").isEmpty)
    }

    @Test("an asset has the same UUID in the SSP and the POA&M, and the POA&M has one item per finding")
    func documentsLineUp() throws {
        let ssp = try Self.output("oscal", CLIRunner.demoArgs)
        let poamText = try Self.output("oscal-poam", CLIRunner.demoArgs)
        let poam = try #require(try Self.object(poamText)["plan-of-action-and-milestones"] as? [String: Any])
        let json = try Self.object(try Self.output("json", CLIRunner.demoArgs))
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect((poam["poam-items"] as? [Any])?.count == findings.count)
        let local = try #require((poam["local-definitions"] as? [String: Any])?["inventory-items"] as? [[String: Any]])
        for item in local { #expect(ssp.contains(try #require(item["uuid"] as? String))) }
        let systemID = try #require((poam["system-id"] as? [String: Any])?["id"] as? String)
        #expect(ssp.contains("\"id\" : \"\(systemID)\""))
    }

    @Test("round trip: cuiscope reads its SSP back as an inventory; ids, names, addresses, kinds, zones and categories survive")
    func roundTrip() throws {
        let original = try #require(try Self.object(try Self.output("json", CLIRunner.demoArgs))["assets"] as? [[String: Any]])
        let ssp = TestPaths.temporaryFile(try Self.output("oscal", CLIRunner.demoArgs), name: "ssp.json")
        let back = try #require(try Self.object(try Self.output("json", ["--inventory", ssp]))["assets"] as? [[String: Any]])
        #expect(back.count == original.count)
        let byID = Dictionary(uniqueKeysWithValues: back.compactMap { a in (a["id"] as? String).map { ($0, a) } })
        for a in original {
            let id = try #require(a["id"] as? String)
            let b = try #require(byID[id], "\(id) lost")
            #expect(b["declared_category"] as? String == a["category"] as? String, "\(id): category")
            #expect(b["addresses"] as? [String] == a["addresses"] as? [String], "\(id): addresses")
            #expect(b["kind"] as? String == a["kind"] as? String, "\(id): kind")
            #expect(b["zone"] as? String == a["zone"] as? String, "\(id): zone")
            #expect(b["name"] as? String == a["name"] as? String, "\(id): name")
        }
    }

    @Test("deterministic: no clock in the output; last-modified is the inputs' latest time")
    func datesComeFromInputs() throws {
        let ssp = try #require(try Self.object(try Self.output("oscal", CLIRunner.demoArgs))["system-security-plan"] as? [String: Any])
        // flows.xml's last record (2026-10-07T23:59:58Z) is later than the Marketplace snapshot.
        #expect((ssp["metadata"] as? [String: Any])?["last-modified"] as? String == "2026-10-07T23:59:58Z")
        let bare = try #require(try Self.object(try Self.output("oscal", ["--inventory", "Fixtures/demo/inventory.csv"]))["system-security-plan"] as? [String: Any])
        #expect((bare["metadata"] as? [String: Any])?["last-modified"] as? String == OSCALDocument.undatedTimestamp)
    }

    @Test("a run without findings still writes a valid POA&M, with one item saying so")
    func noFindings() throws {
        let csv = TestPaths.temporaryFile("id,addresses,kind,declared,justification,cui\nws1,10.0.0.1,endpoint,out-of-scope,air-gapped lab PC,no\n",
                                          name: "inv.csv")
        let scope = TestPaths.temporaryFile("level: 2\nzones:\n  lab: [10.0.0.0/24]\n", name: "scope.yaml")
        let json = try Self.object(try Self.output("json", ["--inventory", csv, "--scope", scope]))
        #expect((json["findings"] as? [Any])?.isEmpty == true, "the input must raise no finding")
        let text = try Self.output("oscal-poam", ["--inventory", csv, "--scope", scope])
        let poam = try #require(try Self.object(text)["plan-of-action-and-milestones"] as? [String: Any])
        #expect((poam["poam-items"] as? [[String: Any]])?.map { $0["title"] as? String } == ["No scoping finding"])
        let problems = try ExternalValidators.oscalErrors(kind: "poam", json: text)
        #expect(problems == nil, "\(problems ?? "")")
    }
}
