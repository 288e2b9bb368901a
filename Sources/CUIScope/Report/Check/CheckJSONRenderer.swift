import Foundation

/// `check --format json`: the verdict, the path, category and rule differences, and every
/// finding with its status (new, existing, resolved), fingerprint and waiver. Keys sorted.
public enum CheckJSONRenderer {
    /// Asset pairs listed in `asset_paths` at most; the rest are counted in `asset_paths_omitted`.
    public static let assetPairLimit = 10_000

    public static func render(_ r: CheckResult) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? enc.encode(Document(r))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct RefDoc: Encodable {
        var enforcement_point: String, rule: String?, uuid: String?, action: String, file: String, line: Int
        init(_ r: RuleRef) {
            enforcement_point = r.enforcementPoint; rule = r.rule ?? r.defaultName; uuid = r.uuid
            action = r.action.rawValue; file = r.location.file; line = r.location.line
        }
    }

    struct PathDoc: Encodable {
        var from_zone: String, to_zone: String, sources: String, destinations: String
        var source_assets: [String], destination_assets: [String], opened: String?, closed: String?
        var permitted_by: [RefDoc], cause: RefDoc?, formerly_permitted_by: [RefDoc], blocked_by: [RefDoc]
        init(_ p: PathChange) {
            from_zone = p.fromZone; to_zone = p.toZone; sources = p.sources.summary
            destinations = p.destinations.summary; source_assets = p.sourceAssets
            destination_assets = p.destinationAssets
            opened = p.opened.isEmpty ? nil : p.opened.exceptSummary; closed = p.closed.isEmpty ? nil : p.closed.exceptSummary
            permitted_by = p.permittedBy.map(RefDoc.init); cause = p.cause.map(RefDoc.init)
            formerly_permitted_by = p.formerlyPermittedBy.map(RefDoc.init); blocked_by = p.blockedBy.map(RefDoc.init)
        }
    }

    struct AssetPathDoc: Encodable {
        var from: String, to: String, opened: String?, closed: String?, rule: RefDoc?
    }

    struct FindingDoc: Encodable {
        var id: String, severity: String, review: Bool, title: String, assets: [String], message: String
        var evidence: [Evidence], remediation: String, basis: String, file: String?, line: Int?
        var status: String, fingerprint: String, failing: Bool, waiver: WaiverDoc?
        init(_ c: CheckedFinding) {
            let f = c.finding
            id = f.id; severity = f.severity.rawValue; review = f.review; title = f.title; assets = f.assets
            message = f.message; evidence = f.evidence; remediation = f.remediation; basis = f.basis
            file = f.primaryLocation?.file; line = f.primaryLocation?.line
            status = c.status.rawValue; fingerprint = c.fingerprint; failing = c.failing
            waiver = c.waiver.map { WaiverDoc($0, expired: false, matched: nil) }
        }
    }

    struct WaiverDoc: Encodable {
        var id: String, subject: String, justification: String, owner: String, ticket: String, expires: String
        var file: String, line: Int, expired: Bool, matched: [String]?
        init(_ w: Waiver, expired: Bool, matched: [String]?) {
            id = w.findingID; subject = w.subject; justification = w.justification; owner = w.owner
            ticket = w.ticket; expires = w.expires; file = w.location.file; line = w.location.line
            self.expired = expired; self.matched = matched
        }
    }

    struct RuleChangeDoc: Encodable {
        var kind: String, enforcement_point: String, rule: String, uuid: String?
        var baseline_file: String?, baseline_line: Int?, proposed_file: String?, proposed_line: Int?
        var baseline_position: Int?, proposed_position: Int?, details: [String]
        init(_ c: RuleChange) {
            kind = c.kind.rawValue; enforcement_point = c.enforcementPoint; rule = c.rule; uuid = c.uuid
            baseline_file = c.baseline?.file; baseline_line = c.baseline?.line
            proposed_file = c.proposed?.file; proposed_line = c.proposed?.line
            baseline_position = c.baselinePosition; proposed_position = c.proposedPosition; details = c.details
        }
    }

    struct CoverageDoc: Encodable {
        var status: String, enforcement_point: String, rule: String, action: String, file: String, line: Int
        var by: [RefDoc]
        init(_ c: RuleCoverage) {
            status = c.status.rawValue; enforcement_point = c.enforcementPoint; rule = c.rule
            action = c.action.rawValue; file = c.location.file; line = c.location.line; by = c.by.map(RefDoc.init)
        }
    }

    struct CategoryDoc: Encodable {
        var asset: String, from: String, to: String, reasons: [String], paths: [Int]
        init(_ c: CategoryChange) {
            asset = c.asset; from = c.from.rawValue; to = c.to.rawValue; reasons = c.reasons.map(\.text); paths = c.paths
        }
    }

    struct Document: Encodable {
        var tool: [String: String]
        var result: String
        var fail_on: String
        var today: String
        var summary: [String: Int]
        var paths: [PathDoc]
        var asset_paths: [AssetPathDoc]
        var asset_paths_omitted: Int
        var category_changes: [CategoryDoc]
        var rule_changes: [RuleChangeDoc]
        var shadowed_or_redundant: [CoverageDoc]
        var findings: [FindingDoc]
        var resolved: [FindingDoc]
        var waivers: [WaiverDoc]

        init(_ r: CheckResult) {
            tool = ["name": ToolInfo.name, "version": ToolInfo.version]
            result = r.failed ? "fail" : "pass"
            fail_on = r.failOn.rawValue
            today = r.today
            paths = r.paths.map(PathDoc.init)
            var pairs: [AssetPathDoc] = []
            var omitted = 0
            for p in r.paths {
                for s in p.sourceAssets {
                    for d in p.destinationAssets where s != d {
                        if pairs.count >= CheckJSONRenderer.assetPairLimit {
                            omitted += 1
                            continue
                        }
                        pairs.append(AssetPathDoc(from: s, to: d, opened: p.opened.isEmpty ? nil : p.opened.exceptSummary,
                                                  closed: p.closed.isEmpty ? nil : p.closed.exceptSummary,
                                                  rule: (p.cause ?? p.blockedBy.first).map(RefDoc.init)))
                    }
                }
            }
            asset_paths = pairs
            asset_paths_omitted = omitted
            category_changes = r.categoryChanges.map(CategoryDoc.init)
            rule_changes = r.ruleChanges.map(RuleChangeDoc.init)
            shadowed_or_redundant = r.coverage.map(CoverageDoc.init)
            findings = r.findings.map(FindingDoc.init)
            resolved = r.resolved.map(FindingDoc.init)
            waivers = r.waivers.map { WaiverDoc($0.waiver, expired: $0.expired, matched: $0.matched) }
            summary = [
                "failing": r.failing.count, "new": r.findings.filter { $0.status == .new }.count,
                "existing": r.findings.filter { $0.status == .existing }.count, "resolved": r.resolved.count,
                "waived": r.waived.count, "paths_opened": r.paths.filter { !$0.opened.isEmpty }.count,
                "paths_closed": r.paths.filter { !$0.closed.isEmpty }.count,
                "category_changes": r.categoryChanges.count, "rule_changes": r.ruleChanges.count,
                "expired_waivers": r.waivers.filter { $0.expired && !$0.matched.isEmpty }.count,
            ]
        }
    }
}
