/// Flow records joined to the inventory: observed edges to and from CUI assets, denied
/// attempts (separation evidence), and addresses that talk to CUI assets but are in no
/// inventory (DOC-14). Denied flows never create a path: they are separation evidence
/// (docs/SCOPING.md, Separation; docs/DECISIONS.md 7).
struct ObservedTraffic {
    /// Aggregated flows by (source asset or address, destination, protocol, port).
    struct Key: Hashable, Comparable {
        var source: UInt128
        var destination: UInt128
        var proto: UInt8
        var port: UInt16
        static func < (a: Key, b: Key) -> Bool {
            (a.source, a.destination, a.proto, a.port) < (b.source, b.destination, b.proto, b.port)
        }
    }

    /// Observed data-capable edges per non-CUI asset (to or from a CUI asset).
    var edges: [Int: [Edge]] = [:]
    /// Aggregated allowed flows touching a CUI asset, for the unauthorized-flow check.
    var cuiFlows: [Key: Flow] = [:]
    /// Denied flows per asset involving a CUI asset.
    var denied: [Int: [Flow]] = [:]
    /// Aggregated flows between a CUI asset and an address no inventory row covers.
    var unknownPeers: [Key: Flow] = [:]
    var recordCount = 0

    init() {}

    /// Joins every flow to the assets. `targets` are the CUI assets.
    init(flowLogs: [FlowLog], assets: [Asset], index: AddressIndex, targets: Set<Int>) {
        var pairFlows: [Key: Flow] = [:]
        for log in flowLogs {
            for f in log.flows {
                recordCount += f.count
                let s = index.owner(of: f.source)
                let d = index.owner(of: f.destination)
                let sCUI = s.map { targets.contains($0) } ?? false
                let dCUI = d.map { targets.contains($0) } ?? false
                guard sCUI || dCUI else { continue }
                if s != nil && s == d { continue }
                let key = Key(source: f.source.value, destination: f.destination.value, proto: f.proto,
                              port: f.destinationPort ?? 0)
                if f.action == .deny {
                    for side in [s, d] {
                        if let side, !targets.contains(side) {
                            if denied[side, default: []].count < 5 { denied[side, default: []].append(f) }
                        }
                    }
                    continue
                }
                if s == nil || d == nil {
                    ObservedTraffic.merge(f, into: &unknownPeers, key: key)
                    continue
                }
                ObservedTraffic.merge(f, into: &cuiFlows, key: key)
                if !(sCUI && dCUI) { ObservedTraffic.merge(f, into: &pairFlows, key: key) }
            }
        }
        for key in pairFlows.keys.sorted() {
            guard let f = pairFlows[key], let s = index.owner(of: f.source), let d = index.owner(of: f.destination)
            else { continue }
            let other = targets.contains(s) ? d : s
            let edge = Edge(kind: .observed, from: assets[s].id, to: assets[d].id, fromAddress: f.source,
                            toAddress: f.destination,
                            services: .ports(f.proto, f.destinationPort ?? 0, f.destinationPort ?? 0), flows: [f])
            edges[other, default: []].append(edge)
        }
    }

    /// Adds a record to an aggregate: counts, bytes and first/last seen; keeps the first record's location.
    static func merge(_ f: Flow, into table: inout [Key: Flow], key: Key) {
        if var agg = table[key] {
            agg.count += f.count
            agg.bytes += f.bytes
            agg.packets += f.packets
            if let t = f.firstSeen { agg.firstSeen = min(agg.firstSeen ?? t, t) }
            if let t = f.lastSeen ?? f.firstSeen { agg.lastSeen = max(agg.lastSeen ?? t, t) }
            table[key] = agg
        } else {
            var first = f
            if first.lastSeen == nil { first.lastSeen = first.firstSeen }
            table[key] = first
        }
    }
}
