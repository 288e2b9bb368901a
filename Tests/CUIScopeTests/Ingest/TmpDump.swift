import Testing
@testable import CUIScope
@Test func tmpDump() throws {
    for f in PANOSRealWorldTests.files {
        let (_, set) = try PANOSRealWorldTests.load(f)
        print("==", f, set.counts.sorted { $0.key < $1.key })
        for d in set.diagnostics { print("  ", d) }
        for ep in set.enforcementPoints {
            print(" EP", ep.name, ep.zones.map { "\($0.name)=\($0.subnets.map(\.text))" }, ep.ruleOnlyZones, ep.intrazoneDefault, ep.interzoneDefault, ep.location)
            for r in ep.rules.prefix(60) {
                print("   ", r.location.line, r.name, r.action, r.from.names, r.to.names, r.source.addresses.summary.prefix(60), r.destination.negated ? "NOT" : "", r.destination.addresses.summary.prefix(80), r.services.summary, r.disabled ? "DISABLED" : "", r.source.unresolved + r.destination.unresolved, r.notes, r.unevaluated)
            }
        }
    }
}
