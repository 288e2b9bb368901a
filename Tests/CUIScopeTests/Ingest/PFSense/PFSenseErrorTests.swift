import Testing

@testable import CUIScope

@Suite("pfSense/OPNsense bad input")
struct PFSenseErrorTests {
    private func config(_ body: String) -> String {
        TestPaths.temporaryFile("""
            <?xml version="1.0"?>
            <pfsense>
              <system><hostname>fw</hostname></system>
              <interfaces>
                <lan><enable/><if>em1</if><ipaddr>10.0.0.1</ipaddr><subnet>24</subnet></lan>
              </interfaces>
            \(body)
            </pfsense>
            """, name: "config.xml")
    }

    @Test func aliasCycleIsAnErrorAtTheAlias() throws {
        let path = config("""
              <aliases>
                <alias><name>A</name><type>host</type><address>B 10.0.0.5</address></alias>
                <alias><name>B</name><type>host</type><address>A</address></alias>
              </aliases>
              <filter>
                <rule><type>pass</type><interface>lan</interface>
                  <source><any/></source><destination><address>A</address></destination></rule>
              </filter>
            """)
        let error = #expect(throws: InputError.self) { try loadPFSense(path) }
        let d = try #require(error?.diagnostics.first { $0.message.contains("contains itself") })
        #expect(d.location.line == 8)
        #expect(d.location.file == path)
    }

    @Test func undefinedAliasStopsUnlessLenient() throws {
        let path = config("""
              <filter>
                <rule><type>pass</type><interface>lan</interface><descr>bad</descr>
                  <source><any/></source><destination><address>NOPE</address></destination></rule>
                <rule><type>pass</type><interface>lan</interface><descr>good</descr>
                  <source><any/></source><destination><any/></destination></rule>
              </filter>
            """)
        let error = #expect(throws: InputError.self) { try loadPFSense(path) }
        #expect(error?.diagnostics.contains { $0.location.line == 9 && $0.message.contains("'NOPE'") } == true)
        let rs = try loadPFSense(path, lenient: true)
        #expect(rs.enforcementPoints[0].rules.map(\.name).contains("good"))
        #expect(!rs.enforcementPoints[0].rules.map(\.name).contains("bad"))
        #expect(rs.counts["skipped"] == 1)
        #expect(rs.diagnostics.contains { $0.severity == .warning && $0.location.line == 9 })
    }

    @Test func badInterfaceAddressAndUnknownInterface() throws {
        let path = TestPaths.temporaryFile("""
            <?xml version="1.0"?>
            <opnsense>
              <interfaces>
                <lan><enable>1</enable><ipaddr>10.0.0.300</ipaddr><subnet>24</subnet></lan>
              </interfaces>
              <filter>
                <rule><type>pass</type><interface>opt9</interface>
                  <source><any/></source><destination><any/></destination></rule>
                <rule><type>allow</type><interface>lan</interface>
                  <source><any/></source><destination><any/></destination></rule>
                <rule><type>pass</type><interface>lan</interface><protocol>bogus</protocol>
                  <source><any/></source><destination><any/></destination></rule>
              </filter>
            </opnsense>
            """, name: "config.xml")
        let error = #expect(throws: InputError.self) { try loadPFSense(path) }
        let lines = Set(error?.diagnostics.filter { $0.severity == .error }.map(\.location.line) ?? [])
        #expect(lines == [4, 7, 9, 11])
        // Messages name elements, never echo the bad value itself.
        #expect(error?.diagnostics.contains { $0.description.contains("10.0.0.300") } == false)
    }

    @Test func wrongRootIsRejected() throws {
        let path = TestPaths.temporaryFile("<config/>", name: "x.xml")
        let root = try XMLReader.document(path)
        #expect(!PFSenseConfigParser.isPFSense(rootName: root.name))
        #expect(throws: InputError.self) { try PFSenseConfigParser.parse(root, file: path) }
    }
}

@Suite("pfSense/OPNsense bad input, lenient")
struct PFSenseLenientTests {
    @Test func everyRuleUsingABrokenAliasIsSkippedButReportedOnce() throws {
        let path = TestPaths.temporaryFile("""
            <?xml version="1.0"?>
            <pfsense>
              <interfaces><lan><enable/><ipaddr>10.0.0.1</ipaddr><subnet>24</subnet></lan></interfaces>
              <aliases>
                <alias><name>A</name><type>host</type><address>B</address></alias>
                <alias><name>B</name><type>host</type><address>A</address></alias>
              </aliases>
              <filter>
                <rule><interface>lan</interface><descr>one</descr><source><any/></source>
                  <destination><address>A</address></destination></rule>
                <rule><interface>lan</interface><descr>two</descr><source><any/></source>
                  <destination><address>A</address></destination></rule>
                <rule><interface>lan</interface><descr>three</descr><source><any/></source>
                  <destination><any/></destination></rule>
              </filter>
            </pfsense>
            """, name: "config.xml")
        let rs = try loadPFSense(path, lenient: true)
        #expect(rs.counts["skipped"] == 2)
        #expect(rs.enforcementPoints[0].rules.map(\.name).filter { ["one", "two", "three"].contains($0) } == ["three"])
        #expect(rs.diagnostics.filter { $0.message.contains("contains itself") }.count == 1)
        #expect(rs.diagnostics.allSatisfy { $0.severity == .warning })
    }
}
