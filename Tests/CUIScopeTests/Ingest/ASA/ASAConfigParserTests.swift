import Foundation
import Testing
@testable import CUIScope

/// Cisco ASA running-configs (docs/FORMATS.md, Cisco ASA).
@Suite struct ASAConfigParserTests {
    static func parse(_ text: String, lenient: Bool = false, hosts: [String: [IPAddress]] = [:]) throws -> RuleSet {
        try ASAConfigParser.parse(text, file: "asa.conf", lenient: lenient, hosts: hosts)
    }

    static func point(_ set: RuleSet) -> EnforcementPoint { set.enforcementPoints[0] }

    /// The rules an access list became, in order.
    static func rules(_ ep: EnforcementPoint, acl: String) -> [Rule] {
        ep.rules.filter { $0.name.hasPrefix("\(acl) line ") }
    }

    @Test func interfacesBecomeZonesWithTheirAddressesAndLevels() throws {
        let set = try RulesReader.read(path: TestPaths.fixture("asa/semantics.conf"), displayName: "sem.conf")
        let ep = Self.point(set)
        #expect(ep.name == "asa-sem" && ep.vendor == "asa")
        #expect(ep.zones.map(\.name) == ["outside", "inside", "dmz", "dmz2", "partner", "lab"])
        let inside = ep.zones[1]
        #expect(inside.subnets.map(\.text) == ["10.1.0.0/16", "2001:db8:1::/64"])
        #expect(inside.subnets[0].hostAddress == IPAddress("10.1.0.1"))
        #expect(inside.subnets[0].location.description == "sem.conf:15:1")
        #expect(inside.subnets[0].origin == "ASA interface GigabitEthernet0/1 (inside)")
        #expect(ep.routes.map(\.destinationText) == ["0.0.0.0/0", "::/0"])
        #expect(ep.routes[0].zone == "outside" && ep.routes[0].nextHop == "198.51.100.254" && ep.routes[0].prefixLength == 0)
        // `inside` without security-level is 100: its implicit permit reaches every lower level.
        let permit = ep.rules.first { $0.name.hasPrefix("implicit permit: inside") }
        #expect(permit?.name.contains("security-level 100") == true)
        #expect(permit?.to == .zones(["outside", "dmz", "dmz2", "partner", "lab"]))
        #expect(set.counts["interfaces"] == 6 && set.counts["routes"] == 2)
    }

    @Test func accessListEntriesKeepOrderNamesRemarksAndEvidence() throws {
        let set = try RulesReader.read(path: TestPaths.fixture("asa/semantics.conf"), displayName: "sem.conf")
        let rules = Self.rules(Self.point(set), acl: "partner_in")
        #expect(rules.map(\.name) == (2...10).map { "partner_in line \($0)" })
        #expect(rules[0].description == "Partner web access")
        #expect(rules[0].location.description == "sem.conf:62:1")
        #expect(rules[0].from == .zones(["partner"]) && rules[0].to == .any)
        #expect(rules[0].notes.isEmpty && rules[0].uuid?.hasSuffix("@in partner") == true)
        #expect(rules[0].source.members == ["PARTNER-RANGE"] && rules[0].serviceMembers == ["tcp object-group WEBPORTS"])
        #expect(rules[0].services == ServiceSet.ports(6, 80, 80).union(.ports(6, 8000, 8010)))
        #expect(rules[3].unevaluated == ["icmp-type PINGS (echo)"])
        #expect(rules[5].services == .ports(6, 1024, 65535))
        #expect(rules[6].unevaluated == ["time-range WORK"] && !rules[6].disabled)
        #expect(rules[7].disabled)
        #expect(rules[8].destination.unresolved == ["CLOUD (fqdn api.example.net, not resolved offline)"])
        #expect(set.counts["aces"] == 13 && set.counts["inactive"] == 1 && set.counts["remarks"] == 1)
        #expect(set.counts["time-range"] == 1 && set.counts["unresolved"] == 1 && set.counts["skipped"] == 0)
    }

    @Test func outboundListsAreAStageWithTheirOwnImplicitDeny() throws {
        let ep = Self.point(try RulesReader.read(path: TestPaths.fixture("asa/semantics.conf")))
        #expect(ep.egressRules.map(\.name) == ["dmz_out line 1", "dmz_out line 2", "implicit deny: end of dmz_out out interface dmz"])
        #expect(ep.egressRules.allSatisfy { $0.to == .zones(["dmz"]) })
        #expect(ep.interzoneDefault == .deny && ep.intrazoneDefault == .deny)
    }

    @Test func addressFormsResolve() throws {
        let text = """
            ASA Version 9.8(4)
            interface Gi0/0
             nameif outside
             security-level 0
             ip address 192.0.2.1 255.255.255.0
            name 10.9.9.9 db
            object network NET6
             subnet 2001:db8:5::/48
            object-group network MIX
             network-object host db
             network-object 10.8.0.0 255.255.0.0
             network-object object NET6
            object network SAAS
             fqdn saas.example.com
            access-list A extended permit ip host db any4
            access-list A extended permit ip any6 db 255.255.255.255
            access-list A extended permit ip object-group MIX 2001:db8:7::/64
            access-list A extended permit ip any interface outside
            access-list A extended permit ip any object SAAS
            access-group A in interface outside
            """
        let ep = Self.point(try Self.parse(text, hosts: ["saas.example.com": [IPAddress("203.0.113.80")!]]))
        let r = Self.rules(ep, acl: "A")
        #expect(r[0].source.addresses == .host(IPAddress("10.9.9.9")!) && r[0].destination.addresses == .allIPv4)
        #expect(r[1].source.addresses == ASAObjects.allIPv6 && r[1].destination.addresses == .host(IPAddress("10.9.9.9")!))
        #expect(r[2].source.addresses.contains(IPAddress("10.8.200.1")!) && r[2].source.addresses.contains(IPAddress("2001:db8:5::9")!))
        #expect(r[2].destination.addresses == AddressSet.parse("2001:db8:7::/64"))
        #expect(r[3].destination.addresses == .host(IPAddress("192.0.2.1")!))
        #expect(r[4].destination.addresses == .host(IPAddress("203.0.113.80")!) && r[4].destination.unresolved.isEmpty)
    }

    @Test func portOperatorsAndNamesFollowCiscosTable() throws {
        let text = """
            ASA Version 9.8(4)
            access-list P extended permit tcp any any eq www
            access-list P extended permit udp any any eq domain
            access-list P extended permit tcp any any range ftp-data ftp
            access-list P extended permit tcp any any neq 80
            access-list P extended permit tcp any any lt 10
            access-list P extended permit udp any eq 53 any gt 65000
            access-list P extended permit tcp any any eq kerberos
            access-list P extended permit tcp any any eq sqlnet log warnings interval 300
            access-group P global
            """
        let r = Self.rules(Self.point(try Self.parse(text)), acl: "P")
        #expect(r[0].services == .ports(6, 80, 80))
        #expect(r[1].services == .ports(17, 53, 53))
        #expect(r[2].services == .ports(6, 20, 21))
        #expect(r[3].services == ServiceSet.ports(6, 0, 79).union(.ports(6, 81, 65535)))
        #expect(r[4].services == .ports(6, 0, 9))
        #expect(r[5].services == .ports(17, 65001, 65535) && r[5].unevaluated == ["source port eq 53"])
        #expect(r[6].services == .ports(6, 750, 750))
        #expect(r[7].services == .ports(6, 1521, 1521))
        #expect(r.allSatisfy { $0.from == .any })
    }

    @Test func undefinedObjectsStopAStrictRunAndStayUnresolvedWhenLenient() throws {
        let text = "ASA Version 9.8(4)\naccess-list A extended permit tcp any object-group NOPE eq 22\naccess-group A global\n"
        let error = #expect(throws: InputError.self) { _ = try Self.parse(text) }
        #expect(error?.diagnostics.map(\.description) == ["asa.conf:2:39: error: access-list A: object-group NOPE is not defined"])
        let set = try Self.parse(text, lenient: true)
        let rule = Self.rules(Self.point(set), acl: "A")[0]
        #expect(rule.destination.unresolved == ["object-group NOPE (not defined)"] && rule.destination.addresses.isEmpty)
        #expect(set.diagnostics.first?.severity == .warning && set.counts["unresolved"] == 1)
    }

    @Test(arguments: [
        ("access-list A extended permit tcp any any eq nosuchport\n", "asa.conf:2:46: error: access-list A: expected a port number (0-65535) or a port name such as www or https; entry skipped"),
        ("access-list A extended allow ip any any\n", "asa.conf:2:24: error: access-list A: expected extended, remark, permit or deny; entry skipped"),
        ("access-list A extended permit ip 10.0.0.0 255.0.255.0 any\n", "asa.conf:2:43: error: access-list A: expected a network mask such as 255.255.255.0; entry skipped"),
        ("access-list A extended permit ip any any bogus\n", "asa.conf:2:42: error: access-list A: unexpected word; expected a port condition, log, time-range or inactive; entry skipped"),
        ("access-list A extended permit tcp any\n", "asa.conf:2:38: error: access-list A: expected an address (any, host, object, object-group, interface or address and mask) at end of line; entry skipped"),
        ("access-group A in interface nowhere\naccess-list A extended permit ip any any\n", "asa.conf:2:29: error: access-group names interface nowhere, which has no nameif"),
        ("object-group network G\n port-object eq 80\n", "asa.conf:3:2: error: object-group network G: expected network-object, group-object or description"),
        ("interface Gi0/0\n nameif x\n security-level 200\n", "asa.conf:4:2: error: interface x: expected security-level 0-100"),
    ])
    func badLinesNameFileLineAndColumn(body: String, expected: String) {
        let error = #expect(throws: InputError.self) { _ = try Self.parse("ASA Version 9.8(4)\n" + body) }
        #expect(error?.diagnostics.first?.description == expected)
    }

    @Test func lenientSkipsAndCountsUnusableLines() throws {
        let text = "ASA Version 9.8(4)\naccess-list A extended permit tcp any any eq nosuchport\naccess-list A extended permit ip any any\naccess-group A global\n"
        let set = try Self.parse(text, lenient: true)
        #expect(Self.rules(Self.point(set), acl: "A").map(\.name) == ["A line 2"])
        #expect(set.counts["skipped"] == 1 && set.diagnostics.count == 1)
    }

    @Test func listsThatAreNotExtendedAreCountedAndTheirBindingReported() throws {
        let text = """
            ASA Version 8.4(7)
            interface Gi0/0
             nameif outside
             security-level 0
             ip address 192.0.2.1 255.255.255.0
            access-list SPLIT standard permit 10.0.0.0 255.0.0.0
            ipv6 access-list V6IN permit tcp any host 2001:db8::5 eq 443
            access-group V6IN in interface outside
            """
        let set = try Self.parse(text)
        #expect(set.counts["not-read"] == 2 && set.counts["aces"] == 0)
        #expect(set.diagnostics.map(\.description) == ["asa.conf:8:14: warning: access-group binds V6IN, which is not an extended access-list; not read"])
    }

    @Test func managementLinesOpenOnlyTheirInterfaceAddress() throws {
        let text = """
            ASA Version 9.8(4)
            interface Gi0/0
             nameif management
             security-level 100
             ip address 10.99.0.1 255.255.255.0
            http server enable 8443
            ssh 0 0 management
            http 10.99.0.0 255.255.255.0 management
            telnet 10.99.0.5 255.255.255.255 management
            """
        let rules = Self.point(try Self.parse(text)).rules
        let ssh = try #require(rules.first { $0.name.hasPrefix("ssh ") })
        #expect(ssh.source.addresses == .allIPv4 && ssh.services == .ports(6, 22, 22))
        #expect(ssh.destination.addresses == .host(IPAddress("10.99.0.1")!) && ssh.to == .zones(["management"]))
        #expect(rules.first { $0.name.hasPrefix("http ") }?.services == .ports(6, 8443, 8443))
        #expect(rules.first { $0.name.hasPrefix("telnet ") }?.source.addresses == .host(IPAddress("10.99.0.5")!))
    }

    @Test func nestedGroupsAndCyclesAreReported() throws {
        let text = """
            ASA Version 9.8(4)
            object-group network A
             group-object B
            object-group network B
             group-object A
             network-object host 10.0.0.1
            """
        let error = #expect(throws: InputError.self) { _ = try Self.parse(text) }
        #expect(error?.diagnostics.first?.message.contains("nests a group inside itself") == true)
    }

    @Test func theCommandLineReadsItAsASA() throws {
        let path = TestPaths.temporaryFile(": Saved\nASA Version 9.8(2)\nhostname asa\n")
        #expect(try InputKind.detect(path: path) == .rules(root: "asa"))
        let set = try RulesReader.read(path: path, format: RulesFormat(rawValue: "asa")!)
        #expect(set.enforcementPoints.first?.name == "asa")
    }
}

extension ASAConfigParserTests {
    /// `access-list … extended` lines counted without the reader: what the counts must match.
    static func independentCount(_ text: String) -> Int {
        text.split(separator: "\n").filter { line in
            let w = line.split(separator: " ")
            return w.first == "access-list" && w.count > 2 && (w[2] == "extended" || (w[2] == "line" && w.count > 4 && w[4] == "extended"))
        }.count
    }

    @Test(arguments: [("asa-filters", 4, 5), ("asa_acl", 22, 0), ("asa-security-level-permit-tracing", 3, 4)])
    func realBatfishConfigsAgreeWithAnIndependentCount(file: String, aces: Int, zones: Int) throws {
        let path = TestPaths.fixture("asa/batfish/\(file)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let set = try RulesReader.read(path: path, lenient: true)
        #expect(Self.independentCount(text) == aces)
        #expect(set.counts["aces", default: 0] + set.counts["skipped", default: 0] == aces)
        #expect(set.enforcementPoints[0].zones.count == zones)
        print("ASA \(file): \(aces) extended ACEs by line count, \(set.counts["aces", default: 0]) read")
    }

    @Test func batfishFiltersBindInboundOutboundAndReportTheUndefinedList() throws {
        let path = TestPaths.fixture("asa/batfish/asa-filters")
        let error = #expect(throws: InputError.self) { _ = try RulesReader.read(path: path, displayName: "f") }
        #expect(error?.diagnostics.map(\.description) == ["f:36:14: error: access-group binds access-list FILTER_UNDEF, which has no entries"])
        let ep = try RulesReader.read(path: path, lenient: true).enforcementPoints[0]
        #expect(Self.rules(ep, acl: "FILTER_IN").map(\.from) == [.zones(["name1"])])
        // name2's outbound list is undefined: its implicit deny still closes the interface.
        #expect(ep.egressRules.filter { $0.to == .zones(["name2"]) }.map(\.name) == ["implicit deny: end of FILTER_UNDEF out interface name2"])
    }
}
