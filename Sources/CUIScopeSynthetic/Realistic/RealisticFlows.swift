import Foundation

/// One logged session of a realistic network.
struct RealisticFlow {
    var src: UInt32
    var dst: UInt32
    var srcZone: Int
    var dstZone: Int
    var proto: UInt8
    var sport: UInt16
    var dport: UInt16
    var allow: Bool
    /// Index of the matching rule; nil for `intrazone-default` / `interzone-default`.
    var rule: Int?
    /// Seconds from the start of the window.
    var start: Int
    var elapsed: Int
    var bytes: Int
    var packets: Int
    var repeatCount: Int
    var sequence: Int

    /// The millisecond part of both timestamps (the session's start and end share it).
    var millis: Int { sequence * 7 % 1000 }
}

/// A conversation: what repeats across records (endpoints, service, the firewall's verdict).
struct Conversation {
    var src: UInt32
    var dst: UInt32
    var srcZone: Int
    var dstZone: Int
    var proto: UInt8
    var dport: UInt16
    var allow: Bool
    var rule: Int?
}

/// Generates the flow records of a realistic network, in time order over one week.
///
/// About 86 % of records come from allow rules, picked with Zipf-like popularity (a few rules
/// carry most sessions), 6 % stay inside one zone, 4 % are drawn from explicit deny rules and
/// 4 % cross zone pairs no rule was written for. Each rule has a few dozen conversations, also
/// Zipf-popular, so records repeat as real session logs do. Action and rule come from the
/// generator's own first-match evaluation (``RealisticPolicyIndex``).
struct RealisticFlows {
    static let window = 7 * 86_400
    var index: RealisticPolicyIndex
    let seed: UInt64
    let allowRules: [Int]
    let denyRules: [Int]
    let busyZones: [Int]
    let assetsByZone: [[Int]]
    private let ruleZipf: Zipf
    private let denyZipf: Zipf
    private let zoneZipf: Zipf
    private let variantZipf = Zipf(count: 48, exponent: 1.1)
    let internetZipf = Zipf(count: 5_000, exponent: 1.0)
    var cache: [UInt64: Conversation] = [:]

    init(_ net: RealisticNetwork, seed: UInt64) {
        index = RealisticPolicyIndex(net)
        self.seed = seed
        var rng = SplitMix64(seed: seed ^ 0xF10A_5EED)
        let enabled = net.rules.indices.filter { !net.rules[$0].disabled }
        allowRules = enabled.filter { net.rules[$0].action == "allow" }.shuffled(using: &rng)
        denyRules = enabled.filter { net.rules[$0].action != "allow" && !net.rules[$0].name.hasPrefix("CLEANUP") }
            .shuffled(using: &rng)
        var byZone = Array(repeating: [Int](), count: net.zones.count)
        for (i, a) in net.assets.enumerated() { byZone[a.zone].append(i) }
        assetsByZone = byZone
        busyZones = net.zones.indices.filter { byZone[$0].count >= 2 && net.zones[$0].kind != .untrust }
            .shuffled(using: &rng)
        ruleZipf = Zipf(count: allowRules.count, exponent: 0.9)
        denyZipf = Zipf(count: denyRules.count, exponent: 0.9)
        zoneZipf = Zipf(count: busyZones.count, exponent: 0.8)
    }

    /// Calls `emit` for each of `count` records.
    mutating func generate(count: Int, emit: (RealisticFlow) throws -> Void) rethrows {
        var rng = SplitMix64(seed: seed ^ 0xF10F_10F1_0000_0001)
        for n in 0..<count {
            let roll = Int.random(in: 0..<100, using: &rng)
            let variant = variantZipf.sample(&rng)
            let conversation: Conversation
            if roll < 86, !allowRules.isEmpty {
                conversation = fromRule(allowRules[ruleZipf.sample(&rng)], variant: variant)
            } else if roll < 92, !busyZones.isEmpty {
                conversation = intrazone(busyZones[zoneZipf.sample(&rng)], variant: variant)
            } else if roll < 96, !denyRules.isEmpty {
                conversation = fromRule(denyRules[denyZipf.sample(&rng)], variant: variant)
            } else {
                conversation = unpermitted(variant + 64 * Int.random(in: 0..<64, using: &rng))
            }
            try emit(record(conversation, n: n, count: count, rng: &rng))
        }
    }

    private func record(_ c: Conversation, n: Int, count: Int, rng: inout SplitMix64) -> RealisticFlow {
        let start = n * (Self.window - 600) / max(1, count) + Int.random(in: 0..<60, using: &rng)
        var f = RealisticFlow(
            src: c.src, dst: c.dst, srcZone: c.srcZone, dstZone: c.dstZone, proto: c.proto,
            sport: UInt16(Int.random(in: 32_768..<61_000, using: &rng)), dport: c.dport, allow: c.allow, rule: c.rule,
            start: start, elapsed: 0, bytes: 66, packets: 1, repeatCount: 1, sequence: n + 1)
        if c.allow {
            f.elapsed =
                Int.random(in: 0..<100, using: &rng) < 70
                ? Int.random(in: 0..<30, using: &rng)
                : Int.random(in: 30..<600, using: &rng)
            var scale = 1
            for _ in 0..<Int.random(in: 2..<7, using: &rng) { scale *= 10 }
            f.bytes = Int.random(in: 1..<10, using: &rng) * scale + Int.random(in: 0..<100, using: &rng)
            f.packets = max(2, f.bytes / 900)
            f.repeatCount = Int.random(in: 0..<100, using: &rng) < 90 ? 1 : Int.random(in: 2...5, using: &rng)
        } else {
            f.repeatCount = Int.random(in: 1...20, using: &rng)
        }
        return f
    }
}

/// Zipf-like sampling over `count` ranks: rank r has weight 1 / (r + 1)^exponent.
struct Zipf: Sendable {
    private let cumulative: [Double]

    init(count: Int, exponent: Double) {
        var total = 0.0
        var c: [Double] = []
        c.reserveCapacity(count)
        for r in 0..<count {
            total += 1 / pow(Double(r + 1), exponent)
            c.append(total)
        }
        cumulative = c
    }

    func sample(_ rng: inout SplitMix64) -> Int {
        guard let total = cumulative.last else { return 0 }
        let u = Double(rng.next() >> 11) / Double(1 << 53) * total
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= u { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
