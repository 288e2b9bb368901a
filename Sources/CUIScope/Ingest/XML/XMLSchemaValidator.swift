import Foundation
internal import CLibXML2

/// Checks an XML file against an XML Schema 1.0 document with libxml2's `xmlschemas`, for
/// `cuiscope validate`. The file is streamed through `xmlTextReader` with the same safe options
/// as ``XMLReader`` (no network, no DTD loading, no entity substitution), so validating a
/// hostile file is as safe as parsing it, and a million-record flow log is not held in memory.
public enum XMLSchemaValidator {
    /// Validates `path` against the schema at `schemaPath` (a `CUISCOPE_SCHEMAS` override).
    /// - Parameter displayName: the name to report instead of `path`.
    /// - Returns: every schema and well-formedness problem, each with line and column; empty
    ///   when the file is valid. Problems with the schema itself are reported against the schema.
    public static func validate(path: String, displayName: String? = nil, schemaPath: String) -> [Diagnostic] {
        validate(path: path, displayName: displayName, schemaName: schemaPath) { xmlSchemaNewParserCtxt(schemaPath) }
    }

    /// Validates `path` against one of the schemas compiled into the tool (`cuiscope-rules.xsd`,
    /// `cuiscope-flows.xsd`), so validation works wherever the binary is installed.
    public static func validate(path: String, displayName: String? = nil, embeddedSchema name: String) -> [Diagnostic] {
        guard let text = EmbeddedSchemas.byName[name] else {
            return [.error(SourceLocation(file: name, line: 0), "no such built-in XML schema")]
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                validate(path: path, displayName: displayName, schemaName: name) {
                    xmlSchemaNewMemParserCtxt(base, Int32(buffer.count))
                }
            }
        }
    }

    /// The validation itself, with the schema's parser context made by `makeParser`.
    private static func validate(
        path: String, displayName: String?, schemaName: String, makeParser: () -> xmlSchemaParserCtxtPtr?
    ) -> [Diagnostic] {
        let file = displayName ?? path
        guard FileManager.default.isReadableFile(atPath: path) else {
            return [.error(SourceLocation(file: file, line: 0), "cannot read file")]
        }
        let schemaPath = schemaName
        let schemaErrors = ErrorCollector(file: schemaPath)
        let schemaBox = Unmanaged.passUnretained(schemaErrors).toOpaque()
        guard let parserContext = makeParser() else {
            return [.error(SourceLocation(file: schemaPath, line: 0), "cannot read XML schema")]
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        xmlSchemaSetParserStructuredErrors(parserContext, collect, schemaBox)
        let schema = withExtendedLifetime(schemaErrors) { xmlSchemaParse(parserContext) }
        guard let schema else {
            return schemaErrors.diagnostics.isEmpty
                ? [.error(SourceLocation(file: schemaPath, line: 0), "invalid XML schema")] : schemaErrors.diagnostics
        }
        defer { xmlSchemaFree(schema) }
        guard let validContext = xmlSchemaNewValidCtxt(schema) else {
            return [.error(SourceLocation(file: schemaPath, line: 0), "cannot create schema validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(validContext) }
        guard let reader = xmlReaderForFile(path, nil, XMLReader.options) else {
            return [.error(SourceLocation(file: file, line: 0), "cannot open file as XML")]
        }
        defer { xmlFreeTextReader(reader) }

        let errors = ErrorCollector(file: file)
        let box = Unmanaged.passUnretained(errors).toOpaque()
        return withExtendedLifetime(errors) { () -> [Diagnostic] in
            // The reader relays the validator's errors to its own handler once both are set,
            // in this order, so parse and schema problems arrive in one place.
            xmlSchemaSetValidStructuredErrors(validContext, collect, box)
            xmlTextReaderSetStructuredErrorHandler(reader, collect, box)
            guard xmlTextReaderSchemaValidateCtxt(reader, validContext, 0) == 0 else {
                return [.error(SourceLocation(file: file, line: 0), "cannot start schema validation")]
            }
            var entityReported = false
            while true {
                let ret = xmlTextReaderRead(reader)
                if ret == 1, !entityReported,
                    xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)
                {
                    entityReported = true
                    errors.diagnostics.append(.warning(
                        SourceLocation(file: file, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                       column: Int(xmlTextReaderGetParserColumnNumber(reader))),
                        "entity reference left unexpanded (entity expansion is disabled)"))
                }
                if ret != 1 { break }
            }
            if xmlTextReaderIsValid(reader) == 0, !errors.diagnostics.contains(where: { $0.severity == .error }) {
                errors.diagnostics.append(.error(SourceLocation(file: file, line: 0), "document is not schema-valid"))
            }
            return errors.diagnostics
        }
    }

    /// Where XSDs that override the built-in ones are: `$CUISCOPE_SCHEMAS` (a directory with
    /// `cuiscope-rules.xsd` and `cuiscope-flows.xsd`), for trying a schema change without a
    /// rebuild. Nil (the usual case) means the compiled-in schemas (docs/DECISIONS.md 115).
    public static func schemasDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        guard let dir = environment["CUISCOPE_SCHEMAS"], !dir.isEmpty else { return nil }
        return dir
    }
}

/// libxml2 structured-error callback: hands each error to the ``ErrorCollector`` in `context`.
private let collect: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}

/// Turns libxml2 errors into diagnostics, without the values they quote.
private final class ErrorCollector {
    let file: String
    var diagnostics: [Diagnostic] = []
    init(file: String) { self.file = file }

    func record(_ e: xmlError) {
        var message = e.message.map { String(cString: $0) } ?? "XML schema error"
        message = Self.redact(message.trimmingCharacters(in: .whitespacesAndNewlines))
        let location = SourceLocation(file: file, line: Int(e.line), column: Int(e.int2))
        let isSchema = e.domain == Int32(XML_FROM_SCHEMASV.rawValue) || e.domain == Int32(XML_FROM_SCHEMASP.rawValue)
        let text = isSchema ? "schema: \(message)" : "malformed XML: \(message)"
        if e.level.rawValue >= XML_ERR_ERROR.rawValue {
            diagnostics.append(.error(location, text))
        } else {
            diagnostics.append(.warning(location, text))
        }
    }

    /// libxml2 quotes offending values ("The value 'x' is not…", "'x' is not a valid value…");
    /// values may be secrets in a mis-fed config file, so only names are kept.
    static func redact(_ message: String) -> String {
        var m = message.replacing(/[Tt]he value '[^']*'/, with: "The value")
        m = m.replacing(/^'[^']*' is not a valid value/, with: "The value is not a valid value")
        m = m.replacing(/\[facet '([a-zA-Z]+)'\] The value '[^']*'/, with: "[facet '$1'] The value")
        return m
    }
}
