/// The report's long sections: assets by category, findings, inputs, and the evidence lists
/// they share. Rows carry `data-category` / `data-severity` for the filter script.
extension HTMLReportRenderer {
    /// One section per category in the categories' order, assets in the result's order; an empty
    /// category is left out (the summary counts it as zero).
    static func writeAssets<Out: TextOutputStream>(_ r: AnalysisResult, to out: inout Out) {
        out.write("<section id=\"assets\">\n<h2>Assets by category</h2>\n")
        for c in Category.allCases {
            let list = r.assets.filter { $0.category == c }
            guard !list.isEmpty else { continue }
            out.write("<section class=\"category\" id=\"category-\(c.rawValue)\" data-category=\"\(c.rawValue)\">\n")
            out.write("<h3><span class=\"badge cat-\(c.rawValue)\">\(c.rawValue)</span> \(esc(c.title))s: \(list.count)</h3>\n")
            out.write("<table>\n<thead><tr><th>Asset</th><th>Addresses</th><th>Zone</th><th>Kind</th><th>Declared</th>")
            out.write("<th>Why</th></tr></thead>\n<tbody>\n")
            for a in list { writeAsset(a, to: &out) }
            out.write("</tbody>\n</table>\n</section>\n")
        }
        out.write("</section>\n")
    }

    static func writeAsset<Out: TextOutputStream>(_ a: AssetResult, to out: inout Out) {
        out.write("<tr class=\"asset\" id=\"\(HTMLText.anchor("asset-", a.id))\" data-category=\"\(a.category.rawValue)\">")
        out.write("<td><code>\(esc(a.id))</code>\(a.name == a.id ? "" : "<br>\(esc(a.name))")")
        out.write("<br><span class=\"muted\">\(esc(a.location.description))</span></td>")
        out.write("<td>\(esc(a.addresses.joined(separator: ", ")))</td><td>\(esc(a.zone ?? ""))</td>")
        out.write("<td>\(esc(a.kind.rawValue))</td><td>\(declared(a))</td><td>")
        if a.labels.count > 1 { out.write("<p>Labels: \(a.labels.map(\.rawValue).joined(separator: ", "))</p>") }
        if !a.openPorts.isEmpty {
            out.write("<p>Open ports (scan): \(esc(a.openPorts.map(\.serviceKey).joined(separator: " ")))</p>")
        }
        out.write("<ul class=\"reasons\">")
        for reason in a.reasons {
            out.write("<li>\(esc(reason.text))")
            writeEvidence(reason.evidence.filter { $0.kind != .inventory }, collapsed: true, to: &out)
            out.write("</li>")
        }
        out.write("</ul></td></tr>\n")
    }

    static func declared(_ a: AssetResult) -> String {
        guard let d = a.declared else { return "" }
        return d == a.category ? d.rawValue : "\(d.rawValue) <strong>(≠ computed)</strong>"
    }

    /// Evidence items: kind, file:line, rule and enforcement point, then the text. Long lists of an
    /// asset's reasons sit in a closed `<details>`, so the table stays readable.
    static func writeEvidence<Out: TextOutputStream>(_ list: [Evidence], collapsed: Bool, to out: inout Out) {
        guard !list.isEmpty else { return }
        if collapsed { out.write("<details><summary>evidence (\(list.count))</summary>") }
        out.write("<ul class=\"evidence\">")
        for e in list {
            out.write("<li><span class=\"kind\">\(e.kind.rawValue)</span> ")
            if let loc = e.locationText { out.write("<code>\(esc(loc))</code> ") }
            if let rule = e.rule {
                out.write("rule <code>\(esc(rule))</code>\(e.enforcementPoint.map { " on <code>\(esc($0))</code>" } ?? ""): ")
            }
            out.write("\(esc(e.text))</li>")
        }
        out.write("</ul>")
        if collapsed { out.write("</details>") }
    }

    static func writeFindings<Out: TextOutputStream>(_ r: AnalysisResult, to out: inout Out) {
        out.write("<section id=\"findings\">\n<h2>Findings</h2>\n")
        if r.findings.isEmpty { out.write("<p>None.</p>\n") }
        for (n, f) in r.findings.enumerated() {
            out.write("<article class=\"finding\" id=\"finding-\(n + 1)\" data-severity=\"\(f.severity.rawValue)\" ")
            out.write("data-finding=\"\(esc(f.id))\">\n<h3>\(severityBadge(f.severity))")
            if f.review { out.write(" <span class=\"badge review\">review</span>") }
            out.write(" \(esc(f.id)) — \(esc(f.title))</h3>\n")
            if !f.assets.isEmpty {
                let links = f.assets.map { "<a href=\"#\(HTMLText.anchor("asset-", $0))\"><code>\(esc($0))</code></a>" }
                out.write("<p>Assets: \(links.joined(separator: ", "))</p>\n")
            }
            if let p = f.primaryLocation { out.write("<p>At <code>\(esc(p.description))</code></p>\n") }
            out.write("<p>\(esc(f.message))</p>\n")
            writeEvidence(f.evidence, collapsed: false, to: &out)
            out.write("\n<p><strong>Basis:</strong> \(esc(f.basis))</p>\n<p><strong>Remediation:</strong> \(esc(f.remediation))</p>\n")
            out.write("</article>\n")
        }
        out.write("</section>\n")
    }

    /// Every input file with what was read from it, the problems reported on it, the flow
    /// evidence's observation window, the Marketplace snapshot and the justified exceptions.
    static func writeInputs<Out: TextOutputStream>(_ r: AnalysisResult, to out: inout Out) {
        out.write("<section id=\"inputs\">\n<h2>Inputs</h2>\n<table>\n<thead><tr><th>File</th><th>Kind</th>")
        out.write("<th class=\"num\">Records</th><th class=\"num\">Skipped</th><th>Counts</th></tr></thead>\n<tbody>\n")
        for i in r.inputs {
            let skipped = i.skipped.filter { $0.severity == .error }.count
            let counts = i.counts.keys.sorted().map { "\($0) \(i.counts[$0] ?? 0)" }.joined(separator: ", ")
            out.write("<tr><td><code>\(esc(i.file))</code></td><td>\(esc(i.format))</td><td class=\"num\">\(i.records)</td>")
            out.write("<td class=\"num\">\(skipped)</td><td>\(esc(counts))")
            if let w = i.window { out.write("<br>observed: \(esc(w.text))") }
            out.write("</td></tr>\n")
        }
        out.write("</tbody>\n</table>\n")
        let problems = r.inputs.flatMap { $0.skipped.sorted() + $0.warnings }
        if !problems.isEmpty {
            out.write("<h3>Skipped and warned</h3>\n<ul class=\"evidence\">")
            for d in problems { out.write("<li><code>\(esc(d.description))</code></li>") }
            out.write("</ul>\n")
        }
        if let w = r.observation { out.write("<p>Observation window (all flow logs): \(esc(w.text)).</p>\n") }
        if let snap = r.marketplaceSnapshot { out.write("<p>FedRAMP Marketplace snapshot: \(esc(snap)).</p>\n") }
        writeAllowlist(r, to: &out)
        out.write("</section>\n")
    }

    static func writeAllowlist<Out: TextOutputStream>(_ r: AnalysisResult, to out: inout Out) {
        guard !r.allowlist.isEmpty else { return }
        out.write("<h3>Justified exceptions (scope file <code>protocol_allowlist</code>)</h3>\n<table>\n")
        out.write("<thead><tr><th>Services</th><th>To</th><th>Reason</th><th>Source</th></tr></thead>\n<tbody>\n")
        for a in r.allowlist {
            out.write("<tr><td>\(esc(a.services.summary))</td><td>\(esc(a.to ?? "any asset"))</td><td>\(esc(a.reason))</td>")
            out.write("<td><code>\(esc(a.location.description))</code></td></tr>\n")
        }
        out.write("</tbody>\n</table>\n")
    }
}
