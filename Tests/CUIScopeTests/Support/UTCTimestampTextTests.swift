import Foundation
import Testing

@testable import CUIScope
import CUIScopeSynthetic

/// The hand-written timestamp text must equal what `ISO8601DateFormatter` gave before it.
@Suite("UTC timestamp text")
struct UTCTimestampTextTests {
    static func reference(_ t: Double) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: t))
    }

    @Test("Agrees with ISO8601DateFormatter on fixed and pseudo-random instants")
    func agrees() {
        var values: [Double] = [
            0, 1, 59, 60, 86_399, 86_400, 951_782_400 /* 2000-02-29 */, 1_790_841_600, 1_790_841_600.999,
            4_107_542_399 /* 2100-02-28T23:59:59 */, 253_402_300_799 /* 9999-12-31T23:59:59 */,
        ]
        var rng = SplitMix64(seed: 3)
        for _ in 0..<2_000 { values.append(Double(Int.random(in: 0..<4_200_000_000, using: &rng))) }
        for _ in 0..<200 { values.append(Double(Int.random(in: 0..<2_000_000_000, using: &rng)) + 0.5) }
        for t in values { #expect(UTCTimestampText.format(t) == Self.reference(t), "\(t)") }
    }
}
