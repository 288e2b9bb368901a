/// One `reach` question answered over the loaded rules, with zones from the firewall exports
/// and the scope file.
public enum ReachQuery {
    public static func run(input: AnalysisInput, source: IPAddress, destination: IPAddress, services: ServiceSet,
                           fromZone: String?, toZone: String?) -> ReachAnswer {
        let topology = Topology(zones: input.scope?.zones ?? [], enforcementPoints: input.enforcementPoints)
        let engine = ReachabilityEngine(topology: topology, allowlist: [])
        return engine.evaluate(source: source, destination: destination, services: services, fromZone: fromZone,
                               toZone: toZone)
    }
}
