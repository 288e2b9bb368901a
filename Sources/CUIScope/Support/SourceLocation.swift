/// Where a parsed object came from: the provenance every conclusion carries.
///
/// Lines and columns are 1-based, as editors and `file:line:column` diagnostics count them;
/// `column == 0` means the parser does not know the column.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, `file:line` without a column, and `file` alone for a problem with the
    /// whole file (line 0): never `file:0:0`.
    public var description: String {
        line <= 0 ? file : column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
