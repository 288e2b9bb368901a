import Foundation

/// `reach` output. JSON is a contract (docs/ARCHITECTURE.md, Command-line contract): `decision`,
/// `enforcement_point`, `rule` (null when a default decided), `default`, `file`, `line`, `path`;
/// plus `services` and the per-service `breakdown` when several services were asked.
public enum ReachRenderer {
    /// The hop that decided the overall verdict: the first denying hop, else the first hop.
    static func decidingHop(_ a: ReachAnswer) -> PathHop? {
        let seg = a.breakdown.first { $0.decision == a.decision } ?? a.breakdown.first
        guard let hops = seg?.hops else { return nil }
        return hops.first { $0.action == .deny } ?? hops.first
    }

    /// The answer as `reach --format json` prints it (pretty, sorted keys).
    public static func json(_ a: ReachAnswer) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: document(a), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The same object on one line, for `reach --queries` (one answer per query line).
    public static func jsonLine(_ a: ReachAnswer) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: document(a), options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `{"line":N,"error":"…"}`: the answer line of a query line that could not be asked.
    public static func errorLine(line: Int, message: String) -> String {
        let text = (try? JSONSerialization.data(withJSONObject: [message], options: [.withoutEscapingSlashes]))
            .map { String(decoding: $0, as: UTF8.self).dropFirst().dropLast() } ?? "\"\""
        return "{\"line\":\(line),\"error\":\(text)}\n"
    }

    static func document(_ a: ReachAnswer) -> [String: Any] {
        let hop = decidingHop(a)
        let seg = a.breakdown.first { $0.decision == a.decision } ?? a.breakdown.first
        var doc: [String: Any] = [
            "decision": a.decision.rawValue,
            "enforcement_point": hop?.enforcementPoint ?? NSNull(),
            "rule": hop?.rule ?? NSNull(),
            "default": hop.map { $0.rule == nil } ?? true,
            "file": hop?.location.file ?? NSNull(),
            "line": hop?.location.line ?? NSNull(),
            "path": (seg?.hops ?? []).map(hopDoc),
            "services": a.allowed.summary,
            "notes": a.notes,
        ]
        if a.breakdown.count > 1 {
            doc["breakdown"] = a.breakdown.map { s -> [String: Any] in
                ["services": s.services.summary, "decision": s.decision.rawValue, "path": s.hops.map(hopDoc)]
            }
        }
        return doc
    }

    static func hopDoc(_ h: PathHop) -> [String: Any] {
        [
            "enforcement_point": h.enforcementPoint, "from_zone": h.fromZone, "to_zone": h.toZone,
            "action": h.action.rawValue, "rule": h.rule ?? NSNull(), "default": h.rule == nil,
            "default_rule": h.defaultName ?? NSNull(), "file": h.location.file, "line": h.location.line,
            "notes": h.notes,
        ]
    }

    public static func text(_ a: ReachAnswer) -> String {
        var out = "\(a.decision == .allow ? "ALLOW" : "DENY")"
        if let h = decidingHop(a) {
            out += " — \(h.rule.map { "rule '\($0)'" } ?? "default rule '\(h.defaultName ?? "default")'") on \(h.enforcementPoint) (\(h.location))"
        }
        out += "\n"
        if a.breakdown.count > 1 || a.decision == .allow { out += "  permitted services: \(a.allowed.summary)\n" }
        for s in a.breakdown {
            if a.breakdown.count > 1 { out += "  \(s.services.summary): \(s.decision.rawValue)\n" }
            for h in s.hops {
                out += "    \(h.enforcementPoint): \(h.fromZone) → \(h.toZone): \(h.action.rawValue) by \(h.rule.map { "rule '\($0)'" } ?? "default '\(h.defaultName ?? "default")'") at \(h.location)\n"
                for n in h.notes { out += "      note: \(n)\n" }
            }
        }
        for n in a.notes { out += "  note: \(n)\n" }
        return out
    }
}
