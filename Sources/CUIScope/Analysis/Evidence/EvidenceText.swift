import Foundation

/// Turns edges, hops and flow records into evidence an assessor can check, in plain words.
enum EvidenceText {
    static func hop(_ h: PathHop, services: ServiceSet? = nil) -> Evidence {
        let svc = services.map { " (\($0.summary))" } ?? ""
        let verb = h.action == .allow ? "allows" : "blocks"
        let what = h.rule.map { "rule '\($0)'" } ?? "default rule '\(h.defaultName ?? "default")'"
        var text = "\(h.enforcementPoint): \(what) \(verb) \(h.fromZone) → \(h.toZone)\(svc)"
        if !h.notes.isEmpty { text += "; " + h.notes.joined(separator: "; ") }
        return Evidence(kind: h.rule == nil ? .defaultRule : .rule, text: text, location: h.location,
                        rule: h.ruleLabel, enforcementPoint: h.enforcementPoint)
    }

    static func flow(_ f: Flow) -> Evidence {
        var text = "observed \(IPProtocol.name(f.proto))"
        if let p = f.destinationPort { text += "/\(p)" }
        text += " \(f.source) → \(f.destination), \(f.count) record\(f.count == 1 ? "" : "s"), \(f.bytes) bytes"
        if let a = f.firstSeen { text += ", \(timestamp(a))" }
        if let b = f.lastSeen, b != f.firstSeen { text += " to \(timestamp(b))" }
        if f.action == .deny { text += ", denied" }
        if let r = f.rule { text += ", rule '\(r)'" }
        if let d = f.device { text += " on \(d)" }
        if f.locations.count > 1 {
            text += "; records at " + f.locations.map { $0.file == f.location.file ? "line \($0.line)" : "\($0)" }
                .joined(separator: ", ")
            if f.count > f.locations.count { text += ", …" }
        }
        return Evidence(kind: .flow, text: text, location: f.location, rule: f.rule, enforcementPoint: f.device)
    }

    /// Evidence for one edge, with the peer named.
    static func edge(_ e: Edge) -> [Evidence] {
        edge(e, summary: { $0.summary }, hop: { hop($0, services: nil) })
    }

    /// The same text, with the service summary and hop evidence supplied (``EvidenceMemo``).
    static func edge(_ e: Edge, summary: (ServiceSet) -> String, hop: (PathHop) -> Evidence) -> [Evidence] {
        let ends = "\(e.from)\(e.fromAddress.map { " (\($0))" } ?? "") → \(e.to)\(e.toAddress.map { " (\($0))" } ?? "")"
        switch e.kind {
        case .sameSegment:
            return [Evidence(kind: .segment, text: "\(ends): same unfiltered segment \(e.segment ?? "?"), no enforcement point between them")]
        case .permit:
            let head = Evidence(kind: .route, text: "\(ends): permitted \(summary(e.services)) across \(e.hops.count) enforcement point\(e.hops.count == 1 ? "" : "s")")
            return [head] + e.hops.map(hop)
        case .observed:
            return e.flows.prefix(3).map(flow)
        }
    }

    static func timestamp(_ t: Double) -> String { UTCTimestampText.format(t) }

    static func inventory(_ a: Asset) -> Evidence {
        Evidence(kind: .inventory, text: "inventory row for \(a.id)", location: a.location)
    }
}

/// Edge evidence for a whole run: the same allow hops and service sets recur on the edges of
/// thousands of assets, so their texts are built once (same text as ``EvidenceText/edge(_:)``).
final class EvidenceMemo {
    private var hops: [PathHop: Evidence] = [:]
    private var summaries: [ServiceSet: String] = [:]

    func edge(_ e: Edge) -> [Evidence] {
        EvidenceText.edge(e, summary: summary, hop: hop)
    }

    private func summary(_ s: ServiceSet) -> String {
        if let known = summaries[s] { return known }
        let text = s.summary
        summaries[s] = text
        return text
    }

    private func hop(_ h: PathHop) -> Evidence {
        if let known = hops[h] { return known }
        let evidence = EvidenceText.hop(h, services: nil)
        hops[h] = evidence
        return evidence
    }
}
