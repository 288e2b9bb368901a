import Foundation

/// What several renderers derive from a result: where an asset's inventory row is, where a
/// finding with no place of its own points, and the date the inputs speak for.
extension AnalysisResult {
    /// Asset id → its inventory row.
    public var assetLocations: [String: SourceLocation] {
        var out: [String: SourceLocation] = [:]
        for a in assets { out[a.id] = a.location }
        return out
    }

    /// The first input file, line 1: where a finding that names no file and no inventoried asset
    /// points in SARIF (every result needs a location there).
    public var fallbackLocation: SourceLocation? {
        inputs.first.map { SourceLocation(file: $0.file, line: 1) }
    }

    /// The latest time the inputs themselves carry, in seconds since 1970 UTC: the last flow record
    /// kept, or the FedRAMP Marketplace snapshot's date. Reports that need a date (OSCAL's
    /// `last-modified`) use it instead of the clock, so the same inputs give the same bytes;
    /// nil when no input carries a time.
    public var inputsDate: Double? {
        let times = [observation?.lastSeen, marketplaceSnapshot.flatMap(Self.parseTimestamp)].compactMap { $0 }
        return times.max()
    }

    /// An ISO-8601 timestamp (with or without fractional seconds) or a `YYYY-MM-DD` date (UTC).
    static func parseTimestamp(_ text: String) -> Double? {
        let iso = ISO8601DateFormatter()
        if let d = iso.date(from: text) { return d.timeIntervalSince1970 }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = iso.date(from: text) { return d.timeIntervalSince1970 }
        iso.formatOptions = [.withFullDate]
        return iso.date(from: text)?.timeIntervalSince1970
    }
}
