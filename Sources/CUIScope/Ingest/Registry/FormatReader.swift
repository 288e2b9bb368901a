/// Options every rules reader receives.
public struct RulesReadOptions: Sendable {
    /// Skip rules with problems and list them in ``RuleSet/diagnostics``.
    public var lenient: Bool
    /// Name → addresses from a hosts file or the inventory, the only way FQDN objects are
    /// resolved (never DNS).
    public var hosts: [String: [IPAddress]]

    public init(lenient: Bool = false, hosts: [String: [IPAddress]] = [:]) {
        self.lenient = lenient
        self.hosts = hosts
    }
}

/// A firewall rules format: its names, how its content is recognised, and how it is read.
/// Each vendor folder under `Ingest/` holds one conforming type, and ``ReaderRegistry/rules``
/// lists it once; dispatch, `validate` detection, messages and `--help` all derive from that
/// list (docs/DECISIONS.md 90).
public protocol RulesFormatReader: Sendable {
    /// `--rules-format` values this reader answers to; the first is its main name.
    var names: [String] { get }
    /// What people call the format, for messages and help ("PAN-OS", "pfSense").
    var label: String { get }
    /// What the sniff looks for, for messages ("root element <pfsense> or <opnsense>").
    var signature: String { get }
    /// Whether the file's head is this format.
    func sniff(_ head: InputHead) -> Bool
    /// Reads the whole file.
    /// - Parameters:
    ///   - path: the file to open.
    ///   - displayName: the name diagnostics and provenance use, when not `path`.
    func read(path: String, displayName: String?, options: RulesReadOptions) throws(InputError) -> RuleSet
}

/// A format the tool recognises but cannot read yet: named in one clear line, never misread
/// as another kind of input (docs/DECISIONS.md 91).
public struct RecognisedFormat: Sendable {
    /// What people call the format ("Check Point rulebase JSON").
    public let label: String
    /// Whether the file's head is this format.
    public let sniff: @Sendable (InputHead) -> Bool

    public init(_ label: String, sniff: @escaping @Sendable (InputHead) -> Bool) {
        self.label = label
        self.sniff = sniff
    }
}

/// A rules format exported as several files that only make sense together (a cloud account's
/// `describe-*` calls): every `--rules` file of the format in one run is read as one export
/// (docs/DECISIONS.md 145). `read(path:…)` reads a single file as an export of its own.
public protocol MultiFileRulesFormatReader: RulesFormatReader {
    /// Reads the files together, in the order given.
    func read(files: [(path: String, displayName: String)], options: RulesReadOptions) throws(InputError) -> RuleSet
}
