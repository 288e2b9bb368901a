import Testing
@testable import CUIScope

@Suite struct RulesReaderTests {
    @Test(.tags(.samples), .samplesPresent, arguments: [
        ("panos/iron-skillet_panos_full_10.1.xml", "panos"),
        ("panos/pan-os-php_stage00_panos-8.0_smb-firewall.xml", "panos"),
        ("panos/pan-os-php_panorama-8.0.xml", "panorama"),
        ("pfsense-opnsense/opndossier_pfsense_config-pfSense.xml", "pfsense"),
        ("pfsense-opnsense/opnsense-core_config.xml.sample.xml", "opnsense"),
    ])
    func vendorExportsAreDetectedFromTheirRootElement(file: String, vendor: String) throws {
        let set = try RulesReader.read(path: TestPaths.realWorld(file))
        #expect(!set.enforcementPoints.isEmpty)
        #expect(set.enforcementPoints.allSatisfy { $0.vendor == vendor })
    }

    @Test func unknownRootNamesTheExpectedOnes() {
        let path = TestPaths.temporaryFile("<firewall/>")
        let error = #expect(throws: InputError.self) { _ = try RulesReader.read(path: path, displayName: "x") }
        #expect(error?.diagnostics.first?.description.hasPrefix("x:1:1: error: unrecognised rules format: root element <firewall>") == true)
        #expect(error?.diagnostics.first?.message.contains("<cuiscope-rules>") == true)
    }

    @Test func flowsReaderRejectsOtherFormats() {
        // A headed CSV with source and destination columns is a flow log now; an inventory is not.
        let csv = TestPaths.temporaryFile("id,name,addresses\nfs01,File server,10.50.1.10\n")
        #expect(throws: InputError.self) { _ = try FlowsReader.read(path: csv) }
        #expect(throws: InputError.self) { _ = try FlowsReader.read(path: TestPaths.fixture("native/rules-good.xml")) }
    }
}
