/// Colours and shapes of the diagrams: one per scoping category, so the legend, the asset
/// nodes and the aggregates agree. Colours follow the usual SSP palette (CUI red, SPA blue).
enum DiagramStyle {
    struct Look {
        var fill: String
        var border: String
        var shape: String
    }

    static func look(_ c: Category) -> Look {
        switch c {
        case .cui: return Look(fill: "#F4CCCC", border: "#990000", shape: "box")
        case .securityProtection: return Look(fill: "#CFE2F3", border: "#0B5394", shape: "hexagon")
        case .contractorRiskManaged: return Look(fill: "#FFF2CC", border: "#BF9000", shape: "ellipse")
        case .specialized: return Look(fill: "#D9EAD3", border: "#38761D", shape: "component")
        case .outOfScope: return Look(fill: "#EEEEEE", border: "#666666", shape: "box")
        }
    }

    /// The assessment boundary: red dashed outline (FedRAMP boundary-diagram convention).
    static let boundaryColor = "#CC0000"
    /// Edges and nodes flagged by a finding.
    static let flagColor = "#CC0000"
    static let enforcementFill = "#F6B26B"
    static let enforcementShape = "octagon"
    static let authorizedColor = "#38761D"
    static let unauthorizedColor = "#CC0000"
    /// A host no inventory row covers, seen in flow logs, and its observed sessions.
    static let unknownColor = "#674EA7"
    static let unknownFill = "#EDE7F6"
    /// Users and administrators (actors) and the lines to the devices they use.
    static let actorColor = "#777777"

    static func zoneFill(_ role: ZoneRole, inside: Bool) -> String {
        switch role {
        case .enclave: return "#FDF1F1"
        case .enterprise: return inside ? "#FFF8E5" : "#F7F7F7"
        case .dmz: return "#FCE5CD"
        case .guest: return "#EAF1FB"
        case .internet: return "#FFFFFF"
        }
    }

    static func zoneRoleTitle(_ role: ZoneRole) -> String {
        switch role {
        case .enclave: return "enclave"
        case .enterprise: return "enterprise"
        case .dmz: return "DMZ"
        case .guest: return "guest"
        case .internet: return "Internet"
        }
    }
}
