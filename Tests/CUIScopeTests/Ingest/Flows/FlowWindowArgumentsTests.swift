import Testing

@testable import CUIScope

/// `--since`/`--until` as an observation window. Expected instants were computed outside the
/// code under test (Python `calendar.timegm`): 2026-10-01T00:00:00Z is 1790812800,
/// 2028-02-29T00:00:00Z is 1835395200.
@Suite("Flow window arguments")
struct FlowWindowArgumentsTests {
    static let october1: Double = 1_790_812_800

    @Test("no --since and no --until is the unbounded window")
    func unbounded() throws {
        let w = try FlowWindow.parse(since: nil, until: nil)
        #expect(w == .unbounded && !w.isBounded)
    }

    @Test("ISO-8601 with a zone: Z, ±hh:mm and ±hhmm name the same instant", arguments: [
        "2026-10-01T00:00:00Z", "2026-10-01T02:00:00+02:00", "2026-09-30T19:00:00-0500", "2026-10-01 00:00:00Z",
    ])
    func isoWithZone(text: String) throws {
        #expect(try FlowWindow.parse(since: text, until: nil) == FlowWindow(since: Self.october1))
        #expect(try FlowWindow.parse(since: nil, until: text) == FlowWindow(until: Self.october1))
    }

    @Test("fractional seconds are kept")
    func fraction() throws {
        #expect(try FlowWindow.parse(since: "2026-10-01T00:00:00.25Z", until: nil).since == Self.october1 + 0.25)
    }

    @Test("epoch seconds, as flow logs write them, are accepted")
    func epochSeconds() throws {
        #expect(try FlowWindow.parse(since: "1790812800", until: "1790812800.5") == FlowWindow(since: Self.october1, until: Self.october1 + 0.5))
    }

    @Test("a bare date is the whole UTC day: since its first instant, until its last millisecond")
    func bareDate() throws {
        let w = try FlowWindow.parse(since: "2026-10-01", until: "2026-10-01")
        #expect(w.since == Self.october1)
        #expect(w.until == Self.october1 + 86_400 - 0.001)
        #expect(w.admits(first: Self.october1 + 86_399.5, last: nil) == true)
        #expect(w.admits(first: Self.october1 + 86_400, last: nil) == false)
        #expect(w.admits(first: Self.october1 - 0.5, last: nil) == false)
    }

    @Test("29 February exists in leap years only")
    func leapDay() throws {
        #expect(try FlowWindow.parse(since: "2028-02-29", until: nil).since == 1_835_395_200)
        #expect(throws: ArgumentError.self) { try FlowWindow.parse(since: "2026-02-29", until: nil) }
    }

    @Test("a date-time without a zone, a malformed date or other text is refused, naming the option", arguments: [
        "2026-10-01T00:00:00", "2026-13-01", "2026-10-1", "2026-10-32", "yesterday", "", "2026-10-01T25:00:00Z",
    ])
    func refused(text: String) {
        let expected = "expects an ISO-8601 time with zone (2026-10-01T00:00:00Z) or a date (2026-10-01), got '\(text)'"
        #expect(throws: ArgumentError("--since " + expected)) { try FlowWindow.parse(since: text, until: nil) }
        #expect(throws: ArgumentError("--until " + expected)) { try FlowWindow.parse(since: nil, until: text) }
    }

    @Test("--since after --until is refused; the same instant is a valid window")
    func order() throws {
        #expect(throws: ArgumentError("--since is after --until")) {
            try FlowWindow.parse(since: "2026-10-02", until: "2026-10-01")
        }
        #expect(throws: ArgumentError("--since is after --until")) {
            try FlowWindow.parse(since: "2026-10-01T00:00:00.001Z", until: "2026-10-01T00:00:00Z")
        }
        let instant = try FlowWindow.parse(since: "2026-10-01T00:00:00Z", until: "2026-10-01T00:00:00Z")
        #expect(instant == FlowWindow(since: Self.october1, until: Self.october1))
    }
}
