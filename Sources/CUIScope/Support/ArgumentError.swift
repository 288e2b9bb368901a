/// A command-line value the library cannot use, with the message to show the user (it names the
/// option and the expected form). The command line reports it as a usage error, exit code 2.
public struct ArgumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
