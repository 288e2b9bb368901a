import Testing
@testable import CUIScope

/// Zeek, AWS VPC and headed-CSV flow logs: real and hand-written samples, malformed lines
/// skipped with file:line, NODATA rows counted, `--strict` fatal.
@Suite struct TextFlowReaderTests {
    static func fixture(_ name: String) -> String { TestPaths.fixture("flows/\(name)") }

    @Test(.tags(.samples), .samplesPresent) func realZeekConnLog() throws {
        let path = TestPaths.realWorld("flows/brimdata-zed_zeek_conn.log")
        #expect(try FlowsReader.detect(path: path) == .zeek)
        let log = try FlowsReader.read(path: path, displayName: "conn.log")
        #expect(log.format == "zeek-conn" && log.recordCount == 92 && log.skipped.isEmpty)
        // Established (RSTO, RSTR) is allow; handshake never completed (S0, REJ, RSTOS0, RSTRH) is deny.
        #expect(log.counts.kept == 92 && log.counts.allowed == 24 && log.counts.denied == 68)
        #expect(log.flows.count == 72)
        #expect(log.flows.reduce(0) { $0 + $1.count } == 92)
        let first = try #require(log.flows.first)
        #expect(first.source == IPAddress("10.164.94.120") && first.destination == IPAddress("10.47.3.155"))
        #expect(first.destinationPort == 3389 && first.action == .allow && first.bytes == 116 && first.packets == 16)
        #expect(first.firstSeen == 1521911721.255387)
        #expect(first.location == SourceLocation(file: "conn.log", line: 9))
        // Rows are not time-ordered: first/last seen are min/max, not first/last row.
        #expect(log.firstSeen == log.flows.compactMap(\.firstSeen).min())
        let rej = try #require(log.flows.first { $0.destinationPort == 23189 })
        #expect(rej.action == .deny && rej.count == 2 && rej.locations.map(\.line) == [10, 11])
    }

    @Test func zeekTSVMalformedLines() throws {
        let log = try FlowsReader.read(path: Self.fixture("zeek-conn-malformed.log"), displayName: "z.log")
        #expect(log.recordCount == 6 && log.counts.kept == 2 && log.counts.malformed == 4)
        #expect(log.skipped.map(\.location.line) == [10, 11, 12, 13])
        #expect(log.skipped[0].message.contains("'id.orig_h'") && log.skipped[0].location.column == 18)
        #expect(log.skipped[1].message.contains("6 fields"))
        #expect(log.skipped[2].message.contains("'ts'"))
        #expect(log.skipped[3].message.contains("'resp_bytes'"))
        let sf = log.flows[0]
        #expect(sf.action == .allow && sf.bytes == 1200 && sf.lastSeen == 1790928191.25 + 10.5)
        #expect(log.flows[1].action == .deny)
        #expect(throws: InputError.self) {
            _ = try FlowsReader.read(path: Self.fixture("zeek-conn-malformed.log"), options: FlowReadOptions(strict: true))
        }
    }

    @Test func zeekJSONLines() throws {
        let path = Self.fixture("zeek-conn.json")
        #expect(try FlowsReader.detect(path: path) == .zeekJSON)
        let log = try FlowsReader.read(path: path, displayName: "c.json")
        #expect(log.recordCount == 7 && log.counts.kept == 4 && log.counts.malformed == 3)
        #expect(log.skipped.map(\.location.line) == [5, 6, 7])
        #expect(log.skipped[0].message.contains("'id.resp_p'"))
        #expect(log.flows[0].bytes == 48_213_344 && log.flows[0].packets == 35_210 && log.flows[0].action == .allow)
        #expect(log.flows[0].lastSeen == 1790928191.25 + 2326.5)
        #expect(log.flows[1].action == .deny && log.flows[1].firstSeen == FlowTimestamp.parse("2026-10-06T10:01:00Z"))
        // UDP without reply still carried data; IPv6 is read.
        #expect(log.flows[2].action == .allow && log.flows[2].destination == IPAddress("ff02::1:2"))
        // ICMP type/code are not a service port.
        #expect(log.flows[3].proto == IPProtocol.icmp && log.flows[3].destinationPort == nil)
    }

    @Test func awsDefaultFormatWithHeader() throws {
        let path = Self.fixture("aws-vpc-default.log")
        #expect(try FlowsReader.detect(path: path) == .awsVPC)
        let log = try FlowsReader.read(path: path, displayName: "vpc.log")
        #expect(log.format == "aws-vpc" && log.recordCount == 10)
        #expect(log.counts.noData == 2 && log.counts.kept == 5 && log.counts.malformed == 3)
        #expect(log.skipped.map(\.location.line) == [8, 9, 10])
        #expect(log.skipped[0].message.contains("'dstaddr'") && log.skipped[0].location.column == 49)
        #expect(log.skipped[1].message.contains("13 fields"))
        #expect(log.skipped[2].message.contains("'action'"))
        let smb = log.flows[0]
        #expect(smb.count == 2 && smb.bytes == 48213 + 9012 && smb.packets == 47 && smb.action == .allow)
        #expect(smb.firstSeen == 1790928191 && smb.lastSeen == 1790931060 && smb.sourcePort == nil)
        #expect(smb.device == "eni-0a1b2c3d4e5f60001" && smb.locations.map(\.line) == [2, 3])
        #expect(log.flows[1].action == .deny)
        #expect(log.flows.last?.proto == IPProtocol.icmp && log.flows.last?.destinationPort == nil)
    }

    @Test func awsCloudWatchWithoutHeader() throws {
        let path = Self.fixture("aws-vpc-cloudwatch.log")
        #expect(try FlowsReader.detect(path: path) == .awsVPC)
        let log = try FlowsReader.read(path: path)
        #expect(log.recordCount == 3 && log.counts.kept == 2 && log.counts.noData == 1 && log.skipped.isEmpty)
        #expect(log.flows.map(\.location.line) == [1, 2])
    }

    @Test func awsCustomFormatPrefersPacketAddresses() throws {
        let log = try FlowsReader.read(path: Self.fixture("aws-vpc-custom.log"))
        #expect(log.counts.kept == 2 && log.skipped.isEmpty)
        // Behind a NAT gateway srcaddr is the intermediary; pkt-srcaddr is the host.
        #expect(log.flows[0].source == IPAddress("10.20.10.53") && log.flows[0].device == "i-0fedcba9876543210")
        #expect(log.flows[0].bytes == 48213 && log.flows[0].packets == 35)
        #expect(log.flows[1].source == IPAddress("10.50.1.10") && log.flows[1].device == "eni-0a1b2c3d4e5f60003")
    }

    @Test func headedCSVWithAliasesAndQuotes() throws {
        let path = Self.fixture("flows-mapped.csv")
        #expect(try FlowsReader.detect(path: path) == .csv)
        let log = try FlowsReader.read(path: path, displayName: "f.csv")
        #expect(log.recordCount == 7 && log.counts.kept == 3 && log.counts.malformed == 4)
        #expect(log.skipped.map(\.location.line) == [5, 6, 7, 8])
        #expect(log.skipped[0].message.contains("9 fields"))
        #expect(log.skipped[1].message.contains("'src'") && log.skipped[1].location.column == 22)
        #expect(log.skipped[2].message.contains("'first-seen'"))
        #expect(log.skipped[3].message.contains("unterminated quote"))
        #expect(log.flows[0].count == 2 && log.flows[0].rule == "corp-to-files" && log.flows[0].device == "fw-core")
        #expect(log.flows[1].action == .deny && log.flows[1].rule == "corp-deny-enclave, \"strict\"")
    }

    @Test func csvColumnMapping() throws {
        let path = TestPaths.temporaryFile("""
            When,Client,Server,Svc,Verdict
            1790841600,10.20.10.53,10.50.1.10,445,ACCEPT
            1790841700,10.20.10.53,10.50.1.10,445,ACCEPT
            """, name: "mapped.csv")
        // No alias matches Client/Server: detection cannot tell, the override and the map can.
        #expect(throws: InputError.self) { _ = try FlowsReader.detect(path: path) }
        let options = FlowReadOptions(format: .csv, csvMapping: ["Client": "src", "Server": "dst", "Svc": "dport",
                                                                  "When": "first-seen", "Verdict": "action"])
        let log = try FlowsReader.read(path: path, options: options)
        #expect(log.flows.count == 1 && log.flows[0].count == 2 && log.flows[0].destinationPort == 445)
        #expect(log.flows[0].action == .allow && log.flows[0].firstSeen == 1790841600 && log.flows[0].lastSeen == 1790841700)
        let bad = #expect(throws: InputError.self) {
            _ = try FlowsReader.read(path: path, options: FlowReadOptions(format: .csv, csvMapping: ["Client": "source-ip"]))
        }
        #expect(bad?.diagnostics.first?.message.contains("unknown field 'source-ip'") == true)
        let missing = #expect(throws: InputError.self) {
            _ = try FlowsReader.read(path: path, options: FlowReadOptions(format: .csv, csvMapping: ["Client": "src"]))
        }
        #expect(missing?.diagnostics.first?.message.contains("'dst'") == true)
    }

    @Test func windowFiltersWhileStreaming() throws {
        let path = Self.fixture("aws-vpc-default.log")
        // 1790928191 = 2026-10-02T08:03:11Z; keep 2026-10-02 only.
        let window = FlowWindow(since: FlowTimestamp.parse("2026-10-02T00:00:00Z"),
                                until: FlowTimestamp.parse("2026-10-02T23:59:59Z"))
        let log = try FlowsReader.read(path: path, options: FlowReadOptions(window: window))
        #expect(log.counts.kept == 3 && log.counts.outsideWindow == 2 && log.window == window)
        #expect(log.flows.count == 2 && log.flows[0].count == 2 && log.flows[1].action == .deny)
        #expect(log.firstSeen == 1790928191 && log.lastSeen == 1790964190)
    }

    @Test func untimedRecordsAreDroppedOnlyWhenAWindowIsAsked() throws {
        let path = TestPaths.temporaryFile("src,dst,dport\n10.0.0.1,10.0.0.2,445\n", name: "untimed.csv")
        #expect(try FlowsReader.read(path: path).counts.kept == 1)
        let log = try FlowsReader.read(path: path, options: FlowReadOptions(window: FlowWindow(since: 0)))
        #expect(log.counts.kept == 0 && log.counts.untimed == 1 && log.flows.isEmpty)
    }

    @Test func lineEndingsAndBOM() throws {
        let path = TestPaths.temporaryFile("\u{FEFF}src,dst,dport\r\n10.0.0.1,10.0.0.2,445\r\n10.0.0.1,10.0.0.3,445\r10.0.0.1,10.0.0.4,445",
                                           name: "crlf.csv")
        let log = try FlowsReader.read(path: path, displayName: "crlf.csv")
        #expect(log.flows.map(\.location.line) == [2, 3, 4])
        #expect(log.flows.map(\.destination) == ["10.0.0.2", "10.0.0.3", "10.0.0.4"].map { IPAddress($0)! })
    }

    @Test func unknownTextIsRejectedWithItsLocation() throws {
        let path = TestPaths.temporaryFile("hello world\n", name: "x.txt")
        let e = #expect(throws: InputError.self) { _ = try FlowsReader.read(path: path, displayName: "x.txt") }
        #expect(e?.diagnostics.first?.location == SourceLocation(file: "x.txt", line: 1))
    }

    @Test(arguments: [("1521911721.255387", 1521911721.255387), ("0", 0.0), ("12.5", 12.5), ("1790841600", 1790841600.0)])
    func decimalsMatchDoubleParsing(text: String, expected: Double) {
        let bytes = Array(text.utf8)
        let v = bytes.withUnsafeBufferPointer { ByteField($0.baseAddress!, $0.count).decimal }
        #expect(v == expected && v == Double(text))
    }

    @Test(arguments: ["10.0.0.256", "10.0.0", "010.0.0.1", "10..0.1", "1.2.3.4.5", "", "10.0.0.1x"])
    func badIPv4InPlace(text: String) {
        let bytes = Array(text.utf8) + [0]
        let v = bytes.withUnsafeBufferPointer { ByteField($0.baseAddress!, text.utf8.count).ipAddress }
        #expect(v == nil)
    }
}
