import Testing

@testable import CUIScope

@Suite("Real-world samples: pfSense and OPNsense", .tags(.samples), .samplesPresent)
struct PFSenseRealWorldTests {
    /// Independent counts, computed with Python's ElementTree (no xmllint on the build host):
    /// `python3 -c "import xml.etree.ElementTree as E,sys; r=E.parse(sys.argv[1]).getroot();
    ///  print(len(r.findall('filter/rule')), len(r.findall('OPNsense/Firewall/Filter/rules/rule')),
    ///  len(r.findall('filter/rule/disabled')), len(r.findall('aliases/alias'))
    ///  + len(r.findall('OPNsense/Firewall/Alias/aliases/alias')), len(r.find('interfaces')))" FILE`
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var legacy: Int
        var mvc: Int
        var disabled: Int
        var aliases: Int
        var interfaces: Int
        var description: String { file }
    }

    static let samples: [Expected] = [
        Expected(file: "opndossier_opnsense-aliases.xml", legacy: 2, mvc: 0, disabled: 0, aliases: 6, interfaces: 2),
        Expected(file: "opndossier_opnsense_sample.config.6.xml", legacy: 51, mvc: 0, disabled: 1, aliases: 0,
                 interfaces: 54),
        Expected(file: "opndossier_pfsense_config-pfSense.xml", legacy: 13, mvc: 0, disabled: 0, aliases: 0,
                 interfaces: 7),
        Expected(file: "opnsense-core_config.xml.sample.xml", legacy: 0, mvc: 2, disabled: 0, aliases: 0,
                 interfaces: 2),
    ]

    @Test(arguments: samples)
    func readsWithIndependentCounts(_ s: Expected) throws {
        let rs = try loadPFSense(TestPaths.realWorld("pfsense-opnsense/\(s.file)"))
        #expect(rs.counts["rules"] == s.legacy + s.mvc)
        #expect(rs.counts["legacy_rules"] == s.legacy)
        #expect(rs.counts["mvc_rules"] == s.mvc)
        #expect(rs.counts["disabled"] == s.disabled)
        #expect(rs.counts["aliases"] == s.aliases)
        let ep = try #require(rs.enforcementPoints.first)
        #expect(ep.zones.count == s.interfaces)
        // Every user rule is in the compiled lists (floating `any` rules in both legs).
        let user = (ep.rules + ep.egressRules).filter { !$0.notes.contains { $0.hasPrefix("implicit") } }
        #expect(Set(user.map(\.location)).count == s.legacy + s.mvc)
        #expect(rs.diagnostics.allSatisfy { $0.severity != .error })
    }

    @Test func pfSenseSample() throws {
        let rs = try loadPFSense(TestPaths.realWorld("pfsense-opnsense/opndossier_pfsense_config-pfSense.xml"))
        let ep = try #require(rs.enforcementPoints.first)
        #expect(ep.vendor == "pfsense" && ep.name == "pfSense.localdomain")
        #expect(rs.counts["floating"] == 1)
        // The floating `any` rule on WAN is on both legs; it depends on a pf tag.
        let floating = ep.rules.filter { $0.name == "Disable Mullvad WAN Egress" }
        #expect(floating.count == 1 && floating[0].unevaluated == ["tagged MULLVAD_NO_WAN_EGRESS"])
        #expect(ep.egressRules.map(\.name) == ["Disable Mullvad WAN Egress"])
        // Rules without <type> are pass rules (NAT port forwards).
        let nat = try #require(ep.rules.first { $0.name == "NAT HTTP to webserver" })
        #expect(nat.action == .allow && nat.services.summary == "tcp/80 udp/80")
        // (self) holds the LAN address; the DHCP WAN address is reported as unresolved.
        let selfRule = try #require(ep.rules.first { $0.name == "1585138184" })
        #expect(selfRule.destination.addresses.contains(try #require(IPAddress("192.168.1.1"))))
        #expect(selfRule.destination.unresolved.contains { $0.hasPrefix("wan address (dhcp") })
        #expect(selfRule.uuid == "1585138184")
        let oracle = { (s: String, d: String, p: UInt8, port: UInt16) in
            PFFirstMatchOracle.evaluate(ep, from: s, to: d, proto: p, port: port)?.description
        }
        #expect(oracle("10.0.2.5", "10.0.3.5", IPProtocol.tcp, 80) == "allow by Allow VLAN2 to any rule NO VPN")
        #expect(oracle("10.9.9.9", "10.0.2.2", IPProtocol.tcp, 80) == "deny by Block private networks (wan)")
        #expect(oracle("10.0.3.7", "10.0.3.1", IPProtocol.udp, 53) == "deny by Block VLAN3 local DNS leak")
        #expect(oracle("192.168.1.9", "192.168.1.1", IPProtocol.tcp, 443) == "allow by Anti-Lockout Rule")
        #expect(ep.zones.first { $0.name == "opt4" }?.subnets.first?.origin
            == "interface opt4 (igb2.2, VLAN 2 on igb2, VLAN2) of pfSense.localdomain")
    }

    @Test func opnsenseAliasesSample() throws {
        let rs = try loadPFSense(TestPaths.realWorld("pfsense-opnsense/opndossier_opnsense-aliases.xml"))
        let root = try XMLReader.document(TestPaths.realWorld("pfsense-opnsense/opndossier_opnsense-aliases.xml"))
        var ctx = PFSenseContext(lenient: false, vendor: "opnsense")
        let ifaces = PFInterfaces.parse(root, &ctx)
        let aliases = PFAliases.parse(root, &ctx)
        let all = aliases.addresses(of: "ALL_SERVERS", &ctx, ifaces)
        #expect(all.set.summary == "10.20.30.40/31,10.20.30.50")
        let mixed = aliases.addresses(of: "MIXED_TYPES", &ctx, ifaces)
        #expect(mixed.set.summary == "10.20.30.60,198.51.100.0/24,203.0.113.20")
        #expect(mixed.unresolved.count == 1)
        #expect(aliases.ports(of: "WEB_PORTS", &ctx).ranges == [80...80, 443...443])
        #expect(!ctx.log.hasErrors)
        #expect(rs.counts["aliases"] == 6)
    }

    @Test func opnsenseFactoryDefaultHasOnlyMVCRules() throws {
        let rs = try loadPFSense(TestPaths.realWorld("pfsense-opnsense/opnsense-core_config.xml.sample.xml"))
        let ep = try #require(rs.enforcementPoints.first)
        let names = ep.rules.map(\.name)
        #expect(names == ["Block private networks (wan)", "Block bogon networks (wan)", "Anti-Lockout Rule",
                          "Default allow LAN to any rule", "Default allow LAN IPv6 to any rule"])
        // The IPv6 rule's source is the track6/idassoc6 LAN prefix: unknown offline, reported.
        #expect(ep.rules[4].source.unresolved == ["lan network (idassoc6 address assigned at run time)"])
        #expect(ep.rules[3].source.unresolved.isEmpty)
    }
}
