import Foundation
import Yams

/// Reads the `--waivers` YAML file (`schemas/waivers.schema.json`): a list of waivers, or a
/// mapping with a `waivers:` list. Composed into Yams nodes (not decoded) so that every error
/// names file:line:column of the offending value, and every problem is reported at once.
public enum WaiversParser {
    static let keys = ["id", "subject", "justification", "owner", "ticket", "expires"]

    /// - Parameter displayName: the name to report instead of `path`.
    /// - Throws: ``InputError`` for unreadable files, YAML errors, unknown keys, missing fields,
    ///   unknown finding ids and dates that are not `YYYY-MM-DD`.
    public static func read(path: String, displayName: String? = nil) throws(InputError) -> [Waiver] {
        let file = displayName ?? path
        let root = try YAMLNodes.compose(path: path, file: file, kind: "waivers file")
        var log = DiagnosticLog()
        var list: Node? = root
        if let map = root?.mapping {
            list = nil
            for (key, value) in map {
                if key.scalar?.string == "waivers" {
                    list = value
                } else {
                    log.error(at(key, file), "unknown key '\(key.scalar?.string ?? "?")' in waivers file (expected 'waivers')")
                }
            }
        }
        let waivers = list.map { records($0, file: file, log: &log) } ?? []
        try log.throwIfErrors()
        return waivers
    }

    /// Reads a YAML sequence of waiver records (also used for the scope file's `waivers:`).
    static func records(_ node: Node, file: String, log: inout DiagnosticLog) -> [Waiver] {
        if YAMLNodes.isNull(node) { return [] }
        guard let seq = node.sequence else {
            log.error(at(node, file), "'waivers' must be a list of {id, subject, justification, owner, ticket, expires}")
            return []
        }
        return seq.compactMap { record($0, file: file, log: &log) }
    }

    /// Where `node` starts in `file`.
    private static func at(_ node: Node, _ file: String) -> SourceLocation { YAMLNodes.location(node, file: file) }

    private static func record(_ node: Node, file: String, log: inout DiagnosticLog) -> Waiver? {
        guard let map = node.mapping else {
            log.error(at(node, file), "each waiver must be a mapping {id, subject, justification, owner, ticket, expires}")
            return nil
        }
        var values: [String: String] = [:]
        var ok = true
        for (key, value) in map {
            let name = key.scalar?.string ?? ""
            guard keys.contains(name) else {
                log.error(at(key, file), "unknown key '\(name)' in waiver (expected \(keys.joined(separator: ", ")))")
                ok = false
                continue
            }
            guard let text = value.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                log.error(at(value, file), "'\(name)' must be a non-empty text value")
                ok = false
                continue
            }
            values[name] = text
            if name == "id", FindingID(rawValue: text) == nil {
                let examples = "\(FindingID.newEnclavePath), \(FindingID.pathEnterprise)"
                log.error(at(value, file), "'id' is not a finding id of the catalogue (e.g. \(examples))")
                ok = false
            }
            if name == "expires", !isDate(text) {
                log.error(at(value, file), "'expires' must be a date YYYY-MM-DD")
                ok = false
            }
        }
        for k in keys where values[k] == nil && map[k] == nil {
            log.error(at(node, file), "waiver is missing '\(k)'")
            ok = false
        }
        guard ok, let id = values["id"], let subject = values["subject"], let why = values["justification"],
            let owner = values["owner"], let ticket = values["ticket"], let expires = values["expires"]
        else { return nil }
        return Waiver(findingID: id, subject: subject, justification: why, owner: owner, ticket: ticket,
                      expires: expires, location: at(node, file))
    }

    /// A real calendar date written `YYYY-MM-DD` (leap years included).
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }
}
