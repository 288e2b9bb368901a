import Foundation
import Testing
@testable import CUIScope

/// Per-packet decisions of the demo SRX configuration (`Fixtures/srx-demo/srx.set` and its XML
/// form), derived by hand from Juniper's documentation of security policy evaluation, not from
/// the reader: the policies of the packet's zone pair are checked in configuration order and the
/// first match decides; when none matches, the global policies are checked in order (a global
/// policy without `from-zone`/`to-zone` applies to every pair); then the default policy
/// (`deny-all` here), which also decides traffic within one zone. `source-address-excluded`
/// matches every source except the listed ones; an inactive (`deactivate`) policy is ignored; a
/// `dns-name` address without a hosts mapping, and a predefined application unknown to us, match
/// nothing. Predefined applications: junos-http tcp/80, junos-https tcp/443, junos-ssh tcp/22,
/// junos-smtp tcp/25, junos-dns-udp udp/53, junos-dns-tcp tcp/53, junos-ping ICMP echo.
@Suite struct SRXPacketOracleTests {
    /// from zone, to zone, source, destination, protocol, port, expected: allowed, deciding policy
    /// (nil = the default policy).
    typealias Packet = (String, String, String, String, String, UInt16, Bool, String?)

    static let table: [Packet] = [
        // corp → enclave: deny before permit, address-set nesting, app-set nesting, inactive policy.
        ("corp", "enclave", "10.10.0.42", "10.50.0.10", "tcp", 3389, false, "no-helpdesk-rdp"),
        ("corp", "enclave", "10.10.0.42", "10.50.0.10", "tcp", 22, true, "admin-in"),
        ("corp", "enclave", "10.10.0.5", "10.50.0.25", "tcp", 3389, true, "admin-in"),
        ("corp", "enclave", "10.10.0.5", "10.50.0.30", "tcp", 22, false, nil),
        ("corp", "enclave", "10.10.0.5", "10.50.0.10", "icmp", 0, true, "admin-in"),
        ("corp", "enclave", "10.10.0.77", "10.50.0.10", "tcp", 8443, false, nil),
        ("corp", "enclave", "10.10.0.77", "10.50.0.10", "udp", 9000, false, nil),
        ("corp", "enclave", "10.10.0.77", "10.50.0.10", "tcp", 443, true, "corp-web-out"),
        ("corp", "enclave", "10.10.0.42", "10.50.0.10", "tcp", 80, true, "corp-web-out"),
        ("corp", "enclave", "10.10.0.48", "10.50.0.10", "tcp", 22, false, nil),
        // enclave → corp: wildcard-address 10.10.0.200/255.255.0.254 holds .200 and .201.
        ("enclave", "corp", "10.50.0.21", "10.10.0.200", "tcp", 80, true, "ws-to-printers"),
        ("enclave", "corp", "10.50.0.21", "10.10.0.201", "tcp", 80, true, "ws-to-printers"),
        ("enclave", "corp", "10.50.0.21", "10.10.0.202", "tcp", 80, false, "block-enclave-egress"),
        ("enclave", "corp", "10.50.0.10", "10.10.0.200", "tcp", 80, false, "block-enclave-egress"),
        ("enclave", "corp", "10.50.0.21", "10.10.0.200", "tcp", 443, false, "block-enclave-egress"),
        ("enclave", "corp", "2001:db8:50::5", "10.10.0.200", "tcp", 80, false, "block-enclave-egress"),
        // enclave → untrust: the dns-name destination matches nothing; global order.
        ("enclave", "untrust", "10.50.0.10", "198.51.100.7", "tcp", 443, false, "block-enclave-egress"),
        ("enclave", "untrust", "10.50.0.10", "8.8.8.8", "udp", 53, false, "block-enclave-egress"),
        ("enclave", "enclave", "10.50.0.10", "10.50.0.21", "tcp", 445, false, "block-enclave-egress"),
        // untrust → dmz: address book attached to the dmz zone.
        ("untrust", "dmz", "198.51.100.7", "10.20.0.10", "tcp", 80, true, "web-in"),
        ("untrust", "dmz", "198.51.100.7", "10.20.0.10", "tcp", 443, true, "web-in"),
        ("untrust", "dmz", "198.51.100.7", "10.20.0.10", "tcp", 25, false, nil),
        ("untrust", "dmz", "198.51.100.7", "10.20.0.25", "tcp", 25, true, "mail-in"),
        ("untrust", "dmz", "198.51.100.7", "10.20.0.25", "tcp", 80, false, nil),
        // corp → dmz: source-address-excluded, unknown predefined application.
        ("corp", "dmz", "10.10.0.77", "10.20.0.10", "tcp", 80, true, "not-admins-web"),
        ("corp", "dmz", "10.10.0.5", "10.20.0.10", "tcp", 80, true, "corp-web-out"),
        ("corp", "dmz", "10.10.0.5", "10.20.0.10", "tcp", 8080, false, nil),
        ("corp", "dmz", "10.10.0.77", "10.20.0.25", "tcp", 443, true, "not-admins-web"),
        ("corp", "dmz", "10.10.0.77", "10.20.0.99", "tcp", 443, true, "corp-web-out"),
        // global policies with and without zone conditions.
        ("corp", "untrust", "10.10.0.77", "8.8.8.8", "udp", 53, true, "dns-out"),
        ("corp", "untrust", "10.10.0.77", "8.8.8.8", "tcp", 53, true, "dns-out"),
        ("corp", "untrust", "10.10.0.77", "8.8.8.8", "tcp", 443, true, "corp-web-out"),
        ("corp", "untrust", "10.10.0.77", "8.8.8.8", "tcp", 22, false, nil),
        ("dmz", "untrust", "10.20.0.10", "8.8.8.8", "udp", 53, true, "dns-out"),
        ("dmz", "untrust", "10.20.0.10", "8.8.8.8", "tcp", 443, false, nil),
        ("untrust", "corp", "198.51.100.7", "10.10.0.77", "tcp", 443, false, nil),
        ("untrust", "enclave", "198.51.100.7", "10.50.0.10", "tcp", 443, false, nil),
        // within one zone the default policy decides too.
        ("corp", "corp", "10.10.0.5", "10.10.0.77", "tcp", 443, true, "corp-web-out"),
        ("corp", "corp", "10.10.0.5", "10.10.0.77", "tcp", 445, false, nil),
    ]

    /// The model's first match for one packet: the first enabled rule whose zones, addresses and
    /// services hold it, else the default.
    static func decide(_ ep: EnforcementPoint, _ p: Packet) -> (Bool, String?) {
        let key = ServiceSet.key(proto: IPProtocol.number(p.4)!, port: p.5)
        for r in ep.rules where r.appliesTo(fromZone: p.0, toZone: p.1) {
            if r.source.addresses.contains(IPAddress(p.2)!), r.destination.addresses.contains(IPAddress(p.3)!),
               r.services.contains(key) {
                return (r.action == .allow, r.name)
            }
        }
        return ((p.0 == p.1 ? ep.intrazoneDefault : ep.interzoneDefault) == .allow, nil)
    }

    @Test(arguments: ["srx.set", "srx.xml"])
    func everyPacketOfTheTableIsDecidedAsDocumented(file: String) throws {
        let set = try RulesReader.read(path: TestPaths.demo("srx-demo/\(file)"), displayName: file)
        let ep = try #require(set.enforcementPoints.first)
        #expect(Self.table.count >= 36)
        var agree = 0
        for p in Self.table {
            let got = Self.decide(ep, p)
            #expect(got.0 == p.6 && got.1 == p.7, "\(p): got \(got)")
            if got.0 == p.6 && got.1 == p.7 { agree += 1 }
        }
        print("SRX oracle agreement (\(file)): \(agree)/\(Self.table.count) packets")
    }

    @Test(arguments: ["srx.set", "srx.xml", "proposed.set"])
    func agreesWithTheIndependentOracleOnGeneratedPackets(file: String) throws {
        let setFile = file == "proposed.set" ? "proposed.set" : "srx.set"
        let oracle = SRXOracle(text: try String(contentsOfFile: TestPaths.demo("srx-demo/\(setFile)"), encoding: .utf8))
        let ep = try #require(try RulesReader.read(path: TestPaths.demo("srx-demo/\(file)")).enforcementPoints.first)
        let zones = ["untrust", "corp", "dmz", "enclave"]
        let ips = ["198.51.100.7", "10.10.0.5", "10.10.0.42", "10.10.0.77", "10.10.3.201", "10.10.0.200", "10.20.0.10",
                   "10.20.0.25", "10.50.0.10", "10.50.0.21", "10.50.0.30"]
        let services: [(String, UInt16)] = [("tcp", 22), ("tcp", 25), ("tcp", 53), ("tcp", 80), ("tcp", 443),
                                            ("tcp", 3389), ("tcp", 8444), ("udp", 53), ("udp", 9000), ("icmp", 0)]
        var compared = 0, agree = 0, allowed = 0
        for f in zones { for t in zones { for s in ips { for d in ips { for svc in services {
            let want = oracle.decide(from: f, to: t, src: s, dst: d, proto: svc.0, port: Int(svc.1))
            let got = Self.decide(ep, (f, t, s, d, svc.0, svc.1, false, nil))
            #expect(want.0 == got.0 && want.1 == got.1, "\(file) \(f)->\(t) \(s)->\(d) \(svc): oracle \(want), model \(got)")
            compared += 1
            if want.0 == got.0 && want.1 == got.1 { agree += 1 }
            if want.0 { allowed += 1 }
        } } } } }
        #expect(compared == 19360 && allowed > 0 && allowed < compared)
        print("SRX generated-packet oracle agreement (\(file)): \(agree)/\(compared) packets, \(allowed) allowed")
    }
}
