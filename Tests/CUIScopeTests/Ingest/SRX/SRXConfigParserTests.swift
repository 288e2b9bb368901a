import Foundation
import Testing
@testable import CUIScope

/// Juniper SRX configurations, `display set` and `display xml` (docs/FORMATS.md, Juniper SRX).
@Suite struct SRXConfigParserTests {
    static func read(_ file: String, lenient: Bool = false) throws -> RuleSet {
        try RulesReader.read(path: TestPaths.demo("srx-demo/\(file)"), displayName: file, lenient: lenient)
    }

    /// What a rule means, without where it was written.
    static func meaning(_ r: Rule) -> String {
        [r.name, r.action.rawValue, r.from.names.joined(separator: ","), r.to.names.joined(separator: ","),
         r.source.addresses.summary, "\(r.source.negated)", r.destination.addresses.summary, r.services.summary,
         "\(r.disabled)", r.unevaluated.joined(separator: ";"), r.unresolvedNames.joined(separator: ";"),
         r.serviceMembers.joined(separator: ",")].joined(separator: " | ")
    }

    @Test func setAndXMLGiveTheSameModel() throws {
        let a = try Self.read("srx.set"), b = try Self.read("srx.xml")
        let x = try #require(a.enforcementPoints.first), y = try #require(b.enforcementPoints.first)
        #expect(x.name == "srx-edge" && y.name == "srx-edge" && x.vendor == "srx")
        #expect(x.rules.map(Self.meaning) == y.rules.map(Self.meaning))
        #expect(x.zones.map { "\($0.name) \($0.addresses.summary)" } == y.zones.map { "\($0.name) \($0.addresses.summary)" })
        #expect(x.zones.flatMap(\.subnets).map(\.hostAddress) == y.zones.flatMap(\.subnets).map(\.hostAddress))
        #expect(x.routes.map { "\($0.destinationText) \($0.nextHop ?? "") \($0.zone ?? "")" }
            == y.routes.map { "\($0.destinationText) \($0.nextHop ?? "") \($0.zone ?? "")" })
        #expect(x.interzoneDefault == y.interzoneDefault && x.intrazoneDefault == y.intrazoneDefault)
        #expect(a.counts == b.counts)
        #expect(a.diagnostics.map(\.message) == b.diagnostics.map(\.message))
    }

    @Test func zonesRoutesAndOrder() throws {
        let ep = try #require(try Self.read("srx.set").enforcementPoints.first)
        #expect(ep.zones.map(\.name) == ["untrust", "corp", "dmz", "enclave"])
        let enclave = ep.zones[3]
        #expect(enclave.addresses.contains(IPAddress("2001:db8:50::9")!))
        #expect(enclave.subnets.first?.hostAddress == IPAddress("10.50.0.1"))
        #expect(ep.routes.map(\.zone) == ["untrust", "corp"])
        // Zone pairs in document order, then the global policies.
        #expect(ep.rules.map(\.name) == ["no-helpdesk-rdp", "admin-in", "sync-temp", "ws-to-printers", "updates",
                                         "web-in", "mail-in", "not-admins-web", "legacy-app",
                                         "block-enclave-egress", "dns-out", "corp-web-out"])
        #expect(ep.rules[2].disabled)
        #expect(ep.rules[9].from == .zones(["enclave"]) && ep.rules[9].to == .any)
        #expect(ep.interzoneDefault == .deny && ep.intrazoneDefault == .deny)
    }

    @Test func everyRuleHasItsLine() throws {
        let set = try #require(try Self.read("srx.set").enforcementPoints.first)
        let xml = try #require(try Self.read("srx.xml").enforcementPoints.first)
        // The first set line naming the policy; the line of the inner <policy> element.
        #expect(set.rules[1].location.line == 49 && set.rules[1].location.file == "srx.set")
        let xmlLines = try String(contentsOfFile: TestPaths.demo("srx-demo/srx.xml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        for r in xml.rules {
            #expect(xmlLines[r.location.line].contains("<name>\(r.name)</name>"), "\(r.name) at \(r.location)")
            #expect(xmlLines[r.location.line - 1].contains("<policy"), "\(r.name) at \(r.location)")
        }
        #expect(set.rules.allSatisfy { $0.location.line > 0 })
    }

    @Test func unresolvedObjectsAreReportedNotDropped() throws {
        let set = try Self.read("srx.set")
        let ep = try #require(set.enforcementPoints.first)
        let updates = try #require(ep.rules.first { $0.name == "updates" })
        #expect(updates.destination.unresolved.first?.hasPrefix("update-site (dns-name updates.example.com") == true)
        let legacy = try #require(ep.rules.first { $0.name == "legacy-app" })
        #expect(legacy.unresolvedServices == ["junos-legacy-erp (predefined application not in the table)"])
        #expect(legacy.services.isEmpty && legacy.hasUnresolved)
        #expect(set.diagnostics.contains { $0.severity == .warning && $0.message.contains("junos-legacy-erp") })
        #expect(set.counts["unresolved"] == 2 && set.counts["negated"] == 1 && set.counts["disabled"] == 1)
        // A hosts mapping resolves the dns-name.
        let mapped = try RulesReader.read(path: TestPaths.demo("srx-demo/srx.set"),
                                          hosts: ["updates.example.com": [IPAddress("198.51.100.7")!]])
        let u = try #require(mapped.enforcementPoints[0].rules.first { $0.name == "updates" })
        #expect(u.destination.unresolved.isEmpty && u.destination.addresses.contains(IPAddress("198.51.100.7")!))
    }

    @Test func wildcardAddressesAreExactOrUnresolved() {
        let set = SRXAddressBooks.wildcard("10.10.0.200/255.255.0.254")
        #expect(set?.contains(IPAddress("10.10.77.201")!) == true)
        #expect(set?.contains(IPAddress("10.10.77.202")!) == false)
        #expect(SRXAddressBooks.wildcard("10.0.0.0/255.0.0.0") == AddressSet.parse("10.0.0.0/8"))
        #expect(SRXAddressBooks.wildcard("1.0.0.1/255.0.0.255") == nil)   // 16 free bits above the block
    }
}

extension SRXConfigParserTests {
    static func parse(_ text: String, lenient: Bool = false) throws(InputError) -> RuleSet {
        try SRXConfigParser.parse(setText: text, file: "c.set", lenient: lenient)
    }

    static let zones = """
        set security zones security-zone a interfaces ge-0/0/0.0
        set security zones security-zone b interfaces ge-0/0/1.0
        set interfaces ge-0/0/0 unit 0 family inet address 10.1.0.1/24
        set interfaces ge-0/0/1 unit 0 family inet address 10.2.0.1/24

        """

    @Test func badLinesNameLineAndColumn() {
        let quote = #expect(throws: InputError.self) { _ = try Self.parse("set system host-name \"fw\nset foo\n") }
        #expect(quote?.diagnostics.first?.description == "c.set:1:22: error: unterminated quote; expected a closing \"")
        let verb = #expect(throws: InputError.self) { _ = try Self.parse("set system host-name fw\nrestart routing\n") }
        #expect(verb?.diagnostics.first?.description.hasPrefix("c.set:2:1: error: unknown statement 'restart'") == true)
        let curly = #expect(throws: InputError.self) { _ = try Self.parse("set version 1\nsecurity {\n    inactive: policies {\n") }
        #expect(curly?.diagnostics.map(\.location.line) == [2, 3])
        #expect(curly?.diagnostics.first?.message.hasPrefix("hierarchical (curly-brace) configuration is not read") == true)
        let empty = #expect(throws: InputError.self) { _ = try Self.parse("set\n") }
        #expect(empty?.diagnostics.first?.message == "expected a configuration path after set")
    }

    @Test func undefinedNamesStopTheRunUnlessLenient() throws {
        let text = Self.zones + """
            set security policies from-zone a to-zone b policy p match source-address nowhere
            set security policies from-zone a to-zone b policy p match destination-address any
            set security policies from-zone a to-zone b policy p match application no-app
            set security policies from-zone a to-zone b policy p then permit
            set security policies from-zone a to-zone b policy q match source-address any
            set security policies from-zone a to-zone b policy q match application any
            """
        let error = #expect(throws: InputError.self) { _ = try Self.parse(text) }
        let messages = error?.diagnostics.map(\.description) ?? []
        #expect(messages.contains("c.set:5:75: error: policy p (from-zone a to-zone b): source-address nowhere is not defined in the address books of zone a or the global book"))
        #expect(messages.contains { $0.hasPrefix("c.set:7:") && $0.contains("application no-app is not defined") })
        #expect(messages.contains { $0.contains("policy q (from-zone a to-zone b) has no match destination-address") })
        #expect(messages.contains { $0.contains("policy q (from-zone a to-zone b) has no then permit, deny or reject") })
        let lenient = try Self.parse(text, lenient: true)
        #expect(lenient.enforcementPoints[0].rules.map(\.name) == ["p"])
        #expect(lenient.enforcementPoints[0].rules[0].source.unresolved == ["nowhere (not defined)"])
        #expect(lenient.counts["skipped"] == 1 && lenient.counts["policies"] == 2)
    }

    @Test func deactivatedStatementsAreKeptButNotApplied() throws {
        let text = Self.zones + """
            set security policies from-zone a to-zone b policy p match source-address any
            set security policies from-zone a to-zone b policy p match destination-address any
            set security policies from-zone a to-zone b policy p match application junos-ssh
            set security policies from-zone a to-zone b policy p match application junos-http
            set security policies from-zone a to-zone b policy p then permit
            deactivate security policies from-zone a to-zone b policy p match application junos-http
            set security policies from-zone b to-zone a policy r match source-address any
            set security policies from-zone b to-zone a policy r match destination-address any
            set security policies from-zone b to-zone a policy r match application any
            set security policies from-zone b to-zone a policy r then permit
            deactivate security policies from-zone b to-zone a
            set security policies default-policy permit-all
            deactivate security policies default-policy
            """
        let ep = try Self.parse(text).enforcementPoints[0]
        #expect(ep.rules[0].services == ServiceSet.ports(IPProtocol.tcp, 22, 22))
        #expect(!ep.rules[0].disabled && ep.rules[1].disabled)
        #expect(ep.interzoneDefault == .deny)   // an inactive default-policy is not applied
    }

    @Test func simpleGroupsAreInheritedOthersReported() throws {
        let text = Self.zones + """
            set groups pol security policies from-zone a to-zone b policy g match source-address any
            set groups pol security policies from-zone a to-zone b policy g match destination-address any
            set groups pol security policies from-zone a to-zone b policy g match application any
            set groups pol security policies from-zone a to-zone b policy g then deny
            set groups wild interfaces <ge-*> unit 0 family inet
            set apply-groups pol
            set apply-groups wild
            set security zones security-zone a apply-groups pol
            """
        let set = try Self.parse(text)
        #expect(set.enforcementPoints[0].rules.map(\.name) == ["g"])
        #expect(set.counts["statements_not_read"] == 2)
        #expect(set.diagnostics.contains { $0.message.contains("wildcard <ge-*> is not read") })
        #expect(set.diagnostics.contains { $0.description.hasPrefix("c.set:12:") && $0.message.contains("apply-groups under security zones security-zone a is not read") })
    }

    @Test func unknownPredefinedApplicationAcrossTheBoundaryIsInput20() throws {
        let text = Self.zones + """
            set security policies from-zone a to-zone b policy p match source-address any
            set security policies from-zone a to-zone b policy p match destination-address any
            set security policies from-zone a to-zone b policy p match application junos-not-in-table
            set security policies from-zone a to-zone b policy p then permit
            """
        let ep = try Self.parse(text).enforcementPoints[0]
        let found = BoundaryRuleFindings.findings(enforcementPoints: [ep], enclaveZones: ["b"])
        let input20 = found.filter { $0.id == FindingID.unresolvedObject.rawValue }
        #expect(input20.count == 1)
        #expect(input20.first?.message.contains("junos-not-in-table") == true)
        // Known predefined applications resolve and raise nothing of the kind.
        let known = try Self.parse(text.replacingOccurrences(of: "junos-not-in-table", with: "junos-https"))
        #expect(BoundaryRuleFindings.findings(enforcementPoints: known.enforcementPoints, enclaveZones: ["b"])
            .allSatisfy { $0.id != FindingID.unresolvedObject.rawValue })
    }

    @Test func logicalSystemsAndNATAreCountedAsNotRead() throws {
        let text = Self.zones + """
            set logical-systems ls1 security policies from-zone a to-zone b policy x then permit
            set security nat source rule-set rs rule r1 then source-nat interface
            """
        let set = try Self.parse(text)
        #expect(set.counts["statements_not_read"] == 2)
        #expect(set.diagnostics.filter { $0.severity == .warning }.count == 2)
    }

    @Test func xmlProblemsNameTheElementLine() throws {
        let xml = """
            <configuration>
              <security><policies>
                <policy><from-zone-name>a</from-zone-name><to-zone-name>b</to-zone-name>
                  <policy>
                    <name>p</name>
                    <match><source-address>any</source-address><destination-address>any</destination-address>
                      <application>any</application></match>
                  </policy>
                </policy>
              </policies></security>
            </configuration>
            """
        let path = TestPaths.temporaryFile(xml)
        let error = #expect(throws: InputError.self) { _ = try RulesReader.read(path: path, displayName: "p.xml") }
        #expect(error?.diagnostics.first?.description.hasPrefix("p.xml:4:7: error: policy p (from-zone a to-zone b) has no then permit") == true)
        let broken = TestPaths.temporaryFile("<configuration>\n<security>\n</configuration>\n")
        let parse = #expect(throws: InputError.self) { _ = try RulesReader.read(path: broken, displayName: "b.xml") }
        #expect(parse?.diagnostics.first?.location.line == 3)
    }

    @Test func netconfGetConfigRepliesAreRead() throws {
        let xml = """
            <rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="101">
            <data><configuration xmlns="http://xml.juniper.net/xnm/1.1/xnm">
            <system><host-name>nc-fw</host-name></system>
            <security><policies><default-policy><permit-all/></default-policy></policies></security>
            </configuration></data></rpc-reply>
            """
        let set = try RulesReader.read(path: TestPaths.temporaryFile(xml), displayName: "nc.xml")
        #expect(set.enforcementPoints.map(\.name) == ["nc-fw"] && set.enforcementPoints[0].interzoneDefault == .allow)
        #expect(set.enforcementPoints[0].location.line == 4)
    }

    @Test func crlfLinesAreRead() throws {
        let text = Self.zones.replacingOccurrences(of: "\n", with: "\r\n") + "set security policies default-policy permit-all\r\n"
        let ep = try Self.parse(text).enforcementPoints[0]
        #expect(ep.zones.map(\.name) == ["a", "b"] && ep.interzoneDefault == .allow)
    }

    @Test func xmlWithoutConfigurationIsRefused() throws {
        let path = TestPaths.temporaryFile("<rpc-reply xmlns:junos=\"x\"><junos:x/></rpc-reply>")
        let error = #expect(throws: InputError.self) { _ = try RulesReader.read(path: path, displayName: "r.xml") }
        #expect(error?.diagnostics.first?.description.hasPrefix("r.xml:1:1: error: expected a Junos <configuration>") == true)
    }

    @Test(.tags(.samples), .samplesPresent)
    func batfishSampleMatchesAnIndependentCount() throws {
        let path = TestPaths.realWorld("junos/batfish_junos-srx-1.set.txt")
        let set = try RulesReader.read(path: path)
        let ep = try #require(set.enforcementPoints.first)
        // The independent count, as awk would do it: awk '$4=="from-zone" {print $5,$7,$9}' | sort -u
        // (7 policies) and awk '$4=="security-zone" {print $5}' | sort -u (4 zones).
        let words = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ") }
        let policies = Set(words.filter { $0.count > 8 && $0[0] == "set" && $0[3] == "from-zone" }.map { "\($0[4]) \($0[6]) \($0[8])" })
        let zones = Set(words.filter { $0.count > 4 && $0[0] == "set" && $0[3] == "security-zone" }.map { String($0[4]) })
        #expect(policies.count == 7 && zones.count == 4)
        #expect(ep.rules.count == policies.count && set.counts["policies"] == policies.count)
        #expect(ep.zones.count == zones.count && Set(ep.zones.map(\.name)) == zones)
        #expect(ep.name == "junos-srx-1" && ep.interzoneDefault == .deny)
        #expect(ep.zones.first { $0.name == "untrust" }?.addresses.contains(IPAddress("10.13.0.9")!) == true)
        #expect(ep.ruleOnlyZones == ["junos-host"])
        // junos-host → untrust: the first policy takes ICMP (junos-icmp-all), the second the rest.
        let host = ep.rules.filter { $0.from == .zones(["junos-host"]) }
        #expect(host.map(\.name) == ["p", "p2"] && host[0].services == .proto(IPProtocol.icmp))
        #expect(ep.rules.allSatisfy { $0.location.line > 0 })
    }
}
