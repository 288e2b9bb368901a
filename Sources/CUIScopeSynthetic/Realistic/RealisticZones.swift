/// Lays out the zones: how many of each kind, how many assets each holds, and one aligned
/// subnet per zone, allocated in order inside its kind's block.
enum RealisticZones {
    static func make(_ sizes: RealisticSizes, rng: inout SplitMix64) -> [RealisticZone] {
        let zoneCounts = sizes.zonesPerKind
        let assetCounts = sizes.assetsPerKind
        var zones: [RealisticZone] = []
        for kind in ZoneKind.allCases {
            // More zones than the rule count suggests when the assets would not fit otherwise.
            let needed = kind == .untrust ? 1 : ((assetCounts[kind] ?? 0) * 4 / 3 + capacity(kind) - 1) / capacity(kind)
            let n = max(zoneCounts[kind] ?? 0, needed)
            guard n > 0 else { continue }
            let counts = assetSplit(assetCounts[kind] ?? 0, zones: n, kind: kind, rng: &rng)
            var next = kind.block.base
            for i in 0..<n {
                var zone = named(kind, index: i, assets: counts[i])
                zone.length = length(for: counts[i], kind: kind)
                // Align to the subnet's own size, as an address plan does.
                let size = zone.size
                next = (next + size - 1) / size * size
                zone.network = next
                next += size
                precondition(
                    next - kind.block.base <= IPv4.size(kind.block.length) || kind == .untrust,
                    "realistic profile: the \(kind.rawValue) block is full (too many assets for the rule count)")
                zones.append(zone)
            }
        }
        return zones
    }

    /// A zone with its name, interface and tag; the subnet is filled in by the caller.
    private static func named(_ kind: ZoneKind, index i: Int, assets: Int) -> RealisticZone {
        let label = kind.labels[i % kind.labels.count]
        let tag = kind.trunk.firstTag + i
        let name: String
        let interface: String
        switch kind {
        case .untrust:
            name = "untrust"
            interface = kind.trunk.interface
        case .enclave:
            name = "enc-\(label)"
            interface = "\(kind.trunk.interface).\(tag)"
        default:
            name = "\(kind.prefix)-\(label)-vl\(tag)"
            interface = "\(kind.trunk.interface).\(tag)"
        }
        return RealisticZone(
            name: name, kind: kind, label: label, interface: interface, tag: kind == .untrust ? 0 : tag,
            network: 0, length: 24, assetCount: assets)
    }

    /// The narrowest prefix within the kind's bounds whose hosts (from .10) hold `assets`, one
    /// second address per twenty assets, and room.
    static func length(for assets: Int, kind: ZoneKind) -> Int {
        let (widest, narrowest) = kind.prefixBounds
        var len = narrowest
        while len > widest && Int(IPv4.size(len)) < assets + assets / 20 + 18 { len -= 1 }
        return len
    }

    /// How many assets a zone of this kind can hold at its widest prefix.
    static func capacity(_ kind: ZoneKind) -> Int {
        kind == .untrust ? Int.max / 4 : (Int(IPv4.size(kind.prefixBounds.widest)) - 18) * 20 / 21
    }

    /// Splits a kind's assets over its zones, unevenly (some VLANs are full, some nearly empty),
    /// never above a zone's capacity; what does not fit goes round-robin to zones with room.
    static func assetSplit(_ total: Int, zones n: Int, kind: ZoneKind, rng: inout SplitMix64) -> [Int] {
        let weights = (0..<n).map { _ in 40 + Int.random(in: 0..<120, using: &rng) }
        let sum = weights.reduce(0, +)
        var counts = weights.map { total * $0 / sum }
        let cap = capacity(kind)
        var left = total - counts.reduce(0, +)
        for i in counts.indices where counts[i] > cap {
            left += counts[i] - cap
            counts[i] = cap
        }
        var i = 0
        var idle = 0
        while left > 0 && idle < n {
            if counts[i] < cap {
                counts[i] += 1
                left -= 1
                idle = 0
            } else {
                idle += 1
            }
            i = (i + 1) % n
        }
        return counts
    }
}
