/// The SSP's `system-implementation`: who uses the system, its components and its inventory.
///
/// - `users`: the user classes the categories imply — people who handle CUI on the CUI Assets,
///   administrators of the Security Protection Assets — each naming the assets it rests on (the
///   inputs name no people; docs/DECISIONS.md 63).
/// - `components`: this system, one per enforcement point (with the zones it joins and its export's
///   file:line) and one per cloud service (with its FedRAMP verdict).
/// - `inventory-items`: one per asset, with OSCAL's props (`asset-id`, addresses, `asset-type`,
///   `network-id` for the zone) and cuiscope's (`asset-kind`, `cmmc-category`, the declared
///   category, labels, each reason, the finding ids naming it, its inventory row, FedRAMP facts).
struct OSCALSystemImplementation {
    struct EnforcementPoint {
        var uuid: String
        var description: String
    }

    let result: AnalysisResult
    let thisSystemUUID = OSCALDocument.uuid("component", "this-system")
    let enforcementPoints: [EnforcementPoint]
    /// Cloud-service asset id → its component.
    let serviceComponents: [String: String]
    /// Asset id → the ids of the findings naming it, sorted (built once: one pass over the findings).
    let findingIDs: [String: [String]]
    /// Asset id → its FedRAMP verdict, for cloud services.
    let services: [String: ExternalServiceSummary]

    init(_ r: AnalysisResult) {
        result = r
        enforcementPoints = r.network.enforcementPoints.map { p in
            EnforcementPoint(
                uuid: OSCALDocument.uuid("component", "enforcement-point:\(p.name)"),
                description: "Enforcement point \(p.name) (\(p.vendor) export, `\(p.location.file):\(p.location.line)`) "
                    + "joins zones \(p.zones.joined(separator: ", ")) with \(p.ruleCount) rules.")
        }
        var components: [String: String] = [:]
        var verdicts: [String: ExternalServiceSummary] = [:]
        for s in r.network.externalServices {
            components[s.assetID] = OSCALDocument.uuid("component", "service:\(s.assetID)")
            verdicts[s.assetID] = s
        }
        serviceComponents = components
        services = verdicts
        var ids: [String: Set<String>] = [:]
        for f in r.findings { for a in f.assets { ids[a, default: []].insert(f.id) } }
        findingIDs = ids.mapValues { $0.sorted() }
    }

    /// The user classes, as (role id, title, privileged, assets).
    var userClasses: [(role: String, title: String, privileged: Bool, assets: [AssetResult])] {
        let cui = result.assets.filter { $0.category == .cui && $0.kind != .cloudService }
        let spa = result.assets.filter { $0.category == .securityProtection }
        var out: [(String, String, Bool, [AssetResult])] = []
        if !cui.isEmpty { out.append(("cui-user", "CUI users", false, cui)) }
        if !spa.isEmpty { out.append(("security-administrator", "Security Protection Asset administrators", true, spa)) }
        return out
    }

    var roles: [(id: String, title: String)] { userClasses.map { ($0.role, $0.title) } }

    var document: [String: Any] {
        var doc: [String: Any] = ["components": components, "inventory-items": result.assets.map(item)]
        let users = userClasses.map(user)
        if !users.isEmpty { doc["users"] = users }
        if result.assets.isEmpty { doc["inventory-items"] = nil }
        return doc
    }

    func user(_ u: (role: String, title: String, privileged: Bool, assets: [AssetResult])) -> [String: Any] {
        let names = SegmentFindings.list(u.assets.map(\.id))
        return [
            "uuid": OSCALDocument.uuid("user", u.role),
            "title": u.title,
            "role-ids": [u.role],
            "props": [["name": "type", "value": "internal"],
                      ["name": "privilege-level", "value": u.privileged ? "privileged" : "non-privileged"]],
            "description": u.privileged
                ? "Administer the \(u.assets.count) Security Protection Assets: \(names)."
                : "Process, store or transmit CUI on the \(u.assets.count) CUI Assets that are not cloud services: \(names).",
            "remarks": "Derived from the asset categories: the inputs name no users.",
        ]
    }

    var components: [[String: Any]] {
        let org = OSCALDocument.organisation(result)
        var out: [[String: Any]] = [[
            "uuid": thisSystemUUID, "type": "this-system", "title": "CMMC assessment scope of \(org)",
            "description": "Every in-scope asset of the inventory items, within the authorization boundary.",
            "status": ["state": "operational"],
        ]]
        for (p, e) in zip(result.network.enforcementPoints, enforcementPoints) {
            let props = [OSCALDocument.prop("asset-type", "firewall"), OSCALDocument.prop("export-format", p.vendor, own: true),
                         OSCALDocument.prop("source", "\(p.location.file):\(p.location.line)", own: true)]
                + p.zones.map { OSCALDocument.prop("zone", $0, own: true) }
            out.append([
                "uuid": e.uuid, "type": "network", "title": "Enforcement point \(p.name)", "description": e.description,
                "props": props.compactMap { $0 }, "status": ["state": "operational"],
            ])
        }
        let names = Dictionary(result.assets.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for s in result.network.externalServices {
            guard let uuid = serviceComponents[s.assetID] else { continue }
            let props = [OSCALDocument.prop("implementation-point", "external"), OSCALDocument.prop("asset-id", s.assetID)]
                + fedRAMPProps(s)
            out.append([
                "uuid": uuid, "type": "service", "title": names[s.assetID] ?? s.assetID,
                "description": "Cloud service \(s.assetID): \(s.status).",
                "props": props.compactMap { $0 }, "status": ["state": "operational"],
            ])
        }
        return out
    }

    func fedRAMPProps(_ s: ExternalServiceSummary) -> [[String: Any]?] {
        [
            OSCALDocument.prop("holds-cui", s.holdsCUI ? "yes" : "no", own: true),
            OSCALDocument.prop("fedramp-requirement-met", s.authorized ? "yes" : "no", own: true),
            s.marketplaceID.flatMap { OSCALDocument.prop("fedramp-package-id", $0, own: true) },
            OSCALDocument.prop("fedramp-status", s.status, own: true),
            s.findingID.flatMap { OSCALDocument.prop("fedramp-finding", $0, own: true) },
        ]
    }

    func item(_ a: AssetResult) -> [String: Any] {
        var props: [[String: Any]?] = [OSCALDocument.prop("asset-id", a.id)]
        for address in a.addresses {
            props.append(OSCALDocument.prop(OSCALDocument.hostAddressProp(address) ?? "address", address,
                                            own: OSCALDocument.hostAddressProp(address) == nil))
        }
        props.append(OSCALDocument.prop("asset-type", OSCALDocument.assetType(a.kind)))
        props.append(OSCALDocument.prop("asset-kind", a.kind.rawValue, own: true))
        if let z = a.zone { props.append(OSCALDocument.prop("network-id", z)) }
        props.append(OSCALDocument.prop("cmmc-category", a.category.rawValue, own: true))
        if let d = a.declared { props.append(OSCALDocument.prop("cmmc-declared-category", d.rawValue, own: true)) }
        for l in a.labels.dropFirst() { props.append(OSCALDocument.prop("cmmc-label", l.rawValue, own: true)) }
        for reason in a.reasons { props.append(OSCALDocument.prop("cmmc-reason", reason.text, own: true)) }
        for id in findingIDs[a.id] ?? [] {
            props.append(OSCALDocument.prop("finding", id, own: true))
        }
        props.append(OSCALDocument.prop("inventory-row", "\(a.location.file):\(a.location.line)", own: true))
        if let s = services[a.id] { props += fedRAMPProps(s) }
        return [
            "uuid": OSCALDocument.uuid("asset", a.id),
            "description": "\(OSCALDocument.line(a.name))\n\n\(a.category.title) (`\(a.category.rawValue)`).",
            "props": props.compactMap { $0 },
            "implemented-components": [["component-uuid": serviceComponents[a.id] ?? thisSystemUUID]],
            "remarks": remarks(a),
        ]
    }

    /// The reasons, each with its evidence and where to find it.
    func remarks(_ a: AssetResult) -> String {
        var lines: [String] = []
        for reason in a.reasons {
            lines.append("- \(reason.text)")
            for e in reason.evidence { lines.append("  - \(e.locationText.map { "`\($0)`: " } ?? "")\(e.text)") }
        }
        return lines.isEmpty ? "No reason recorded." : lines.joined(separator: "\n")
    }
}
