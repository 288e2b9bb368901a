/// Compiles pf's evaluation into the vendor-neutral first-match lists (docs/FORMATS.md, pfSense and
/// OPNsense, pf evaluation order).
///
/// pf evaluates every rule; a `quick` rule decides at its first match, otherwise the *last*
/// matching rule decides. Quick rules therefore come first in their pf order, and the
/// non-quick ones follow in *reverse* pf order, so first match over the list gives pf's
/// verdict. pf order is: implicit rules, OPNsense MVC rules (by `sequence`), quick floating
/// rules, interface-group rules, interface rules (implicitly quick) — document order within
/// each. Rules on the `out` leg go to `egressRules` with the same transformation.
enum PFSensePolicy {
    static func compile(implicit: [PFRule], mvc: [PFRule], legacy: [PFRule]) -> (ingress: [Rule], egress: [Rule]) {
        let floating = legacy.filter(\.floating)
        let groups = legacy.filter { !$0.floating && $0.isGroup }
        let own = legacy.filter { !$0.floating && !$0.isGroup }
        let order = implicit + mvc + floating + groups + own
        func leg(_ wanted: (PFDirection) -> Bool, egress: Bool) -> [Rule] {
            let rules = order.filter { wanted($0.direction) }
            let placed = rules.filter(\.quick) + rules.filter { !$0.quick }.reversed()
            return placed.map { r in
                var rule = r.rule
                let zones: ZoneMatch = r.interfaces.map { .zones($0) } ?? .any
                if egress { rule.from = .any; rule.to = zones } else { rule.from = zones; rule.to = .any }
                if !r.quick { rule.notes.append("not quick: the last matching non-quick rule decides") }
                return rule
            }
        }
        return (leg({ $0 != .out }, egress: false), leg({ $0 != .in }, egress: true))
    }
}
