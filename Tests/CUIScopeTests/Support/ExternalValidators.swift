import Foundation

/// The programs other than cuiscope that read its output, run on it by the tests: Python's
/// `jsonschema` with a published schema, and compliance-trestle with NIST's OSCAL schema
/// (`Support/validate_oscal.py`). All are installed by scripts/bootstrap.sh.
enum ExternalValidators {
    /// Runs `python3 args…`; returns its exit status and everything it printed.
    static func python(_ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Validates a JSON document against a JSON Schema (the draft the schema names). Returns the
    /// validator's complaint, or nil when valid.
    static func jsonSchemaErrors(json: String, schema: String) throws -> String? {
        let doc = TestPaths.temporaryFile(json, name: "doc.json")
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            cls = jsonschema.validators.validator_for(schema)
            errors = sorted(cls(schema).iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
            for e in errors[:5]: print(list(e.path), e.message[:300])
            sys.exit(1 if errors else 0)
            """
        let r = try python(["-c", script, schema, doc])
        return r.status == 0 ? nil : r.output
    }

    /// The OASIS SARIF 2.1.0 schema (draft-04), vendored for the tests.
    static let sarifSchema = TestPaths.fixture("standards/sarif-schema-2.1.0.json")

    /// Validates SARIF against the OASIS schema; nil when valid.
    static func sarifErrors(_ json: String) throws -> String? { try jsonSchemaErrors(json: json, schema: sarifSchema) }

    /// NIST's OSCAL 1.2.3 complete JSON schema, vendored in `schemas/oscal/`.
    static let oscalSchema = TestPaths.repoRoot.appendingPathComponent("schemas/oscal/oscal_complete_schema.json").path

    /// Loads an OSCAL document into compliance-trestle's model and validates it against NIST's
    /// schema. `kind` is `ssp` or `poam`. Returns every problem, or nil when both accept it.
    static func oscalErrors(kind: String, json: String) throws -> String? {
        let doc = TestPaths.temporaryFile(json, name: "\(kind).json")
        let script = TestPaths.repoRoot.appendingPathComponent("Tests/CUIScopeTests/Support/validate_oscal.py").path
        let r = try python([script, kind, doc, oscalSchema])
        return r.status == 0 ? nil : r.output
    }
}
