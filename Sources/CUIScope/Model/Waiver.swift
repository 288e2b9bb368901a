/// An accepted risk: a finding that `check` lists but does not fail on until `expires`.
///
/// `subject` names what is waived: an asset id, a rule (`name` or uuid), a path
/// (`FROM->TO`, zones or asset ids) or a finding fingerprint (16 hex digits, as printed by
/// `check`). Prefixes `asset:`, `rule:`, `path:` and `fingerprint:` restrict the match to one kind.
public struct Waiver: Sendable, Hashable {
    /// The finding id waived (`CHG-25`, `SCOPE-PATH-01`, …).
    public var findingID: String
    public var subject: String
    public var justification: String
    public var owner: String
    public var ticket: String
    /// `YYYY-MM-DD`; the waiver holds through that day.
    public var expires: String
    public var location: SourceLocation

    public init(findingID: String, subject: String, justification: String, owner: String, ticket: String,
                expires: String, location: SourceLocation) {
        self.findingID = findingID
        self.subject = subject
        self.justification = justification
        self.owner = owner
        self.ticket = ticket
        self.expires = expires
        self.location = location
    }

    /// Expired when its last valid day is before `today` (both `YYYY-MM-DD`, so text order is date order).
    public func isExpired(today: String) -> Bool { expires < today }
}
