import Foundation
import Testing

@testable import CUIScope

/// Scans reconciled with the inventory (docs/SCOPING.md, DOC-14; docs/SCOPING.md, SCAN-40): the demo scan
/// against the demo inventory and firewall, and the cases a scenario pins down.
@Suite("Scan reconciliation")
struct ScanFindingsTests {
    static func demo(rules: Bool = true, level: CMMCLevel? = nil) throws -> AnalysisResult {
        var p = InputPaths(
            inventories: [TestPaths.demo("demo/inventory.csv")], rules: rules ? [TestPaths.demo("demo/firewall.xml")] : [],
            scope: TestPaths.demo("demo/scope.yaml"))
        p.scans = [TestPaths.demo("demo/scan.xml")]
        p.level = level
        return Analyzer.run(try InputLoader.load(p), includeDiagramData: false)
    }

    @Test("unknown live hosts in scoped zones are DOC-14 with the <host> as evidence; the guest network's is not")
    func unknownHosts() throws {
        let r = try Self.demo()
        let doc = r.findings.filter { $0.id == FindingID.documentationGap.rawValue && $0.evidence.contains { $0.kind == .scan } }
        #expect(doc.count == 2)
        let pi = try #require(doc.first { $0.message.contains("10.50.1.77") })
        #expect(pi.message.contains("the enclave zone enclave"))
        #expect(pi.message.contains("tcp/22, tcp/80"))
        #expect(pi.primaryLocation?.line == 112)
        #expect(pi.evidence[0].text.contains("MAC DC:A6:32:77:77:77 (Raspberry Pi Trading)"))
        #expect(pi.evidence[0].text.contains("tcp/80 http (lighttpd 1.4.53)"))
        let corp = try #require(doc.first { $0.message.contains("10.20.10.88") })
        #expect(corp.message.contains("subnet 10.20.10.0/24 of zone corp, which holds the in-scope asset corp-admin-ws (security-protection)"))
        #expect(!r.findings.contains { $0.message.contains("192.168.100.50") })
        #expect(try Self.demo(level: .one).findings.filter { $0.evidence.contains { $0.kind == .scan } }
            .allSatisfy { $0.id != FindingID.documentationGap.rawValue })
    }

    @Test("a KVM-only VDI client found listening is SCAN-40 (medium, review) with the ports as evidence")
    func vdiClientListening() throws {
        let r = try Self.demo()
        let f = try #require(r.findings.first { $0.id == "SCAN-40" && $0.assets == ["corp-vdi-01"] })
        #expect(f.severity == .medium && f.review)
        #expect(f.message.contains("vdi: kvm-only"))
        #expect(f.message.contains("tcp/445 microsoft-ds"))
        #expect(f.message.contains("tcp/3389 ms-wbt-server"))
        #expect(f.evidence.filter { $0.kind == .scan }.map(\.line) == [163, 164])
        // Without rules the VDI client is still judged: listening contradicts KVM-only either way.
        #expect(try Self.demo(rules: false).findings.contains { $0.id == "SCAN-40" && $0.assets == ["corp-vdi-01"] })
    }

    @Test("an in-scope asset listening on services no allow rule names is SCAN-40 (low, review); explained ports are not")
    func unexplainedServices() throws {
        let r = try Self.demo()
        let scan40 = r.findings.filter { $0.id == "SCAN-40" }
        #expect(Set(scan40.flatMap(\.assets)) == ["corp-vdi-01", "eng-ws01"])
        let ws = try #require(scan40.first { $0.assets == ["eng-ws01"] })
        #expect(ws.severity == .low && ws.review)
        // 3389 is allowed by it-admin-to-enclave (destination any); 135, 139 and 445 by no rule.
        #expect(ws.message.contains("tcp/135 msrpc") && ws.message.contains("tcp/139") && ws.message.contains("tcp/445"))
        #expect(!ws.message.contains("3389"))
        // fs01 (smb, ssh, https and the EDR agent port are all allowed to it) and the out-of-scope
        // corp laptop are not raised; without rules nothing is judged but the VDI client.
        #expect(try Self.demo(rules: false).findings.filter { $0.id == "SCAN-40" }.flatMap(\.assets) == ["corp-vdi-01"])
    }

    @Test("open ports become evidence on the asset and in the JSON report, which still validates")
    func openPortsOnAssets() throws {
        let r = try Self.demo()
        let fs01 = try #require(r.assets.first { $0.id == "fs01" })
        #expect(fs01.openPorts.map(\.serviceKey) == ["tcp/22", "tcp/443", "tcp/445", "tcp/8443"])
        #expect(r.assets.first { $0.id == "dc01" }?.openPorts.isEmpty == true)
        let scanInput = try #require(r.inputs.first { $0.format == "nmap" })
        #expect(scanInput.records == 10 && scanInput.counts["hosts down"] == 1)
        let json = JSONReportRenderer.render(r)
        #expect(json.contains(#""open_ports" : ["#))
        let schema = TestPaths.repoRoot.appendingPathComponent("schemas/report.schema.json").path
        let problems = try ExternalValidators.jsonSchemaErrors(json: json, schema: schema)
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("hosts seen in two scans are one finding with both sightings; ports are merged per asset")
    func mergedAcrossScans() throws {
        var p = InputPaths(inventories: [TestPaths.demo("demo/inventory.csv")], rules: [TestPaths.demo("demo/firewall.xml")],
                           scope: TestPaths.demo("demo/scope.yaml"))
        p.scans = [TestPaths.demo("demo/scan.xml"), TestPaths.demo("demo/scan.xml")]
        let r = Analyzer.run(try InputLoader.load(p), includeDiagramData: false)
        let pi = try #require(r.findings.first { $0.message.contains("10.50.1.77") })
        #expect(pi.evidence.count == 2)
        #expect(r.assets.first { $0.id == "fs01" }?.openPorts.count == 4)
    }
}
