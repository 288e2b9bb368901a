import Testing

@testable import CUIScope

/// Loads a pfSense/OPNsense config the way the CLI will: libxml2 tree, then the parser.
func loadPFSense(_ path: String, lenient: Bool = false) throws -> RuleSet {
    let root = try XMLReader.document(path, displayName: path)
    return try PFSenseConfigParser.parse(root, file: path, lenient: lenient)
}

@Suite("pfSense evaluation semantics (hand-written fixture)")
struct PFSenseSemanticsTests {
    let ep: EnforcementPoint
    let ruleSet: RuleSet

    init() throws {
        ruleSet = try loadPFSense(TestPaths.fixture("pfsense/semantics.xml"))
        ep = try #require(ruleSet.enforcementPoints.first)
    }

    private func verdict(_ src: String, _ dst: String, _ proto: UInt8, _ port: UInt16 = 0) -> String {
        PFFirstMatchOracle.evaluate(ep, from: src, to: dst, proto: proto, port: port)?.description ?? "bad address"
    }

    private let tcp = IPProtocol.tcp
    private let udp = IPProtocol.udp

    @Test func enforcementPointShape() {
        #expect(ep.name == "fw1.example.test")
        #expect(ep.vendor == "pfsense")
        #expect(ep.interzoneDefault == .deny && ep.intrazoneDefault == .deny)
        #expect(ep.zones.map(\.name) == ["wan", "lan", "opt1", "opt2"])
        let opt1 = ep.zones[2]
        #expect(opt1.subnets.map(\.text) == ["10.1.0.1/24"])
        #expect(opt1.subnets[0].origin == "interface opt1 (igb2.60, VLAN 60 on igb2, CUI) of fw1.example.test")
        #expect(ep.zones[3].subnets.map(\.text) == ["10.2.0.1/24", "2001:db8:2::1/64"])
        // The defaults are located at the <filter> element.
        #expect(ep.location.line == 95)
    }

    @Test func nonQuickFloatingRulesLastMatchWins() {
        // F1 (pass) then F2 (block) both match: the later one decides.
        #expect(verdict("10.0.0.5", "10.1.0.50", tcp, 22) == "deny by F2 nonquick block host")
        // F4 (block) then F5 (pass): F5 decides.
        #expect(verdict("10.0.0.5", "10.1.0.60", tcp, 25) == "allow by F5 nonquick pass host")
        // A non-quick pass overrides the default block when nothing quick matches.
        #expect(verdict("10.2.0.5", "10.1.0.50", tcp, 22) == "allow by F3 nonquick pass opt2 ssh")
    }

    @Test func quickFloatingRuleBeatsInterfaceRules() throws {
        #expect(verdict("10.0.0.5", "198.51.100.7", tcp, 23) == "deny by FQ quick block telnet")
        #expect(verdict("10.2.0.5", "198.51.100.7", tcp, 23) == "deny by FQ quick block telnet")
        // Quick interface rules come before the non-quick floating rules, which are reversed.
        let names = ep.rules.map(\.name)
        let l0 = try #require(names.firstIndex(of: "L0 lan to jump host"))
        let f5 = try #require(names.firstIndex(of: "F5 nonquick pass host"))
        let f4 = try #require(names.firstIndex(of: "F4 nonquick block smtp"))
        #expect(l0 < f5 && f5 < f4)
    }

    @Test func groupRulesComeBeforeInterfaceRules() {
        #expect(verdict("10.0.0.5", "10.9.9.99", tcp, 443) == "deny by G block 99")
        #expect(verdict("10.2.0.5", "10.9.9.99", tcp, 443) == "deny by G block 99")
        let g = ep.rules.first { $0.name == "G block 99" }
        #expect(g?.from == .zones(["lan", "opt2"]))
    }

    @Test func nestedAliasesAndPortAliases() {
        // SRV_ALL → SRV_B → SRV_A (two levels), PORTS_ALL → PORTS_WEB with an 8000:8080 range.
        #expect(verdict("10.0.0.5", "10.1.0.11", tcp, 8005) == "allow by L1 web to servers")
        #expect(verdict("10.0.0.5", "10.1.0.12", tcp, 443) == "allow by L1 web to servers")
        #expect(verdict("10.0.0.5", "10.1.0.200", tcp, 80) == "allow by L1 web to servers")
        #expect(verdict("10.0.0.5", "10.1.0.11", tcp, 8081) == "deny by default")
        #expect(verdict("10.0.0.5", "10.1.0.13", tcp, 443) == "deny by default")
        let l1 = ep.rules.first { $0.name == "L1 web to servers" }
        #expect(l1?.destination.addresses.summary == "10.1.0.10-10.1.0.12,10.1.0.128/25")
        #expect(l1?.services.summary == "tcp/80,443,8000-8080")
        #expect(l1?.uuid == "302")
    }

    @Test func portRange() {
        #expect(verdict("10.0.0.5", "10.1.0.5", tcp, 2000) == "allow by L2 port range")
        #expect(verdict("10.0.0.5", "10.1.0.5", tcp, 2010) == "allow by L2 port range")
        #expect(verdict("10.0.0.5", "10.1.0.5", tcp, 2011) == "deny by default")
        #expect(verdict("10.0.0.5", "10.1.0.5", udp, 2005) == "deny by default")
    }

    @Test func disabledRuleStaysButNeverMatches() {
        let l3 = ep.rules.first { $0.name == "L3 disabled any to cui" }
        #expect(l3?.disabled == true)
        #expect(verdict("10.0.0.5", "10.1.0.77", udp, 53) == "deny by default")
        #expect(ruleSet.counts["disabled"] == 1)
    }

    @Test func negatedDestination() throws {
        #expect(verdict("10.0.0.5", "198.51.100.7", tcp, 443) == "allow by L4 anything but cui")
        #expect(verdict("10.0.0.5", "10.1.0.77", tcp, 443) == "deny by default")
        let l4 = try #require(ep.rules.first { $0.name == "L4 anything but cui" })
        #expect(l4.destination.negated)
        #expect(!l4.destination.addresses.contains(try #require(IPAddress("10.1.0.1"))))
        // inet rule: the negation stays within IPv4.
        #expect(!l4.destination.addresses.contains(try #require(IPAddress("2001:db8::1"))))
        #expect(ruleSet.counts["negated"] == 1)
    }

    @Test func inet6OnlyRule() {
        #expect(verdict("2001:db8:2::5", "2001:db8:ffff::1", tcp, 443) == "allow by O1 lab ipv6 only")
        #expect(verdict("10.2.0.5", "198.51.100.7", tcp, 443) == "deny by default")
    }

    @Test func egressFloatingRule() {
        #expect(verdict("10.0.0.5", "10.1.0.20", udp, 161) == "deny by FO block snmp into opt1")
        #expect(verdict("10.0.0.5", "10.1.0.20", udp, 162) == "allow by L0 lan to jump host")
        #expect(ep.egressRules.map(\.name) == ["FO block snmp into opt1"])
        #expect(ep.egressRules.first?.to == .zones(["opt1"]))
        #expect(ep.egressRules.first?.from == .any)
    }

    @Test func implicitRules() {
        #expect(verdict("10.0.0.5", "10.0.0.1", tcp, 443) == "allow by Anti-Lockout Rule")
        #expect(verdict("10.5.5.5", "10.1.0.10", tcp, 443) == "deny by Block private networks (wan)")
        #expect(verdict("198.51.100.7", "10.1.0.10", tcp, 443) == "allow by W1 NAT web")
        #expect(verdict("198.51.100.7", "10.1.0.10", tcp, 22) == "deny by default")
        #expect(Array(ep.rules.prefix(3).map(\.name))
            == ["Block private networks (wan)", "Block bogon networks (wan)", "Anti-Lockout Rule"])
        #expect(ep.rules[1].source.unresolved == ["bogons (table downloaded at run time)"])
    }

    @Test func unresolvedAliasIsReportedNotDropped() throws {
        let l5 = try #require(ep.rules.first { $0.name == "L5 block feed" })
        #expect(l5.destination.addresses.isEmpty)
        #expect(l5.destination.unresolved.count == 1)
        #expect(l5.hasUnresolved)
        #expect(ruleSet.counts["unresolved"] == 1)
    }

    @Test func countsAndProvenance() throws {
        #expect(ruleSet.counts["rules"] == 16)
        #expect(ruleSet.counts["floating"] == 7)
        #expect(ruleSet.counts["aliases"] == 7)
        #expect(ep.rules.count + ep.egressRules.count == 16 + 3)
        let w1 = try #require(ep.rules.first { $0.name == "W1 NAT web" })
        #expect(w1.location.line == 255)
        #expect(w1.action == .allow)
        #expect(ruleSet.diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
