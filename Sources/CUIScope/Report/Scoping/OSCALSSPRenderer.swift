/// `analyze --format oscal`: a complete OSCAL system security plan (JSON, NIST OSCAL 1.2) of the
/// CMMC assessment scope — `metadata`, `import-profile`, `system-characteristics` (with the
/// authorization boundary, network architecture and data flow, each linking its `cuiscope
/// diagram` view), `system-implementation` (``OSCALSystemImplementation``: users, components,
/// inventory items with the category, reasons and FedRAMP facts) and `control-implementation`.
///
/// It needs the analysis with its diagram data (``OutputFormat/needsNetworkSummary``): components
/// come from the enforcement points and the FedRAMP verdicts of the network summary. cuiscope
/// reads the inventory items back as an inventory (docs/FORMATS.md, OSCAL SSP inventory items).
public enum OSCALSSPRenderer {
    public static func render(_ r: AnalysisResult) -> String {
        let org = OSCALDocument.organisation(r)
        let implementation = OSCALSystemImplementation(r)
        let profile = OSCALDocument.uuid("resource", "cmmc-level-\(r.level.rawValue)")
        let title = "CMMC Level \(r.level.rawValue) assessment scope of \(org)"
        let ssp: [String: Any] = [
            "uuid": OSCALDocument.uuid("system-security-plan", org),
            "metadata": OSCALDocument.metadata(r, title: title, roles: implementation.roles),
            "import-profile": [
                "href": "#\(profile)",
                "remarks": "The CMMC Level \(r.level.rawValue) requirements; replace with the organisation's OSCAL profile when it has one.",
            ],
            "system-characteristics": characteristics(r, title: title),
            "system-implementation": implementation.document,
            "control-implementation": controlImplementation(r, implementation),
            "back-matter": ["resources": [profileResource(r.level, uuid: profile)] + DiagramLink.allCases.map(\.resource)],
        ]
        return OSCALDocument.json(["system-security-plan": ssp])
    }

    /// The system's identity, information type, boundary, network and data flow.
    static func characteristics(_ r: AnalysisResult, title: String) -> [String: Any] {
        let org = OSCALDocument.organisation(r)
        let inScope = r.assets.filter { $0.category.isInScope }
        let counts = r.categoryCounts.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        let moderate = ["base": "fips-199-moderate"]
        return [
            "system-ids": [["identifier-type": "https://ietf.org/rfc/rfc4122", "id": OSCALDocument.uuid("system", org)]],
            "system-name": OSCALDocument.line(title),
            "system-name-short": "CMMC-L\(r.level.rawValue)",
            "description": "The assets of \(org) that fall inside its CMMC Level \(r.level.rawValue) assessment scope, "
                + "as cuiscope computed them from the inputs listed in the metadata: \(r.assets.count) assets, "
                + "\(inScope.count) in scope (\(counts)).",
            "security-sensitivity-level": "moderate",
            "system-information": ["information-types": [[
                "uuid": OSCALDocument.uuid("information-type", "cui"),
                "title": "Controlled Unclassified Information",
                "description": "CUI the in-scope assets process, store or transmit (32 CFR 2002); "
                    + "NIST SP 800-171 protects it at the moderate confidentiality baseline.",
                "confidentiality-impact": moderate, "integrity-impact": moderate, "availability-impact": moderate,
            ]]],
            "security-impact-level": [
                "security-objective-confidentiality": "fips-199-moderate",
                "security-objective-integrity": "fips-199-moderate",
                "security-objective-availability": "fips-199-moderate",
            ],
            "status": ["state": "operational"],
            "authorization-boundary": section(boundaryText(r), .boundary),
            "network-architecture": section(networkText(r), .network),
            "data-flow": section(dataFlowText(r), .dataflow),
        ]
    }

    static func section(_ description: String, _ link: DiagramLink) -> [String: Any] {
        ["description": description, "diagrams": [link.diagram]]
    }

    static func boundaryText(_ r: AnalysisResult) -> String {
        let enclave = r.network.zones.filter(\.isEnclave).map(\.name)
        var lines = ["The assessment boundary holds every inventory item whose `cmmc-category` is not `out-of-scope`:"]
        for (c, n) in r.categoryCounts where c.isInScope { lines.append("- \(c.title)s (`\(c.rawValue)`): \(n)") }
        let out = r.assets.filter { !$0.category.isInScope }.count
        lines.append("\n\(out) inventoried asset\(out == 1 ? " is" : "s are") out of scope.")
        if !enclave.isEmpty { lines.append("The intended enclave is zone\(enclave.count == 1 ? "" : "s") \(enclave.joined(separator: ", ")).") }
        return lines.joined(separator: "\n")
    }

    static func networkText(_ r: AnalysisResult) -> String {
        var lines = ["Zones:"]
        for z in r.network.zones {
            let subnets = z.subnets.isEmpty ? "no subnet known" : z.subnets.joined(separator: ", ")
            lines.append("- \(z.name) (\(z.role.rawValue)): \(subnets)")
        }
        if r.network.zones.isEmpty { lines.append("- none known (no scope file zones and no firewall interfaces)") }
        lines.append("\nEnforcement points:")
        for p in r.network.enforcementPoints {
            lines.append("- \(p.name) (\(p.vendor), \(p.ruleCount) rules, `\(p.location.file):\(p.location.line)`): "
                + "zones \(p.zones.joined(separator: ", "))")
        }
        if r.network.enforcementPoints.isEmpty { lines.append("- none: no firewall export was analysed") }
        return lines.joined(separator: "\n")
    }

    static func dataFlowText(_ r: AnalysisResult) -> String {
        let cuiServices = r.network.externalServices.filter(\.holdsCUI)
        var lines = ["CUI moves along \(r.network.cuiEdges.count) data-capable path\(r.network.cuiEdges.count == 1 ? "" : "s") "
            + "between CUI Assets (examples per asset), and to \(cuiServices.count) cloud service\(cuiServices.count == 1 ? "" : "s") holding CUI:"]
        for s in cuiServices {
            lines.append("- \(s.assetID): \(s.authorized ? "FedRAMP requirement met" : "FedRAMP requirement not met") (\(s.status))")
        }
        if let w = r.observation { lines.append("\nObserved flows: \(w.text).") }
        return lines.joined(separator: "\n")
    }

    /// What the plan states about the requirements: facts only (the inventory, the enforcement
    /// points), never an implementation status — cuiscope decides scope, not compliance.
    static func controlImplementation(_ r: AnalysisResult, _ impl: OSCALSystemImplementation) -> [String: Any] {
        let this = impl.thisSystemUUID
        var requirements: [[String: Any]] = []
        if r.level != .one {
            requirements.append(requirement("CM.L2-3.4.1", [(this,
                "The inventory items of this plan list the \(r.assets.count) inventoried assets with the CMMC category "
                    + "cuiscope computed for each, and the reasons and evidence behind it.")]))
        }
        var boundary = impl.enforcementPoints.map { ($0.uuid, $0.description) }
        if boundary.isEmpty { boundary = [(this, "No firewall export was analysed: the plan names no enforcement point.")] }
        requirements.append(requirement(r.level == .one ? "SC.L1-b.1.x" : "SC.L2-3.13.1", boundary))
        return [
            "description": "Scoping facts only: cuiscope states what the inputs show (the asset inventory and the "
                + "enforcement points at the boundary) and never whether a requirement is implemented.",
            "implemented-requirements": requirements,
        ]
    }

    static func requirement(_ control: String, _ parts: [(component: String, text: String)]) -> [String: Any] {
        [
            "uuid": OSCALDocument.uuid("implemented-requirement", control),
            "control-id": control,
            "by-components": parts.map { p in
                ["component-uuid": p.component, "uuid": OSCALDocument.uuid("by-component", "\(control):\(p.component)"),
                 "description": p.text]
            },
        ]
    }

    /// The back-matter resource `import-profile` points at: the level's requirements.
    static func profileResource(_ level: CMMCLevel, uuid: String) -> [String: Any] {
        let (title, source): (String, String)
        switch level {
        case .one: (title, source) = ("CMMC Level 1: FAR 52.204-21(b)(1) basic safeguarding requirements", "32 CFR 170.14(c)(2)")
        case .two: (title, source) = ("CMMC Level 2: NIST SP 800-171 Rev. 2 security requirements", "32 CFR 170.14(c)(3)")
        case .three: (title, source) = ("CMMC Level 3: NIST SP 800-171 Rev. 2 and selected NIST SP 800-172 requirements", "32 CFR 170.14(c)(4)")
        }
        return [
            "uuid": uuid, "title": title, "description": "The requirements of the level, as \(source) sets them.",
            "rlinks": [["href": "https://www.ecfr.gov/current/title-32/subtitle-A/chapter-I/subchapter-G/part-170"]],
        ]
    }
}

/// The three `cuiscope diagram` views an SSP links: each is a back-matter resource naming the
/// SVG file and the command that makes it, and a `diagram` of its section pointing at it.
enum DiagramLink: String, CaseIterable {
    case boundary, network, dataflow

    var file: String { "cuiscope-\(rawValue).svg" }
    var resourceUUID: String { OSCALDocument.uuid("resource", "diagram:\(rawValue)") }
    var caption: String {
        switch self {
        case .boundary: return "Authorization boundary: the assessment scope and what crosses it"
        case .network: return "Network architecture: zones, enforcement points and subnets"
        case .dataflow: return "Data flow: where CUI moves between assets and services"
        }
    }

    var diagram: [String: Any] {
        [
            "uuid": OSCALDocument.uuid("diagram", rawValue), "caption": caption,
            "description": "`cuiscope diagram --view \(rawValue)`, drawn from the same analysis as this plan.",
            "links": [["href": "#\(resourceUUID)", "rel": "diagram"]],
        ]
    }

    var resource: [String: Any] {
        [
            "uuid": resourceUUID, "title": caption,
            "description": "Made with the inputs of this plan by `cuiscope diagram --view \(rawValue) --format svg --output \(file)` "
                + "followed by the same input options as `cuiscope analyze`.",
            "rlinks": [["href": file, "media-type": "image/svg+xml"]],
        ]
    }
}
