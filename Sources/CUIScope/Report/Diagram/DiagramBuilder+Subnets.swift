/// The subnets of the network view.
extension DiagramBuilder {
    /// Subnet nodes for the network view (grouped when aggregating and a zone part has many),
    /// and the membership edges from asset nodes to them.
    func subnetNodes(
        clusterKeys: inout Set<String>, parts: [String: String], nodeOf: [String: String], aggregated: Bool,
        focused: Bool
    ) -> (nodes: [DiagramGraph.Node], edges: [DiagramGraph.Edge], byZone: [String: [String]]) {
        // Which part each subnet goes in: inside when an in-scope asset sits in it.
        var used: [String: Set<String>] = [:]  // "zone|subnet" → parts of its members
        for (id, part) in parts where part.hasPrefix("in:") || part.hasPrefix("out:") {
            for s in result.network.assetSubnets[id] ?? [] {
                used[(assetsByID[id]?.zone ?? "") + "|" + s, default: []].insert(part)
            }
        }
        var placeOf: [String: String] = [:]  // "zone|subnet" → part key
        for z in result.network.zones {
            for s in z.subnets {
                let k = z.name + "|" + s
                let partsUsed = used[k] ?? []
                if partsUsed.isEmpty && focused { continue }
                placeOf[k] = partsUsed.contains("in:" + z.name) || (partsUsed.isEmpty && z.isEnclave)
                    ? "in:" + z.name : "out:" + z.name
            }
        }
        var perPart: [String: [String]] = [:]
        for (k, part) in placeOf { perPart[part, default: []].append(k) }
        var nodes: [DiagramGraph.Node] = []
        var nodeOfSubnet: [String: String] = [:]
        var byZone: [String: [String]] = [:]
        for part in perPart.keys.sorted() {
            clusterKeys.insert(part)
            let keys = (perPart[part] ?? []).sorted()
            let group = aggregated && keys.count > 8
            for k in keys {
                let subnet = String(k.split(separator: "|", maxSplits: 1).last ?? "")
                let id = group ? "subnets:" + part : "subnet:" + k
                nodeOfSubnet[k] = id
                if group && k != keys[0] { continue }
                let label = group
                    ? "\(keys.count) subnets\n\(subnetText(keys[0])) … \(subnetText(keys[keys.count - 1]))"
                    : subnet
                nodes.append(DiagramGraph.Node(
                    id: id, cluster: part,
                    attributes: [("label", .text(label)), ("shape", .raw("box")), ("style", .text("dashed,rounded")),
                                 ("fontsize", .raw("8")), ("class", .text("subnet"))],
                    assets: []))
                byZone[part, default: []].append(id)
            }
        }
        var pairs = Set<String>()
        var edges: [DiagramGraph.Edge] = []
        for (id, node) in nodeOf.sorted(by: { $0.key < $1.key }) {
            for s in result.network.assetSubnets[id] ?? [] {
                guard let target = nodeOfSubnet[(assetsByID[id]?.zone ?? "") + "|" + s] ?? nodeOfSubnetAnyZone(s, nodeOfSubnet),
                    pairs.insert(node + "\u{1}" + target).inserted
                else { continue }
                edges.append(DiagramGraph.Edge(
                    from: target, to: node,
                    attributes: [("dir", .raw("none")), ("color", .text("#999999")), ("class", .text("member"))]))
            }
        }
        return (nodes, edges, byZone)
    }

    func subnetText(_ key: String) -> String { String(key.split(separator: "|", maxSplits: 1).last ?? "") }

    /// A subnet node by subnet text alone (an asset whose first zone differs from this subnet's zone).
    func nodeOfSubnetAnyZone(_ subnet: String, _ table: [String: String]) -> String? {
        table.keys.sorted().first { subnetText($0) == subnet }.flatMap { table[$0] }
    }
}
