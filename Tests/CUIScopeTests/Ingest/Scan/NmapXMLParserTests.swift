import Foundation
import Testing

@testable import CUIScope

/// `nmap -oX` reading (docs/FORMATS.md, nmap XML): the demo scan, hand-written edge cases, and
/// detection by content.
@Suite("nmap XML reader")
struct NmapXMLParserTests {
    /// A minimal scan in nmap's shape around the given `<host>` elements.
    static func scan(_ hosts: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE nmaprun>
        <nmaprun scanner="nmap" args="nmap -oX - 10.0.0.0/24" start="1" version="7.94" xmloutputversion="1.05">
        <hosthint><status state="up" reason="arp-response" reason_ttl="0"/>
        <address addr="10.0.0.250" addrtype="ipv4"/>
        </hosthint>
        \(hosts)
        <runstats><finished time="2" exit="success"/><hosts up="1" down="0" total="1"/></runstats>
        </nmaprun>
        """
    }

    @Test("the demo scan: live hosts with addresses, MAC and vendor, names, open ports, best OS; down host counted")
    func demoScan() throws {
        let s = try NmapXMLParser.read(path: TestPaths.demo("demo/scan.xml"), displayName: "scan.xml")
        #expect(s.format == "nmap")
        #expect(s.hosts.count == 10)
        #expect(s.counts["hosts up"] == 10)
        #expect(s.counts["hosts down"] == 1)
        #expect(s.counts["hosts without address"] == 0)
        #expect(s.skipped.isEmpty)
        let fs01 = try #require(s.hosts.first { $0.addresses == [IPAddress("10.50.1.10")!] })
        #expect(fs01.mac == "00:50:56:8A:10:10")
        #expect(fs01.macVendor == "VMware")
        #expect(fs01.hostnames == ["fs01.example.test"])
        #expect(fs01.os == OSGuess(name: "Microsoft Windows Server 2019", accuracy: 96))
        #expect(fs01.openPorts.map(\.serviceKey) == ["tcp/22", "tcp/443", "tcp/445", "tcp/8443"])
        #expect(fs01.location.file == "scan.xml" && fs01.location.line == 28 && fs01.location.column == 1)
        let ssh = fs01.openPorts[0]
        #expect(ssh.text == "tcp/22 ssh (OpenSSH for_Windows 8.1)")
        #expect(ssh.location.line == 37)
    }

    @Test("only open ports are kept; closed, filtered, open|filtered and IP-protocol ports are counted")
    func portStates() throws {
        let path = TestPaths.temporaryFile(Self.scan("""
            <host><status state="up" reason="echo-reply"/>
            <address addr="10.0.0.5" addrtype="ipv4"/>
            <ports>
            <port protocol="tcp" portid="22"><state state="open"/><service name="ssh"/></port>
            <port protocol="tcp" portid="23"><state state="closed"/></port>
            <port protocol="tcp" portid="25"><state state="filtered"/></port>
            <port protocol="udp" portid="161"><state state="open|filtered"/></port>
            <port protocol="udp" portid="53"><state state="open"/><service name="domain" product=""/></port>
            <port protocol="ip" portid="6"><state state="open"/></port>
            </ports>
            <os><osmatch name="A" accuracy="90"/><osmatch name="B" accuracy="95"/><osmatch name="C" accuracy="95"/></os>
            </host>
            """))
        let s = try NmapXMLParser.read(path: path)
        let host = try #require(s.hosts.first)
        #expect(host.openPorts.map(\.serviceKey) == ["tcp/22", "udp/53"])
        #expect(host.openPorts[1].product == nil)
        #expect(host.os?.name == "B")
        #expect(s.counts["open ports"] == 2)
        #expect(s.counts["ports not open"] == 4)
    }

    @Test("a live host known only by its MAC is skipped and listed; IPv6 and duplicate names are read once")
    func addresses() throws {
        let path = TestPaths.temporaryFile(Self.scan("""
            <host><status state="up"/><address addr="02:42:ac:1c:01:03" addrtype="mac"/></host>
            <host><status state="up"/>
            <address addr="fd00::10" addrtype="ipv6"/>
            <hostnames><hostname name="h" type="user"/><hostname name="h" type="PTR"/></hostnames>
            </host>
            """))
        let s = try NmapXMLParser.read(path: path, displayName: "s.xml")
        #expect(s.hosts.count == 1)
        #expect(s.hosts[0].addresses == [IPAddress("fd00::10")!])
        #expect(s.hosts[0].hostnames == ["h"])
        #expect(s.counts["hosts without address"] == 1)
        #expect(s.counts["hosts up"] == 2)
        #expect(s.skipped.count == 1)
        #expect(s.skipped[0].severity == .warning && s.skipped[0].location.line == 7)
        #expect(s.skipped[0].message.contains("MAC 02:42:AC:1C:01:03"))
    }

    @Test("a bad address or port is an error at its place; --lenient skips the host and lists it")
    func badInput() throws {
        let path = TestPaths.temporaryFile(Self.scan("""
            <host><status state="up"/><address addr="10.0.0.300" addrtype="ipv4"/></host>
            <host><status state="up"/><address addr="10.0.0.7" addrtype="ipv4"/>
            <ports><port protocol="tcp" portid="99999"><state state="open"/></port></ports></host>
            <host><status state="up"/><address addr="10.0.0.8" addrtype="ipv4"/></host>
            """), name: "bad.xml")
        #expect {
            try NmapXMLParser.read(path: path, displayName: "bad.xml")
        } throws: { error in
            let d = (error as? InputError)?.diagnostics ?? []
            return d.count == 2 && d[0].location.line == 7 && d[0].location.column > 1
                && d[0].message.contains("<address addr>") && d[1].location.line == 9 && d[1].message.contains("portid")
        }
        let lenient = try NmapXMLParser.read(path: path, displayName: "bad.xml", lenient: true)
        #expect(lenient.hosts.map { $0.addresses[0].description } == ["10.0.0.8"])
        #expect(lenient.skipped.filter { $0.severity == .error }.count == 2)
        #expect(lenient.counts["hosts skipped"] == 2)
    }

    @Test("another XML root is refused by name; malformed XML names its place")
    func wrongRoot() throws {
        let other = TestPaths.temporaryFile("<?xml version=\"1.0\"?>\n<config/>\n")
        #expect(throws: InputError.self) { try NmapXMLParser.read(path: other) }
        let broken = TestPaths.temporaryFile(Self.scan("<host><status state=\"up\"/>"))
        #expect {
            try NmapXMLParser.read(path: broken, displayName: "broken.xml")
        } throws: { error in
            (error as? InputError)?.diagnostics.first?.location.file == "broken.xml"
        }
    }

    @Test("a gzipped scan reads the same, positions counted in the decompressed text")
    func gzipped() throws {
        let plain = TestPaths.demo("demo/scan.xml")
        let a = try NmapXMLParser.read(path: plain, displayName: "scan.xml")
        let b = try NmapXMLParser.read(path: try TestPaths.gzipped(plain), displayName: "scan.xml")
        #expect(a.hosts == b.hosts && a.counts == b.counts && a.skipped == b.skipped)
    }

    @Test("detected by content as a scan; validate reads it; an inventory flag refuses it")
    func detection() throws {
        let path = TestPaths.demo("demo/scan.xml")
        #expect(try InputKind.detect(path: path) == .scan)
        #expect(Validator.validate(paths: [path]).isEmpty)
        #expect(throws: InputError.self) { try InventoryReader.read(path: path) }
    }
}

/// The real-world libnmap samples (nmap 5.51 to 7.91) read without an error. Counts checked
/// independently with grep: hosts `grep -o '<host[ >]'` (not `<hosthint>`), down hosts
/// `grep -o '<status state="down"'` (each under its `<host>`), open ports `grep -o '<state state="open"'`,
/// other ports `grep -o '<state state="[^"]*"' | grep -vc '"open"'`.
@Suite("Real-world samples: nmap", .tags(.samples), .samplesPresent)
struct NmapRealWorldTests {
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var up: Int
        var down: Int
        var open: Int
        var notOpen: Int
        var description: String { file }
    }

    static let samples: [Expected] = [
        Expected(file: "libnmap_2_hosts_version.xml", up: 2, down: 0, open: 8, notOpen: 1),
        Expected(file: "libnmap_extra_ports.xml", up: 1, down: 0, open: 16, notOpen: 0),
        Expected(file: "libnmap_fullscan.xml", up: 2, down: 254, open: 9, notOpen: 0),
    ]

    @Test(arguments: samples)
    func readsWithIndependentCounts(_ e: Expected) throws {
        let path = TestPaths.realWorld("nmap/\(e.file)")
        let s = try NmapXMLParser.read(path: path)
        #expect(s.hosts.count == e.up)
        #expect(s.counts["hosts up"] == e.up)
        #expect(s.counts["hosts down"] == e.down)
        #expect(s.counts["open ports"] == e.open)
        #expect(s.counts["ports not open"] == e.notOpen)
        #expect(s.skipped.isEmpty)
        #expect(try InputKind.detect(path: path) == .scan)
        #expect(Validator.validate(paths: [path]).filter { $0.severity == .error }.isEmpty)
    }

    @Test("MAC with vendor-less address, two host names, and the best of equal OS matches")
    func details() throws {
        let extra = try NmapXMLParser.read(path: TestPaths.realWorld("nmap/libnmap_extra_ports.xml"))
        let dionaea = try #require(extra.hosts.first)
        #expect(dionaea.addresses == [IPAddress("172.28.1.3")!])
        #expect(dionaea.mac == "02:42:AC:1C:01:03")
        #expect(dionaea.hostnames == ["dionaea", "dionaea.libnmap-testing_testing_net"])
        #expect(dionaea.openPorts.first?.text == "tcp/21 ftp (Synology DiskStation NAS ftpd)")
        let two = try NmapXMLParser.read(path: TestPaths.realWorld("nmap/libnmap_2_hosts_version.xml"))
        #expect(two.hosts.map(\.hostnames) == [["localhost"], ["scanme.nmap.org"]])
        #expect(two.hosts[1].os == OSGuess(name: "Netgear DG834G WAP", accuracy: 92))
    }
}
