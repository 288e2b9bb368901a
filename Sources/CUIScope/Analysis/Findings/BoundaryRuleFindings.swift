/// SCOPE-RULE-05 and INPUT-20: rules that open the enclave boundary too widely, defaults that
/// allow by default across it, and rules on the boundary whose objects cannot be resolved offline.
enum BoundaryRuleFindings {
    static func findings(enforcementPoints: [EnforcementPoint], enclaveZones: Set<String>) -> [Finding] {
        guard !enclaveZones.isEmpty else { return [] }
        var out: [Finding] = []
        for ep in enforcementPoints {
            let epZones = ep.zoneNames
            let inside = epZones.intersection(enclaveZones)
            let outside = epZones.subtracting(enclaveZones)
            for rule in ep.rules where !rule.disabled && rule.action == .allow {
                guard crossesBoundary(rule, inside: inside, outside: outside) else { continue }
                let loc = rule.location
                let evidence = Evidence(kind: .rule, text: "\(ep.name): rule '\(rule.name)' allows \(rule.from.names.joined(separator: ",")) → \(rule.to.names.joined(separator: ",")), source \(rule.source.addresses.summary), destination \(rule.destination.addresses.summary), services \(rule.services.summary)",
                                        location: loc, rule: rule.name, enforcementPoint: ep.name)
                var broad: [String] = []
                if rule.source.isAny { broad.append("any source") }
                if rule.destination.isAny { broad.append("any destination") }
                if rule.services.isAnyService { broad.append("any service") }
                if !broad.isEmpty {
                    out.append(FindingCatalog.permissiveRule.make(
                        assets: [], message: "\(ep.name) rule '\(rule.name)' (\(loc)) permits \(broad.joined(separator: ", ")) across the enclave boundary.",
                        evidence: [evidence], primaryLocation: loc))
                }
                if rule.hasUnresolved {
                    let names = rule.unresolvedNames.joined(separator: "; ")
                    out.append(FindingCatalog.unresolvedObject.make(
                        assets: [], message: "\(ep.name) rule '\(rule.name)' (\(loc)) allows traffic across the enclave boundary through objects that cannot be resolved offline: \(names). The path is possible but not decided.",
                        evidence: [evidence], primaryLocation: loc))
                }
            }
            if ep.interzoneDefault == .allow && !inside.isEmpty && !outside.isEmpty {
                out.append(FindingCatalog.permissiveRule.make(
                    assets: [], message: "\(ep.name) allows traffic between zones by default (interzone default allow) and joins the enclave (\(inside.sorted().joined(separator: ", "))) to \(outside.sorted().joined(separator: ", ")).",
                    evidence: [Evidence(kind: .defaultRule, text: "\(ep.name): interzone-default allow", location: ep.location, rule: "interzone-default", enforcementPoint: ep.name)],
                    primaryLocation: ep.location))
            }
        }
        return out
    }

    /// Whether an allow rule can carry traffic from outside the enclave into it, or out of it.
    static func crossesBoundary(_ rule: Rule, inside: Set<String>, outside: Set<String>) -> Bool {
        func hits(_ m: ZoneMatch, _ zones: Set<String>) -> Bool {
            switch m {
            case .any: return !zones.isEmpty
            case .zones(let z): return !z.isDisjoint(with: zones)
            }
        }
        if rule.ruleType == .intrazone { return false }
        return (hits(rule.from, outside) && hits(rule.to, inside)) || (hits(rule.from, inside) && hits(rule.to, outside))
    }
}
