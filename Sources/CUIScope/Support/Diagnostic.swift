/// One problem found in an input, reported as `file:line:column: error: message`.
///
/// Messages name the element or column that is wrong and what was expected, never the
/// surrounding content: firewall exports carry password hashes and keys.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// Whether the input can be used: an error stops the run (exit 2), a warning or note is
    /// reported beside the result. Compiler-style levels, not a finding ``Severity``.
    public enum Level: String, Sendable, Codable, Comparable {
        case error, warning, note
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    /// The level; named `severity` as the field every output writes it under.
    public var severity: Level
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Level, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    /// `file:line:column: severity: message`, shortened as ``SourceLocation`` is when the
    /// column or line is unknown (`file:line: …`, `file: …`), the forms compilers print.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity, a.message) < (b.location, b.severity, b.message)
    }
}

/// Bad input: the run stops with exit code 2 and every listed problem is printed.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ location: SourceLocation, _ message: String) { self.diagnostics = [.error(location, message)] }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a parser keeps going, so that one run reports every problem.
public struct DiagnosticLog: Sendable {
    public private(set) var entries: [Diagnostic] = []
    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String) {
        entries.append(.error(location, message))
    }
    public mutating func warning(_ location: SourceLocation, _ message: String) {
        entries.append(.warning(location, message))
    }
    public mutating func append(_ d: Diagnostic) { entries.append(d) }
    public mutating func append(contentsOf ds: [Diagnostic]) { entries.append(contentsOf: ds) }

    public var errors: [Diagnostic] { entries.filter { $0.severity == .error } }
    public var hasErrors: Bool { entries.contains { $0.severity == .error } }

    /// Throws the collected errors (with the warnings beside them) when there is any.
    public func throwIfErrors() throws(InputError) {
        if hasErrors { throw InputError(entries.sorted()) }
    }
}
