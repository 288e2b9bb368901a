import Foundation

/// OSCAL SSP `inventory-items` (JSON, OSCAL 1.1) for pasting into an SSP's
/// `system-implementation`: every asset with its ids, addresses, type and the computed CMMC
/// category as a namespaced prop, so an SSP stays in step with the analysis.
public enum OSCALInventoryRenderer {
    public static let namespace = "https://cuiscope.example/ns/oscal"

    public static func render(_ r: AnalysisResult) -> String {
        let items: [[String: Any]] = r.assets.map { a in
            var props: [[String: Any]] = [["name": "asset-id", "value": a.id]]
            for addr in a.addresses {
                let isV6 = addr.contains(":")
                props.append(["name": isV6 ? "ipv6-address" : "ipv4-address", "value": addr])
            }
            props.append(["name": "asset-type", "value": oscalType(a.kind)])
            props.append(["name": "cmmc-category", "ns": namespace, "value": a.category.rawValue])
            if let d = a.declared { props.append(["name": "cmmc-declared-category", "ns": namespace, "value": d.rawValue]) }
            if let z = a.zone { props.append(["name": "network-id", "value": z]) }
            return [
                "uuid": StableHash.uuid("asset:\(a.id)"),
                "description": a.name,
                "props": props,
                "remarks": a.reasons.map(\.text).joined(separator: "\n"),
            ]
        }
        let doc: [String: Any] = ["system-implementation": ["inventory-items": items]]
        let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// OSCAL asset-type values (NIST OSCAL SSP model allowed values).
    static func oscalType(_ k: AssetKind) -> String {
        switch k {
        case .endpoint, .vdiClient: return "workstation"
        case .server: return "physical-server"
        case .network: return "router"
        case .firewall: return "firewall"
        case .securityTool: return "appliance"
        case .cloudService: return "saas"
        case .printer: return "appliance"
        case .iot, .iiot, .ot, .testEquipment, .gfe, .restrictedIS: return "embedded"
        case .other: return "other"
        }
    }
}
