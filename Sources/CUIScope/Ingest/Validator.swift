import Foundation

/// `cuiscope validate FILE...`: reads each file as the kind its content says it is and
/// reports every problem found — schema violations (native XML, against the XSDs in
/// `schemas/`) and the semantic checks the analysis would apply (undefined objects, cycles,
/// bad CIDRs, malformed flow records, scope-file values) — without analysing anything.
public enum Validator {
    /// Validates every file.
    /// - Parameters:
    ///   - paths: files of any supported kind, in any order.
    ///   - inventoryCheck: checks one inventory file (CSV or JSON). The inventory reader lives
    ///     elsewhere; the command line passes a closure that calls it.
    ///   - schemasDirectory: a directory whose `cuiscope-rules.xsd` and `cuiscope-flows.xsd`
    ///     override the compiled-in schemas (`CUISCOPE_SCHEMAS`); nil uses the built-in ones.
    /// - Returns: every diagnostic, sorted by file, line and column; empty when all files are clean.
    public static func validate(
        paths: [String], inventoryCheck: (String) -> [Diagnostic] = { _ in [] },
        schemasDirectory: String? = XMLSchemaValidator.schemasDirectory()
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for path in paths {
            out.append(contentsOf: validate(path: path, inventoryCheck: inventoryCheck,
                                            schemasDirectory: schemasDirectory))
        }
        out = exportNotes(paths, replacing: out)
        // Schema and reader may both report one malformed-XML error; list it once.
        var seen = Set<Diagnostic>()
        return out.filter { seen.insert($0).inserted }.sorted()
    }

    /// Files of a multi-file format (docs/DECISIONS.md 145) are one export: their notes about the
    /// export as a whole (line 0, "security groups not evaluated") come from reading them
    /// together, not from each file alone.
    private static func exportNotes(_ paths: [String], replacing found: [Diagnostic]) -> [Diagnostic] {
        let grouped = paths.filter { path in
            guard let head = try? InputHead(path: path) else { return false }
            return ReaderRegistry.rulesReader(for: head) is any MultiFileRulesFormatReader
        }
        guard !grouped.isEmpty else { return found }
        let members = Set(grouped)
        let kept = found.filter { !($0.severity == .note && $0.location.line == 0 && members.contains($0.location.file)) }
        let together = RulesReader.readAll(paths: grouped).ruleSets.flatMap(\.diagnostics)
        return kept + together.filter { $0.severity == .note && $0.location.line == 0 }
    }

    private static func validate(
        path: String, inventoryCheck: (String) -> [Diagnostic], schemasDirectory: String?
    ) -> [Diagnostic] {
        let kind: InputKind
        do {
            kind = try InputKind.detect(path: path)
        } catch {
            return error.diagnostics
        }
        switch kind {
        case .rules(let root):
            var found: [Diagnostic] = []
            if root == NativeRulesParser.rootName {
                found += schema(path, "cuiscope-rules.xsd", in: schemasDirectory)
            }
            do {
                let rules = try RulesReader.read(path: path, lenient: false)
                found += rules.diagnostics
            } catch {
                found += error.diagnostics
            }
            return found
        case .flows(let root):
            var found: [Diagnostic] = []
            if root == NativeFlowsParser.rootName {
                found += schema(path, "cuiscope-flows.xsd", in: schemasDirectory)
            }
            do {
                let log = try FlowsReader.read(path: path, strict: true)
                found += log.skipped
            } catch {
                found += error.diagnostics
            }
            return found
        case .unknownXML(let root, let location):
            if root.isEmpty { return XMLReader.checkWellFormed(path).ifEmpty([.error(location, "malformed XML")]) }
            return [.error(location, "unrecognised XML input: root element <\(root)> (expected one of "
                + RulesReader.knownRoots + ", " + FlowsReader.knownRoots + ", <\(NmapXMLParser.rootName)> (nmap -oX))")]
        case .unsupported(let format, let location):
            return [.error(location, ReaderRegistry.unsupportedMessage(named: format))]
        case .scan:
            do {
                return try NmapXMLParser.read(path: path).skipped
            } catch {
                return error.diagnostics
            }
        case .marketplace:
            do {
                _ = try FedRAMPMarketplaceParser.read(path: path)
                return []
            } catch {
                return error.diagnostics
            }
        case .scope:
            do {
                _ = try ScopeFileParser.read(path: path, displayName: nil)
                return []
            } catch {
                return error.diagnostics
            }
        case .inventory:
            return inventoryCheck(path)
        }
    }

    /// Schema problems of a native file: against `CUISCOPE_SCHEMAS`'s copy when set, else the
    /// compiled-in schema.
    private static func schema(_ path: String, _ name: String, in directory: String?) -> [Diagnostic] {
        guard let directory else { return XMLSchemaValidator.validate(path: path, embeddedSchema: name) }
        let schemaPath = (directory as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: schemaPath) else {
            return [.error(SourceLocation(file: schemaPath, line: 0),
                           "CUISCOPE_SCHEMAS names a directory without \(name) (unset it to use the built-in schemas)")]
        }
        return XMLSchemaValidator.validate(path: path, schemaPath: schemaPath)
    }
}

extension Array {
    fileprivate func ifEmpty(_ replacement: [Element]) -> [Element] { isEmpty ? replacement : self }
}
