@testable import CUIScope

/// A deliberately naive per-packet evaluator of one enforcement point, written for tests
/// independently of the reachability engine: the packet enters on the zone whose subnet holds
/// the source (else `wan`), leaves on the zone holding the destination (else `wan`); the
/// ingress rules decide first-match (else the default), then the egress rules (none = pass).
enum PFFirstMatchOracle {
    struct Verdict: Equatable, CustomStringConvertible {
        var action: RuleAction
        /// The deciding rule, nil when a default decided.
        var rule: String?
        var description: String { "\(action.rawValue) by \(rule ?? "default")" }
    }

    static func zone(of address: IPAddress, in ep: EnforcementPoint) -> String {
        ep.zones.first { z in z.subnets.contains { $0.addresses.contains(address) } }?.name ?? "wan"
    }

    static func evaluate(
        _ ep: EnforcementPoint, from src: String, to dst: String, proto: UInt8, port: UInt16 = 0
    ) -> Verdict? {
        guard let s = IPAddress(src), let d = IPAddress(dst) else { return nil }
        let inZone = zone(of: s, in: ep)
        let outZone = zone(of: d, in: ep)
        let key = ServiceSet.key(proto: proto, port: port)
        func matches(_ r: Rule) -> Bool {
            r.appliesTo(fromZone: inZone, toZone: outZone) && r.source.addresses.contains(s)
                && r.destination.addresses.contains(d) && r.services.contains(key)
        }
        let ingress: Verdict
        if let r = ep.rules.first(where: matches) {
            ingress = Verdict(action: r.action, rule: r.name)
        } else {
            ingress = Verdict(action: inZone == outZone ? ep.intrazoneDefault : ep.interzoneDefault, rule: nil)
        }
        guard ingress.action == .allow else { return ingress }
        if let r = ep.egressRules.first(where: matches), r.action == .deny {
            return Verdict(action: .deny, rule: r.name)
        }
        return ingress
    }
}
