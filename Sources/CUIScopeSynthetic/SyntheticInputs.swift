import CUIScope
import Foundation

/// The files of one synthetic analysis input, written by ``SyntheticInputs/write(assets:rules:flows:seed:to:)``.
public struct SyntheticFiles: Sendable {
    public var inventory: String
    public var rules: String
    public var flows: String?

    /// The `cuiscope analyze` input flags for these files.
    public var paths: InputPaths {
        InputPaths(inventories: [inventory], rules: [rules], flows: flows.map { [$0] } ?? [])
    }
}

/// Generates a ``SyntheticNetwork`` and writes it as the files `cuiscope analyze` reads:
/// `inventory.csv`, `rules.xml` and (when `flows > 0`) `flows.xml` in `directory`.
/// The same arguments give byte-identical files.
public enum SyntheticInputs {
    public static func write(assets: Int, rules: Int, flows: Int, seed: UInt64, to directory: String) throws
        -> SyntheticFiles
    {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let net = SyntheticNetwork.make(assets: assets, rules: rules, seed: seed)
        let dir = URL(fileURLWithPath: directory)
        let files = SyntheticFiles(
            inventory: dir.appendingPathComponent("inventory.csv").path,
            rules: dir.appendingPathComponent("rules.xml").path,
            flows: flows > 0 ? dir.appendingPathComponent("flows.xml").path : nil)
        try InventoryCSVWriter.write(net.assets, to: files.inventory)
        try NativeRulesWriter.write(net.enforcementPoints, to: files.rules)
        if let path = files.flows {
            try NativeFlowsWriter.write(assets: net.assets, count: flows, seed: seed, to: path)
        }
        return files
    }

    /// A fresh scratch directory under the system temporary directory.
    public static func scratchDirectory(_ label: String) -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cuiscope-bench-\(label)-\(ProcessInfo.processInfo.processIdentifier)")
        return base.path
    }
}
