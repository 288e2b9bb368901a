import Foundation

/// Resolves the names a rule uses to address and service sets through a chain of
/// ``PANOSObjectScope``s, nearest level first.
///
/// Firewall: a vsys object shadows a shared one, and a shared group's members are looked up
/// from shared (shared objects cannot see a vsys). Panorama (`descendantsWin`): a firewall
/// receives its device group's objects flattened with its ancestors', the nearest definition
/// winning (Panorama's default; "ancestor objects take precedence" is not modelled), so even an
/// inherited group's members are looked up from the firewall's own device group.
///
/// What cannot be known offline (FQDNs missing from the hosts mapping, dynamic groups without
/// tagged objects, EDLs, regions) becomes an unresolved member with the reason; undefined names
/// are errors, or unresolved members with a warning when `lenient`.
final class PANOSObjectResolver {
    /// Addresses a name denotes plus the parts that could not be resolved, with why.
    struct Addresses {
        var set = AddressSet()
        var unresolved: [String] = []
    }

    /// Services a name denotes plus notes on what the set cannot express.
    struct Services {
        var set = ServiceSet()
        var notes: [String] = []
    }

    private(set) var scopes: [PANOSObjectScope]
    let hosts: [String: [IPAddress]]
    let lenient: Bool
    let descendantsWin: Bool
    var log = DiagnosticLog()
    private var reported: Set<Diagnostic> = []
    private var groupCache: [Key: Addresses] = [:]
    private var serviceGroupCache: [Key: Services] = [:]
    private var inProgress: Set<Key> = []

    private struct Key: Hashable {
        var scope: Int
        var name: String
    }

    /// Predefined PAN-OS external dynamic lists (contents known only to the firewall).
    static let predefinedEDLPrefix = "panw-"

    init(scopes: [PANOSObjectScope], hosts: [String: [IPAddress]], lenient: Bool, descendantsWin: Bool) {
        self.scopes = scopes
        self.hosts = hosts
        self.lenient = lenient
        self.descendantsWin = descendantsWin
    }

    /// The scopes searched from `start`, nearest first.
    func chain(from start: Int) -> [Int] {
        var out: [Int] = []
        var next: Int? = start
        while let s = next, !out.contains(s) {
            out.append(s)
            next = scopes[s].parent
        }
        return out
    }

    // MARK: addresses

    /// Resolves one `source`/`destination` member (object, group, literal, EDL, region, `any`).
    func address(_ member: String, at location: SourceLocation, scope: Int) -> Addresses {
        if member == "any" { return Addresses(set: .full) }
        for s in chain(from: scope) {
            let level = scopes[s]
            if let a = level.addresses[member] { return resolveObject(a) }
            if level.groups[member] != nil { return group(member, definedIn: s, lookupFrom: scope) }
            if level.externalLists[member] != nil {
                return Addresses(unresolved: ["\(member) (external dynamic list; contents known only at run time)"])
            }
            if let r = level.regions[member] { return Addresses(set: r) }
        }
        if let literal = AddressSet.parse(member) { return Addresses(set: literal) }
        if member.hasPrefix(Self.predefinedEDLPrefix) {
            return Addresses(unresolved: ["\(member) (predefined external dynamic list; contents known only at run time)"])
        }
        if member.count == 2, member.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            return Addresses(unresolved: ["\(member) (region; geolocation addresses not in the config)"])
        }
        undefined("address object", member, at: location)
        return Addresses(unresolved: ["\(member) (undefined object)"])
    }

    private func resolveObject(_ a: PANOSObjectScope.Address) -> Addresses {
        switch a.value {
        case .set(let s):
            return Addresses(set: s)
        case .fqdn(let host):
            let key = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if let ips = hosts[host] ?? hosts[key], !ips.isEmpty {
                return Addresses(set: AddressSet(ips.map { AddressSet.Interval($0.value, $0.value) }))
            }
            return Addresses(unresolved: ["\(a.name) (FQDN \(host) not in the hosts mapping)"])
        case .unsupported(let why):
            return Addresses(unresolved: ["\(a.name) (\(why))"])
        }
    }

    private func group(_ name: String, definedIn s: Int, lookupFrom scope: Int) -> Addresses {
        let start = descendantsWin ? scope : s
        let key = Key(scope: start, name: name)
        if let cached = groupCache[key] { return cached }
        guard let g = scopes[s].groups[name] else { return Addresses() }
        if inProgress.contains(key) {
            report(.error(g.location, "address-group '\(name)' contains itself (member cycle)"))
            return Addresses(unresolved: ["\(name) (group cycle)"])
        }
        inProgress.insert(key)
        defer { inProgress.remove(key) }
        var out = Addresses()
        switch g.kind {
        case .members(let members):
            for m in members {
                let r = address(m.name, at: m.location, scope: start)
                out.set = out.set.union(r.set)
                for u in r.unresolved where !out.unresolved.contains(u) { out.unresolved.append(u) }
            }
        case .dynamic(let filter, _):
            guard let filter else {
                out.unresolved = ["\(name) (dynamic group with an unreadable filter)"]
                break
            }
            var seen: Set<String> = []
            var matched = 0
            for level in chain(from: start) {
                for addrName in scopes[level].addressOrder where !seen.contains(addrName) {
                    seen.insert(addrName)
                    guard let a = scopes[level].addresses[addrName], filter.matches(a.tags) else { continue }
                    matched += 1
                    let r = resolveObject(a)
                    out.set = out.set.union(r.set)
                    out.unresolved.append(contentsOf: r.unresolved)
                }
            }
            if matched == 0 {
                out.unresolved = ["\(name) (dynamic group: no tagged object in the config matches; registered IPs unknown)"]
            }
        case .unsupported:
            out.unresolved = ["\(name) (address-group without static or dynamic members)"]
        }
        groupCache[key] = out
        return out
    }

    // MARK: services

    /// Resolves one `service` member other than `any` and `application-default`.
    func service(_ member: String, at location: SourceLocation, scope: Int) -> Services? {
        for s in chain(from: scope) {
            let level = scopes[s]
            if let svc = level.services[member] {
                guard let set = svc.services else { return Services(notes: ["service \(member) unreadable; contributes no ports"]) }
                return Services(set: set, notes: svc.notes)
            }
            if level.serviceGroups[member] != nil { return serviceGroup(member, definedIn: s, lookupFrom: scope) }
        }
        if let predefined = PANOSApplications.predefinedService(member) { return Services(set: predefined) }
        undefined("service", member, at: location)
        return nil
    }

    private func serviceGroup(_ name: String, definedIn s: Int, lookupFrom scope: Int) -> Services {
        let start = descendantsWin ? scope : s
        let key = Key(scope: start, name: name)
        if let cached = serviceGroupCache[key] { return cached }
        guard let g = scopes[s].serviceGroups[name] else { return Services() }
        if inProgress.contains(key) {
            report(.error(g.location, "service-group '\(name)' contains itself (member cycle)"))
            return Services(notes: ["service-group \(name) has a member cycle"])
        }
        inProgress.insert(key)
        defer { inProgress.remove(key) }
        var out = Services()
        for m in g.members {
            if let r = service(m.name, at: m.location, scope: start) {
                out.set = out.set.union(r.set)
                out.notes.append(contentsOf: r.notes.filter { !out.notes.contains($0) })
            } else {
                out.notes.append("service \(m.name) undefined; contributes no ports")
            }
        }
        serviceGroupCache[key] = out
        return out
    }

    // MARK: applications

    /// The default services of an application or application group; nil when unknown
    /// (predefined App-ID outside the table, application filter, custom app without ports).
    func applicationDefault(_ app: String, scope: Int, depth: Int = 0) -> ServiceSet? {
        guard depth < 16 else { return nil }
        for s in chain(from: scope) {
            if let custom = scopes[s].applications[app] { return custom }
            if let members = scopes[s].applicationGroups[app] {
                var out = ServiceSet()
                for m in members {
                    guard let set = applicationDefault(m, scope: s, depth: depth + 1) else { return nil }
                    out = out.union(set)
                }
                return out
            }
        }
        return PANOSApplications.defaultServices(app)
    }

    // MARK: diagnostics

    /// Reports a diagnostic once, however many rules reach the same definition.
    func report(_ d: Diagnostic) {
        if reported.insert(d).inserted { log.append(d) }
    }

    private func undefined(_ what: String, _ name: String, at location: SourceLocation) {
        let message = "\(what) '\(name)' is not defined"
        report(lenient ? .warning(location, message + "; treated as unresolved (--lenient)") : .error(location, message))
    }
}
