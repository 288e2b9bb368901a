/// Longest-prefix lookup of addresses over every zone's subnets.
///
/// Subnets may nest (a `/16` zone with a `/24` carved out for another zone) and overlap across
/// zones, so the address space is cut once into pieces, each owned by the most specific subnet
/// covering it (smallest size; ties by zone name, then subnet text). A lookup is then one binary
/// search, and splitting a range asset into per-subnet pieces walks only the pieces it covers.
struct SubnetIndex: Sendable {
    /// One subnet of one zone; `id` is its position in `segments` (sorted by zone, then text).
    struct Segment: Sendable, Hashable {
        var zone: String
        var subnet: Subnet
    }

    /// A maximal run of addresses owned by one segment.
    struct Piece: Sendable {
        var lower: UInt128
        var upper: UInt128
        var segment: Int
    }

    let segments: [Segment]
    /// Sorted, disjoint; gaps are addresses in no subnet.
    let pieces: [Piece]

    init(zones: [Zone]) {
        var segs: [Segment] = []
        for z in zones {
            for s in z.subnets where !s.addresses.isEmpty { segs.append(Segment(zone: z.name, subnet: s)) }
        }
        segs.sort { ($0.zone, $0.subnet.text) < ($1.zone, $1.subnet.text) }
        segments = segs
        pieces = SubnetIndex.cut(segs)
    }

    /// Sweeps interval boundaries, keeping the covering segments ordered by specificity.
    private static func cut(_ segs: [Segment]) -> [Piece] {
        // Specificity: a smaller subnet wins; the size is the sum of interval widths (saturating).
        let sizes: [UInt128] = segs.map { seg in
            var total: UInt128 = 0
            for iv in seg.subnet.addresses.intervals {
                let (sum, overflow) = total.addingReportingOverflow(iv.upper - iv.lower)
                total = overflow ? .max : sum
            }
            return total
        }
        func before(_ a: Int, _ b: Int) -> Bool { sizes[a] != sizes[b] ? sizes[a] < sizes[b] : a < b }

        // Events: (point, isAdd, segment). Removals sort before additions at the same point.
        var events: [(point: UInt128, add: Bool, seg: Int)] = []
        for (i, seg) in segs.enumerated() {
            for iv in seg.subnet.addresses.intervals {
                events.append((iv.lower, true, i))
                if iv.upper < .max { events.append((iv.upper + 1, false, i)) }
            }
        }
        events.sort { ($0.point, $0.add ? 1 : 0, $0.seg) < ($1.point, $1.add ? 1 : 0, $1.seg) }

        var active: [Int] = []  // ordered by `before`, most specific first
        var out: [Piece] = []
        var i = 0
        while i < events.count {
            let point = events[i].point
            while i < events.count && events[i].point == point {
                let e = events[i]
                if e.add {
                    let at = active.firstIndex { !before($0, e.seg) } ?? active.count
                    active.insert(e.seg, at: at)
                } else if let at = active.firstIndex(of: e.seg) {
                    active.remove(at: at)
                }
                i += 1
            }
            guard let owner = active.first else { continue }
            let upper: UInt128 = i < events.count ? events[i].point - 1 : .max
            if var last = out.last, last.segment == owner, last.upper &+ 1 == point, last.upper < .max {
                last.upper = upper
                out[out.count - 1] = last
            } else {
                out.append(Piece(lower: point, upper: upper, segment: owner))
            }
        }
        return out
    }

    /// The index of the piece holding `value`, if any.
    func pieceIndex(_ value: UInt128) -> Int? {
        var lo = 0
        var hi = pieces.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let p = pieces[mid]
            if value < p.lower { hi = mid - 1 } else if value > p.upper { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// The first piece whose upper bound is at or above `value` (where a walk over a range starts).
    func firstPiece(atOrAfter value: UInt128) -> Int {
        var lo = 0
        var hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pieces[mid].upper < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func segment(of value: UInt128) -> Int? { pieceIndex(value).map { pieces[$0].segment } }
}
