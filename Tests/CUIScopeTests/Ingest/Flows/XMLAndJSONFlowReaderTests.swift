import Testing
@testable import CUIScope

/// PAN-OS traffic logs (XML API) and Azure NSG/VNet flow logs (JSON).
@Suite struct XMLAndJSONFlowReaderTests {
    static func fixture(_ name: String) -> String { TestPaths.fixture("flows/\(name)") }

    @Test(.tags(.samples), .samplesPresent) func realPANOSTrafficLogQuery() throws {
        let path = TestPaths.realWorld("flows/demisto_panos_traffic-log-query.xml")
        #expect(try FlowsReader.detect(path: path) == .panosTraffic)
        #expect(try InputKind.detect(path: path) == .flows(root: "response"))
        let log = try FlowsReader.read(path: path, displayName: "q.xml")
        #expect(log.format == "panos-traffic" && log.recordCount == 1 && log.skipped.isEmpty)
        let f = try #require(log.flows.first)
        #expect(f.source == IPAddress("1.1.1.1") && f.proto == IPProtocol.udp && f.destinationPort == 80)
        #expect(f.action == .allow && f.bytes == 392 && f.packets == 5 && f.device == "Firewall")
        #expect(f.rule == "LAN to Internet - Default Applications")
        // high_res_timestamp carries the zone (+01:00); the session ran `elapsed` = 3 s before.
        let logged = try #require(FlowTimestamp.parse("2022-07-28T14:09:22.393Z"))
        #expect(f.lastSeen == logged && f.firstSeen == logged - 3)
        #expect(f.location == SourceLocation(file: "q.xml", line: 11, column: 7))
    }

    @Test func panosEntriesDenyActionsAndMalformed() throws {
        let log = try FlowsReader.read(path: Self.fixture("panos-traffic.xml"), displayName: "t.xml")
        #expect(log.recordCount == 4 && log.counts.kept == 3 && log.counts.malformed == 1)
        #expect(log.skipped.first?.location == SourceLocation(file: "t.xml", line: 23, column: 7))
        #expect(log.skipped.first?.message.contains("<dport>") == true)
        let allow = log.flows[0]
        let t = try #require(FlowTimestamp.parse("2026-10-02T14:41:57Z"))  // time_generated read as UTC
        #expect(allow.action == .allow && allow.lastSeen == t && allow.firstSeen == t - 2326)
        #expect(allow.rule == "corp-to-files" && allow.device == "fw-core")
        let reset = log.flows[1]
        #expect(reset.action == .deny && reset.count == 3 && reset.device == "0123456789")
        #expect(reset.lastSeen == FlowTimestamp.parse("2026-10-06T10:01:00.5Z"))
        #expect(log.flows[2].proto == IPProtocol.icmp && log.flows[2].action == .deny && log.flows[2].destinationPort == nil)
    }

    @Test func panosConfigResponseIsNotATrafficLog() throws {
        let path = TestPaths.temporaryFile("<response status=\"success\"><result><config/></result></response>", name: "c.xml")
        #expect(throws: InputError.self) { _ = try FlowsReader.read(path: path) }
        let forced = #expect(throws: InputError.self) {
            _ = try FlowsReader.read(path: path, options: FlowReadOptions(format: .panosTraffic))
        }
        #expect(forced?.diagnostics.first?.message.contains("result/log/logs") == true)
    }

    @Test func azureNSGv2() throws {
        let path = Self.fixture("azure-nsg-v2.json")
        #expect(try FlowsReader.detect(path: path) == .azure)
        let log = try FlowsReader.read(path: path, displayName: "nsg.json")
        #expect(log.format == "azure-flows" && log.recordCount == 5 && log.counts.kept == 3 && log.counts.malformed == 2)
        #expect(log.skipped.map(\.location) == [SourceLocation(file: "nsg.json", line: 21, column: 19),
                                                SourceLocation(file: "nsg.json", line: 32, column: 19)])
        let allow = log.flows[0]
        #expect(allow.count == 2 && allow.bytes == 48213 + 1800 && allow.packets == 55 && allow.action == .allow)
        #expect(allow.rule == "UserRule_AllowSMBFromCorp" && allow.device == "NSG-ENCLAVE")
        #expect(allow.firstSeen == 1790949791 && allow.lastSeen == 1790950917)
        // The rule follows the tuples in this group: still attached.
        #expect(log.flows[1].action == .deny && log.flows[1].rule == "DefaultRule_DenyAllInBound")
    }

    @Test func azureVNetv4() throws {
        let log = try FlowsReader.read(path: Self.fixture("azure-vnet-v4.json"), displayName: "vnet.json")
        #expect(log.recordCount == 4 && log.counts.kept == 3 && log.counts.malformed == 1)
        #expect(log.skipped.first?.location.line == 8)
        #expect(log.flows[0].firstSeen == 1790949791 && log.flows[0].count == 2 && log.flows[0].device == "vnet-enclave")
        #expect(log.flows[0].rule == "DefaultRule_AllowVnetInBound")
        #expect(log.flows[1].action == .deny && log.flows[1].bytes == 120 && log.flows[1].packets == 2)
    }

    @Test func truncatedJSONIsFatalWithLocation() throws {
        let path = TestPaths.temporaryFile("{\"records\":[{\"properties\":{\"flows\":[\n", name: "t.json")
        let e = #expect(throws: InputError.self) {
            _ = try FlowsReader.read(path: path, displayName: "t.json", options: FlowReadOptions(format: .azure))
        }
        #expect(e?.diagnostics.first?.location.line == 2)
    }

    @Test func nativeRecordWithChildElementIsSkipped() throws {
        let path = TestPaths.temporaryFile("""
            <cuiscope-flows version="1">
              <flow src="10.0.0.1" dst="10.0.0.2" dport="445"><note/></flow>
              <flow src="10.0.0.1" dst="10.0.0.3" dport="445"/>
              <bogus/>
            </cuiscope-flows>
            """, name: "n.xml")
        let log = try FlowsReader.read(path: path, displayName: "n.xml")
        #expect(log.recordCount == 3 && log.flows.count == 1 && log.flows[0].destination == IPAddress("10.0.0.3"))
        #expect(log.skipped.map(\.location.description) == ["n.xml:2:3", "n.xml:4:3"])
    }
}
