import Foundation
import Testing

@testable import CUIScope

@Suite("Inventory CSV")
struct InventoryCSVTests {
    private func read(_ name: String, mappings: [String: String] = [:], lenient: Bool = false) throws(InputError)
        -> Inventory
    {
        try InventoryReader.read(
            path: TestPaths.fixture("inventory/\(name)"), displayName: name, mappings: mappings, lenient: lenient)
    }

    private func asset(_ inv: Inventory, _ id: String) throws -> Asset {
        try #require(inv.assets.first { $0.id == id })
    }

    @Test("native columns with BOM, CRLF, quoting and a blank header cell")
    func nativeColumns() throws {
        let inv = try read("native-bom-crlf.csv")
        #expect(inv.assets.map(\.id) == ["cad-ws01", "siem01", "m365", "vdi-ep01"])
        #expect(inv.skipped.isEmpty && inv.warnings.isEmpty)

        let cad = try asset(inv, "cad-ws01")
        #expect(cad.name == "CAD \"design\" workstation")
        #expect(cad.addresses.contains(try #require(IPAddress("10.50.1.11"))))
        #expect(cad.addressTexts == ["10.50.1.10", "10.50.1.11"])
        #expect(cad.kind == .endpoint)
        #expect(cad.cui == [.process, .store])
        #expect(cad.declared == .cui)
        #expect(cad.zoneHint == "enclave")
        #expect(cad.justification == "Holds drawings, per contract")
        #expect(cad.location == SourceLocation(file: "native-bom-crlf.csv", line: 2, column: 1))

        let siem = try asset(inv, "siem01")
        #expect(siem.functions == [.siem, .logCollector])
        #expect(siem.declared == .securityProtection)
        #expect(siem.cui.isEmpty)
        #expect(siem.addressTexts == ["10.50.2.5", "2001:db8::5"])
        #expect(siem.justification == "Collects logs\nfrom every enclave host")

        let m365 = try asset(inv, "m365")
        #expect(m365.location.line == 5)  // siem01's quoted newline spans lines 3–4
        #expect(m365.addresses.isEmpty)
        #expect(m365.kind == .cloudService && m365.cui == .all)
        #expect(m365.provider == "Microsoft" && m365.fedrampID == "F1603047866")
        #expect(m365.fedrampStatus == "Authorized" && m365.impactLevel == "High")
        #expect(m365.publicFacing && !m365.governmentOperated)
        #expect(m365.equivalencyEvidence == ["SSP-letter", "BOE-2024"])
        #expect(m365.dfarsEvidence == "contract-7012.pdf")

        let vdi = try asset(inv, "vdi-ep01")
        #expect(vdi.kind == .vdiClient && vdi.vdi == .kvmOnly && vdi.crmPolicy)
        #expect(vdi.declared == .outOfScope)
    }

    @Test("Lansweeper-like header with CR-only line ends: AssetName stands in for id")
    func lansweeperCROnly() throws {
        let inv = try read("lansweeper-cr.csv")
        #expect(inv.assets.map(\.id) == ["WS-ENG-01", "PRN-2F", "SW-CORE"])
        #expect(inv.assets.map(\.kind) == [.other, .printer, .network])
        #expect(inv.assets.map(\.location.line) == [2, 3, 4])
        #expect(inv.assets[1].addressTexts == ["10.20.10.200"])
        // "Windows" is not a kind word: kept as other, with a warning naming the column.
        let rows = inv.warnings.filter { $0.location.line > 1 }
        #expect(rows.count == 1)
        #expect(rows.first?.severity == .warning)
        #expect(rows.first?.location == SourceLocation(file: "lansweeper-cr.csv", line: 2, column: 46))
        #expect(rows.first?.message.contains("column 'AssetTypename'") == true)
    }

    @Test("Snipe-IT-like header in Windows-1252: Asset Tag is the id, Category splits into kind or declared")
    func snipeIT1252() throws {
        let inv = try read("snipeit-cp1252.csv")
        #expect(inv.assets.map(\.id) == ["AT-0001", "AT-0002"])
        let kiosk = try asset(inv, "AT-0001")
        #expect(kiosk.name == "Café kiosk – lobby")
        #expect(kiosk.kind == .endpoint)  // "Laptops"
        #expect(kiosk.declared == nil)
        #expect(kiosk.zoneHint == "HQ")
        let files = try asset(inv, "AT-0002")
        #expect(files.declared == .cui)  // "CUI Asset"
        #expect(files.kind == .other)
        #expect(inv.warnings.filter { $0.location.line > 1 }.isEmpty)
        // The header's unread columns and the missing cui column are named, once each.
        #expect(inv.columns.ignored == ["Company", "Supplier", "Manufacturer", "Model"])
        #expect(inv.warnings.map(\.location.line) == [1, 1])
    }

    @Test("NetBox UI export: host address in CIDR form is the host; role gives the kind; site the zone")
    func netboxUI() throws {
        let inv = try read("netbox-ui.csv")
        let core = try asset(inv, "test1-core1")
        #expect(core.kind == .network)
        #expect(core.zoneHint == "TEST1")
        #expect(core.addresses == AddressSet.parse("10.0.254.1"))
        #expect(core.addressTexts == ["10.0.254.1/24"])
        let pdu = try asset(inv, "test1-pdu1")
        #expect(pdu.kind == .other && pdu.addresses.isEmpty)
        #expect(inv.warnings.filter { $0.location.line > 1 }.map(\.location.line) == [3])
    }

    @Test("ServiceNow list export: sys_id is the id, class names give kinds")
    func serviceNow() throws {
        let inv = try read("servicenow.csv")
        #expect(inv.assets.map(\.id) == ["0c43b3a1db2b3300e2f4", "1d54c4b2dc3c4411f305"])
        #expect(inv.assets.map(\.name) == ["app-srv-01", "lap-jdoe"])
        #expect(inv.assets.map(\.kind) == [.server, .endpoint])
        #expect(inv.assets.map(\.zoneHint) == ["Chicago", "Chicago"])
    }

    @Test("an Excel-mangled serial id is flagged, never rewritten")
    func excelMangledSerial() throws {
        let inv = try read("excel-serial.csv")
        #expect(inv.assets.map(\.id) == ["6.37702E+15", "C02XK1ABJG5H"])
        let rows = inv.warnings.filter { $0.location.line > 1 }
        #expect(rows.count == 1)
        let w = try #require(rows.first)
        #expect(w.location == SourceLocation(file: "excel-serial.csv", line: 2, column: 1))
        #expect(w.message.contains("scientific notation"))
    }

    @Test("--map overrides aliases and can ignore a column")
    func mappings() throws {
        let map = ["Hostname Alias": "id", "Addr": "addresses", "Enclave Category": "declared",
                   "handles cui": "cui", "type": "justification", "IP": "ignore"]
        let inv = try read("mapped.csv", mappings: map)
        let a = try asset(inv, "lab-scope-01")
        #expect(a.addressTexts == ["10.60.0.9"])
        #expect(a.declared == .specialized && a.cui == .store)
        #expect(a.justification == "Oscilloscope bench")
        #expect(a.kind == .other)

        // Without the mapping nothing names an id: the header is rejected.
        let e = #expect(throws: InputError.self) { _ = try read("mapped.csv") }
        #expect(e?.diagnostics.first?.message.contains("missing id column") == true)
    }

    @Test("an unknown --map target is an error")
    func badMapTarget() {
        let e = #expect(throws: InputError.self) { _ = try read("servicenow.csv", mappings: ["name": "colour"]) }
        #expect(e?.diagnostics.first?.message.contains("--map target 'colour'") == true)
    }

    @Test("every bad row is reported at its cell")
    func errorsCollected() throws {
        let e = try #require(#expect(throws: InputError.self) { _ = try read("errors.csv") })
        let errors = e.diagnostics.filter { $0.severity == .error }
        let got = errors.map { "\($0.location.line):\($0.location.column)" }
        #expect(got == ["3:10", "4:28", "5:1", "6:18", "7:25", "8:21", "9:1"])
        #expect(errors.allSatisfy { $0.location.file == "errors.csv" })
        #expect(errors[0].message.contains("column 'addresses': '10.0.0.300' is not an IPv4/IPv6 address"))
        #expect(errors[1].message.contains("unknown category 'CUI-ish'"))
        #expect(errors[2].message.contains("duplicate id (first used on line 2)"))
        #expect(errors[3].message.contains("column 'cui'"))
        #expect(errors[4].message.contains("unknown security function 'coffee'"))
        #expect(errors[5].message.contains("column 'vdi': expected kvm-only or redirection"))
        #expect(errors[6].message.contains("empty id"))
        #expect(e.description.contains("errors.csv:3:10: error: column 'addresses'"))
    }

    @Test("lenient mode skips bad rows, lists them, and keeps the rest (short rows padded)")
    func lenient() throws {
        let inv = try read("errors.csv", lenient: true)
        #expect(inv.assets.map(\.id) == ["ok-1", "short-row"])
        #expect(inv.assets[1].addressTexts == ["10.0.0.9"])
        #expect(inv.skipped.count == 7)
        #expect(inv.skipped.map(\.location.line) == [3, 4, 5, 6, 7, 8, 9])
        #expect(inv.skipped.allSatisfy { $0.message.hasPrefix("row skipped: ") })
    }

    @Test("an unterminated quote stops the read at the opening quote, even when lenient")
    func unterminated() {
        for lenient in [false, true] {
            let e = #expect(throws: InputError.self) { _ = try read("unterminated.csv", lenient: lenient) }
            #expect(e?.diagnostics.first?.location == SourceLocation(file: "unterminated.csv", line: 3, column: 4))
        }
    }

    @Test("a header without any id or name column is rejected at the header")
    func missingID() {
        let e = #expect(throws: InputError.self) { _ = try read("missing-id.csv") }
        #expect(e?.diagnostics.first?.location == SourceLocation(file: "missing-id.csv", line: 1, column: 1))
        #expect(e?.diagnostics.first?.message.contains("missing id column") == true)
    }

    @Test("address cells: hosts, CIDR hosts, whole prefixes and ranges; 'any' is refused")
    func addressForms() throws {
        let csv = "id,ip\nh,10.1.2.3/24 10.9.0.0/16;10.0.0.5-10.0.0.6\nx,any\n"
        let inv = try InventoryReader.read(data: Data(csv.utf8), displayName: "a.csv", lenient: true)
        #expect(inv.assets.first?.addresses.summary == "10.0.0.5-10.0.0.6,10.1.2.3,10.9.0.0/16")
        #expect(inv.skipped.map(\.location) == [SourceLocation(file: "a.csv", line: 3, column: 3)])
    }

    @Test("a missing file is an input error, not a crash")
    func missingFile() {
        #expect(throws: InputError.self) { _ = try InventoryReader.read(path: "/nonexistent/inventory.csv") }
    }

    @Test("format is detected from content, and can be forced")
    func detection() throws {
        #expect(InventoryReader.detect(Data("\u{FEFF}  [\n".utf8)) == .json)
        #expect(InventoryReader.detect(Data("\n<?xml version=\"1.0\"?>".utf8)) == .xml)
        #expect(InventoryReader.detect(Data("id,name\n".utf8)) == .csv)
        let inv = try InventoryReader.read(data: Data("id\n[x]\n".utf8), displayName: "odd.csv", format: .csv)
        #expect(inv.assets.map(\.id) == ["[x]"])
    }
}
