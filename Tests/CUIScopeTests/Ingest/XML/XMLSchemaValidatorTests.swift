import Foundation
import Testing
@testable import CUIScope

@Suite struct XMLSchemaValidatorTests {
    @Test("the compiled-in schemas are the repository's schemas/*.xsd (scripts/embed-schemas.sh)")
    func embeddedSchemasMatchTheFiles() throws {
        let dir = TestPaths.repoRoot.appendingPathComponent("schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".xsd") }
        #expect(Set(files) == Set(EmbeddedSchemas.byName.keys))
        for name in files {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let normalised = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.allSatisfy(\.isWhitespace) ? "" : String($0) }.joined(separator: "\n")
            #expect(EmbeddedSchemas.byName[name] == normalised.trimmingCharacters(in: .newlines),
                    "\(name) changed: run scripts/embed-schemas.sh")
        }
    }

    @Test("CUISCOPE_SCHEMAS is an override only; unset means the built-in schemas")
    func overrideOnly() {
        #expect(XMLSchemaValidator.schemasDirectory(environment: [:]) == nil)
        #expect(XMLSchemaValidator.schemasDirectory(environment: ["CUISCOPE_SCHEMAS": "/x"]) == "/x")
    }

    @Test(arguments: [("rules-good.xml", "cuiscope-rules.xsd"), ("flows-good.xml", "cuiscope-flows.xsd")])
    func acceptsGoodFixtures(file: String, schema: String) throws {
        let found = XMLSchemaValidator.validate(path: TestPaths.fixture("native/\(file)"), embeddedSchema: schema)
        #expect(found.isEmpty, "\(found)")
        let viaFile = XMLSchemaValidator.validate(
            path: TestPaths.fixture("native/\(file)"),
            schemaPath: TestPaths.repoRoot.appendingPathComponent("schemas/\(schema)").path)
        #expect(viaFile.isEmpty, "\(viaFile)")
    }

    @Test func rejectsABadFileWithLineNumbers() throws {
        let found = XMLSchemaValidator.validate(path: TestPaths.fixture("native/rules-schema-invalid.xml"),
                                                displayName: "bad.xml", embeddedSchema: "cuiscope-rules.xsd")
        #expect(found.map(\.location.line) == [3, 5, 7])
        #expect(found.allSatisfy { $0.severity == .error && $0.location.file == "bad.xml" })
        #expect(found[0].message.contains("default-action"))
        #expect(!found[0].message.contains("block"))  // values are not echoed
        #expect(found[1].message.contains("sauce"))
        #expect(found[2].message.contains("'name' is required"))
    }

    @Test func rejectsMalformedFlowRecords() throws {
        let found = XMLSchemaValidator.validate(path: TestPaths.fixture("native/flows-malformed.xml"),
                                                embeddedSchema: "cuiscope-flows.xsd")
        #expect(Set(found.map(\.location.line)) == [4, 5, 6, 7, 8])
    }

    @Test("a binary copied out of the build validates with its own schemas and never prints :0")
    func copiedBinaryValidates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("cuiscope")
        // Copied by cp, not by this process: a write descriptor of ours, inherited by a child
        // another test forks meanwhile, would make exec fail with "Text file busy".
        let cp = Process()
        cp.executableURL = URL(fileURLWithPath: "/bin/cp")
        cp.arguments = [CLIRunner.executable.path, copy.path]
        try cp.run()
        cp.waitUntilExit()
        #expect(cp.terminationStatus == 0)
        let p = Process()
        p.executableURL = copy
        p.arguments = ["validate", TestPaths.fixture("native/rules-schema-invalid.xml")]
        p.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["CUISCOPE_SCHEMAS"] = nil
        p.environment = environment
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(text.contains("rules-schema-invalid.xml:3:"), "\(text)")
        #expect(!text.contains("schemas not found") && !text.contains(":0:") && !text.contains(":0 "), "\(text)")
    }
}
