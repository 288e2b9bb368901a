/// One checkable piece of evidence behind a conclusion: an assessor can open `file` at
/// `line` and find the rule, row or record.
public struct Evidence: Sendable, Hashable, Codable, Comparable {
    /// `inventory`, `rule`, `default-rule`, `segment`, `zone`, `flow`, `scope`, `marketplace`, `route`.
    public var kind: String
    /// Plain words: what this evidence shows.
    public var text: String
    public var file: String?
    public var line: Int?
    /// Vendor rule name (or default rule name) when the evidence is a rule.
    public var rule: String?
    public var enforcementPoint: String?

    public init(kind: String, text: String, location: SourceLocation? = nil, rule: String? = nil,
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
        (a.file ?? "", a.line ?? 0, a.kind, a.text) < (b.file ?? "", b.line ?? 0, b.kind, b.text)
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
