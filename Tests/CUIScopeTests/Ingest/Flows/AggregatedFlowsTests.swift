import Foundation
import Testing

@testable import CUIScope

/// Flow volumes beyond a month are aggregated upstream (docs/FLOWS_AT_SCALE.md): one CSV row
/// per (source, destination, protocol, port[, action]) with its record count, bytes and first
/// and last time. These are the files the documented Athena, nfdump and Spark commands write;
/// each row must keep its count, bytes and times, not become one record seen once.
@Suite("Flows: aggregated CSV from Athena, nfdump and Spark")
struct AggregatedFlowsTests {
    static func fixture(_ name: String) -> String { TestPaths.fixture("flows/aggregated/\(name)") }

    static func flow(_ log: FlowLog, _ src: String, _ dst: String) -> Flow? {
        log.flows.first { $0.source == IPAddress(src) && $0.destination == IPAddress(dst) }
    }

    @Test("Athena over VPC Flow Logs: quoted cells, protocol numbers, ACCEPT/REJECT, epoch seconds")
    func athena() throws {
        let log = try FlowsReader.read(path: Self.fixture("athena-vpc.csv"), displayName: "athena-vpc.csv", strict: true)
        #expect(log.format == "csv-flows" && log.recordCount == 4 && log.flows.count == 4)
        let smb = try #require(log.flows.first { $0.action == .allow && $0.destinationPort == 445 })
        #expect(smb.count == 1344 && smb.bytes == 96_426_688_000 && smb.packets == 70_420)
        #expect(smb.firstSeen == 1_788_220_800 && smb.lastSeen == 1_790_812_799)
        #expect(smb.proto == IPProtocol.tcp && smb.location.line == 2)
        let denied = try #require(log.flows.first { $0.action == .deny })
        #expect(denied.count == 12 && denied.bytes == 0 && denied.destinationPort == 445)
        let ping = try #require(Self.flow(log, "10.50.1.10", "10.20.30.40"))
        #expect(ping.proto == IPProtocol.icmp && ping.destinationPort == nil && ping.count == 3)
        #expect(log.firstSeen == 1_788_220_800 && log.lastSeen == 1_790_812_799)
    }

    @Test("nfdump -o csv: header firstSeen,lastSeen,srcAddr,…,flows; fractional epoch seconds, protocol names")
    func nfdump() throws {
        let log = try FlowsReader.read(path: Self.fixture("nfdump.csv"), displayName: "nfdump.csv", strict: true)
        #expect(log.flows.count == 2)
        let smb = try #require(Self.flow(log, "10.20.10.53", "10.50.1.10"))
        #expect(smb.count == 1344 && smb.bytes == 96_426_688_000 && smb.packets == 70_420)
        #expect(smb.firstSeen == 1_788_220_800.125 && smb.lastSeen == 1_790_812_799.5)
        let dns = try #require(Self.flow(log, "10.20.10.53", "8.8.8.8"))
        #expect(dns.proto == IPProtocol.udp && dns.destinationPort == 53 && dns.count == 28)
    }

    @Test("Spark CSV: ISO-8601 times with zones, IPv6, columns named port/first/last; gzipped too")
    func spark() throws {
        let plain = try FlowsReader.read(path: Self.fixture("spark.csv"), displayName: "spark.csv", strict: true)
        let v6 = try #require(Self.flow(plain, "2001:db8::5", "2001:db8:50::10"))
        #expect(v6.count == 7 && v6.bytes == 51_234 && v6.destinationPort == 22)
        #expect(v6.firstSeen == 1_788_357_600 && v6.lastSeen == 1_788_363_000)
        let gz = try FlowsReader.read(path: try TestPaths.gzipped(Self.fixture("spark.csv")), displayName: "spark.csv",
                                      strict: true)
        #expect(gz.flows == plain.flows)
    }

    @Test("the observation window keeps the aggregates that overlap it")
    func window() throws {
        let since = try #require(FlowTimestamp.parse("2026-09-10T00:00:00Z"))
        let until = try #require(FlowTimestamp.parse("2026-09-10T00:10:00Z"))
        let log = try FlowsReader.read(path: Self.fixture("athena-vpc.csv"), displayName: "athena-vpc.csv",
                                       options: FlowReadOptions(window: FlowWindow(since: since, until: until)))
        // The month-long SMB and DNS aggregates overlap; the denied one starts at 00:26:40, the ping ended on 09-03.
        #expect(log.flows.count == 2 && log.counts.outsideWindow == 2)
        #expect(log.flows.allSatisfy { $0.action == .allow && $0.count >= 28 })
    }

    @Test("analyze reports an aggregate's record count and bytes in its evidence")
    func analyzeEvidence() throws {
        let out = try CLIRunner.run([
            "analyze", "--format", "json", "--quiet", "--inventory", "Fixtures/demo/inventory.csv", "--rules",
            "Fixtures/demo/firewall.xml", "--flows", Self.fixture("athena-vpc.csv"),
        ])
        #expect(out.status == 0 || out.status == 1, "\(out.stderr)")
        #expect(out.stdout.contains("1344 records, 96426688000 bytes"))
        #expect(out.stdout.contains("\"format\" : \"csv-flows\"") || out.stdout.contains("\"format\": \"csv-flows\""))
    }
}
