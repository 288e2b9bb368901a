import Foundation
import Testing
@testable import CUIScope

/// Per-packet decisions on `Fixtures/azure/` (az network nsg/vnet/nic list), derived by hand from
/// Azure's documentation, never from the reader: rules are processed by priority, lowest number
/// first, and the first match decides; an NSG without custom matches falls to the default rules
/// (AllowVnetInBound 65000, AllowAzureLoadBalancerInBound 65001, DenyAllInBound 65500 and the
/// outbound set); `VirtualNetwork` is the VNet address space; an application security group
/// means its members' NIC addresses; inbound traffic meets the subnet's NSG then the NIC's,
/// outbound the NIC's then the subnet's, and both must allow — also between VMs of one subnet;
/// a connected peering joins two VNets' address spaces.
@Suite struct AzureNSGOracleTests {
    static let packets: [(String, String, String, Bool, String)] = [
        ("10.40.3.4", "10.40.1.5", "tcp/22", true, "app 110 from asg-admin; web2 has no NIC NSG"),
        ("10.40.3.4", "10.40.1.4", "tcp/22", false, "subnet allows (110), web1's NIC NSG deny-ssh 100"),
        ("10.40.3.4", "10.40.1.4", "tcp/443", false, "110 is port 22; 4000 denies VirtualNetwork sources"),
        ("10.40.1.4", "10.40.2.4", "tcp/1433", true, "NIC AllowVnetOutBound; app out 100 asg-web→asg-db; data in 100"),
        ("10.40.1.5", "10.40.2.4", "tcp/1433", true, "no NIC NSG; same subnet rules"),
        ("10.40.1.4", "10.40.2.4", "tcp/22", false, "app out: 100 is 1433, 150 is intra-subnet, 200 denies VirtualNetwork"),
        ("10.40.2.4", "10.40.1.4", "tcp/443", false, "app in: 100 wants Internet sources; 4000 denies"),
        ("10.40.3.4", "10.40.2.4", "udp/53", false, "data in 150 deny Udp (listed before 100 in the file)"),
        ("10.40.3.4", "10.40.2.4", "tcp/22", true, "data has no defaultSecurityRules: documented AllowVnetInBound"),
        ("10.40.1.4", "10.40.1.5", "tcp/80", true, "same subnet: NIC out, app out 150, app in 120, no NIC NSG"),
        ("10.40.1.5", "10.40.1.4", "tcp/22", true, "web1 deny-ssh is from 10.40.3.0/24 only"),
        ("10.40.1.5", "10.40.1.4", "tcp/443", true, "intra-subnet rules and NIC default"),
        ("10.40.1.5", "10.40.1.4", "tcp/3389", false, "same subnet still meets web1's NIC NSG deny-rdp"),
        ("10.40.1.4", "10.50.1.4", "tcp/443", false, "peered, but app out 200 denies VirtualNetwork (peered VNets included)"),
        ("10.40.3.4", "10.50.1.4", "tcp/22", true, "connected peering; mgmt and x have no NSG; jump NIC AllowVnetOutBound"),
        ("10.40.3.4", "10.40.1.4", "icmp", false, "app in 4000"),
        ("10.40.3.4", "10.40.2.4", "icmp", true, "data in defaults allow VirtualNetwork"),
        ("10.40.2.4", "10.40.3.4", "tcp/3389", true, "mgmt has no subnet NSG; jump NIC defaults allow VNet inbound"),
        ("10.40.3.4", "10.40.3.9", "tcp/22", true, "same subnet, no subnet NSG, no NIC on the destination"),
        ("10.40.1.4", "10.40.2.4", "tcp/1434", false, "allow-sql-out is 1433 only; 200 denies"),
        ("10.40.2.4", "10.40.1.5", "tcp/443", false, "app in 4000"),
        ("10.40.3.4", "10.40.1.5", "tcp/443", false, "app in 4000"),
        ("10.40.3.4", "10.40.1.5", "udp/22", false, "110 is Tcp; 4000 denies"),
        ("10.40.1.4", "10.40.3.4", "tcp/22", false, "app out 200 denies VirtualNetwork"),
        ("10.40.2.4", "10.40.1.4", "tcp/1433", false, "app in 4000"),
    ]

    static let files = ["nsgs.json", "vnets.json", "nics.json"].map { TestPaths.fixture("azure/\($0)") }

    @Test func everyPacketMatchesTheDocumentedDecision() throws {
        let read = RulesReader.readAll(paths: Self.files)
        #expect(read.diagnostics.isEmpty && read.ruleSets.count == 1)
        let set = try #require(read.ruleSets.first)
        let e = ReachabilityEngine(topology: Topology(enforcementPoints: set.enforcementPoints))
        var allowed = 0
        for (src, dst, svc, want, why) in Self.packets {
            let answer = e.evaluate(source: IPAddress(src)!, destination: IPAddress(dst)!, services: ServiceSet.parse(svc)!)
            #expect((answer.decision == .allow) == want, "\(src) -> \(dst) \(svc): \(why)")
            if want { allowed += 1 }
        }
        #expect(Self.packets.count == 25 && allowed == 11)
        let denied = e.evaluate(source: IPAddress("10.40.3.4")!, destination: IPAddress("10.40.1.4")!, services: ServiceSet.parse("tcp/22")!)
        #expect(denied.breakdown.first?.hops.last?.rule == "nsg-web-nic/deny-ssh (100)")
    }
}
