import Foundation
import Testing

@testable import CUIScope

@Suite("OPNsense demo organisation (Fixtures/opnsense-demo)")
struct PFSenseDemoTests {
    let ep: EnforcementPoint
    let ruleSet: RuleSet

    init() throws {
        ruleSet = try loadPFSense(TestPaths.demo("opnsense-demo/config.xml"))
        ep = try #require(ruleSet.enforcementPoints.first)
    }

    private func verdict(_ src: String, _ dst: String, _ proto: UInt8, _ port: UInt16 = 0) -> String {
        PFFirstMatchOracle.evaluate(ep, from: src, to: dst, proto: proto, port: port)?.description ?? "bad address"
    }

    @Test func readsCleanly() {
        #expect(ruleSet.diagnostics.isEmpty)
        #expect(ruleSet.counts["rules"] == 10)
        #expect(ruleSet.counts["disabled"] == 1)
        #expect(ruleSet.counts["floating"] == 1)
        #expect(ruleSet.counts["negated"] == 3)
        #expect(ruleSet.counts["aliases"] == 8)
        #expect(ep.name == "kpm-fw01.keystone-precision.example")
    }

    @Test func officeReachesEnclaveOnlyByRDPToTheJumpHost() {
        let tcp = IPProtocol.tcp
        #expect(verdict("10.10.0.21", "10.60.1.10", tcp, 3389) == "allow by Office to enclave jump host (RDP only)")
        #expect(verdict("10.10.0.21", "10.60.1.20", tcp, 3389) == "deny by Block office to enclave")
        // The disabled temporary SMB rule no longer opens the file servers (nested alias).
        #expect(verdict("10.10.0.21", "10.60.1.21", tcp, 445) == "deny by Block office to enclave")
        #expect(verdict("10.10.0.21", "10.60.1.10", tcp, 22) == "deny by Block office to enclave")
    }

    @Test func enclaveAndGuestEgress() {
        let tcp = IPProtocol.tcp
        let udp = IPProtocol.udp
        #expect(verdict("10.60.1.30", "10.10.0.6", udp, 514) == "allow by Enclave logs to SIEM")
        #expect(verdict("10.60.1.30", "10.10.0.5", tcp, 3268) == "allow by Enclave to domain controller")
        #expect(verdict("10.60.1.30", "10.10.0.21", tcp, 445) == "deny by default")
        #expect(verdict("10.60.1.30", "93.184.216.34", tcp, 443) == "allow by Enclave HTTPS to the internet (updates)")
        #expect(verdict("10.60.1.30", "10.10.0.21", tcp, 443) == "deny by default")
        #expect(verdict("192.168.50.20", "93.184.216.34", tcp, 443) == "allow by Guest internet only")
        #expect(verdict("192.168.50.20", "10.60.1.10", tcp, 3389) == "deny by default")
        #expect(verdict("192.168.50.20", "93.184.216.34", tcp, 445)
            == "deny by Block SMB to the internet from office and guest")
        #expect(verdict("192.168.50.20", "192.168.50.1", udp, 53) == "allow by Guest DNS to firewall")
    }

    /// The demo inventory and the firewall agree: every asset with a zone sits in that
    /// interface's subnet, and the header has the native columns.
    @Test func inventoryMatchesTheFirewallZones() throws {
        let text = try String(contentsOfFile: TestPaths.demo("opnsense-demo/inventory.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,name,addresses,kind,cui,functions,declared,crm_policy,zone,justification")
        #expect(lines.count == 13)
        for line in lines.dropFirst() where !line.contains("\"") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(cells.count == 10, "\(line)")
            guard !cells[8].isEmpty else { continue }
            let zone = try #require(ep.zones.first { $0.name == cells[8] }, "zone \(cells[8])")
            for a in cells[2].split(separator: ";") {
                let ip = try #require(IPAddress(a))
                #expect(zone.addresses.contains(ip), "\(cells[0]) \(a) outside \(zone.name)")
            }
        }
    }
}
