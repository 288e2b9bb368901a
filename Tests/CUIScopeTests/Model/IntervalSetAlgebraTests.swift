import Testing
@testable import CUIScope

/// `subtracting` and `intersects` walk both interval lists directly (no complement, no
/// intersection built); they must agree with the definitions they replace on every input,
/// including intervals at the ends of the bound's range.
@Suite struct IntervalSetAlgebraTests {
    /// Deterministic xorshift generator: the same sets on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    /// A random set of up to 6 intervals in a small 8-bit space, so overlaps, neighbours and the
    /// bounds 0 and 255 all occur often.
    static func randomSet(_ g: inout Generator) -> IntervalSet<UInt8> {
        var parts: [IntervalSet<UInt8>.Interval] = []
        for _ in 0..<Int(g.next() % 7) {
            let a = UInt8(truncatingIfNeeded: g.next())
            let b = UInt8(truncatingIfNeeded: g.next() % 40)
            let hi = a > 255 - b ? 255 : a + b
            parts.append(.init(a, hi))
        }
        if g.next() % 9 == 0 { parts.append(.init(0, UInt8(truncatingIfNeeded: g.next() % 20))) }
        if g.next() % 9 == 0 { parts.append(.init(UInt8(235 + g.next() % 20), 255)) }
        return IntervalSet(parts)
    }

    @Test func subtractingAndIntersectsAgreeWithTheirDefinitions() {
        var g = Generator(state: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<20_000 {
            let a = Self.randomSet(&g)
            let b = Self.randomSet(&g)
            let expected = b.isEmpty || a.isEmpty ? a : a.intersection(b.complement())
            #expect(a.subtracting(b) == expected, "\(a.intervals) − \(b.intervals)")
            #expect(a.intersects(b) == !a.intersection(b).isEmpty, "\(a.intervals) ∩ \(b.intervals)")
            // Normalised: members one by one match the definition.
            for v in stride(from: 0, through: 255, by: 17) {
                let x = UInt8(v)
                #expect(a.subtracting(b).contains(x) == (a.contains(x) && !b.contains(x)))
            }
        }
        #expect(IntervalSet<UInt8>.full.subtracting(IntervalSet(lower: 10, upper: 20)).intervals
            == [.init(0, 9), .init(21, 255)])
        #expect(IntervalSet<UInt8>(lower: 0, upper: 255).subtracting(.full).isEmpty)
    }
}
