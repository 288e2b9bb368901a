/// The generator's own view of the policy it wrote: names resolved to IPv4 intervals and ports,
/// rules compiled, first-match evaluation. It decides what the firewall did with each generated
/// flow (action and matching rule in the log), independently of cuiscope's reader.
struct RealisticPolicyIndex {
    struct Ranges {
        /// Sorted, disjoint intervals.
        var intervals: [(UInt32, UInt32)]
        static let all = Ranges(intervals: [(0, .max)])

        func contains(_ v: UInt32) -> Bool {
            var lo = 0
            var hi = intervals.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if intervals[mid].1 < v { lo = mid + 1 } else { hi = mid }
            }
            return lo < intervals.count && intervals[lo].0 <= v
        }

        static func union(_ parts: [(UInt32, UInt32)]) -> Ranges {
            let sorted = parts.sorted { $0.0 < $1.0 }
            var out: [(UInt32, UInt32)] = []
            for p in sorted {
                if let last = out.last, last.1 == .max || p.0 <= last.1 + 1 {
                    out[out.count - 1].1 = max(last.1, p.1)
                    continue
                }
                out.append(p)
            }
            return Ranges(intervals: out)
        }
    }

    /// One port range of one protocol (6 tcp, 17 udp); proto 0 matches everything.
    struct Port: Sendable {
        var proto: UInt8
        var low: UInt16
        var high: UInt16
    }

    struct Compiled {
        var from: Set<Int>?
        var to: Set<Int>?
        var source: Ranges
        var destination: Ranges
        var negateSource: Bool
        var negateDestination: Bool
        var services: [Port]?
        var allow: Bool
        var disabled: Bool
        var ruleType: String?
        /// Concrete members to draw endpoints from (names and literals as written).
        var sourceMembers: [String]
        var destinationMembers: [String]
    }

    let network: RealisticNetwork
    private(set) var addressRanges: [String: [(UInt32, UInt32)]] = [:]
    var groupMembers: [String: [String]] = [:]
    var serviceParts: [String: [Port]] = [:]
    var serviceGroupMembers: [String: [String]] = [:]
    private(set) var compiled: [Compiled] = []
    let zoneIndex: [String: Int]
    /// Zones by network, for address → zone.
    let zoneOrder: [Int]
    let untrust: Int
    /// Candidate rules per (source zone, destination zone) pair, built on first use.
    var pairCache: [Int: [Int]] = [:]
    /// Rules whose `from` holds the zone (or is any), in order, per zone.
    private(set) var rulesFrom: [[Int]] = []

    init(_ net: RealisticNetwork) {
        network = net
        var zi: [String: Int] = [:]
        for (i, z) in net.zones.enumerated() { zi[z.name] = i }
        zoneIndex = zi
        let outside = net.zones.firstIndex { $0.kind == .untrust } ?? 0
        untrust = outside
        zoneOrder = net.zones.indices.filter { $0 != outside }.sorted { net.zones[$0].network < net.zones[$1].network }
        for a in net.addresses where a.low <= a.high { addressRanges[a.name] = [(a.low, a.high)] }
        for g in net.groups { groupMembers[g.name] = g.members }
        for s in net.services { serviceParts[s.name] = Self.ports(s.proto, s.ports) }
        for g in net.serviceGroups { serviceGroupMembers[g.name] = g.members }
        compiled = net.rules.map(compile)
        rulesFrom = Array(repeating: [], count: net.zones.count)
        for (i, c) in compiled.enumerated() where !c.disabled {
            if let from = c.from {
                for z in from.sorted() { rulesFrom[z].append(i) }
            } else {
                for z in rulesFrom.indices { rulesFrom[z].append(i) }
            }
        }
    }
}
