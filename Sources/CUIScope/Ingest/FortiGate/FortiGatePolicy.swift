/// One `config firewall policy` entry as a vendor-neutral rule (docs/FORMATS.md, FortiGate).
enum FortiGatePolicy {
    static func rule(_ p: FortiNode, objects: FortiObjects, zoneOf: [String: String],
                     log: inout DiagnosticLog) -> Rule? {
        let name = p.value("name").map { "\($0) (id \(p.name))" } ?? "policy \(p.name)"
        var notes: [String] = []
        let action: RuleAction
        switch p.value("action") ?? "deny" {
        case "accept": action = .allow
        case "deny": action = .deny
        case let other:
            log.warning(p.settings["action"]?.location ?? p.location,
                        "\(name): action \(other) is not evaluated; expected accept or deny; policy skipped")
            return nil
        }
        func zones(_ key: String) -> ZoneMatch {
            let names = p.values(key)
            if names.isEmpty || names.contains("any") { return .any }
            return .zones(Set(names.map { zoneOf[$0] ?? $0 }))
        }
        func address(_ key: String, _ negateKey: String) -> AddressMatch {
            let members = p.values(key) + p.values(key + "6")
            let resolved = objects.address(members)
            let negated = p.value(negateKey) == "enable"
            let set = negated ? resolved.set.complement() : resolved.set
            return AddressMatch(set: set, negated: negated, members: members, unresolved: resolved.unresolved)
        }
        let members = p.values("service")
        var service = objects.service(members)
        if !service.unknown.isEmpty {
            log.warning(p.settings["service"]?.location ?? p.location,
                        "\(name): unknown service \(service.unknown.joined(separator: ", ")) matches nothing")
        }
        if p.value("service-negate") == "enable" {
            service.set = ServiceSet.anyService.subtracting(service.set)
            notes.append("service-negate: matches every service except \(members.joined(separator: " "))")
        }
        var unevaluated: [String] = []
        for key in ["users", "groups", "schedule", "application", "internet-service"] {
            if let v = p.settings[key], !(key == "schedule" && v.values == ["always"]) {
                unevaluated.append("\(key) \(v.values.joined(separator: " "))")
            }
        }
        return Rule(name: name, uuid: p.value("uuid"), action: action, from: zones("srcintf"), to: zones("dstintf"),
                    source: address("srcaddr", "srcaddr-negate"), destination: address("dstaddr", "dstaddr-negate"),
                    services: service.set, serviceMembers: members, disabled: p.value("status") == "disable",
                    unevaluated: unevaluated, notes: notes, description: p.value("comments"), location: p.location)
    }
}
