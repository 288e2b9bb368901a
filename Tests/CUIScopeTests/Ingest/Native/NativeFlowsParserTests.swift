import Testing
@testable import CUIScope

@Suite struct NativeFlowsParserTests {
    @Test func readsEveryAttribute() throws {
        let log = try FlowsReader.read(path: TestPaths.fixture("native/flows-good.xml"), displayName: "f.xml")
        #expect(log.recordCount == 4 && log.skipped.isEmpty && log.source == "f.xml")
        let f = try #require(log.flows.first)
        #expect(f.source == IPAddress("10.20.10.15") && f.destination == IPAddress("10.50.1.10"))
        #expect(f.proto == IPProtocol.tcp && f.sourcePort == 50123 && f.destinationPort == 445)
        #expect(f.action == .allow && f.bytes == 1234 && f.packets == 10 && f.count == 3)
        #expect(f.firstSeen == 1_790_841_600 && f.lastSeen == 1_790_845_200)
        #expect(f.device == "fw-edge" && f.rule == "corp-to-files")
        #expect(f.location == SourceLocation(file: "f.xml", line: 3, column: 3))
        // proto defaults to tcp; drop is deny; offsets and epoch seconds.
        #expect(log.flows[1].proto == IPProtocol.tcp && log.flows[1].action == .unknown)
        #expect(log.flows[2].action == .deny && log.flows[2].firstSeen == 1_790_841_600)
        #expect(log.flows[2].lastSeen == 1_790_841_600.5)
        #expect(log.flows[3].proto == IPProtocol.icmpv6 && log.flows[3].destination == IPAddress("2001:db8:50::10"))
    }

    @Test func malformedRecordsAreSkippedAndListed() throws {
        let log = try FlowsReader.read(path: TestPaths.fixture("native/flows-malformed.xml"), displayName: "m.xml")
        #expect(log.recordCount == 7)
        #expect(log.flows.map(\.destinationPort) == [445, 3389])
        #expect(log.skipped.map(\.location.description) == ["m.xml:4:3", "m.xml:5:3", "m.xml:6:3", "m.xml:7:3",
                                                            "m.xml:8:3"])
        #expect(log.skipped[0].message.contains("'src'"))
        #expect(log.skipped[1].message.contains("'dport'"))
        #expect(log.skipped[2].message.contains("'proto'"))
        #expect(log.skipped[3].message.contains("missing attribute 'src'"))
        #expect(log.skipped[4].message.contains("'first-seen'"))
    }

    @Test func strictMakesMalformedRecordsFatal() throws {
        let error = #expect(throws: InputError.self) {
            _ = try FlowsReader.read(path: TestPaths.fixture("native/flows-malformed.xml"), displayName: "m.xml",
                                     strict: true)
        }
        #expect(error?.diagnostics.count == 5)
    }

    @Test(arguments: [
        ("2026-10-01T08:00:00Z", 1_790_841_600.0), ("2026-10-01T10:00:00+02:00", 1_790_841_600.0),
        ("2026-10-01T03:00:00-0500", 1_790_841_600.0), ("2026-10-01 08:00:00.25Z", 1_790_841_600.25),
        ("1790841600", 1_790_841_600.0), ("2000-02-29T00:00:00Z", 951_782_400.0),
    ])
    func timestamps(text: String, expected: Double) {
        #expect(FlowTimestamp.parse(text) == expected)
    }

    @Test(arguments: ["2026-10-01T08:00:00", "2026-02-30T00:00:00Z", "yesterday", "2026-10-01T25:00:00Z", ""])
    func badTimestamps(text: String) {
        #expect(FlowTimestamp.parse(text) == nil)
    }
}
