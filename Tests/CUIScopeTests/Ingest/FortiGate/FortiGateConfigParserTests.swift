import Foundation
import Testing
@testable import CUIScope

/// FortiOS configurations (docs/FORMATS.md, FortiGate).
@Suite struct FortiGateConfigParserTests {
    static let fixture = TestPaths.fixture("fortigate/fortigate-vdom.conf")

    @Test func vdomsZonesAndPolicyOrder() throws {
        let set = try RulesReader.read(path: Self.fixture, displayName: "fgt.conf")
        #expect(set.enforcementPoints.map(\.name) == ["fgt-edge/root", "fgt-edge/enclave"])
        let enclave = set.enforcementPoints[1]
        #expect(enclave.zones.map(\.name) == ["secure", "mgmt"])
        #expect(enclave.zones[0].addresses.contains(IPAddress("10.70.0.5")!))
        // List order, not the policy id.
        #expect(enclave.rules.map(\.name) == ["admins-in (id 20)", "old-open (id 5)", "lab-not-bad (id 7)",
                                             "no-udp-except (id 8)", "any-udp (id 9)"])
        #expect(enclave.rules[1].disabled)
        #expect(enclave.rules[0].source.unresolved == ["vendor"])
        #expect(enclave.rules[2].source.negated)
        #expect(enclave.interzoneDefault == .deny && enclave.intrazoneDefault == .deny)
        #expect(set.counts["policies"] == 6 && set.counts["disabled"] == 1 && set.counts["unresolved"] == 1)
        #expect(enclave.rules[0].location.line > 0)
    }

    @Test func errorsNameTheLine() {
        let path = TestPaths.temporaryFile("config firewall policy\n    edit 1\n        set name \"x\n    next\nend\n")
        let error = #expect(throws: InputError.self) { _ = try RulesReader.read(path: path, displayName: "f.conf") }
        #expect(error?.diagnostics.first?.description.hasPrefix("f.conf:3:1: error: unterminated quote") == true)
        let open = TestPaths.temporaryFile("config firewall policy\n    edit 1\n")
        let unclosed = #expect(throws: InputError.self) { _ = try RulesReader.read(path: open, displayName: "g.conf") }
        #expect(unclosed?.diagnostics.first?.message.contains("expected next/end") == true)
    }

    /// Engine evaluation of the compiled rules: first applicable rule, else the default.
    static func engineDecides(_ ep: EnforcementPoint, inIntf: String, outIntf: String, src: String, dst: String,
                              proto: UInt8, port: UInt16) -> Bool {
        func zone(_ intf: String) -> String {
            ep.zones.first { z in z.subnets.contains { $0.origin == "FortiGate interface \(intf)" } }?.name ?? intf
        }
        let from = zone(inIntf), to = zone(outIntf)
        let key = ServiceSet.key(proto: proto, port: port)
        for r in ep.rules where r.appliesTo(fromZone: from, toZone: to) {
            if r.source.addresses.contains(IPAddress(src)!), r.destination.addresses.contains(IPAddress(dst)!),
               r.services.contains(key) {
                return r.action == .allow
            }
        }
        return (from == to ? ep.intrazoneDefault : ep.interzoneDefault) == .allow
    }

    @Test func agreesWithTheOracleOnGeneratedPackets() throws {
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        let oracle = FortiGateOracle(text: text)
        let set = try FortiGateConfigParser.parse(text, file: "fgt.conf")
        let vdoms: [(String, [String])] = [("root", ["wan1", "corp"]), ("enclave", ["cui", "mgmt", "lab"])]
        let ips = ["10.10.3.4", "203.0.113.9", "10.50.0.7", "10.60.0.9", "10.60.0.10", "10.60.0.12", "10.70.0.66",
                   "10.70.0.65", "8.8.8.8"]
        let services: [(String, UInt8, UInt16)] = [
            ("tcp", 6, 22), ("tcp", 6, 445), ("tcp", 6, 3389), ("tcp", 6, 443), ("tcp", 6, 80), ("udp", 17, 53),
            ("udp", 17, 5000), ("udp", 17, 5100), ("udp", 17, 5101), ("icmp", 1, 0),
        ]
        var compared = 0, allowed = 0
        for (index, (vdom, intfs)) in vdoms.enumerated() {
            let ep = set.enforcementPoints[index]
            for i in intfs { for o in intfs where o != i { for s in ips { for d in ips { for svc in services {
                let want = oracle.decide(vdom: vdom, inIntf: i, outIntf: o, src: s, dst: d, proto: svc.0, port: Int(svc.2))
                let got = Self.engineDecides(ep, inIntf: i, outIntf: o, src: s, dst: d, proto: svc.1, port: svc.2)
                #expect(want == got, "\(vdom) \(i)->\(o) \(s)->\(d) \(svc)")
                compared += 1
                if want { allowed += 1 }
            } } } } }
        }
        #expect(compared == 6480)
        #expect(allowed > 0 && allowed < compared)
        print("FortiGate oracle agreement: \(compared) packets compared, \(allowed) allowed")
    }

    @Test(.tags(.samples), .samplesPresent)
    func batfishSampleReads() throws {
        let path = TestPaths.realWorld("other-firewalls/batfish_fortios_firewall_policy.conf.txt")
        let set = try RulesReader.read(path: path, lenient: true)
        #expect(set.enforcementPoints.count == 1)
        #expect(set.enforcementPoints[0].rules.first?.disabled == true)
        #expect(set.counts["policies", default: 0] >= 2)
    }
}

extension FortiGateConfigParserTests {
    @Test func appendExtendsAList() throws {
        let text = """
            config firewall policy
                edit 1
                    set srcintf port1
                    append srcintf port2
                    set action accept
                    set service ALL
                next
            end
            """
        let set = try FortiGateConfigParser.parse(text, file: "a.conf")
        #expect(set.enforcementPoints[0].rules[0].from == .zones(["port1", "port2"]))
        #expect(set.enforcementPoints[0].rules[0].action == .allow)
    }
}
