import Foundation
import Testing

@testable import CUIScope

/// Differential reachability must agree with the direct per-address evaluation of both rule sets.
@Suite("check: differential reachability")
struct PathDiffTests {
    typealias F = CheckFixtures

    /// For every ordered pair of placed asset endpoints, the opened and closed services found by
    /// the class-based diff equal what `evaluate()` gives for the two rule sets.
    @Test("class-based diff equals per-address evaluation", arguments: [
        [F.baseline, F.proposed],
        [F.baseline, F.fixture("proposed-tighten.xml")],
        [F.fixture("baseline-reorder.xml"), F.fixture("proposed-reorder.xml")],
        [F.baseline, F.fixture("proposed-vendor.xml")],
    ])
    func agreesWithEvaluate(pair: [String]) throws {
        let base = pair[0]
        let prop = pair[1]
        let inputs = try CheckInputLoader.load(proposed: F.paths(rules: prop), baselineRules: [base], waivers: nil)
        let zones = inputs.proposed.scope?.zones ?? []
        let old = Topology(zones: zones, enforcementPoints: inputs.baseline.enforcementPoints)
        let new = Topology(zones: zones, enforcementPoints: inputs.proposed.enforcementPoints)
        let assets = inputs.proposed.assets
        let changes = PathDiff.changes(baseline: old, proposed: new, assets: assets)
        let oldEngine = ReachabilityEngine(topology: old)
        let newEngine = ReachabilityEngine(topology: new)
        // Every asset address, plus every 11th address of every zone subnet (unassigned addresses too).
        var points = Set(new.place(assets: assets).flatMap { $0 }.filter { $0.zone != nil }.map(\.address))
        for z in new.zones {
            for sub in z.subnets {
                for iv in sub.addresses.intervals {
                    var v = iv.lower
                    while v <= iv.upper {
                        points.insert(IPAddress(value: v))
                        v += 11
                    }
                }
            }
        }
        let endpoints = points.sorted().compactMap { a in new.place(a).map { (address: a, zone: $0.zone) } }
        var compared = 0
        var differing = 0
        for s in endpoints {
            for d in endpoints where s.address != d.address {
                let a = oldEngine.evaluate(source: s.address, destination: d.address, services: .anyService).allowed
                let b = newEngine.evaluate(source: s.address, destination: d.address, services: .anyService).allowed
                var opened = ServiceSet()
                var closed = ServiceSet()
                for c in changes where c.fromZone == s.zone && c.toZone == d.zone
                    && c.sources.contains(s.address) && c.destinations.contains(d.address)
                {
                    opened = opened.union(c.opened)
                    closed = closed.union(c.closed)
                }
                #expect(opened == b.subtracting(a), "\(s.address) → \(d.address)")
                #expect(closed == a.subtracting(b), "\(s.address) → \(d.address)")
                compared += 1
                if a != b { differing += 1 }
            }
        }
        #expect(compared > 20_000)
        #expect(differing > 0)
    }
}
