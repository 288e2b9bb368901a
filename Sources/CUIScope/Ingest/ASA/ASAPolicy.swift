/// Compiles the ASA's evaluation into one first-match list per direction (docs/FORMATS.md,
/// Cisco ASA, Evaluation order; docs/DECISIONS.md 126):
///
/// 1. a shut-down interface passes nothing;
/// 2. traffic to the device's own addresses is decided by management access, never by ACLs;
/// 3. traffic between two interfaces of one security level, or back out of its arrival
///    interface, is dropped unless `same-security-traffic permit inter-/intra-interface`;
/// 4. the inbound ACL of the arrival interface, then the global ACL;
/// 5. with neither, the implicit permits: to every interface of a lower security level (and the
///    same level when `same-security-traffic` allows it);
/// 6. the implicit deny (both defaults).
///
/// The outbound ACL of the leaving interface is a second stage (`egressRules`) with its own
/// implicit deny.
struct ASAPolicy {
    let interfaces: [ASAInterface]
    let lists: ASAAccessLists
    let bindings: ASABindings

    /// Ingress rules after the management rules, in the order above.
    func ingress() -> [Rule] {
        var out = interfaces.filter(\.shutdown).flatMap(shutdown)
        out += sameSecurity()
        for i in interfaces {
            guard let b = bindings.inbound[i.name] else { continue }
            out += (lists.lists[b.acl] ?? []).map {
                $0.rule(from: .zones([i.name]), to: .any, binding: "in \(i.name)")
            }
        }
        if let g = bindings.global {
            out += (lists.lists[g.acl] ?? []).map { $0.rule(from: .any, to: .any, binding: "global") }
        } else {
            out += interfaces.filter { bindings.inbound[$0.name] == nil }.compactMap(implicitPermit)
        }
        return out
    }

    /// Outbound ACLs, each closed by its implicit deny.
    func egress() -> [Rule] {
        var out: [Rule] = []
        for i in interfaces {
            guard let b = bindings.outbound[i.name] else { continue }
            out += (lists.lists[b.acl] ?? []).map {
                $0.rule(from: .any, to: .zones([i.name]), binding: "out \(i.name)")
            }
            out.append(Rule(name: "implicit deny: end of \(b.acl) out interface \(i.name)", action: .deny, to: .zones([i.name]),
                            description: "implicit: every access list ends with a deny", location: b.location))
        }
        return out
    }

    private func shutdown(_ i: ASAInterface) -> [Rule] {
        let note = "implicit: a shut-down interface passes no traffic"
        return [
            Rule(name: "implicit deny: interface \(i.name) is shut down (in)", action: .deny, from: .zones([i.name]),
                 description: note, location: i.location),
            Rule(name: "implicit deny: interface \(i.name) is shut down (out)", action: .deny, to: .zones([i.name]),
                 description: note, location: i.location),
        ]
    }

    /// Same-security drops, which no access rule lifts (docs/DECISIONS.md 126).
    private func sameSecurity() -> [Rule] {
        var out: [Rule] = []
        for i in interfaces {
            if !bindings.intraInterface {
                out.append(Rule(name: "implicit deny: back out of interface \(i.name) (same-security-traffic intra-interface not permitted)",
                                action: .deny, from: .zones([i.name]), to: .zones([i.name]),
                                description: "implicit: traffic may not leave by the interface it entered", location: i.location))
            }
            let peers = interfaces.filter { $0.name != i.name && $0.level == i.level }.map(\.name)
            if !bindings.interInterface, !peers.isEmpty {
                out.append(Rule(name: "implicit deny: \(i.name) to interfaces of the same security level \(i.level) (same-security-traffic inter-interface not permitted)",
                                action: .deny, from: .zones([i.name]), to: .zones(Set(peers)),
                                description: "implicit: interfaces of one security level do not talk", location: i.location))
            }
        }
        return out
    }

    /// The security-level permit of an interface without an inbound or global ACL.
    private func implicitPermit(_ i: ASAInterface) -> Rule? {
        var to = interfaces.filter { $0.level < i.level }.map(\.name)
        if bindings.interInterface { to += interfaces.filter { $0.level == i.level && $0.name != i.name }.map(\.name) }
        if bindings.intraInterface { to.append(i.name) }
        guard !to.isEmpty else { return nil }
        return Rule(name: "implicit permit: \(i.name) (security-level \(i.level)) to lower security levels", action: .allow,
                    from: .zones([i.name]), to: .zones(Set(to)),
                    description: "implicit: no access list is bound inbound, so traffic to lower security levels passes",
                    location: i.location)
    }
}
