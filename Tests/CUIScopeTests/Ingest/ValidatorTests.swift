import Testing
@testable import CUIScope

@Suite struct ValidatorTests {
    static func fixture(_ name: String) -> String { TestPaths.fixture("native/\(name)") }

    @Test func cleanFilesOfEveryKindGiveNothing() {
        let found = Validator.validate(paths: [Self.fixture("rules-good.xml"), Self.fixture("flows-good.xml"),
                                               Self.fixture("scope-good.yaml")])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func reportsSchemaAndSemanticProblemsOfEveryFile() {
        let found = Validator.validate(paths: [Self.fixture("rules-undefined-object.xml"),
                                               Self.fixture("flows-malformed.xml"), Self.fixture("scope-level4.yaml")])
        let files = Set(found.map { $0.location.file.split(separator: "/").last.map(String.init) ?? "" })
        #expect(files == ["rules-undefined-object.xml", "flows-malformed.xml", "scope-level4.yaml"])
        #expect(found.contains { $0.message.contains("undefined address object 'vdi-pool'") })
        #expect(found.filter { $0.message.hasPrefix("flow record skipped") }.count == 5)
        #expect(found.contains { $0.message.hasPrefix("schema:") })
        #expect(found.contains { $0.message.contains("'level' must be 1, 2 or 3") })
        #expect(found == found.sorted())
    }

    @Test func detectsKindsFromContentAndPassesInventoriesToTheirChecker() throws {
        let csv = TestPaths.temporaryFile("id,name,addresses\nws01,Workstation,10.20.10.15\n", name: "inv.xml")
        let json = TestPaths.temporaryFile("[{\"id\": \"ws01\"}]", name: "inv.yaml")
        #expect(try InputKind.detect(path: csv) == .inventory)
        #expect(try InputKind.detect(path: json) == .inventory)
        #expect(try InputKind.detect(path: Self.fixture("scope-good.yaml")) == .scope)
        #expect(try InputKind.detect(path: Self.fixture("rules-good.xml")) == .rules(root: "cuiscope-rules"))
        #expect(try InputKind.detect(path: Self.fixture("flows-good.xml")) == .flows(root: "cuiscope-flows"))
        var checked: [String] = []
        let found = Validator.validate(paths: [csv, json]) { path in
            checked.append(path)
            return [.error(SourceLocation(file: path, line: 2, column: 1), "checked")]
        }
        #expect(checked == [csv, json])
        #expect(found.count == 2)
    }

    @Test func unknownRootsAreNamed() {
        let other = TestPaths.temporaryFile("<inventory><x/></inventory>", name: "o.xml")
        let found = Validator.validate(paths: [other])
        #expect(found.contains { $0.message.contains("root element <inventory>") })
    }

    @Test(.tags(.samples), .samplesPresent) func vendorRootsAreNotUnknown() {
        let found = Validator.validate(paths: [TestPaths.realWorld("panos/iron-skillet_panos_full_10.1.xml")])
        #expect(!found.contains { $0.location.file.hasSuffix("iron-skillet_panos_full_10.1.xml") && $0.severity == .error })
    }
}
