import Foundation
import Yams

/// What the YAML readers (scope file, waivers, zone policy) share. Documents are composed into
/// Yams nodes rather than decoded, so every value keeps its mark and every problem names
/// file:line:column of the offending value.
enum YAMLNodes {
    /// Reads a UTF-8 YAML file (a byte order mark is dropped; gzip-compressed is read decompressed)
    /// and composes its nodes.
    /// - Parameters:
    ///   - file: the name diagnostics use.
    ///   - kind: what the file is, for the not-UTF-8 message ("scope file", "waivers file").
    /// - Returns: the root node, nil for an empty document.
    /// - Throws: ``InputError`` for an unreadable file, text that is not UTF-8 and YAML syntax errors.
    static func compose(path: String, file: String, kind: String) throws(InputError) -> Node? {
        let data = try InputFile.contents(path: path, file: file)
        guard var text = String(data: data, encoding: .utf8) else {
            throw InputError(SourceLocation(file: file, line: 1), "\(kind) is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        do { return try Yams.compose(yaml: text) } catch {
            throw InputError([diagnostic(error, file: file)])
        }
    }

    /// A YAML syntax error at its 1-based mark, with libyaml's problem text (never the content).
    static func diagnostic(_ error: any Error, file: String) -> Diagnostic {
        guard let yaml = error as? YamlError else {
            return .error(SourceLocation(file: file, line: 1), "invalid YAML")
        }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .error(SourceLocation(file: file, line: mark.line, column: mark.column), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                          "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in mapping")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(file: file, line: 1), "invalid YAML: \(problem)")
        default:
            return .error(SourceLocation(file: file, line: 1), "invalid YAML")
        }
    }

    /// Where a node starts; line 1 when there is no node or mark.
    static func location(_ node: Node?, file: String) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// A plain scalar the YAML core schema reads as null: empty, `~`, `null`, `Null`, `NULL`.
    static func isNull(_ node: Node) -> Bool {
        guard let s = node.scalar, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }
}
