/// `reach` questions answered over the loaded rules, with zones from the firewall exports and
/// the scope file. The topology and the rule indexes are built once, so a `--queries` file of
/// thousands of questions pays for one load.
public final class ReachQuery {
    private let engine: ReachabilityEngine
    /// First address of each asset with an address, by asset id (the first asset of an id wins).
    private let assetAddress: [String: IPAddress]
    /// The address `internet` stands for (docs/DECISIONS.md 70); nil when every candidate is taken.
    let internetAddress: IPAddress?

    public init(input: AnalysisInput) {
        let topology = Topology(zones: input.scope?.zones ?? [], enforcementPoints: input.enforcementPoints)
        engine = ReachabilityEngine(topology: topology, allowlist: [])
        var addresses: [String: IPAddress] = [:]
        for a in input.assets where addresses[a.id] == nil {
            if let first = a.addresses.intervals.first { addresses[a.id] = IPAddress(value: first.lower) }
        }
        assetAddress = addresses
        let held = input.assets.reduce(AddressSet()) { $0.union($1.addresses) }
        internetAddress = ["8.8.8.8", "1.1.1.1", "9.9.9.9", "208.67.222.222"].compactMap { IPAddress($0) }
            .first { !held.contains($0) && topology.place($0) == nil }
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
        var a = answer(source: src, destination: dst, services: services, fromZone: r.fromZone, toZone: r.toZone)
        if let stand = internetAddress, [r.from, r.to].contains(where: { $0.lowercased() == "internet" }) {
            a.notes.insert("internet stands for \(stand), a public address no zone or asset holds", at: 0)
        }
        return .success(a)
    }

    /// An IP address as written, `internet` (its representative address), else the first
    /// address of the asset with that id.
    public func resolve(_ text: String) -> IPAddress? {
        if text.lowercased() == "internet", assetAddress[text] == nil { return internetAddress }
        return IPAddress(text) ?? assetAddress[text]
    }

    public func unresolved(_ text: String, name: String) -> String {
        "\(name) '\(text)' is neither an IP address, `internet`, nor an asset id with an address in the inventory"
    }

    /// One question over freshly loaded inputs.
    public static func run(input: AnalysisInput, source: IPAddress, destination: IPAddress, services: ServiceSet,
                           fromZone: String?, toZone: String?) -> ReachAnswer {
        ReachQuery(input: input).answer(
            source: source, destination: destination, services: services, fromZone: fromZone, toZone: toZone)
    }
}
