/// `analyze --format oscal-poam`: the findings as an OSCAL plan of action and milestones (JSON,
/// NIST OSCAL 1.2). Each finding is an observation (what cuiscope examined, with its evidence and
/// the assets it concerns), a risk (the rule basis, status `open`, the remediation as a
/// recommendation) and a POA&M item tying them together, all attributed to cuiscope as the tool.
///
/// The assets are local inventory items with the same UUIDs as in the SSP (`asset:<id>`), and
/// `system-id` is the SSP's system id, so the two documents line up. Finding UUIDs come from the
/// finding fingerprints: a finding keeps its UUID across runs while its id, assets and primary
/// location stay the same.
public enum OSCALPOAMRenderer {
    public static func render(_ r: AnalysisResult) -> String {
        let org = OSCALDocument.organisation(r)
        let tool = OSCALDocument.uuid("component", "cuiscope")
        let keys = uniqueKeys(r.findings)
        let named = Set(r.findings.flatMap(\.assets))
        let assets = r.assets.filter { named.contains($0.id) }
        var localDefinitions: [String: Any] = ["components": [[
            "uuid": tool, "type": "software", "title": "\(ToolInfo.name) \(ToolInfo.version)",
            "description": "The scoping analysis that raised these findings (\(ToolInfo.repositoryURL)).",
            "status": ["state": "operational"],
        ]]]
        if !assets.isEmpty { localDefinitions["inventory-items"] = assets.map(inventoryItem) }
        let timestamp = OSCALDocument.timestamp(r)
        var items = zip(r.findings, keys).map { poamItem($0, key: $1, tool: tool) }
        if items.isEmpty { items = [noFindingItem(r)] }
        let poam: [String: Any] = [
            "uuid": OSCALDocument.uuid("plan-of-action-and-milestones", org),
            "metadata": OSCALDocument.metadata(
                r, title: "Plan of action and milestones for the CMMC Level \(r.level.rawValue) scoping findings of \(org)",
                roles: []),
            "system-id": ["identifier-type": "https://ietf.org/rfc/rfc4122", "id": OSCALDocument.uuid("system", org)],
            "local-definitions": localDefinitions,
            "observations": zip(r.findings, keys).map { observation($0, key: $1, tool: tool, collected: timestamp) },
            "risks": zip(r.findings, keys).map { risk($0, key: $1, tool: tool) },
            "poam-items": items,
        ]
        var doc = poam
        if r.findings.isEmpty {
            doc["observations"] = nil
            doc["risks"] = nil
        }
        return OSCALDocument.json(["plan-of-action-and-milestones": doc])
    }

    /// One key per finding: its fingerprint, with `#2`, `#3`… for repeats, so UUIDs stay unique.
    static func uniqueKeys(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { f in
            let base = StableHash.hex(f.fingerprint)
            let n = seen[base, default: 0] + 1
            seen[base] = n
            return n == 1 ? base : "\(base)#\(n)"
        }
    }

    static func inventoryItem(_ a: AssetResult) -> [String: Any] {
        [
            "uuid": OSCALDocument.uuid("asset", a.id),
            "description": OSCALDocument.line(a.name),
            "props": [OSCALDocument.prop("asset-id", a.id), OSCALDocument.prop("cmmc-category", a.category.rawValue, own: true),
                      OSCALDocument.prop("inventory-row", "\(a.location.file):\(a.location.line)", own: true)].compactMap { $0 },
        ]
    }

    static func origins(_ tool: String) -> [[String: Any]] { [["actors": [["type": "tool", "actor-uuid": tool]]]] }

    static func observation(_ f: Finding, key: String, tool: String, collected: String) -> [String: Any] {
        var o: [String: Any] = [
            "uuid": OSCALDocument.uuid("observation", key),
            "title": OSCALDocument.line("\(f.id) \(f.title)"),
            "description": f.message,
            "methods": ["EXAMINE"],
            "types": ["finding"],
            "origins": origins(tool),
            "collected": collected,
        ]
        if !f.assets.isEmpty {
            o["subjects"] = f.assets.map { ["subject-uuid": OSCALDocument.uuid("asset", $0), "type": "inventory-item"] }
        }
        if !f.evidence.isEmpty {
            o["relevant-evidence"] = f.evidence.map { e in
                ["description": "\(e.locationText.map { "`\($0)`: " } ?? "")\(e.text)"]
            }
        }
        return o
    }

    static func risk(_ f: Finding, key: String, tool: String) -> [String: Any] {
        [
            "uuid": OSCALDocument.uuid("risk", key),
            "title": OSCALDocument.line("\(f.id) \(f.title)"),
            "description": f.message,
            "statement": "Basis: \(f.basis)" + (f.review ? "\n\ncuiscope could not decide this; an assessor must." : ""),
            "status": "open",
            "props": findingProps(f, key: key),
            "origins": origins(tool),
            "remediations": [[
                "uuid": OSCALDocument.uuid("remediation", key), "lifecycle": "recommendation",
                "title": "Remediation of \(f.id)", "description": f.remediation,
                "origins": origins(tool),
            ]],
            "related-observations": [["observation-uuid": OSCALDocument.uuid("observation", key)]],
        ]
    }

    static func poamItem(_ f: Finding, key: String, tool: String) -> [String: Any] {
        let subject = f.assets.isEmpty ? "" : ": " + SegmentFindings.list(f.assets)
        return [
            "uuid": OSCALDocument.uuid("poam-item", key),
            "title": OSCALDocument.line("\(f.id) \(f.title)\(subject)"),
            "description": f.message,
            "props": findingProps(f, key: key),
            "origins": origins(tool),
            "related-observations": [["observation-uuid": OSCALDocument.uuid("observation", key)]],
            "related-risks": [["risk-uuid": OSCALDocument.uuid("risk", key)]],
            "remarks": "Remediation: \(f.remediation)",
        ]
    }

    static func findingProps(_ f: Finding, key: String) -> [[String: Any]] {
        [
            OSCALDocument.prop("finding-id", f.id, own: true),
            OSCALDocument.prop("severity", f.severity.rawValue, own: true),
            OSCALDocument.prop("review", f.review ? "yes" : "no", own: true),
            OSCALDocument.prop("fingerprint", key, own: true),
            f.primaryLocation.flatMap { OSCALDocument.prop("source", "\($0.file):\($0.line)", own: true) },
        ].compactMap { $0 }
    }

    /// OSCAL needs at least one POA&M item: with no finding, one that says so.
    static func noFindingItem(_ r: AnalysisResult) -> [String: Any] {
        [
            "uuid": OSCALDocument.uuid("poam-item", "none"),
            "title": "No scoping finding",
            "description": "cuiscope raised no finding for the \(r.assets.count) inventoried assets of these inputs; "
                + "there is nothing to remediate.",
            "props": [OSCALDocument.prop("finding-count", "0", own: true)].compactMap { $0 },
        ]
    }
}
