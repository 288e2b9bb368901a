import Testing
@testable import CUIScope

/// Per-packet verdicts of two hand-written ASA configurations, each derived by hand from
/// Cisco's ASA firewall configuration guide ("Access Rules": interface rule, then global rule,
/// then implicit deny; implicit permit from a higher to a lower security level only without an
/// access rule; outbound rules on the leaving interface; management access is not an access
/// rule) and its interface chapter (same security level and hairpinning need
/// `same-security-traffic`). The expected column is the reasoning's result, written before
/// the reader existed and independent of its code; the engine must agree on every packet.
@Suite struct ASASemanticsTests {
    struct Packet: CustomStringConvertible {
        let src: String, dst: String, proto: UInt8, port: UInt16, allow: Bool, why: String
        var description: String { "\(src) → \(dst) \(IPProtocol.name(proto))/\(port): \(why)" }
    }

    static func p(_ src: String, _ dst: String, _ proto: UInt8, _ port: UInt16, _ allow: Bool, _ why: String) -> Packet {
        Packet(src: src, dst: dst, proto: proto, port: port, allow: allow, why: why)
    }

    static let tcp: UInt8 = 6, udp: UInt8 = 17, icmp: UInt8 = 1, gre: UInt8 = 47

    /// semantics.conf: inside 100 (no ACL), dmz 50 (no ACL, dmz_out outbound), dmz2 50 (permit
    /// any), partner 20 (partner_in), lab 30 shut down, outside 0 (outside_in); no
    /// same-security-traffic.
    static let semantics: [Packet] = [
        p("10.1.2.3", "10.2.0.10", tcp, 443, true, "100→50 implicit permit, dmz_out line 1"),
        p("10.1.2.3", "10.2.0.10", tcp, 22, false, "implicit permit in, dmz_out implicit deny"),
        p("10.1.2.3", "10.2.0.11", tcp, 443, false, "dmz_out names WEB only"),
        p("10.1.2.3", "10.5.0.15", tcp, 3389, true, "100→20 implicit permit, no outbound ACL"),
        p("10.1.2.3", "8.8.8.8", udp, 53, true, "default route to outside, 100→0"),
        p("10.2.0.10", "10.1.2.3", tcp, 445, false, "50→100 without an ACL"),
        p("10.2.0.10", "10.3.0.5", tcp, 80, false, "same level 50, inter-interface not permitted"),
        p("10.3.0.5", "10.2.0.10", tcp, 443, false, "same level: dmz2_in's permit does not lift it"),
        p("10.3.0.5", "10.1.2.3", tcp, 445, true, "dmz2_in permits 50→100"),
        p("10.2.0.10", "10.5.0.15", udp, 161, true, "50→20 implicit permit"),
        p("10.2.0.10", "10.6.0.5", tcp, 80, false, "lab is shut down"),
        p("10.1.2.3", "10.6.0.5", tcp, 80, false, "lab is shut down"),
        p("10.5.0.12", "10.2.0.10", tcp, 80, true, "partner_in line 2 (range, www), dmz_out line 2"),
        p("10.5.0.12", "10.2.0.10", tcp, 8005, true, "port-object range 8000-8010"),
        p("10.5.0.12", "10.2.0.10", tcp, 443, false, "not in WEBPORTS; line 6 denies tcp below 1024"),
        p("10.5.0.21", "10.2.0.10", tcp, 80, false, "outside the object range; line 6"),
        p("10.5.0.30", "10.1.5.5", udp, 53, true, "name fileserver, MIXED via nested DNS-ONLY"),
        p("10.5.0.30", "10.1.5.5", tcp, 8443, true, "MIXED via service-object object"),
        p("10.5.0.30", "10.1.5.5", tcp, 53, false, "domain is udp only here; line 6"),
        p("10.5.0.30", "10.1.5.5", gre, 0, true, "protocol group TUNNELS to any4"),
        p("10.5.0.30", "10.1.5.5", icmp, 0, true, "icmp with an icmp-type group (type not evaluated)"),
        p("10.5.0.30", "10.1.5.6", tcp, 1023, false, "lt 1024 deny comes first"),
        p("10.5.0.30", "10.1.5.6", tcp, 1024, true, "gt 1023"),
        p("10.5.0.30", "10.1.5.7", tcp, 3389, false, "neq 3389, then implicit deny"),
        p("10.5.0.30", "10.1.5.7", tcp, 8080, true, "neq 3389; time-range treated as active"),
        p("10.5.0.30", "10.1.5.8", udp, 5005, false, "the matching ACE is inactive"),
        p("10.5.0.30", "10.1.5.9", udp, 500, false, "fqdn object matches nothing offline; implicit deny"),
        p("10.5.0.30", "10.2.0.10", udp, 53, false, "MIXED is to fileserver only"),
        p("203.0.113.5", "10.2.0.10", tcp, 443, true, "outside_in line 1, dmz_out line 1"),
        p("203.0.113.5", "10.2.0.10", tcp, 80, false, "outside_in implicit deny"),
        p("203.0.113.5", "10.1.2.3", tcp, 443, false, "outside_in implicit deny"),
        p("198.51.100.7", "198.51.100.1", tcp, 22, true, "ssh management line for the outside network"),
        p("203.0.113.5", "198.51.100.1", tcp, 22, false, "ssh not opened for that source"),
        p("10.1.2.3", "10.1.0.1", tcp, 443, false, "no http line: the device is closed"),
        p("10.1.2.3", "10.1.0.1", icmp, 0, true, "ICMP to the arrival interface without icmp rules"),
        p("10.1.2.3", "10.2.0.1", icmp, 0, false, "ICMP to a far interface"),
        p("2001:db8:1::5", "2001:db8:ff::9", tcp, 80, true, "IPv6 100→0 implicit permit"),
        p("2001:db8:1::5", "2001:db8:77::9", tcp, 80, true, "IPv6 default route to outside"),
    ]

    /// global.conf: inside 100 (inside_in), dmz and dmz2 50, outside 0, a global ACL, and both
    /// same-security-traffic permits.
    static let global: [Packet] = [
        p("10.10.0.5", "10.20.0.9", tcp, 80, true, "inside_in line 2"),
        p("10.10.0.5", "10.20.0.9", tcp, 23, false, "inside_in line 1 denies before the global ACL"),
        p("10.10.0.5", "10.20.0.5", udp, 123, true, "inside_in no match, global line 2"),
        p("10.10.0.5", "10.20.0.9", tcp, 22, false, "global ACL present: no implicit permit 100→50"),
        p("10.20.0.9", "10.30.0.9", tcp, 22, false, "same level allowed, but the global ACL ends in deny"),
        p("10.30.0.9", "10.20.0.5", udp, 123, true, "global line 2, same level permitted"),
        p("2001:db8:10::5", "2001:db8::9", tcp, 443, true, "any4 misses IPv6; global any6 line"),
        p("10.10.0.5", "192.0.2.9", tcp, 443, false, "any6 misses IPv4"),
        p("10.10.0.5", "10.99.0.5", tcp, 80, true, "hairpin permitted by intra-interface, inside_in line 2"),
        p("10.10.0.5", "10.99.0.5", tcp, 22, false, "hairpin, no ACE matches"),
        p("192.0.2.9", "10.10.0.5", tcp, 443, false, "outside: global only, no match"),
    ]

    static func check(_ fixture: String, _ packets: [Packet]) throws -> Int {
        let set = try RulesReader.read(path: TestPaths.fixture("asa/\(fixture)"))
        let engine = ReachabilityEngine(topology: Topology(enforcementPoints: set.enforcementPoints))
        var agree = 0
        for packet in packets {
            let answer = engine.evaluate(source: IPAddress(packet.src)!, destination: IPAddress(packet.dst)!,
                                         services: .ports(packet.proto, packet.port, packet.port))
            #expect((answer.decision == .allow) == packet.allow, "\(fixture): \(packet)")
            if (answer.decision == .allow) == packet.allow { agree += 1 }
        }
        return agree
    }

    @Test func everySemanticAgreesWithTheHandDerivedTable() throws {
        let agree = try Self.check("semantics.conf", Self.semantics) + Self.check("global.conf", Self.global)
        #expect(Self.semantics.count + Self.global.count >= 45)
        print("ASA oracle agreement: \(agree) of \(Self.semantics.count + Self.global.count) packets")
    }
}
