import Foundation
import Testing
@testable import CUIScope

/// Flow evidence end to end: the demo's corp-lt-03 is declared out of scope, but its observed
/// SMB sessions to the enclave file server put it in scope, whichever log format carries them.
@Suite struct ObservedTrafficTests {
    static func demoPaths(flows: [String], window: FlowWindow = .unbounded, rules: [String]? = nil) -> InputPaths {
        var p = InputPaths(inventories: [TestPaths.demo("demo/inventory.csv")],
                           rules: rules ?? [TestPaths.demo("demo/firewall.xml")], flows: flows,
                           scope: TestPaths.demo("demo/scope.yaml"))
        p.flowWindow = window
        return p
    }

    static func run(_ p: InputPaths) throws -> AnalysisResult { Analyzer.run(try InputLoader.load(p)) }

    @Test func demoLaptopIsPulledInByObservedFlowsWithTheRecords() throws {
        let flows = TestPaths.demo("demo/flows.xml")
        let r = try Self.run(Self.demoPaths(flows: [flows]))
        let lt = try #require(r.assets.first { $0.id == "corp-lt-03" })
        #expect(lt.declared == .outOfScope && lt.category == .cui)
        let evidence = lt.reasons.flatMap(\.evidence).filter { $0.kind == .flow }
        #expect(evidence.contains { $0.file == flows && $0.line == 4 && $0.text.contains("10.20.10.53 → 10.50.1.10") })
        // Both records of the conversation are aggregated and cited.
        #expect(evidence.contains { $0.text.contains("14 records") && $0.text.contains("line 4, line 5") })
        let path01 = try #require(r.findings.first { $0.id == "SCOPE-PATH-01" && $0.assets == ["corp-lt-03"] })
        #expect(path01.evidence.contains { $0.kind == .flow && $0.line == 4 })
        // The rules deny it: the observed flow is also unauthorized, with the deny rule as evidence.
        let flow04 = try #require(r.findings.first { $0.id == "SCOPE-FLOW-04" && $0.assets.contains("corp-lt-03") })
        #expect(flow04.message.contains("corp-deny-enclave") && flow04.primaryLocation?.line == 4)
        // Per-source counts and the window are reported.
        let input = try #require(r.inputs.first { $0.file == flows })
        #expect(input.format == "native-flows" && input.records == 6 && input.counts["kept"] == 6)
        #expect(input.counts["denied"] == 2 && input.counts["aggregates"] == 5)
        #expect(r.observation?.firstSeen == FlowTimestamp.parse("2026-10-01T00:00:03Z"))
        #expect(r.observation?.lastSeen == FlowTimestamp.parse("2026-10-07T23:59:58Z"))
    }

    @Test func deniedFlowsJustifyOutOfScopeAssets() throws {
        let r = try Self.run(Self.demoPaths(flows: [TestPaths.demo("demo/flows.xml")]))
        let lt = try #require(r.assets.first { $0.id == "corp-lt-01" })
        #expect(lt.category == .outOfScope)
        // It shares the corp subnet with a computed CUI Asset (docs/DECISIONS.md 78): the reason
        // says so, and still carries the denied flow as evidence.
        let separated = try #require(lt.reasons.first { $0.text.hasPrefix("Shares segment") })
        #expect(separated.evidence.contains { $0.kind == .flow && $0.line == 9 && $0.text.contains("denied") })
    }

    @Test func windowBeforeTheSessionsLeavesTheLaptopOut() throws {
        let until = try #require(FlowTimestamp.parse("2026-10-01T23:59:59Z"))
        let r = try Self.run(Self.demoPaths(flows: [TestPaths.demo("demo/flows.xml")], window: FlowWindow(until: until)))
        #expect(r.assets.first { $0.id == "corp-lt-03" }?.category == .outOfScope)
        let input = try #require(r.inputs.first { $0.format == "native-flows" })
        #expect(input.counts["kept"] == 1 && input.counts["outside_window"] == 5)
        #expect(r.observation?.until == until && r.observation?.kept == 1 && r.observation?.records == 6)
        #expect(TextReportRenderer.render(r).contains("window open to 2026-10-01T23:59:59Z; 1 of 6 records kept"))
    }

    @Test(arguments: ["aws-vpc-default.log", "aws-vpc-cloudwatch.log", "aws-vpc-custom.log", "azure-nsg-v2.json",
                      "azure-vnet-v4.json", "flows-mapped.csv", "zeek-conn.json", "panos-traffic.xml"])
    func everyFormatPullsTheLaptopIn(file: String) throws {
        let path = TestPaths.fixture("flows/\(file)")
        let r = try Self.run(Self.demoPaths(flows: [path]))
        let lt = try #require(r.assets.first { $0.id == "corp-lt-03" })
        #expect(lt.category == .cui)
        #expect(lt.reasons.flatMap(\.evidence).contains { $0.kind == .flow && $0.file == path && ($0.line ?? 0) > 0 })
    }

    @Test func unknownAddressNamesItsZoneAndTheBoundary() throws {
        let r = try Self.run(Self.demoPaths(flows: [TestPaths.demo("demo/flows.xml")]))
        let doc = try #require(r.findings.first { $0.id == "DOC-14" && $0.message.contains("10.20.10.200") })
        #expect(doc.assets == ["eng-ws01"])
        #expect(doc.message.contains("zone corp") && doc.message.contains("crosses the enclave boundary (corp ↔ enclave)"))
        #expect(doc.evidence.first?.kind == .flow)
    }

    @Test func flowPermittedOnlyByABroadRuleIsReported() throws {
        let rules = TestPaths.temporaryFile("""
            <cuiscope-rules version="1">
              <enforcement-point name="fw-core" default-action="deny" intrazone-default="allow">
                <interface name="e1" zone="enclave" address="10.50.1.1/24"/>
                <interface name="e2" zone="corp" address="10.20.10.1/24"/>
                <rule name="corp-to-enclave-any" action="allow"><from>corp</from><to>enclave</to></rule>
              </enforcement-point>
            </cuiscope-rules>
            """, name: "broad.xml")
        let r = try Self.run(Self.demoPaths(flows: [TestPaths.demo("demo/flows.xml")], rules: [rules]))
        let f = try #require(r.findings.first { $0.id == "SCOPE-FLOW-04" && $0.assets.contains("corp-lt-03") })
        #expect(f.message.contains("only by the broad rule 'corp-to-enclave-any' on fw-core"))
        #expect(f.message.contains("any source") && f.message.contains("any service"))
        #expect(f.evidence.contains { $0.kind == .flow } && f.evidence.contains { $0.rule == "corp-to-enclave-any" })
    }

    @Test func flowPermittedByASpecificRuleIsNotReported() throws {
        // helpdesk-smb-temp permits corp-lt-07 → fs01 SMB by name: no SCOPE-FLOW-04.
        let flows = TestPaths.temporaryFile("""
            <cuiscope-flows version="1">
              <flow src="10.20.10.57" dst="10.50.1.10" dport="445" action="allow" first-seen="2026-10-02T10:00:00Z"/>
            </cuiscope-flows>
            """, name: "f.xml")
        let r = try Self.run(Self.demoPaths(flows: [flows]))
        #expect(!r.findings.contains { $0.id == "SCOPE-FLOW-04" && $0.assets.contains("corp-lt-07") })
    }

    @Test(.tags(.samples), .samplesPresent) func jsonReportCarriesTheWindowAndValidates() throws {
        let since = try #require(FlowTimestamp.parse("2026-10-03T00:00:00Z"))
        let r = try Self.run(Self.demoPaths(flows: [TestPaths.demo("demo/flows.xml"), TestPaths.realWorld("flows/brimdata-zed_zeek_conn.log")],
                                            window: FlowWindow(since: since)))
        let json = JSONReportRenderer.render(r)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let window = try #require(doc["observation_window"] as? [String: Any])
        #expect(window["since"] as? String == "2026-10-03T00:00:00Z")
        #expect(window["records"] as? Int == 98 && window["kept"] as? Int == 5)
        let inputs = try #require(doc["inputs"] as? [[String: Any]])
        let zeek = try #require(inputs.first { $0["format"] as? String == "zeek-conn" })
        #expect((zeek["counts"] as? [String: Int])?["outside_window"] == 92)
        let schema = TestPaths.repoRoot.appendingPathComponent("schemas/report.schema.json").path
        let problems = try ExternalValidators.jsonSchemaErrors(json: json, schema: schema)
        #expect(problems == nil, "\(problems ?? "")")
        #expect(MarkdownReportRenderer.render(r).contains("### Observation window"))
    }
}
