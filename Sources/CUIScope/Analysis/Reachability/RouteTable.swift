/// Longest-prefix match over the devices' static routes: where an address that no connected
/// subnet holds is sent (docs/DECISIONS.md 67).
///
/// Only installed routes take part; the longest prefix wins, ties go to the earlier device and
/// then document order. A `next-vr` route is followed into the named router (at most 8 steps, so
/// a loop of routers ends). A discard route, a route whose egress zone is unknown, or no route at
/// all answers `.noRoute`, with the route (when one matched) as evidence. Memory is the routes
/// themselves: nothing is expanded per address.
struct RouteTable: Sendable {
    /// Installed routes, longest prefix first (stable: device then document order).
    let routes: [StaticRoute]

    init(enforcementPoints: [EnforcementPoint]) {
        let all = enforcementPoints.flatMap(\.routes).filter(\.installed)
        routes = all.enumerated().sorted {
            ($0.element.prefixLength, -$0.offset) > ($1.element.prefixLength, -$1.offset)
        }.map(\.element)
    }

    enum Outcome: Sendable, Hashable {
        /// Routed into `zone`; `path` lists the routes followed, first to last.
        case zone(String, path: [StaticRoute])
        /// Dropped or unroutable; `path` is empty when no route matched at all.
        case noRoute(path: [StaticRoute])
    }

    var isEmpty: Bool { routes.isEmpty }

    func lookup(_ address: IPAddress) -> Outcome {
        var path: [StaticRoute] = []
        var router: String?
        for _ in 0..<8 {
            let hit = routes.first { r in
                (router == nil || r.router == router) && r.destination.contains(address.value)
            }
            guard let r = hit else { return .noRoute(path: path) }
            path.append(r)
            if r.discard { return .noRoute(path: path) }
            if let z = r.zone { return .zone(z, path: path) }
            guard let hop = r.nextHop, hop.hasPrefix("next-vr ") else { return .noRoute(path: path) }
            router = String(hop.dropFirst("next-vr ".count))
        }
        return .noRoute(path: path)
    }
}
