/// The order people read zone and asset names in: digit runs compare as numbers, so `z2` comes
/// before `z9` and `z19` (docs/DECISIONS.md 108). Graphviz places clusters and nodes in the order
/// they are written, so the diagrams emit them in this order.
enum NaturalOrder {
    /// Whether `a` comes before `b`: run by run, numbers by value (then by length, so `07` follows
    /// `7`), text by Unicode scalars; equal keys fall back to plain string order, so the order is
    /// total and the output deterministic.
    static func less(_ a: String, _ b: String) -> Bool {
        let ra = runs(a), rb = runs(b)
        for (x, y) in zip(ra, rb) where x != y {
            switch (x, y) {
            case (.number(let m, let ml), .number(let n, let nl)):
                if m == n { return ml < nl }
                return m.count != n.count ? m.count < n.count : m < n
            case (.number, .text): return true
            case (.text, .number): return false
            case (.text(let s), .text(let t)): return s < t
            }
        }
        return ra.count != rb.count ? ra.count < rb.count : a < b
    }

    enum Run: Equatable {
        /// Digits without leading zeros, and the run's original length.
        case number(String, Int)
        case text(String)
    }

    static func runs(_ s: String) -> [Run] {
        var out: [Run] = []
        var current = ""
        var digits = false
        func flush() {
            guard !current.isEmpty else { return }
            if digits {
                let trimmed = String(current.drop { $0 == "0" })
                out.append(.number(trimmed.isEmpty ? "0" : trimmed, current.count))
            } else {
                out.append(.text(current))
            }
            current = ""
        }
        for ch in s {
            let isDigit = ch.isASCII && ch.isNumber
            if isDigit != digits { flush(); digits = isDigit }
            current.append(ch)
        }
        flush()
        return out
    }
}
