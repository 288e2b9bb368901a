/// The inputs of `cuiscope check`, loaded together so that one run lists every problem in any
/// file (proposed inputs, baseline rules, waivers) before stopping with exit 2.
public struct CheckInputs: Sendable {
    public var baseline: AnalysisInput
    public var proposed: AnalysisInput
    public var waivers: [Waiver]
}

public enum CheckInputLoader {
    /// - Parameters:
    ///   - proposed: every input, with the proposed rules in `rules`.
    ///   - baselineRules: the baseline rule exports; everything else is shared with `proposed`.
    ///   - waivers: the `--waivers` file.
    /// - Throws: ``InputError`` with every problem found.
    public static func load(proposed: InputPaths, baselineRules: [String], waivers: String?) throws(InputError)
        -> CheckInputs
    {
        var problems: [Diagnostic] = []
        var proposedInput: AnalysisInput?
        var baselineRuleSets: [RuleSet] = []
        var waiverList: [Waiver] = []
        do { proposedInput = try InputLoader.load(proposed) } catch { problems += error.diagnostics }
        // Baseline rules resolve FQDN objects from the same hosts file and inventory as the proposed ones.
        var basePaths = InputPaths(inventories: proposed.inventories, rules: baselineRules, hosts: proposed.hosts,
                                   inventoryFormat: proposed.inventoryFormat, mappings: proposed.mappings,
                                   lenient: proposed.lenient)
        basePaths.level = proposed.level
        do { baselineRuleSets = try InputLoader.load(basePaths).ruleSets } catch {
            // Inventory problems are already reported by the proposed load.
            let seen = Set(problems)
            problems += error.diagnostics.filter { !seen.contains($0) }
        }
        if let w = waivers {
            do { waiverList = try WaiversParser.read(path: w, displayName: w) } catch { problems += error.diagnostics }
        }
        if problems.contains(where: { $0.severity == .error }) { throw InputError(problems.sorted()) }
        guard let p = proposedInput else { throw InputError(problems.sorted()) }
        var b = p
        b.ruleSets = baselineRuleSets
        return CheckInputs(baseline: b, proposed: p, waivers: waiverList)
    }
}
