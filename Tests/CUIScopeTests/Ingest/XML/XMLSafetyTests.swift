import Foundation
import Testing
@testable import CUIScope

/// Hostile XML must neither read local files, nor expand entities, nor crash.
@Suite struct XMLSafetyTests {
    @Test func externalEntityIsNotRead() throws {
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        let firstLine = try #require(passwd.split(separator: "\n").first.map(String.init))
        let path = TestPaths.fixture("native/rules-xxe.xml")
        let set = try RulesReader.read(path: path)
        let dump = String(describing: set.enforcementPoints) + String(describing: set.diagnostics)
        #expect(!dump.contains(firstLine))
        #expect(!dump.contains("root:"))
        #expect(set.enforcementPoints[0].rules[0].description == "")
        let validation = Validator.validate(paths: [path]).map(\.description).joined(separator: "\n")
        #expect(!validation.contains("root:"))
    }

    @Test func billionLaughsFinishesFastWithoutExpansion() {
        let start = ContinuousClock.now
        let path = TestPaths.fixture("native/rules-billion-laughs.xml")
        var described = ""
        do {
            let set = try RulesReader.read(path: path)
            described = String(describing: set.enforcementPoints)
        } catch {
            described = error.description
        }
        _ = Validator.validate(paths: [path])
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(!described.contains("lollollol"))
    }

    @Test func truncatedFileIsAnInputErrorWithALine() {
        let error = #expect(throws: InputError.self) {
            _ = try RulesReader.read(path: TestPaths.fixture("native/rules-truncated.xml"), displayName: "t.xml")
        }
        let d = error?.diagnostics.first
        #expect(d?.location.file == "t.xml")
        #expect((d?.location.line ?? 0) >= 8)
        #expect(d?.message.hasPrefix("malformed XML") == true)
    }

    @Test func startTagPositionsAreExactAcrossCommentsCDATAAndDoctype() throws {
        let path = TestPaths.temporaryFile("""
            <?xml version="1.0"?>
            <!DOCTYPE r [ <!ENTITY e "a>b]"> <!-- <fake/> --> ]>
            <r a="x>y">
              <!-- <not-an-element/> -->
              <![CDATA[ <nor-this/> ]]>
              <é/>  <b c='1/>'><d/></b>
            </r>
            """)
        let root = try XMLReader.document(path, displayName: "p.xml")
        #expect(root.location.description == "p.xml:3:1")
        #expect(root.children.map(\.location.description) == ["p.xml:6:3", "p.xml:6:9"])
        #expect(root.children[1].children[0].location.description == "p.xml:6:20")
    }
}
