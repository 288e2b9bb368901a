/// `reach` questions answered over the loaded rules, with zones from the firewall exports and
/// the scope file. The topology and the rule indexes are built once, so a `--queries` file of
/// thousands of questions pays for one load.
public final class ReachQuery {
    private let engine: ReachabilityEngine
    /// First address of each asset with an address, by asset id (the first asset of an id wins).
    private let assetAddress: [String: IPAddress]

    public init(input: AnalysisInput) {
        let topology = Topology(zones: input.scope?.zones ?? [], enforcementPoints: input.enforcementPoints)
        engine = ReachabilityEngine(topology: topology, allowlist: [])
        var addresses: [String: IPAddress] = [:]
        for a in input.assets where addresses[a.id] == nil {
            if let first = a.addresses.intervals.first { addresses[a.id] = IPAddress(value: first.lower) }
        }
        assetAddress = addresses
    }

    /// The answer to one question.
    public func answer(
        source: IPAddress, destination: IPAddress, services: ServiceSet, fromZone: String?, toZone: String?
    ) -> ReachAnswer {
        engine.evaluate(source: source, destination: destination, services: services, fromZone: fromZone, toZone: toZone)
    }

    /// The answer to one request, or why it cannot be asked (an end that is neither an address
    /// nor an asset id with an address, or an unknown protocol).
    /// - Parameter names: how the request's ends are called in messages (flags or JSON keys).
    public func answer(_ r: ReachRequest, names: (from: String, to: String) = ("from", "to")) -> Result<ReachAnswer, ReachRequestError> {
        guard let src = resolve(r.from) else { return .failure(.init(unresolved(r.from, name: names.from))) }
        guard let dst = resolve(r.to) else { return .failure(.init(unresolved(r.to, name: names.to))) }
        guard let services = r.services else { return .failure(.init("proto expects \(ReachRequest.protoExpected)")) }
        return .success(answer(source: src, destination: dst, services: services, fromZone: r.fromZone, toZone: r.toZone))
    }

    /// An IP address as written, else the first address of the asset with that id.
    public func resolve(_ text: String) -> IPAddress? { IPAddress(text) ?? assetAddress[text] }

    public func unresolved(_ text: String, name: String) -> String {
        "\(name) '\(text)' is neither an IP address nor an asset id with an address in the inventory"
    }

    /// One question over freshly loaded inputs.
    public static func run(input: AnalysisInput, source: IPAddress, destination: IPAddress, services: ServiceSet,
                           fromZone: String?, toZone: String?) -> ReachAnswer {
        ReachQuery(input: input).answer(
            source: source, destination: destination, services: services, fromZone: fromZone, toZone: toZone)
    }
}
