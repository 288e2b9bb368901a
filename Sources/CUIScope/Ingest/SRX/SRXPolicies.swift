/// SRX security policies as vendor-neutral rules, in evaluation order (docs/FORMATS.md, Juniper SRX).
///
/// Junos looks up the policies of the packet's zone pair (`from-zone A to-zone B`) in document
/// order, then the global policies, then the default policy. Zone-pair rules carry exactly their
/// pair, so listing every pair's policies before the global ones gives that order under the
/// model's first match. An inactive policy (or zone pair) stays as a disabled rule.
struct SRXPolicies {
    let books: SRXAddressBooks
    let applications: SRXApplications
    let lenient: Bool
    var log = DiagnosticLog()
    var counts: [String: Int] = [:]
    var rules: [Rule] = []

    /// Reads `security policies`: zone pairs, then `global`.
    mutating func read(_ policies: JunosNode?, inactive: Bool) {
        guard let policies else { return }
        let off = inactive || policies.inactive
        // Zone pairs in the order they first appear (a set listing groups nothing by from-zone).
        let pairs = (policies.child("from-zone")?.children ?? []).flatMap { from in
            (from.child("to-zone")?.children ?? []).map { (from, $0) }
        }.sorted { ($0.1.location.line, $0.1.location.column) < ($1.1.location.line, $1.1.location.column) }
        for (from, to) in pairs {
            let pairOff = off || from.inactive || to.inactive || (to.child("policy")?.inactive ?? false)
            for p in to.child("policy")?.children ?? [] {
                add(p, zones: (.zones([from.word]), .zones([to.word])), books: (from.word, to.word), disabled: pairOff)
            }
        }
        let global = policies.child("global")
        for p in global?.child("policy")?.children ?? [] {
            counts["global_policies", default: 0] += 1
            let match = p.child("match")
            let zones = (zoneMatch(match?.child("from-zone")), zoneMatch(match?.child("to-zone")))
            add(p, zones: zones, books: (nil, nil), disabled: off || (global?.inactive ?? false))
        }
    }

    /// `match from-zone`/`to-zone` of a global policy: absent or `any` is every zone.
    private func zoneMatch(_ node: JunosNode?) -> ZoneMatch {
        let names = (node?.active ?? []).map(\.word)
        return names.isEmpty || names.contains("any") ? .any : .zones(Set(names))
    }

    /// Builds and appends one policy's rule, or counts it as skipped.
    private mutating func add(_ p: JunosNode, zones: (ZoneMatch, ZoneMatch), books zoneBooks: (String?, String?),
                              disabled: Bool) {
        counts["policies", default: 0] += 1
        guard var rule = rule(p, zones: zones, books: zoneBooks) else {
            counts["skipped", default: 0] += 1
            return
        }
        rule.disabled = disabled || p.inactive
        if rule.disabled { counts["disabled", default: 0] += 1 }
        if rule.source.negated || rule.destination.negated { counts["negated", default: 0] += 1 }
        if rule.hasUnresolved { counts["unresolved", default: 0] += 1 }
        rules.append(rule)
    }

    /// One policy: its `match` and `then`; nil (with an error, or a warning when lenient) when a
    /// required part is missing or a name is defined nowhere.
    private mutating func rule(_ p: JunosNode, zones: (ZoneMatch, ZoneMatch), books zoneBooks: (String?, String?)) -> Rule? {
        let label = zoneBooks.0.map { "policy \(p.word) (from-zone \($0) to-zone \(zoneBooks.1 ?? ""))" } ?? "global policy \(p.word)"
        let match = p.child("match")
        var problems: [(SourceLocation, String)] = []
        func names(_ key: String) -> [String] {
            let n = (match?.child(key)?.active ?? []).map(\.word)
            if n.isEmpty { problems.append((match?.location ?? p.location, "\(label) has no match \(key); expected one or more names or any")) }
            return n
        }
        let srcNames = names("source-address"), dstNames = names("destination-address"), appNames = names("application")
        guard let action = action(p, label: label, problems: &problems), problems.isEmpty else {
            report(problems)
            return nil
        }
        let src = address(srcNames, zone: zoneBooks.0, excluded: match?.child("source-address-excluded"),
                          key: "source-address", match: match, label: label, problems: &problems)
        let dst = address(dstNames, zone: zoneBooks.1, excluded: match?.child("destination-address-excluded"),
                          key: "destination-address", match: match, label: label, problems: &problems)
        let apps = applications.resolve(appNames)
        for name in apps.undefined {
            problems.append((match?.child("application")?.child(name)?.location ?? p.location,
                             "\(label): application \(name) is not defined"))
        }
        if !problems.isEmpty && !lenient { report(problems); return nil }
        report(problems)
        return assemble(p, action: action, zones: zones, source: src, destination: dst, apps: apps, appNames: appNames)
    }

    /// Puts the resolved parts together with the conditions recorded but not evaluated.
    private mutating func assemble(_ p: JunosNode, action: RuleAction, zones: (ZoneMatch, ZoneMatch),
                                   source: AddressMatch, destination: AddressMatch,
                                   apps: SRXApplications.Resolved, appNames: [String]) -> Rule {
        var unevaluated = apps.unevaluated
        let known: Set = ["source-address", "destination-address", "application", "source-address-excluded",
                          "destination-address-excluded", "from-zone", "to-zone"]
        for key in p.child("match")?.active ?? [] where !known.contains(key.word) {
            unevaluated.append("match \(key.word) \(key.words.joined(separator: " "))")
        }
        if let s = p.value("scheduler-name") { unevaluated.append("scheduler-name \(s)") }
        if !apps.unknownPredefined.isEmpty {
            log.warning(p.child("match")?.child("application")?.location ?? p.location,
                        "policy \(p.word): predefined application \(apps.unknownPredefined.joined(separator: ", ")) is not in the junos-* table; it matches nothing and is reported as unresolved")
        }
        var rule = Rule(name: p.word, action: action, from: zones.0, to: zones.1, source: source, destination: destination,
                        services: apps.services, serviceMembers: appNames, applications: appNames,
                        unevaluated: unevaluated, description: p.value("description"), location: p.location)
        rule.unresolvedServices = apps.unknownPredefined.map { "\($0) (predefined application not in the table)" }
        return rule
    }

    /// `then permit` → allow; `then deny`/`reject` → deny. A missing action is a problem.
    private func action(_ p: JunosNode, label: String, problems: inout [(SourceLocation, String)]) -> RuleAction? {
        let then = p.child("then")
        let words = (then?.active ?? []).map(\.word)
        if words.contains("permit") { return .allow }
        if words.contains("deny") || words.contains("reject") { return .deny }
        problems.append((then?.location ?? p.location, "\(label) has no then permit, deny or reject"))
        return nil
    }

    /// Resolves one side; undefined names are problems (unresolved members when lenient).
    private func address(_ names: [String], zone: String?, excluded: JunosNode?, key: String, match: JunosNode?,
                         label: String, problems: inout [(SourceLocation, String)]) -> AddressMatch {
        let r = books.resolve(names, zone: zone)
        for name in r.undefined {
            let book = zone.map { "the address books of zone \($0) or the global book" } ?? "the global address book"
            problems.append((match?.child(key)?.child(name)?.location ?? match?.location ?? SourceLocation(file: "", line: 0),
                             "\(label): \(key) \(name) is not defined in \(book)"))
        }
        let negated = excluded.map { !$0.inactive } ?? false
        return AddressMatch(set: negated ? r.set.complement() : r.set, negated: negated, members: names,
                            unresolved: r.unresolved + r.undefined.map { "\($0) (not defined)" })
    }

    /// Errors, or warnings (rule skipped or kept with unresolved members) under `--lenient`.
    private mutating func report(_ problems: [(SourceLocation, String)]) {
        for (loc, message) in problems {
            if lenient { log.warning(loc, message) } else { log.error(loc, message) }
        }
    }
}
