/// What the firewall reader (``PANOSFirewallPolicy``) and the Panorama reader
/// (``PanoramaPolicy``) produce, before ``PANOSConfigParser`` checks the log for errors.
struct PANOSPolicy {
    var points: [EnforcementPoint]
    var log: DiagnosticLog
    var counts: [String: Int]

    /// A policy with the counts both readers report: the rule reader's tallies, the FQDN objects
    /// and dynamic address groups of every object scope, and the enforcement points.
    init(points: [EnforcementPoint], log: DiagnosticLog, reader: PANOSSecurityRuleReader, scopes: [PANOSObjectScope]) {
        self.points = points
        self.log = log
        counts = reader.counts
        counts["fqdn_objects"] = scopes.reduce(0) { $0 + $1.fqdnObjects }
        counts["dynamic_groups"] = scopes.reduce(0) { $0 + $1.dynamicGroups }
        counts["enforcement_points"] = points.count
    }

    /// Zones rules name that the export does not define, sorted.
    static func undefinedZones(_ ep: EnforcementPoint) -> [String] {
        let defined = Set(ep.zones.map(\.name))
        return ep.zoneNames.subtracting(defined).sorted()
    }
}
