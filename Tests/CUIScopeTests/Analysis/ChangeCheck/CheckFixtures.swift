import Foundation
import Testing

@testable import CUIScope

/// The change-check scenarios: the demo inventory and the check scope file, with a baseline and
/// a proposed rules export, judged on a fixed date.
enum CheckFixtures {
    static let today = "2026-11-02"
    static let baseline = TestPaths.demo("check/baseline.xml")
    static let proposed = TestPaths.demo("check/proposed.xml")

    static func paths(rules: String) -> InputPaths {
        InputPaths(inventories: [TestPaths.demo("demo/inventory.csv")], rules: [rules],
                   flows: [TestPaths.demo("demo/flows.xml")], scope: TestPaths.demo("check/scope.yaml"))
    }

    static func run(baseline: String = baseline, proposed: String, waivers: String? = nil, failOn: Severity = .high)
        throws -> CheckResult
    {
        let inputs = try CheckInputLoader.load(proposed: paths(rules: proposed), baselineRules: [baseline],
                                               waivers: waivers)
        return ChangeCheck.run(baseline: inputs.baseline, proposed: inputs.proposed,
                               options: CheckOptions(failOn: failOn, waivers: inputs.waivers, today: today))
    }

    static func fixture(_ name: String) -> String { TestPaths.fixture("check/\(name)") }
}
