import Foundation

@testable import CUIScope

/// The report's former `JSONEncoder` documents, kept verbatim as the reference the streaming
/// ``JSONReportRenderer`` must match byte for byte.
enum EncoderReferenceReport {
    static func render(_ r: AnalysisResult) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? enc.encode(Document(r))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var tool: [String: String]
        var level: Int
        var organisation: String?
        var inputs: [InputDoc]
        var allowlist: [AllowDoc]
        var marketplace_snapshot: String?
        var observation_window: WindowDoc?
        var assets: [AssetDoc]
        var findings: [FindingDoc]
        var summary: SummaryDoc

        init(_ r: AnalysisResult) {
            tool = ["name": ToolInfo.name, "version": ToolInfo.version]
            level = r.level.rawValue
            organisation = r.organisation
            inputs = r.inputs.map(InputDoc.init)
            allowlist = r.allowlist.map(AllowDoc.init)
            marketplace_snapshot = r.marketplaceSnapshot
            observation_window = r.observation.map(WindowDoc.init)
            assets = r.assets.map(AssetDoc.init)
            findings = r.findings.map(FindingDoc.init)
            summary = SummaryDoc(r)
        }
    }

    struct DiagnosticDoc: Encodable {
        var file: String, line: Int, column: Int, severity: String, message: String
        init(_ d: Diagnostic) {
            file = d.location.file; line = d.location.line; column = d.location.column
            severity = d.severity.rawValue; message = d.message
        }
    }

    struct InputDoc: Encodable {
        var file: String, format: String, records: Int, skipped: [DiagnosticDoc], warnings: [DiagnosticDoc]
        var counts: [String: Int]
        var window: WindowDoc?
        init(_ i: InputSummary) {
            file = i.file; format = i.format; records = i.records
            skipped = i.skipped.sorted().map(DiagnosticDoc.init); counts = i.counts
            warnings = i.warnings.map(DiagnosticDoc.init)
            window = i.window.map(WindowDoc.init)
        }
    }

    /// Times as ISO-8601 UTC strings; null for an open end or when no record carried a time.
    struct WindowDoc: Encodable {
        var since: String?, until: String?, first_seen: String?, last_seen: String?, records: Int, kept: Int
        init(_ w: ObservationWindow) {
            since = w.since.map(EvidenceText.timestamp); until = w.until.map(EvidenceText.timestamp)
            first_seen = w.firstSeen.map(EvidenceText.timestamp); last_seen = w.lastSeen.map(EvidenceText.timestamp)
            records = w.records; kept = w.kept
        }
        enum CodingKeys: String, CodingKey { case since, until, first_seen, last_seen, records, kept }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(since, forKey: .since); try c.encode(until, forKey: .until)
            try c.encode(first_seen, forKey: .first_seen); try c.encode(last_seen, forKey: .last_seen)
            try c.encode(records, forKey: .records); try c.encode(kept, forKey: .kept)
        }
    }

    struct AllowDoc: Encodable {
        var services: String, to: String?, reason: String, file: String, line: Int
        init(_ a: AllowlistEntry) {
            services = a.services.summary; to = a.to; reason = a.reason; file = a.location.file; line = a.location.line
        }
    }

    struct ReasonDoc: Encodable {
        var text: String, evidence: [Evidence]
        init(_ r: Reason) { text = r.text; evidence = r.evidence }
    }

    struct AssetDoc: Encodable {
        var id: String, name: String, addresses: [String], kind: String, zone: String?, zones: [String]
        var category: String, declared_category: String?, labels: [String], reasons: [ReasonDoc]
        var file: String, line: Int
        init(_ a: AssetResult) {
            id = a.id; name = a.name; addresses = a.addresses; kind = a.kind.rawValue; zone = a.zone; zones = a.zones
            category = a.category.rawValue; declared_category = a.declared?.rawValue
            labels = a.labels.map(\.rawValue); reasons = a.reasons.map(ReasonDoc.init)
            file = a.location.file; line = a.location.line
        }
        enum CodingKeys: String, CodingKey {
            case id, name, addresses, kind, zone, zones, category, declared_category, labels, reasons, file, line
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name)
            try c.encode(addresses, forKey: .addresses); try c.encode(kind, forKey: .kind)
            try c.encode(zone, forKey: .zone); try c.encode(category, forKey: .category)
            try c.encode(declared_category, forKey: .declared_category); try c.encode(labels, forKey: .labels)
            try c.encode(reasons, forKey: .reasons); try c.encode(file, forKey: .file); try c.encode(line, forKey: .line)
            try c.encode(zones, forKey: .zones)
        }
    }

    struct FindingDoc: Encodable {
        var id: String, severity: String, review: Bool, title: String, assets: [String], message: String
        var evidence: [Evidence], remediation: String, basis: String, fingerprint: String
        var file: String?, line: Int?
        init(_ f: Finding) {
            id = f.id; severity = f.severity.rawValue; review = f.review; title = f.title; assets = f.assets
            message = f.message; evidence = f.evidence; remediation = f.remediation; basis = f.basis
            fingerprint = f.fingerprint; file = f.primaryLocation?.file; line = f.primaryLocation?.line
        }
    }

    struct SummaryDoc: Encodable {
        var assets: Int
        var in_scope: Int
        var categories: [String: Int]
        var findings: [String: Int]
        var review_findings: Int
        var skipped: Int
        init(_ r: AnalysisResult) {
            assets = r.assets.count
            in_scope = r.assets.filter { $0.category.isInScope }.count
            categories = Dictionary(uniqueKeysWithValues: r.categoryCounts.map { ($0.0.rawValue, $0.1) })
            findings = Dictionary(uniqueKeysWithValues: Severity.allCases.map { s in
                (s.rawValue, r.findings.filter { $0.severity == s }.count)
            })
            review_findings = r.findings.filter(\.review).count
            skipped = r.inputs.reduce(0) { $0 + $1.skipped.filter { $0.severity == .error }.count }
        }
    }
}
