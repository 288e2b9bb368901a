import Foundation
import Testing

@testable import CUIScope

@Suite("Inventory JSON")
struct InventoryJSONTests {
    private func json(_ text: String, lenient: Bool = false, mappings: [String: String] = [:]) throws(InputError)
        -> Inventory
    {
        try InventoryReader.read(data: Data(text.utf8), displayName: "t.json", mappings: mappings, lenient: lenient)
    }

    // Expected values below were computed independently from the files with Python's json module.

    @Test("NetBox dcim/devices: 11 devices named by name, primary IPs as hosts, roles as kinds", .tags(.samples), .samplesPresent)
    func netboxDevices() throws {
        let inv = try InventoryReader.read(path: TestPaths.realWorld("inventory/pynetbox_dcim_devices.json"),
                                           displayName: "devices.json")
        #expect(inv.assets.count == 11)
        #expect(inv.assets.map(\.id) == [
            "test1-core1", "test1-core2", "test1-edge1", "test1-edge2", "test1-leaf1", "test1-leaf2", "test1-oob1",
            "test1-pdu1", "test1-pdu2", "test1-spine1", "test1-spine2",
        ])
        let addressed = inv.assets.filter { !$0.addresses.isEmpty }
        #expect(addressed.map(\.id) == ["test1-core1", "test1-core2", "test1-edge1", "test1-edge2"])
        #expect(addressed.map(\.addresses.summary) == ["10.0.254.1", "10.0.254.2", "10.0.255.1", "10.0.255.2"])
        #expect(addressed[0].addressTexts == ["10.0.254.1/24"])
        #expect(inv.assets.allSatisfy { $0.zoneHint == "TEST1" })
        // Core/Leaf/OOB/Spine Switch and Router are network; PDU is not a kind word.
        #expect(inv.assets.filter { $0.kind == .network }.count == 9)
        #expect(inv.assets.filter { $0.kind == .other }.map(\.id) == ["test1-pdu1", "test1-pdu2"])
        #expect(inv.warnings.filter { $0.location.line > 1 }.count == 2)
        #expect(inv.warnings.contains { $0.location.line == 1 && $0.message.hasPrefix("no cui column") })
        // Each asset points at the opening brace of its record.
        #expect(inv.assets.first?.location == SourceLocation(file: "devices.json", line: 6, column: 9))
        #expect(inv.assets.last?.location.line == 620)
    }

    @Test("NetBox ipam/ip-addresses: 18 IPs grouped per device, to be joined to the device", .tags(.samples), .samplesPresent)
    func netboxIPAddresses() throws {
        let inv = try InventoryReader.read(path: TestPaths.realWorld("inventory/pynetbox_ipam_ip_addresses.json"))
        #expect(inv.assets.isEmpty)
        let groups = inv.deviceAddresses
        #expect(groups.map(\.id) == ["test1-core1", "test1-core2", "test1-edge1", "test1-edge2"])
        #expect(groups.map(\.addressTexts.count) == [4, 4, 5, 5])
        #expect(groups.map(\.location.line) == [6, 41, 76, 111])
        let core1 = try #require(groups.first)
        #expect(core1.addressTexts == ["10.0.254.1/24", "10.15.22.2/31", "10.16.22.2/31", "169.254.1.2/31"])
        // /31 interface addresses are hosts, even when the host bits are zero.
        #expect(core1.addresses.summary == "10.0.254.1,10.15.22.2,10.16.22.2,169.254.1.2")
        #expect(inv.skipped.isEmpty)
    }

    @Test("NetBox ipam/prefixes: no assets; the prefixes are subnets of a zone named by their role", .tags(.samples), .samplesPresent)
    func netboxPrefixes() throws {
        let inv = try InventoryReader.read(path: TestPaths.realWorld("inventory/pynetbox_ipam_prefixes.json"),
                                           displayName: "prefixes.json")
        #expect(inv.assets.isEmpty && inv.skipped.isEmpty)
        #expect(inv.zones.map(\.name) == ["Lab Network"])
        #expect(inv.zones.first?.subnets.map(\.text) == ["10.0.255.0/24", "10.1.1.0/24"])
        #expect(inv.zones.first?.subnets.map(\.location.line) == [6, 33])
    }

    @Test("NetBox devices, IP addresses and prefixes read together: one asset per device, zones from prefixes",
          .tags(.samples), .samplesPresent)
    func netboxExportsMerge() throws {
        let files = ["dcim_devices", "ipam_ip_addresses", "ipam_prefixes"].map {
            TestPaths.realWorld("inventory/pynetbox_\($0).json")
        }
        let input = try InputLoader.load(InputPaths(inventories: files))
        #expect(input.assets.count == 11)
        let core1 = try #require(input.assets.first { $0.id == "test1-core1" })
        // The device's primary address first, then the interface addresses the IP export adds.
        #expect(core1.addressTexts == ["10.0.254.1/24", "10.15.22.2/31", "10.16.22.2/31", "169.254.1.2/31"])
        #expect(core1.location.file.hasSuffix("pynetbox_dcim_devices.json"))
        #expect(input.scope?.zones.map(\.name) == ["Lab Network"])
        let result = Analyzer.run(input)
        #expect(result.inputs.map { $0.counts["ip records"] ?? 0 } == [0, 18, 0])
        #expect(result.inputs.map { $0.counts["prefixes"] ?? 0 } == [0, 0, 2])
    }

    @Test("a scope file's zones win over NetBox prefixes")
    func scopeZonesWin() throws {
        let prefixes = TestPaths.temporaryFile(#"{"count":1,"next":null,"previous":null,"results":[{"id":1,"family":4,"prefix":"10.9.0.0/16","vlan":{"name":"lab"}}]}"#, name: "prefixes.json")
        let inventory = TestPaths.temporaryFile("id,addresses,cui\nh1,10.9.0.5,yes\n", name: "inv.csv")
        let scope = TestPaths.temporaryFile("zones:\n  office: [10.9.0.0/24]\n", name: "scope.yaml")
        let withScope = try InputLoader.load(InputPaths(inventories: [inventory, prefixes], scope: scope))
        #expect(withScope.scope?.zones.map(\.name) == ["office"])
        let without = try InputLoader.load(InputPaths(inventories: [inventory, prefixes]))
        #expect(without.scope?.zones.map(\.name) == ["lab"])
    }

    @Test("NetBox IPs without a device become assets named by their address; custom fields are read")
    func netboxUnassignedAndCustomFields() throws {
        let inv = try json("""
            {"count": 2, "next": null, "previous": null, "results": [
              {"id": 7, "family": 4, "address": "10.9.9.9/24", "assigned_object": null, "dns_name": "printer.lab"},
              {"id": 3, "name": "nas01", "role": {"name": "Storage"}, "primary_ip4": {"address": "10.9.9.10/24"},
               "site": {"name": "HQ"}, "custom_fields": {"cui": "store", "declared": "cui", "colour": "red"}}
            ]}
            """)
        #expect(inv.assets.map(\.id) == ["nas01", "10.9.9.9"])
        #expect(inv.assets[1].name == "printer.lab")
        #expect(inv.assets[1].location.line == 2)
        #expect(inv.assets[0].cui == .store && inv.assets[0].declared == .cui)
    }

    @Test("native array and {assets:[…]} use the CSV columns; JSON arrays and booleans are read")
    func nativeShapes() throws {
        let array = try json("""
            [
              {"id": "ws1", "addresses": ["10.1.1.1", "10.1.1.2"], "kind": "endpoint", "cui": "yes",
               "functions": ["edr", "mdm"], "crm_policy": true},
              {"id": 42, "name": "numbered"}
            ]
            """)
        #expect(array.assets.map(\.id) == ["ws1", "42"])
        let ws = array.assets[0]
        #expect(ws.addressTexts == ["10.1.1.1", "10.1.1.2"])
        #expect(ws.cui == .all && ws.functions == [.edr, .mdm] && ws.crmPolicy)
        #expect(ws.location == SourceLocation(file: "t.json", line: 2, column: 3))
        #expect(array.assets[1].location.line == 4)

        let wrapped = try json(#"{"assets": [{"hostname": "h1", "ip_address": "10.2.0.1"}]}"#)
        #expect(wrapped.assets.map(\.id) == ["h1"])
        #expect(wrapped.assets[0].addressTexts == ["10.2.0.1"])
    }

    @Test("ServiceNow {result:[…]}: reference fields {link,value} give their value")
    func serviceNow() throws {
        let inv = try json("""
            {"result": [
              {"sys_id": "abc123", "name": "srv-7", "sys_class_name": "cmdb_ci_linux_server",
               "ip_address": "10.3.3.3", "location": {"link": "https://x.service-now.com/api/now/table/cmn_location/9",
               "value": "9f1e"}}
            ]}
            """)
        let a = try #require(inv.assets.first)
        #expect(a.id == "abc123" && a.name == "srv-7" && a.kind == .server)
        #expect(a.zoneHint == "9f1e")
    }

    @Test("value errors in JSON point at the record and name the key")
    func valueErrors() throws {
        let e = try #require(#expect(throws: InputError.self) {
            _ = try json("""
                [
                  {"id": "a", "addresses": "10.0.0.1"},
                  {"id": "b", "addresses": "not-an-ip", "declared": "maybe"},
                  {"id": "a"},
                  "stray"
                ]
                """)
        })
        let errors = e.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location.line) == [3, 3, 4, 5])
        #expect(errors[0].message.contains("column 'addresses'"))
        #expect(errors[1].message.contains("column 'declared'"))
        #expect(errors[2].message.contains("duplicate id (first used on line 2)"))
        #expect(errors[3].message.contains("not a JSON object"))

        let lenient = try json("""
            [{"id": "a"}, {"id": "b", "cui": "sometimes"}, 7]
            """, lenient: true)
        #expect(lenient.assets.map(\.id) == ["a"])
        #expect(lenient.skipped.count == 2)
    }

    @Test("malformed JSON is located by line and column")
    func malformed() {
        let e = #expect(throws: InputError.self) { _ = try json("[\n {\"id\": \"a\",\n  \"b\" 2}]") }
        #expect(e?.diagnostics.first?.location.line == 3)
        #expect(e?.diagnostics.first?.message.contains("malformed JSON") == true)
    }

    @Test("an object of an unknown shape is rejected")
    func unknownShape() {
        let e = #expect(throws: InputError.self) { _ = try json(#"{"hosts": []}"#) }
        #expect(e?.diagnostics.first?.message.contains("unrecognised JSON inventory") == true)
    }
}
