import Foundation

/// Flow-record timestamps to seconds since 1970 (UTC), without Foundation date formatters:
/// they are far too slow for a million records, and the formats flow logs use are few.
public enum FlowTimestamp {
    /// Parses ISO-8601 date-time with a zone (`2026-10-01T08:00:00Z`, `…T08:00:00.25+02:00`,
    /// `…T08:00:00-0500`; a space may replace the `T`) or epoch seconds (`1790841600`,
    /// `1790841600.125`).
    /// - Returns: nil for anything else, including date-times without a zone (ambiguous).
    public static func parse(_ raw: some StringProtocol) -> Double? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }) {
            return Double(text)
        }
        return Array(text.utf8).withUnsafeBufferPointer { parse($0) }
    }

    /// Parses ISO-8601 date-time bytes with a zone (as ``parse(_:)-(StringProtocol)``, without
    /// epoch seconds).
    /// - Parameter assumeUTC: also accept a date-time without zone (and `/` as date separator,
    ///   as PAN-OS `time_generated` writes it), read as UTC.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, assumeUTC: Bool = false) -> Double? {
        // YYYY-MM-DDTHH:MM:SS at minimum (19 bytes when the zone may be implied).
        let dateSep: (UInt8) -> Bool = { $0 == 45 || (assumeUTC && $0 == 47) }
        guard b.count >= (assumeUTC ? 19 : 20), dateSep(b[4]), dateSep(b[7]), b[10] == 84 || b[10] == 116 || b[10] == 32, b[13] == 58,
            b[16] == 58,
            let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
            let hour = digits(b, 11, 2), let minute = digits(b, 14, 2), let second = digits(b, 17, 2),
            (1...12).contains(month), day >= 1, day <= daysInMonth(year, month), hour <= 23, minute <= 59,
            second <= 60
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 46 || b[i] == 44 {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
        }
        if i == b.count && assumeUTC { i = -1 }
        guard i < b.count else { return nil }
        var offset = 0
        if i < 0 {
            i = b.count
        } else if b[i] == 90 || b[i] == 122 {  // Z
            i += 1
        } else if b[i] == 43 || b[i] == 45 {  // + or -
            let sign = b[i] == 45 ? -1 : 1
            i += 1
            guard let oh = digits(b, i, 2), oh <= 23 else { return nil }
            i += 2
            if i < b.count, b[i] == 58 { i += 1 }
            guard let om = digits(b, i, 2), om <= 59 else { return nil }
            i += 2
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year, month, day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset
        return Double(seconds) + fraction
    }

    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var v = 0
        for i in start..<(start + count) {
            guard b[i] >= 48, b[i] <= 57 else { return nil }
            v = v * 10 + Int(b[i] - 48)
        }
        return v
    }

    private static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
