import Foundation
import Testing

@testable import CUIScope

@Suite("Inventory OSCAL SSP")
struct InventoryOSCALTests {
    @Test("NIST SSP example, JSON and XML: the one inventory item, with the same id and name", .tags(.samples), .samplesPresent)
    func nistExample() throws {
        let fromJSON = try InventoryReader.read(path: TestPaths.realWorld("oscal/nist_ssp-example.json"),
                                                displayName: "ssp.json")
        let fromXML = try InventoryReader.read(path: TestPaths.realWorld("oscal/nist_ssp-example.xml"),
                                               displayName: "ssp.xml")
        for inv in [fromJSON, fromXML] {
            #expect(inv.assets.count == 1)
            let a = try #require(inv.assets.first)
            #expect(a.id == "asset-id-logging-server")
            #expect(a.name == "The logging server.")
            #expect(a.addresses.isEmpty)  // kept, reported later as lacking addresses
        }
        #expect(fromJSON.assets[0].location == SourceLocation(file: "ssp.json", line: 347, column: 9))
        #expect(fromXML.assets[0].location.line == 213)
    }

    @Test("FedRAMP SSP example: 9 items, uuid fallback, repeated IPs, types, VLANs and public flag", .tags(.samples), .samplesPresent)
    func fedrampExample() throws {
        let inv = try InventoryReader.read(path: TestPaths.realWorld("oscal/gsa_fedramp-ssp-example.oscal.xml"),
                                           displayName: "fedramp.xml")
        #expect(inv.assets.count == 9)
        #expect(inv.assets.map(\.location.line) == [2246, 2306, 2344, 2359, 2373, 2387, 2404, 2418, 2435])
        let legacy = try #require(inv.assets.first)
        #expect(legacy.id == "11111111-2222-4000-8000-011000000001")  // no asset-id prop
        #expect(legacy.addressTexts == ["10.1.1.1", "2001:db8:3333:4444:5555:6666:7777:8888"])
        #expect(legacy.zoneHint == "VLAN Identifier")
        #expect(inv.assets.dropFirst().map(\.id) == (2...9).map { "unique-asset-ID-0\($0)" })
        #expect(inv.assets.map(\.kind) == [.other, .other, .server, .other, .firewall, .network, .network, .server,
                                           .server])
        #expect(inv.assets.filter(\.publicFacing).map(\.id) == ["unique-asset-ID-05"])
        // ::ffff:10.2.2.2 is the IPv4-mapped form of the item's own IPv4 address: one address.
        #expect(inv.assets[1].addresses.summary == "10.2.2.2")
        // "operating-system" is not a kind: one warning, on the first item.
        #expect(inv.warnings.filter { $0.location.line > 1 }.map(\.location.line) == [2246])
    }

    @Test("XML that is not an SSP is rejected")
    func notAnSSP() {
        let e = #expect(throws: InputError.self) {
            _ = try InventoryReader.read(data: Data("<config><x/></config>".utf8), displayName: "c.xml")
        }
        #expect(e?.diagnostics.first?.message.contains("system-security-plan") == true)
    }
}
