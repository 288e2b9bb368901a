import Foundation
internal import CLibXML2

/// Checks an XML file against an XML Schema 1.0 document with libxml2's `xmlschemas`, for
/// `cuiscope validate`. The file is streamed through `xmlTextReader` with the same safe options
/// as ``XMLReader`` (no network, no DTD loading, no entity substitution), so validating a
/// hostile file is as safe as parsing it, and a million-record flow log is not held in memory.
public enum XMLSchemaValidator {
    /// Validates `path` against the schema at `schemaPath`.
    /// - Parameter displayName: the name to report instead of `path`.
    /// - Returns: every schema and well-formedness problem, each with line and column; empty
    ///   when the file is valid. Problems with the schema itself are reported against the schema.
    public static func validate(path: String, displayName: String? = nil, schemaPath: String) -> [Diagnostic] {
        let file = displayName ?? path
        guard FileManager.default.isReadableFile(atPath: path) else {
            return [.error(SourceLocation(file: file, line: 0), "cannot read file")]
        }
        let schemaErrors = ErrorCollector(file: schemaPath)
        let schemaBox = Unmanaged.passUnretained(schemaErrors).toOpaque()
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
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

    /// Where the XSDs are: `$CUISCOPE_SCHEMAS`, else a `schemas/` directory beside the
    /// executable or one of its ancestors (a source checkout's `.build/debug/cuiscope`, an
    /// install's `bin/../share/cuiscope/schemas`), else `./schemas`.
    /// - Returns: the directory holding `cuiscope-rules.xsd`, or nil when none is found.
    public static func schemasDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> String? {
        let marker = "cuiscope-rules.xsd"
        func holdsSchemas(_ dir: String) -> Bool {
            FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(marker))
        }
        if let dir = environment["CUISCOPE_SCHEMAS"], !dir.isEmpty {
            return holdsSchemas(dir) ? dir : nil
        }
        if var dir = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            while true {
                for candidate in ["schemas", "share/cuiscope/schemas"] {
                    let path = dir.appendingPathComponent(candidate).path
                    if holdsSchemas(path) { return path }
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        let local = (currentDirectory as NSString).appendingPathComponent("schemas")
        return holdsSchemas(local) ? local : nil
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
