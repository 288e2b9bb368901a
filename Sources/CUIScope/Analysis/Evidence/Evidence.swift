/// One checkable piece of evidence behind a conclusion: an assessor can open `file` at
/// `line` and find the rule, row or record.
public struct Evidence: Sendable, Hashable, Codable, Comparable {
    /// What the evidence points at. The raw values are the `kind` field of the JSON, SARIF and
    /// text outputs, which scripts read: add cases, never rename one.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// The asset's inventory row.
        case inventory
        /// A vendor rule that decided a hop (allow or block).
        case rule
        /// A default rule (interzone/intrazone default, implicit deny) that decided a hop.
        case defaultRule = "default-rule"
        /// A subnet shared without an enforcement point between its members.
        case segment
        /// Zones with no route between them.
        case zone
        /// A flow record (or an aggregate of records).
        case flow
        /// A statement of the scope file (the intended zone policy).
        case scope
        /// A FedRAMP Marketplace record.
        case marketplace
        /// The head of a permitted path: its ends, services and number of enforcement points.
        case route
        /// A zone pair a path crosses (`from->to`), which waivers match on.
        case path
        /// A waiver of the scope or waivers file.
        case waiver
        /// A host or port of a network scan (`--scan`).
        case scan

        public var description: String { rawValue }
    }

    public var kind: Kind
    /// Plain words: what this evidence shows.
    public var text: String
    public var file: String?
    public var line: Int?
    /// Vendor rule name (or default rule name) when the evidence is a rule.
    public var rule: String?
    public var enforcementPoint: String?

    public init(kind: Kind, text: String, location: SourceLocation? = nil, rule: String? = nil,
                enforcementPoint: String? = nil) {
        self.kind = kind
        self.text = text.compacted
        self.file = location?.file
        self.line = location?.line
        self.rule = rule
        self.enforcementPoint = enforcementPoint
    }

    enum CodingKeys: String, CodingKey {
        case kind, text, file, line, rule
        case enforcementPoint = "enforcement_point"
    }

    public var locationText: String? {
        guard let file else { return nil }
        return line.map { "\(file):\($0)" } ?? file
    }

    public static func < (a: Evidence, b: Evidence) -> Bool {
        (a.file ?? "", a.line ?? 0, a.kind.rawValue, a.text) < (b.file ?? "", b.line ?? 0, b.kind.rawValue, b.text)
    }
}

/// A reason for a category, in plain words, with its evidence.
public struct Reason: Sendable, Hashable, Codable {
    public var text: String
    public var evidence: [Evidence]
    public init(_ text: String, evidence: [Evidence] = []) {
        self.text = text.compacted
        self.evidence = evidence
    }
}

extension String {
    /// The same text in storage of its exact size. Interpolation grows its buffer by doubling,
    /// so a built text can hold up to twice its bytes; evidence and reason texts are kept for
    /// every asset until the report is written (a large share of the peak memory).
    var compacted: String {
        let n = utf8.count
        guard n > 15 else { return self }  // small strings are stored inline
        var copy = self
        return copy.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: n) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return n
            }
        }
    }
}
