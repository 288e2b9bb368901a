/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970, the text `ISO8601DateFormatter` with
/// `.withInternetDateTime` gives, without creating a Foundation formatter: evidence for
/// hundreds of thousands of flow records would otherwise spend most of `analyze` building ICU
/// date formatters.
enum UTCTimestampText {
    static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        var days = whole / 86_400
        var rest = whole % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (y, m, d) = civil(fromDays: days)
        var out = ""
        out.reserveCapacity(20)
        out += pad(y, 4)
        out += "-" + pad(m, 2) + "-" + pad(d, 2)
        out += "T" + pad(rest / 3600, 2) + ":" + pad(rest % 3600 / 60, 2) + ":" + pad(rest % 60, 2) + "Z"
        return out
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
