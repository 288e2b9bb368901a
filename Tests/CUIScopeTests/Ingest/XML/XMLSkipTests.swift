import Testing

@testable import CUIScope

/// Skipped subtrees (PAN-OS previews and certificates, other OSCAL sections, the XML API's
/// `<job>`) must not take their neighbours with them. Exports from APIs are often minified, with
/// no whitespace text between elements, so what follows a skipped element is the next element
/// itself, or its parent's end tag.
@Suite("XML: skipped subtrees")
struct XMLSkipTests {
    static func minified(_ xml: String) -> String { xml.replacing(/>\s+</, with: "><") }

    @Test("the element after a skipped subtree is kept, in pretty and minified documents")
    func nextSiblingIsKept() throws {
        let pretty = """
            <config>
              <a><certificate><x/><y>1</y></certificate><b/><c>text</c></a>
              <d><certificate><x/></certificate></d>
              <e><b/><certificate><x/></certificate></e>
              <f/>
            </config>
            """
        for text in [pretty, Self.minified(pretty)] {
            let root = try XMLReader.document(TestPaths.temporaryFile(text, name: "c.xml"), skip: ["certificate"])
            #expect(root.children.map(\.name) == ["a", "d", "e", "f"], "\(text)")
            #expect(root.child("a")?.children.map(\.name) == ["b", "c"])
            #expect(root.child("a")?.child("c")?.text == "text")
            #expect(root.child("d")?.children.isEmpty == true)
            #expect(root.child("e")?.children.map(\.name) == ["b"])
        }
    }

    @Test("a minified PAN-OS traffic log reads the same records as the pretty one")
    func minifiedTrafficLog() throws {
        let pretty = TestPaths.fixture("flows/panos-traffic.xml")
        let text = try String(contentsOfFile: pretty, encoding: .utf8)
        let minified = TestPaths.temporaryFile(Self.minified(text), name: "traffic.xml")
        let a = try FlowsReader.read(path: pretty, displayName: "t.xml")
        let b = try FlowsReader.read(path: minified, displayName: "t.xml")
        #expect(a.recordCount > 0)
        #expect(b.recordCount == a.recordCount && b.skipped.count == a.skipped.count)
        let tuple = { (f: Flow) in "\(f.source) \(f.destination) \(f.proto) \(f.destinationPort ?? 0) \(f.action) \(f.count)" }
        #expect(b.flows.map(tuple) == a.flows.map(tuple))
    }

    @Test("a minified OSCAL SSP keeps the inventory after the sections it skips")
    func minifiedOSCAL() throws {
        let pretty = """
            <system-security-plan xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="5e3c7f0a-0000-4000-8000-000000000001">
              <metadata><title>Example</title></metadata>
              <system-characteristics><system-name>S</system-name></system-characteristics>
              <system-implementation>
                <leveraged-authorization uuid="5e3c7f0a-0000-4000-8000-000000000009"><title>L</title></leveraged-authorization>
                <inventory-item uuid="5e3c7f0a-0000-4000-8000-000000000002">
                  <description><p>File server</p></description>
                  <prop name="asset-id" value="fs01"/>
                  <prop name="ipv4-address" value="10.50.1.10"/>
                </inventory-item>
                <inventory-item uuid="5e3c7f0a-0000-4000-8000-000000000003">
                  <description><p>Workstation</p></description>
                  <prop name="asset-id" value="ws01"/>
                </inventory-item>
              </system-implementation>
            </system-security-plan>
            """
        for text in [pretty, Self.minified(pretty)] {
            let inv = try InventoryReader.read(path: TestPaths.temporaryFile(text, name: "ssp.xml"), displayName: "ssp.xml")
            #expect(inv.assets.map(\.id) == ["fs01", "ws01"], "\(text)")
            #expect(inv.assets.first?.name == "File server")
        }
    }
}
