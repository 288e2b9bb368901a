extension FlowWindow {
    /// The observation window of `--since`/`--until`.
    ///
    /// Each end is a time as flow logs write it (``FlowTimestamp/parse(_:)-(StringProtocol)``:
    /// ISO-8601 with a zone, or epoch seconds), or a bare date `YYYY-MM-DD` in UTC: for `since`
    /// the start of that day, for `until` its last millisecond, so `--until 2026-10-01` keeps the
    /// whole day. A date-time without a zone is rejected rather than guessed.
    /// - Throws: ``ArgumentError`` naming the option and the accepted forms, or when `since` is
    ///   after `until`.
    public static func parse(since: String?, until: String?) throws(ArgumentError) -> FlowWindow {
        let window = FlowWindow(since: try end(since, option: "--since", endOfDay: false),
                                until: try end(until, option: "--until", endOfDay: true))
        if let a = window.since, let b = window.until, a > b { throw ArgumentError("--since is after --until") }
        return window
    }

    private static func end(_ text: String?, option: String, endOfDay: Bool) throws(ArgumentError) -> Double? {
        guard let text else { return nil }
        if let t = FlowTimestamp.parse(text) { return t }
        if text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, let t = FlowTimestamp.parse(text + "T00:00:00Z") {
            return endOfDay ? t + 86_400 - 0.001 : t
        }
        throw ArgumentError(
            "\(option) expects an ISO-8601 time with zone (2026-10-01T00:00:00Z) or a date (2026-10-01), got '\(text)'")
    }
}
