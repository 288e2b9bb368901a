import Testing
@testable import CUIScope

@Suite struct XMLSchemaValidatorTests {
    static func schema(_ name: String) throws -> String {
        let dir = try #require(XMLSchemaValidator.schemasDirectory())
        return dir + "/" + name
    }

    @Test func schemasAreFoundBesideTheBuild() throws {
        let dir = try #require(XMLSchemaValidator.schemasDirectory())
        #expect(dir.hasSuffix("schemas"))
        #expect(XMLSchemaValidator.schemasDirectory(environment: ["CUISCOPE_SCHEMAS": "/nonexistent"]) == nil)
        #expect(XMLSchemaValidator.schemasDirectory(environment: ["CUISCOPE_SCHEMAS": dir]) == dir)
    }

    @Test(arguments: [("rules-good.xml", "cuiscope-rules.xsd"), ("flows-good.xml", "cuiscope-flows.xsd")])
    func acceptsGoodFixtures(file: String, schema: String) throws {
        let found = XMLSchemaValidator.validate(path: TestPaths.fixture("native/\(file)"), schemaPath: try Self.schema(schema))
        #expect(found.isEmpty, "\(found)")
    }

    @Test func rejectsABadFileWithLineNumbers() throws {
        let found = XMLSchemaValidator.validate(path: TestPaths.fixture("native/rules-schema-invalid.xml"),
                                                displayName: "bad.xml", schemaPath: try Self.schema("cuiscope-rules.xsd"))
        #expect(found.map(\.location.line) == [3, 5, 7])
        #expect(found.allSatisfy { $0.severity == .error && $0.location.file == "bad.xml" })
        #expect(found[0].message.contains("default-action"))
        #expect(!found[0].message.contains("block"))  // values are not echoed
        #expect(found[1].message.contains("sauce"))
        #expect(found[2].message.contains("'name' is required"))
    }

    @Test func rejectsMalformedFlowRecords() throws {
        let found = XMLSchemaValidator.validate(path: TestPaths.fixture("native/flows-malformed.xml"),
                                                schemaPath: try Self.schema("cuiscope-flows.xsd"))
        #expect(Set(found.map(\.location.line)) == [4, 5, 6, 7, 8])
    }
}
