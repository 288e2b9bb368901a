@testable import CUIScope

/// A deliberately naive first-match evaluator over one enforcement point, for tests only: it
/// walks `rules` in order for a single packet and falls back to the intrazone/interzone default,
/// so parser tests can state expected verdicts without the reachability engine.
struct FirstMatchOracle {
    struct Verdict: Equatable, CustomStringConvertible {
        var action: RuleAction
        /// The deciding rule's name, or nil when a default decided.
        var rule: String?
        var description: String { "\(action.rawValue) by \(rule ?? "default")" }
    }

    let point: EnforcementPoint

    /// Decides one packet: `proto` is `tcp`, `udp`, `icmp`…; `port` is ignored for port-less protocols.
    func decide(from fromZone: String, to toZone: String, src: String, dst: String, proto: String = "tcp",
                port: UInt16 = 0) -> Verdict
    {
        guard let s = IPAddress(src), let d = IPAddress(dst), let p = IPProtocol.number(proto) else {
            preconditionFailure("bad oracle query")
        }
        let key = ServiceSet.key(proto: p, port: port)
        for rule in point.rules where rule.appliesTo(fromZone: fromZone, toZone: toZone) {
            if rule.source.addresses.contains(s), rule.destination.addresses.contains(d), rule.services.contains(key) {
                return Verdict(action: rule.action, rule: rule.name)
            }
        }
        return Verdict(action: fromZone == toZone ? point.intrazoneDefault : point.interzoneDefault, rule: nil)
    }
}
