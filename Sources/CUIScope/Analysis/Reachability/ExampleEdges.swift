/// Example edges of one asset, gathered while connectivity runs and kept to a few per asset.
///
/// Every (non-target group, target group) pair that connects offers the first target members
/// of the group as examples; only the first `limit` by (kind, peer id, direction, addresses)
/// survive, one per (kind, peer, direction), so the report shows the same examples whatever
/// order the zone pairs were visited in.
struct ExampleEdge {
    var kind: EdgeKind
    var peer: Int
    var peerID: String
    /// This asset → peer.
    var outbound: Bool
    var ownAddress: IPAddress
    var peerAddress: IPAddress
    var services: ServiceSet
    /// Route outcome chain for permit edges (hops materialised only for kept examples); -1 = none.
    var combo: Int32
    var segment: String?

    static func order(_ a: ExampleEdge, _ b: ExampleEdge) -> Bool {
        (a.kind, a.peerID, a.outbound ? 0 : 1, a.ownAddress, a.peerAddress, a.peer)
            < (b.kind, b.peerID, b.outbound ? 0 : 1, b.ownAddress, b.peerAddress, b.peer)
    }

    func sameEdge(_ o: ExampleEdge) -> Bool { kind == o.kind && peer == o.peer && outbound == o.outbound }

    /// Sorts, keeps the first example per (kind, peer, direction), and trims to `limit`.
    static func trim(_ list: inout [ExampleEdge], limit: Int) {
        list.sort(by: ExampleEdge.order)
        var out: [ExampleEdge] = []
        for c in list where out.count < limit {
            if !out.contains(where: { $0.sameEdge(c) }) { out.append(c) }
        }
        list = out
    }

    /// Adds `c` to a sorted top-`limit` list; false when it ranks after a full list's last entry.
    static func offer(_ c: ExampleEdge, to list: inout [ExampleEdge], limit: Int) -> Bool {
        if list.count >= limit, let last = list.last, !ExampleEdge.order(c, last) { return false }
        list.append(c)
        trim(&list, limit: limit)
        return true
    }
}
