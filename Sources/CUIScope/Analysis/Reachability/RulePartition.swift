/// Address equivalence classes (atomic predicates) of one side of one rule list.
///
/// Two addresses are equivalent when exactly the same rules' source (or destination) sets
/// contain them: first match then treats them identically. The boundaries of every rule's set
/// cut the address space into elementary intervals; a sweep over the sorted boundaries keeps the
/// live membership as a bitset plus a Zobrist hash (XOR of a random 64-bit word per rule), so
/// the class of each queried address costs a hash lookup, not a scan of the rules. Hash hits are
/// confirmed against the stored bitset, so classes are exact. Only classes that hold a queried
/// address are materialised, which keeps memory at (used classes × rules / 64) words.
struct RulePartition: Sendable {
    /// Class of each queried address (indexed like the sorted query array).
    let classOfQuery: [Int32]
    /// Per class: bit `p` set when rule position `p` (in the hop's applicable-rule list) contains it.
    let bits: [[UInt64]]

    var classCount: Int { bits.count }

    /// No rules, no queries (a released partition).
    init() {
        classOfQuery = []
        bits = []
    }

    /// - Parameters:
    ///   - sets: per applicable rule (in evaluation order), the address set on this side.
    ///   - queries: sorted, distinct address values to classify.
    init(sets: [AddressSet], queries: [UInt128]) {
        let words = (sets.count + 63) / 64
        var events: [(point: UInt128, rule: Int32, add: Bool)] = []
        events.reserveCapacity(sets.count * 2)
        for (p, set) in sets.enumerated() {
            for iv in set.intervals {
                events.append((iv.lower, Int32(p), true))
                if iv.upper < .max { events.append((iv.upper + 1, Int32(p), false)) }
            }
        }
        events.sort { $0.point < $1.point }
        let keys = (0..<sets.count).map { RulePartition.zobrist(UInt64($0)) }

        var live = [UInt64](repeating: 0, count: words)
        var hash: UInt64 = 0
        var byHash: [UInt64: [Int32]] = [:]
        var bits: [[UInt64]] = []
        var classOf = [Int32](repeating: 0, count: queries.count)
        var e = 0
        var current: Int32 = -1  // class of the live state, valid until the next event
        for (q, value) in queries.enumerated() {
            while e < events.count && events[e].point <= value {
                let ev = events[e]
                let w = Int(ev.rule) >> 6
                let mask = UInt64(1) << UInt64(Int(ev.rule) & 63)
                if ev.add { live[w] |= mask } else { live[w] &= ~mask }
                hash ^= keys[Int(ev.rule)]
                current = -1
                e += 1
            }
            if current < 0 {
                if let found = byHash[hash]?.first(where: { bits[Int($0)] == live }) {
                    current = found
                } else {
                    current = Int32(bits.count)
                    bits.append(live)
                    byHash[hash, default: []].append(current)
                }
            }
            classOf[q] = current
        }
        self.classOfQuery = classOf
        self.bits = bits
    }

    /// SplitMix64 finaliser: a well-mixed 64-bit word per rule position, fixed across runs.
    static func zobrist(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
