import Foundation

/// `analyze --format json`, validated by `schemas/report.schema.json` (JSON Schema 2020-12).
/// Keys are snake_case and sorted, so the same inputs give byte-identical output.
///
/// Written member by member with ``JSONWriter`` straight to the output: a 100k-asset report
/// (~300 MB) never exists in memory as a whole. The bytes are those the former `JSONEncoder`
/// documents produced (`JSONRendererEquivalenceTests` keeps that encoder as the reference):
/// members in UTF-8 key order; optionals the synthesized way (omitted when nil) except where
/// that encoder wrote `null` (asset `zone` and `declared_category`, every window time).
public enum JSONReportRenderer {
    public static func render(_ r: AnalysisResult) -> String {
        var out = ReportOutput()
        write(r, to: &out)
        return out.text
    }

    /// Streams the report, with its final newline, to `out`.
    public static func write(_ r: AnalysisResult, to out: inout ReportOutput) {
        var w = JSONWriter(output: out)
        out = ReportOutput()  // `w` owns the output while writing
        document(r, &w)
        w.output.write("\n")
        out = w.output
    }

    static func document(_ r: AnalysisResult, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("allowlist")
        w.beginArray()
        for a in r.allowlist {
            w.beginObject()
            w.member("file", a.location.file)
            w.member("line", a.location.line)
            w.member("reason", a.reason)
            w.member("services", a.services.summary)
            w.memberIfPresent("to", a.to)
            w.endObject()
        }
        w.endArray()
        w.key("assets")
        w.beginArray()
        for a in r.assets { asset(a, &w) }
        w.endArray()
        w.key("findings")
        w.beginArray()
        for f in r.findings { finding(f, &w) }
        w.endArray()
        w.key("inputs")
        w.beginArray()
        for i in r.inputs { input(i, &w) }
        w.endArray()
        w.member("level", r.level.rawValue)
        w.memberIfPresent("marketplace_snapshot", r.marketplaceSnapshot)
        if let o = r.observation {
            w.key("observation_window")
            window(o, &w)
        }
        w.memberIfPresent("organisation", r.organisation)
        w.key("summary")
        summary(r, &w)
        w.key("tool")
        w.beginObject()
        w.member("name", ToolInfo.name)
        w.member("version", ToolInfo.version)
        w.endObject()
        w.endObject()
    }

    static func asset(_ a: AssetResult, _ w: inout JSONWriter) {
        w.beginObject()
        w.member("addresses", a.addresses)
        w.member("category", a.category.rawValue)
        w.memberOrNull("declared_category", a.declared?.rawValue)
        w.member("file", a.location.file)
        w.member("id", a.id)
        w.member("kind", a.kind.rawValue)
        w.key("labels")
        w.beginArray()
        for l in a.labels { w.string(l.rawValue) }
        w.endArray()
        w.member("line", a.location.line)
        w.member("name", a.name)
        if !a.openPorts.isEmpty {
            w.key("open_ports")
            openPorts(a.openPorts, &w)
        }
        w.key("reasons")
        w.beginArray()
        for reason in a.reasons {
            w.beginObject()
            w.key("evidence")
            evidence(reason.evidence, &w)
            w.member("text", reason.text)
            w.endObject()
        }
        w.endArray()
        w.memberOrNull("zone", a.zone)
        w.key("zones")
        w.beginArray()
        for z in a.zones { w.string(z) }
        w.endArray()
        w.endObject()
    }

    /// Ports a scan found open (`--scan`), each with the place of its `<port>` element.
    static func openPorts(_ ports: [OpenPort], _ w: inout JSONWriter) {
        w.beginArray()
        for p in ports {
            w.beginObject()
            w.member("file", p.location.file)
            w.member("line", p.location.line)
            w.member("port", Int(p.port))
            w.memberIfPresent("product", p.product)
            w.member("protocol", IPProtocol.name(p.proto))
            w.memberIfPresent("service", p.service)
            w.member("state", "open")
            w.memberIfPresent("version", p.version)
            w.endObject()
        }
        w.endArray()
    }

    /// `Evidence` as its synthesized `Encodable` conformance writes it.
    static func evidence(_ list: [Evidence], _ w: inout JSONWriter) {
        w.beginArray()
        for e in list {
            w.beginObject()
            w.memberIfPresent("enforcement_point", e.enforcementPoint)
            w.memberIfPresent("file", e.file)
            w.member("kind", e.kind.rawValue)
            w.memberIfPresent("line", e.line)
            w.memberIfPresent("rule", e.rule)
            w.member("text", e.text)
            w.endObject()
        }
        w.endArray()
    }

    static func finding(_ f: Finding, _ w: inout JSONWriter) {
        w.beginObject()
        w.member("assets", f.assets)
        w.member("basis", f.basis)
        w.key("evidence")
        evidence(f.evidence, &w)
        w.memberIfPresent("file", f.primaryLocation?.file)
        w.member("fingerprint", f.fingerprint)
        w.member("id", f.id)
        w.memberIfPresent("line", f.primaryLocation?.line)
        w.member("message", f.message)
        w.member("remediation", f.remediation)
        w.member("review", f.review)
        w.member("severity", f.severity.rawValue)
        w.member("title", f.title)
        w.endObject()
    }

    static func input(_ i: InputSummary, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("counts")
        w.object(i.counts)
        w.member("file", i.file)
        w.member("format", i.format)
        w.member("records", i.records)
        w.key("skipped")
        diagnostics(i.skipped.sorted(), &w)
        w.key("warnings")
        diagnostics(i.warnings, &w)
        if let win = i.window {
            w.key("window")
            window(win, &w)
        }
        w.endObject()
    }

    /// Diagnostics as `{column, file, line, message, severity}` objects (`$defs/diagnostic`).
    static func diagnostics(_ list: [Diagnostic], _ w: inout JSONWriter) {
        w.beginArray()
        for d in list {
            w.beginObject()
            w.member("column", d.location.column)
            w.member("file", d.location.file)
            w.member("line", d.location.line)
            w.member("message", d.message)
            w.member("severity", d.severity.rawValue)
            w.endObject()
        }
        w.endArray()
    }

    /// Times as ISO-8601 UTC strings; null for an open end or when no record carried a time.
    static func window(_ o: ObservationWindow, _ w: inout JSONWriter) {
        w.beginObject()
        w.memberOrNull("first_seen", o.firstSeen.map(EvidenceText.timestamp))
        w.member("kept", o.kept)
        w.memberOrNull("last_seen", o.lastSeen.map(EvidenceText.timestamp))
        w.member("records", o.records)
        w.memberOrNull("since", o.since.map(EvidenceText.timestamp))
        w.memberOrNull("until", o.until.map(EvidenceText.timestamp))
        w.endObject()
    }

    static func summary(_ r: AnalysisResult, _ w: inout JSONWriter) {
        w.beginObject()
        w.member("assets", r.assets.count)
        // One counting pass (`categoryCounts` filters a copy of the assets per category).
        var categories: [String: Int] = [:]
        for c in Category.allCases { categories[c.rawValue] = 0 }
        var inScope = 0
        for a in r.assets {
            categories[a.category.rawValue, default: 0] += 1
            if a.category.isInScope { inScope += 1 }
        }
        w.key("categories")
        w.object(categories)
        var findings: [String: Int] = [:]
        for s in Severity.allCases { findings[s.rawValue] = 0 }
        for f in r.findings { findings[f.severity.rawValue, default: 0] += 1 }
        w.key("findings")
        w.object(findings)
        w.member("in_scope", inScope)
        w.member("review_findings", r.findings.reduce(0) { $0 + ($1.review ? 1 : 0) })
        w.member("skipped", r.inputs.reduce(0) { $0 + $1.skipped.filter { $0.severity == .error }.count })
        w.endObject()
    }
}
