import Foundation

/// Options of `cuiscope check`.
public struct CheckOptions: Sendable {
    /// Fail on new findings at or above this severity (info never fails).
    public var failOn: Severity
    /// Waivers from `--waivers` (the scope file's `waivers:` are added by ``ChangeCheck``).
    public var waivers: [Waiver]
    /// `YYYY-MM-DD`: waivers expire against this date, so output does not depend on the clock.
    public var today: String

    public init(failOn: Severity = .high, waivers: [Waiver] = [], today: String) {
        self.failOn = failOn
        self.waivers = waivers
        self.today = today
    }
}

/// `cuiscope check`: analyse the baseline and the proposed export, then report the difference
/// (docs/ARCHITECTURE.md, How the commands flow; docs/SCOPING.md, Judgement calls: `check` fails on
/// what is new). Pure: inputs in, result out.
public enum ChangeCheck {
    /// - Parameters:
    ///   - baseline: inputs with the baseline rules.
    ///   - proposed: the same inputs with the proposed rules.
    public static func run(baseline: AnalysisInput, proposed: AnalysisInput, options: CheckOptions) -> CheckResult {
        let before = Analyzer.run(baseline)
        let after = Analyzer.run(proposed)
        let zones = proposed.scope?.zones ?? []
        let oldTopology = Topology(zones: zones, enforcementPoints: baseline.enforcementPoints)
        let newTopology = Topology(zones: zones, enforcementPoints: proposed.enforcementPoints)

        let paths = PathDiff.changes(baseline: oldTopology, proposed: newTopology, assets: proposed.assets)
        let ruleChanges = RuleDiff.changes(baseline: baseline.enforcementPoints, proposed: proposed.enforcementPoints)
        let coverage = becameCovered(baseline: baseline.enforcementPoints, proposed: proposed.enforcementPoints,
                                     changes: ruleChanges)
        let categoryChanges = self.categoryChanges(before: before, after: after, paths: paths)
        let enclave = enclaveZones(proposed, topology: newTopology)
        let allowlist = proposed.scope?.protocolAllowlist ?? []
        var own = enclaveFindings(paths: paths, enclave: enclave, allowlist: allowlist)
        own += boundaryFindings(paths: paths, categoryChanges: categoryChanges, enclave: enclave)
        own += coverage.map(coverageFinding)

        // New vs existing vs resolved, on location-independent keys.
        let identities = FindingDiff.ruleIdentities([baseline.enforcementPoints, proposed.enforcementPoints])
        let cmp = FindingDiff.compare(baseline: before.findings, proposed: after.findings, identities: identities)
        let waived = applyWaivers(
            options.waivers + (proposed.scope?.waivers ?? []), to: after.findings + own,
            isNew: cmp.isNew + own.map { _ in true }, identities: identities, today: options.today)
        let checked = checkedFindings(waived, failOn: options.failOn)
        let resolvedPrints = FindingDiff.fingerprints(cmp.resolved, identities: identities)
        let resolved = zip(cmp.resolved, resolvedPrints).map {
            CheckedFinding(finding: $0, status: .resolved, fingerprint: $1, waiver: nil, failing: false)
        }
        return CheckResult(baseline: before, proposed: after, paths: paths, categoryChanges: categoryChanges,
                           ruleChanges: ruleChanges, coverage: coverage, findings: checked, resolved: resolved,
                           waivers: waived.uses.sorted { ($0.waiver.location.file, $0.waiver.location.line) < ($1.waiver.location.file, $1.waiver.location.line) },
                           failOn: options.failOn, today: options.today)
    }

    /// Assets whose category changed, with the path changes that touch each.
    static func categoryChanges(before: AnalysisResult, after: AnalysisResult, paths: [PathChange]) -> [CategoryChange] {
        let oldCategory = Dictionary(before.assets.map { ($0.id, $0.category) }, uniquingKeysWith: { a, _ in a })
        var out: [CategoryChange] = []
        for a in after.assets {
            guard let was = oldCategory[a.id], was != a.category else { continue }
            let touching = paths.indices.filter {
                paths[$0].sourceAssets.contains(a.id) || paths[$0].destinationAssets.contains(a.id)
            }
            out.append(CategoryChange(asset: a.id, from: was, to: a.category, reasons: a.reasons, paths: touching))
        }
        return out
    }

    /// Enclave zones as the analysis decides them: the scope file's, else the zones holding CUI assets.
    static func enclaveZones(_ input: AnalysisInput, topology: Topology) -> Set<String> {
        var enclave = input.scope?.enclave ?? []
        if enclave.isEmpty {
            let endpoints = topology.place(assets: input.assets)
            for (i, a) in input.assets.enumerated() where !a.governmentOperated && (a.handlesCUI || a.declared == .cui) {
                for e in endpoints[i] { if let z = e.zone { enclave.insert(z) } }
            }
        }
        return enclave
    }

    /// Findings after the waivers: which are new, which waiver waives each, and each waiver's use.
    struct Waived {
        var findings: [Finding]
        var isNew: [Bool]
        var prints: [String]
        var waiverOf: [Int: Waiver]
        var uses: [WaiverUse]
    }

    /// Valid waivers waive the findings they match; expired ones that match raise WAIVER-23
    /// (new) and waive nothing.
    static func applyWaivers(
        _ waivers: [Waiver], to findings: [Finding], isNew: [Bool], identities: [String: String], today: String
    ) -> Waived {
        var all = findings
        var isNew = isNew
        let prints = FindingDiff.fingerprints(all, identities: identities)
        var waiverOf: [Int: Waiver] = [:]
        var uses: [WaiverUse] = []
        var expiredFindings: [Finding] = []
        for w in waivers {
            let expired = w.isExpired(today: today)
            let hits = all.indices.filter { WaiverMatcher.matches(w, all[$0], fingerprint: prints[$0]) }
            uses.append(WaiverUse(waiver: w, expired: expired, matched: hits.map { prints[$0] }))
            if expired {
                if !hits.isEmpty { expiredFindings.append(expiredWaiverFinding(w, covering: hits.map { all[$0] }, today: today)) }
            } else {
                for i in hits where waiverOf[i] == nil { waiverOf[i] = w }
            }
        }
        all += expiredFindings
        isNew += expiredFindings.map { _ in true }
        return Waived(findings: all, isNew: isNew, prints: FindingDiff.fingerprints(all, identities: identities),
                      waiverOf: waiverOf, uses: uses)
    }

    /// Every finding with its status and whether it fails the check, failing first, then new.
    static func checkedFindings(_ w: Waived, failOn: Severity) -> [CheckedFinding] {
        var checked: [CheckedFinding] = []
        for (i, f) in w.findings.enumerated() {
            let failing = w.isNew[i] && w.waiverOf[i] == nil && f.severity != .info && f.severity >= failOn
            checked.append(CheckedFinding(finding: f, status: w.isNew[i] ? .new : .existing, fingerprint: w.prints[i],
                                          waiver: w.waiverOf[i], failing: failing))
        }
        checked.sort { a, b in
            if a.failing != b.failing { return a.failing }
            if a.status != b.status { return a.status == .new }
            return Analyzer.findingOrder(a.finding, b.finding)
        }
        return checked
    }

    /// Rules shadowed or redundant in the proposed export that were not (or did not exist) in the baseline.
    ///
    /// A rule's status depends only on the rules overlapping its match space and their order, so
    /// only rules that overlap a changed rule (added, removed, modified or moved) are examined;
    /// a changed default re-examines the whole device.
    static func becameCovered(baseline: [EnforcementPoint], proposed: [EnforcementPoint], changes: [RuleChange])
        -> [RuleCoverage]
    {
        var out: [RuleCoverage] = []
        let old = Dictionary(baseline.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let byPoint = Dictionary(grouping: changes, by: \.enforcementPoint)
        for ep in proposed {
            guard let list = byPoint[ep.name], !list.isEmpty else { continue }
            let oldEP = old[ep.name]
            let everything = list.contains { $0.kind == .defaultChanged }
            var changed: [Rule] = []
            for c in list {
                if let p = c.proposedPosition, c.kind != .removed { changed.append(ep.rules[p - 1]) }
                if let b = c.baselinePosition, let o = oldEP, c.kind == .removed || c.kind == .modified {
                    changed.append(o.rules[b - 1])
                }
            }
            let matching = oldEP.map { RuleDiff.match($0.rules, ep.rules) }
            var baselineIndex: [Int: Int] = [:]
            for p in matching?.pairs ?? [] { baselineIndex[p.proposed] = p.baseline }
            for k in ep.rules.indices {
                let r = ep.rules[k]
                if !everything && !changed.contains(where: { overlaps($0, r) }) { continue }
                guard let now = RuleCoverageAnalysis.status(of: k, in: ep) else { continue }
                if let b = baselineIndex[k], let oldEP, RuleCoverageAnalysis.status(of: b, in: oldEP)?.status == now.status {
                    continue
                }
                out.append(now)
            }
        }
        return out
    }

    /// Whether two rules can match a common packet: some zone pair both can apply to, and
    /// common sources, destinations and services. A rule that cannot meet a changed rule at any
    /// zone pair keeps its status (nothing it is compared with changed).
    static func overlaps(_ a: Rule, _ b: Rule) -> Bool {
        zonesMeet(a.from, b.from) && zonesMeet(a.to, b.to)
            && !(a.ruleType == .intrazone && b.ruleType == .interzone)
            && !(a.ruleType == .interzone && b.ruleType == .intrazone)
            && a.services.intersects(b.services) && a.source.addresses.intersects(b.source.addresses)
            && a.destination.addresses.intersects(b.destination.addresses)
    }

    private static func zonesMeet(_ a: ZoneMatch, _ b: ZoneMatch) -> Bool {
        switch (a, b) {
        case (.any, _), (_, .any): return true
        case (.zones(let x), .zones(let y)): return !x.isDisjoint(with: y)
        }
    }

    /// CHG-25: one finding per rule that opens paths into an enclave zone from outside it (per
    /// zone pair), on the services that stay data-capable after the scope file's justified allowlist.
    static func enclaveFindings(paths: [PathChange], enclave: Set<String>, allowlist: [AllowlistEntry]) -> [Finding] {
        let general = allowlist.filter { $0.to == nil }.reduce(ServiceSet()) { $0.union($1.services) }
        struct Key: Hashable {
            var cause: RuleRef?
            var fromZone: String
            var toZone: String
        }
        var groups: [Key: (change: PathChange, open: ServiceSet)] = [:]
        for c in paths where !c.opened.isEmpty && enclave.contains(c.toZone) && !enclave.contains(c.fromZone) {
            var open = c.opened.subtracting(general)
            if !c.destinationAssets.isEmpty,
                c.destinationAssets.allSatisfy({ id in
                    open.subtracting(allowlist.filter { $0.to == id }.reduce(ServiceSet()) { $0.union($1.services) }).isEmpty
                })
            {
                open = ServiceSet()
            }
            if open.isEmpty { continue }
            let key = Key(cause: c.cause, fromZone: c.fromZone, toZone: c.toZone)
            if var g = groups[key] {
                g.change.sources = g.change.sources.union(c.sources)
                g.change.destinations = g.change.destinations.union(c.destinations)
                g.change.sourceAssets = Array(Set(g.change.sourceAssets + c.sourceAssets)).sorted()
                g.change.destinationAssets = Array(Set(g.change.destinationAssets + c.destinationAssets)).sorted()
                g.change.permittedBy = PathDiff.unique(g.change.permittedBy + c.permittedBy)
                g.open = g.open.union(open)
                groups[key] = g
            } else {
                groups[key] = (c, open)
            }
        }
        var out: [Finding] = []
        for (_, g) in groups {
            let c = g.change
            let by = c.cause.map(\.text) ?? "no rule (unfiltered)"
            var evidence = (c.cause.map { [$0] } ?? []).map(\.evidence)
            evidence += c.permittedBy.filter { $0 != c.cause }.map(\.evidence)
            evidence.append(Evidence(kind: .path, text: "\(c.fromZone)->\(c.toZone)"))
            let reach = c.destinationAssets.isEmpty ? "" : "; enclave assets newly reachable: \(list(c.destinationAssets))"
            let from = c.sourceAssets.isEmpty ? "" : " (assets: \(list(c.sourceAssets)))"
            out.append(FindingCatalog.newEnclavePath.make(
                assets: Array(Set(c.sourceAssets + c.destinationAssets)),
                message: "\(by) newly permits \(c.fromZone) → \(c.toZone): \(c.sources.summary)\(from) → \(c.destinations.summary) on \(g.open.exceptSummary)\(reach).",
                evidence: evidence, primaryLocation: c.cause?.location))
        }
        return out
    }

    /// CHG-18 (info): one per zone pair whose paths changed, one per asset whose category changed.
    static func boundaryFindings(paths: [PathChange], categoryChanges: [CategoryChange], enclave: Set<String>)
        -> [Finding]
    {
        var out: [Finding] = []
        var byPair: [String: [PathChange]] = [:]
        for c in paths { byPair["\(c.fromZone)\u{1}\(c.toZone)", default: []].append(c) }
        for (_, list) in byPair.sorted(by: { $0.key < $1.key }) {
            guard let first = list.first else { continue }
            guard enclave.contains(first.fromZone) || enclave.contains(first.toZone) else { continue }
            let opened = list.filter { !$0.opened.isEmpty }.count
            let closed = list.filter { !$0.closed.isEmpty }.count
            let causes = PathDiff.unique(list.compactMap(\.cause) + list.flatMap(\.blockedBy))
            out.append(FindingCatalog.boundaryChange.make(
                assets: [],
                message: "Paths \(first.fromZone) → \(first.toZone) changed: \(opened) opened, \(closed) closed (enclave boundary).",
                evidence: causes.map(\.evidence) + [Evidence(kind: .path, text: "\(first.fromZone)->\(first.toZone)")],
                primaryLocation: causes.first?.location))
        }
        for c in categoryChanges {
            out.append(FindingCatalog.boundaryChange.make(
                assets: [c.asset],
                message: "\(c.asset) changes category: \(c.from.rawValue) → \(c.to.rawValue)" + (c.reasons.first.map { ": " + $0.text.trimmingCharacters(in: CharacterSet(charactersIn: ".")) } ?? "") + ".",
                evidence: c.reasons.flatMap(\.evidence)))
        }
        return out
    }

    static func coverageFinding(_ c: RuleCoverage) -> Finding {
        let by = c.by.map(\.text).joined(separator: ", ")
        let ref = RuleRef(enforcementPoint: c.enforcementPoint, rule: c.rule, uuid: c.uuid, action: c.action,
                          location: c.location)
        switch c.status {
        case .shadowed:
            let opens = c.action == .deny
            return FindingCatalog.shadowedRule.make(
                assets: [],
                message: "\(ref.text) (\(c.action.rawValue)) is shadowed: earlier rules decide all of its traffic (\(by))\(opens ? ", so the traffic it was written to block now passes" : "").",
                evidence: [ref.evidence] + c.by.map(\.evidence), severity: opens ? .high : .medium,
                primaryLocation: c.location)
        case .redundant:
            return FindingCatalog.redundantRule.make(
                assets: [], message: "\(ref.text) is redundant: removing it changes no decision (decided alike by \(by)).",
                evidence: [ref.evidence] + c.by.map(\.evidence), primaryLocation: c.location)
        }
    }

    static func expiredWaiverFinding(_ w: Waiver, covering: [Finding], today: String) -> Finding {
        let ids = Array(Set(covering.map(\.id))).sorted().joined(separator: ", ")
        return FindingCatalog.expiredWaiver.make(
            assets: Array(Set(covering.flatMap(\.assets))).sorted(),
            message: "Waiver for \(w.findingID) '\(w.subject)' (owner \(w.owner), ticket \(w.ticket)) expired on \(w.expires) (today is \(today)); the \(covering.count) finding(s) it covered (\(ids)) count again.",
            evidence: [Evidence(kind: .waiver, text: "waiver \(w.findingID) \(w.subject): \(w.justification)", location: w.location)],
            primaryLocation: w.location)
    }

    static func list(_ ids: [String], limit: Int = 8) -> String {
        ids.count <= limit ? ids.joined(separator: ", ")
            : ids.prefix(limit).joined(separator: ", ") + " and \(ids.count - limit) more"
    }
}
