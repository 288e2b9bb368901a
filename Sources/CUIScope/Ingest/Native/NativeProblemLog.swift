import Foundation

/// Collects the problems of one native-XML parse and applies the `--lenient` policy in one place.
///
/// Strict (default): every problem is an error and the parse throws them all at the end, so one
/// run lists every mistake. Lenient: the smallest unit that holds the problem (a rule, an
/// object, an interface) is skipped, and the problem is kept as a warning that says what was
/// skipped, so the report can list and count it (docs/FORMATS.md, Bad input).
struct NativeProblemLog {
    let lenient: Bool
    private(set) var log = DiagnosticLog()
    /// Units skipped in lenient mode (rules, objects, interfaces, enforcement points).
    private(set) var skippedCount = 0
    private(set) var skippedRules = 0

    init(lenient: Bool) { self.lenient = lenient }

    /// Records a problem that makes `unit` unusable (`"rule 'x'"`, `"interface 'eth1'"`).
    mutating func problem(_ location: SourceLocation, _ message: String, skipping unit: String) {
        if lenient {
            log.warning(location, "\(message) (\(unit) skipped)")
        } else {
            log.error(location, message)
        }
    }

    /// Notes that a rule was left out in lenient mode (for `RuleSet.counts["skipped"]`).
    mutating func countSkippedRule() { skippedRules += 1 }

    /// A problem that only matters for the lenient listing (strict mode already reported the
    /// cause at the object that is broken).
    mutating func lenientOnly(_ location: SourceLocation, _ message: String) {
        if lenient { log.warning(location, message) }
    }

    mutating func append(_ diagnostic: Diagnostic) { log.append(diagnostic) }

    var hasErrors: Bool { log.hasErrors }
    var entries: [Diagnostic] { log.entries }
}

/// Structural checks shared by the native parsers: the XSD says the same, but the parsers run
/// without it, and a misspelt attribute (`negate-destinaton`) silently ignored would change
/// what a rule matches.
enum NativeShape {
    /// Reports every attribute of `element` that is not in `allowed`.
    static func checkAttributes(
        _ element: XMLElement, allowed: Set<String>, into log: inout NativeProblemLog, skipping unit: String
    ) -> Bool {
        var ok = true
        for attribute in element.attributes where !allowed.contains(attribute.name) {
            log.problem(element.location, "unknown attribute '\(attribute.name)' on <\(element.name)>", skipping: unit)
            ok = false
        }
        return ok
    }

    /// Reports a required attribute that is missing or empty; returns its trimmed value.
    static func required(
        _ name: String, of element: XMLElement, into log: inout NativeProblemLog, skipping unit: String
    ) -> String? {
        let value = element.attribute(name)?.trimmedWhitespaceAndNewlines ?? ""
        if value.isEmpty {
            log.problem(element.location, "<\(element.name)> is missing the required attribute '\(name)'",
                        skipping: unit)
            return nil
        }
        return value
    }

    /// Reads a yes/no flag (`yes|no|true|false`, absent = `no`).
    static func flag(
        _ name: String, of element: XMLElement, into log: inout NativeProblemLog, skipping unit: String
    ) -> Bool? {
        guard let raw = element.attribute(name) else { return false }
        switch raw.trimmedWhitespace.lowercased() {
        case "yes", "true": return true
        case "no", "false": return false
        default:
            log.problem(element.location, "attribute '\(name)' of <\(element.name)> must be yes or no",
                        skipping: unit)
            return nil
        }
    }

    /// Text content of a leaf element; reports child elements and empty text.
    static func leafText(_ element: XMLElement, into log: inout NativeProblemLog, skipping unit: String) -> String? {
        if let child = element.children.first {
            log.problem(child.location, "unexpected element <\(child.name)> inside <\(element.name)>",
                        skipping: unit)
            return nil
        }
        let text = element.text
        if text.isEmpty {
            log.problem(element.location, "<\(element.name)> is empty", skipping: unit)
            return nil
        }
        return text
    }
}
