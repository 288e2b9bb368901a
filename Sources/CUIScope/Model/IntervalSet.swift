/// A set of unsigned integers stored as sorted, disjoint, non-adjacent closed intervals.
///
/// Address sets (IPv4 and IPv6 in one 128-bit space) and service sets (protocol × port in one
/// 24-bit space) are both interval sets, so negation, union and the elementary-interval
/// partition used by reachability are written once.
public struct IntervalSet<Bound: FixedWidthInteger & UnsignedInteger & Sendable>: Hashable, Sendable {
    public struct Interval: Hashable, Sendable, Comparable {
        public var lower: Bound
        public var upper: Bound
        public init(_ lower: Bound, _ upper: Bound) {
            precondition(lower <= upper)
            self.lower = lower
            self.upper = upper
        }
        public static func < (a: Interval, b: Interval) -> Bool { (a.lower, a.upper) < (b.lower, b.upper) }
        public func contains(_ v: Bound) -> Bool { lower <= v && v <= upper }
    }

    public private(set) var intervals: [Interval]

    public init() { intervals = [] }
    public init(_ interval: Interval) { intervals = [interval] }
    public init(lower: Bound, upper: Bound) { intervals = [Interval(lower, upper)] }

    /// Builds a normalised set from intervals in any order, merging overlaps and neighbours.
    public init<S: Sequence>(_ raw: S) where S.Element == Interval {
        let sorted = raw.sorted()
        var out: [Interval] = []
        out.reserveCapacity(sorted.count)
        for iv in sorted {
            if var last = out.last, iv.lower <= last.upper || (last.upper < Bound.max && iv.lower == last.upper + 1) {
                if iv.upper > last.upper { last.upper = iv.upper }
                out[out.count - 1] = last
            } else {
                out.append(iv)
            }
        }
        intervals = out
    }

    public static var empty: IntervalSet { IntervalSet() }
    public static var full: IntervalSet { IntervalSet(lower: .min, upper: .max) }

    public var isEmpty: Bool { intervals.isEmpty }
    public var isFull: Bool { intervals.count == 1 && intervals[0].lower == .min && intervals[0].upper == .max }

    public func contains(_ v: Bound) -> Bool {
        var lo = 0
        var hi = intervals.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let iv = intervals[mid]
            if v < iv.lower { hi = mid - 1 } else if v > iv.upper { lo = mid + 1 } else { return true }
        }
        return false
    }

    public func union(_ other: IntervalSet) -> IntervalSet {
        if other.isEmpty { return self }
        if isEmpty { return other }
        return IntervalSet(intervals + other.intervals)
    }

    public func complement() -> IntervalSet {
        var out: [Interval] = []
        var next: Bound = .min
        var reachedMax = false
        for iv in intervals {
            if iv.lower > next { out.append(Interval(next, iv.lower - 1)) }
            if iv.upper == .max { reachedMax = true; break }
            next = iv.upper + 1
        }
        if !reachedMax { out.append(Interval(next, .max)) }
        var result = IntervalSet()
        result.intervals = out
        return result
    }

    public func intersection(_ other: IntervalSet) -> IntervalSet {
        var out: [Interval] = []
        var i = 0
        var j = 0
        while i < intervals.count && j < other.intervals.count {
            let a = intervals[i]
            let b = other.intervals[j]
            let lo = max(a.lower, b.lower)
            let hi = min(a.upper, b.upper)
            if lo <= hi { out.append(Interval(lo, hi)) }
            if a.upper < b.upper { i += 1 } else { j += 1 }
        }
        var result = IntervalSet()
        result.intervals = out
        return result
    }

    /// One merge walk over both lists (no complement is built): hot in first-match loops.
    public func subtracting(_ other: IntervalSet) -> IntervalSet {
        if other.isEmpty || isEmpty { return self }
        var out: [Interval] = []
        var j = 0
        let cuts = other.intervals
        for a in intervals {
            while j < cuts.count && cuts[j].upper < a.lower { j += 1 }
            var lo = a.lower
            var covered = false
            while j < cuts.count && cuts[j].lower <= a.upper {
                let b = cuts[j]
                if b.lower > lo { out.append(Interval(lo, b.lower - 1)) }
                if b.upper >= a.upper {
                    covered = true
                    break  // `b` may reach into the next interval too: keep it
                }
                lo = b.upper + 1
                j += 1
            }
            if !covered { out.append(Interval(lo, a.upper)) }
        }
        var result = IntervalSet()
        result.intervals = out
        return result
    }

    /// Without building the intersection.
    public func intersects(_ other: IntervalSet) -> Bool {
        var i = 0
        var j = 0
        while i < intervals.count && j < other.intervals.count {
            let a = intervals[i]
            let b = other.intervals[j]
            if max(a.lower, b.lower) <= min(a.upper, b.upper) { return true }
            if a.upper < b.upper { i += 1 } else { j += 1 }
        }
        return false
    }

    public func isSuperset(of other: IntervalSet) -> Bool { other.subtracting(self).isEmpty }
}
