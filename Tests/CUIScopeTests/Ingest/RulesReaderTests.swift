import Testing
@testable import CUIScope

@Suite struct RulesReaderTests {
    @Test(arguments: [
        ("panos/iron-skillet_panos_full_10.1.xml", "PAN-OS exports are not supported yet"),
        ("pfsense-opnsense/opndossier_pfsense_config-pfSense.xml", "pfSense exports are not supported yet"),
        ("pfsense-opnsense/opnsense-core_config.xml.sample.xml", "OPNsense exports are not supported yet"),
    ])
    func vendorRootsAreRecognisedButNotYetRead(file: String, message: String) {
        let error = #expect(throws: InputError.self) { _ = try RulesReader.read(path: TestPaths.realWorld(file)) }
        #expect(error?.diagnostics.map(\.message) == [message])
        #expect((error?.diagnostics.first?.location.line ?? 0) >= 1)
    }

    @Test func unknownRootNamesTheExpectedOnes() {
        let path = TestPaths.temporaryFile("<firewall/>")
        let error = #expect(throws: InputError.self) { _ = try RulesReader.read(path: path, displayName: "x") }
        #expect(error?.diagnostics.first?.description.hasPrefix("x:1:1: error: unrecognised rules format: root element <firewall>") == true)
        #expect(error?.diagnostics.first?.message.contains("<cuiscope-rules>") == true)
    }

    @Test func flowsReaderRejectsOtherFormats() {
        let csv = TestPaths.temporaryFile("ts,src,dst\n")
        #expect(throws: InputError.self) { _ = try FlowsReader.read(path: csv) }
        #expect(throws: InputError.self) { _ = try FlowsReader.read(path: TestPaths.fixture("native/rules-good.xml")) }
    }
}
