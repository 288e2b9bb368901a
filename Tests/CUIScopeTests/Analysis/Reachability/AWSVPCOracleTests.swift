import Foundation
import Testing
@testable import CUIScope

/// Per-packet decisions on `Fixtures/aws/vpc-combined.json`, derived by hand from the AWS
/// documentation, never from the reader: security groups are allow-only and the groups of an
/// interface add up; a group reference means the private addresses of the interfaces carrying
/// that group; network ACL entries are processed in ascending rule number, the first match
/// decides, and the `*` entry denies; NACLs filter traffic crossing a subnet boundary, not
/// traffic within one subnet, which only the groups see; a packet leaves a subnet only where its
/// route table has an active route (a blackhole route drops it); a peering connection carries
/// traffic between the two VPCs' CIDR blocks; an Internet gateway reaches only interfaces with a
/// public IP; an IPv6 entry (`::/0`, entry #50 of acl-000000ab) never matches IPv4. Return traffic is not checked (docs/FORMATS.md, AWS VPC).
@Suite struct AWSVPCOracleTests {
    /// (source, destination, service, allowed, why) — the reasoning, per the documentation.
    static let packets: [(String, String, String, Bool, String)] = [
        ("10.0.1.10", "10.0.2.20", "tcp/5432", true, "web egress to sg-db; NACL in #120; db ingress from sg-web"),
        ("10.0.1.10", "10.0.2.20", "tcp/5433", false, "web egress only tcp/5432"),
        ("10.0.1.11", "10.0.2.20", "tcp/5432", true, "two groups add up; a2 carries sg-web, so db's reference covers it"),
        ("10.0.1.12", "10.0.2.20", "tcp/5432", false, "sg-empty has no egress rule"),
        ("10.0.1.11", "10.0.1.10", "tcp/22", true, "same subnet: no NACL; web ingress tcp/22 from sg-admin"),
        ("10.0.1.12", "10.0.1.10", "tcp/22", false, "same subnet still meets the source's groups"),
        ("10.0.1.11", "10.0.1.10", "tcp/443", true, "web ingress tcp/443 from anywhere"),
        ("10.0.1.10", "10.0.1.11", "tcp/22", false, "web egress: tcp/5432 to sg-db, the prefix list is unresolved"),
        ("10.0.2.20", "10.0.2.21", "tcp/9000", true, "self-referencing group both ways"),
        ("10.0.2.20", "10.0.2.21", "tcp/5432", false, "db egress only tcp/9000"),
        ("172.31.1.40", "10.0.2.20", "tcp/5432", true, "peering; NACL #110 is 5433 only, #120 misses 172.31, #130 allows"),
        ("172.31.1.40", "10.0.2.20", "tcp/5433", false, "NACL #110 deny comes before #130 allow"),
        ("172.31.1.40", "10.0.1.10", "tcp/443", true, "NACL #100 (listed second in the file) allows 443"),
        ("10.0.2.20", "172.31.1.40", "tcp/443", false, "db egress only tcp/9000"),
        ("10.0.1.11", "172.31.1.40", "tcp/443", false, "peer group ingress only tcp/80"),
        ("10.0.1.11", "172.31.1.40", "tcp/80", true, "main table routes 172.31/16 to the peering; peer ingress tcp/80"),
        ("10.0.3.30", "172.31.1.40", "tcp/80", false, "subnet c's route to the peer is a blackhole"),
        ("10.0.1.10", "10.0.3.30", "icmp", false, "web egress has no ICMP"),
        ("10.0.1.11", "10.0.3.30", "icmp", true, "subnet c's NACL allows protocol 1 inbound"),
        ("10.0.1.11", "10.0.3.30", "tcp/22", false, "subnet c's NACL: only ICMP, then the * deny"),
        ("8.8.8.8", "10.0.1.10", "tcp/443", true, "a1 has a public IP; NACL #100; web ingress 443"),
        ("8.8.8.8", "10.0.2.20", "tcp/5432", false, "b1 has no public IP: the Internet gateway does not reach it"),
        ("10.0.1.11", "8.8.8.8", "tcp/443", true, "main table 0.0.0.0/0 to the Internet gateway"),
        ("10.0.2.22", "8.8.8.8", "tcp/443", false, "subnet b's table has no route to the Internet"),
        ("10.0.2.22", "10.0.1.10", "tcp/443", true, "local route; NACL in #100; web ingress 443"),
        ("10.0.1.11", "10.0.2.20", "tcp/5433", false, "admin egress allows, NACL #110 denies first"),
        ("10.0.1.99", "10.0.1.10", "tcp/443", false, "an address with no interface has no group to leave by"),
        ("10.0.1.11", "10.0.2.20", "udp/53", false, "db ingress is TCP only"),
        ("172.31.1.40", "10.0.3.30", "tcp/80", false, "subnet c's NACL denies all but ICMP"),
        ("172.31.1.40", "10.0.3.30", "icmp", true, "forward direction only: the blackholed return route is not checked"),
        ("10.0.1.10", "10.0.2.21", "tcp/5432", true, "the reference to sg-db covers both of its interfaces"),
        ("10.0.2.22", "10.0.2.20", "tcp/9000", false, "b3 does not carry sg-db, which db's tcp/9000 ingress names"),
        ("172.31.1.40", "10.0.2.22", "tcp/80", false, "sg-admin has no ingress rule"),
        ("10.0.2.21", "172.31.1.40", "tcp/9000", false, "db egress tcp/9000 names only sg-db members"),
    ]

    static func engine() throws -> ReachabilityEngine {
        let set = try RulesReader.read(path: TestPaths.fixture("aws/vpc-combined.json"), displayName: "vpc.json")
        return ReachabilityEngine(topology: Topology(enforcementPoints: set.enforcementPoints))
    }

    @Test func everyPacketMatchesTheDocumentedDecision() throws {
        let e = try Self.engine()
        var allowed = 0
        for (src, dst, svc, want, why) in Self.packets {
            let answer = e.evaluate(source: IPAddress(src)!, destination: IPAddress(dst)!, services: ServiceSet.parse(svc)!)
            #expect((answer.decision == .allow) == want, "\(src) -> \(dst) \(svc): \(why)")
            if want { allowed += 1 }
        }
        #expect(Self.packets.count == 34 && allowed == 14)
    }

    @Test func deniedPathsNameTheDecidingResource() throws {
        let e = try Self.engine()
        func denyingRule(_ s: String, _ d: String, _ svc: String) -> String? {
            let a = e.evaluate(source: IPAddress(s)!, destination: IPAddress(d)!, services: ServiceSet.parse(svc)!)
            return a.breakdown.first { $0.decision == .deny }?.hops.last?.rule
        }
        #expect(denyingRule("172.31.1.40", "10.0.2.20", "tcp/5433") == "acl-000000ab inbound rule #110")
        #expect(denyingRule("10.0.3.30", "172.31.1.40", "tcp/80") == "rtb-0000000c: no route")
        #expect(denyingRule("10.0.1.11", "10.0.3.30", "tcp/22") == "acl-0000000c inbound rule *")
        #expect(denyingRule("10.0.1.12", "10.0.2.20", "tcp/5432") == "security groups of subnet-0000000a egress: implicit deny")
        let ok = e.evaluate(source: IPAddress("10.0.1.10")!, destination: IPAddress("10.0.2.20")!, services: ServiceSet.parse("tcp/5432")!)
        let rules = ok.breakdown[0].hops.compactMap(\.rule)
        #expect(rules == ["sg-0000000b (web) egress #1", "acl-000000ab outbound rule #100",
                          "sg-0000000d (db) ingress #1", "acl-000000ab inbound rule #120"])
    }
}
