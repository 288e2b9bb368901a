/// Date and time texts for generated logs, from seconds since 1970 (proleptic Gregorian, no
/// Foundation formatter: a million records need a million timestamps).
enum CivilTime {
    /// (year, month, day, hour, minute, second) of an epoch second, by H. Hinnant's civil-from-days.
    static func fields(_ t: Int) -> (Int, Int, Int, Int, Int, Int) {
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = t - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secs / 3600, secs % 3600 / 60, secs % 60)
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// `2026-10-01T08:00:00Z`, or with milliseconds and an offset when `offset` is given.
    static func iso(_ t: Int, millis: Int? = nil, offset: String? = nil) -> String {
        let (y, mo, d, h, mi, s) = fields(t)
        var out = "\(y)-\(two(mo))-\(two(d))T\(two(h)):\(two(mi)):\(two(s))"
        if let millis { out += "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + "\(millis)" }
        return out + (offset ?? "Z")
    }

    /// `2026/10/01 08:00:00`, as PAN-OS writes `time_generated`.
    static func panos(_ t: Int) -> String {
        let (y, mo, d, h, mi, s) = fields(t)
        return "\(y)/\(two(mo))/\(two(d)) \(two(h)):\(two(mi)):\(two(s))"
    }
}
