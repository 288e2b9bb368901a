import CUIScope
import Foundation

/// The files of one synthetic analysis input, written by ``SyntheticInputs``.
public struct SyntheticFiles: Sendable {
    public var inventory: String
    /// Native `<cuiscope-rules>`.
    public var rules: String
    /// Native `<cuiscope-flows>`.
    public var flows: String?
    /// The same policy as a PAN-OS firewall config (realistic profile only).
    public var panosConfig: String?
    /// The same flows as a PAN-OS traffic-log answer (realistic profile only).
    public var panosTraffic: String?

    /// The `cuiscope analyze` input flags for the native files.
    public var paths: InputPaths {
        InputPaths(inventories: [inventory], rules: [rules], flows: flows.map { [$0] } ?? [])
    }

    /// The `cuiscope analyze` input flags for the PAN-OS files (nil for the uniform profile).
    public var panosPaths: InputPaths? {
        guard let panosConfig else { return nil }
        return InputPaths(inventories: [inventory], rules: [panosConfig], flows: panosTraffic.map { [$0] } ?? [])
    }

    /// Every file written, in a fixed order.
    public var all: [String] { [inventory, rules, flows, panosConfig, panosTraffic].compactMap { $0 } }
}

/// The shape of a generated network.
public enum SyntheticProfile: String, Sendable, CaseIterable {
    /// ``RealisticNetwork``: hundreds of VLAN zones, named objects, a policy in real-world order.
    case realistic
    /// ``SyntheticNetwork``: a handful of zones on two firewalls, the historic benchmark input.
    case uniform
}

/// Generates a synthetic network and writes it as the files `cuiscope analyze` reads. The same
/// arguments give byte-identical files.
public enum SyntheticInputs {
    /// The uniform profile: `inventory.csv`, `rules.xml` and (when `flows > 0`) `flows.xml` in `directory`.
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

    /// Either profile. The realistic one also writes `panos.xml` (the policy as a PAN-OS config)
    /// and, with flows, `traffic.xml` (the flows as a PAN-OS traffic log).
    public static func write(
        profile: SyntheticProfile, assets: Int, rules: Int, flows: Int, seed: UInt64, to directory: String
    ) throws -> SyntheticFiles {
        switch profile {
        case .uniform: return try write(assets: assets, rules: rules, flows: flows, seed: seed, to: directory)
        case .realistic:
            return try writeRealistic(
                RealisticSizes(assets: assets, rules: rules, flows: flows), seed: seed,
                to: directory)
        }
    }

    static func writeRealistic(_ sizes: RealisticSizes, seed: UInt64, to directory: String) throws -> SyntheticFiles {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let dir = URL(fileURLWithPath: directory)
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let net = RealisticNetwork.make(sizes, seed: seed)
        let hasFlows = sizes.flows > 0
        let files = SyntheticFiles(
            inventory: path("inventory.csv"), rules: path("rules.xml"), flows: hasFlows ? path("flows.xml") : nil,
            panosConfig: path("panos.xml"), panosTraffic: hasFlows ? path("traffic.xml") : nil)
        try RealisticInventoryWriter.write(net, to: files.inventory)
        try RealisticNativeRulesWriter.write(net, to: files.rules)
        try PANOSConfigWriter.write(net, to: path("panos.xml"))
        if let native = files.flows, let traffic = files.panosTraffic {
            let writers = try RealisticFlowWriters(net, nativePath: native, panosPath: traffic)
            var flows = RealisticFlows(net, seed: seed)
            try writers.begin(count: sizes.flows)
            try flows.generate(count: sizes.flows) { try writers.write($0) }
            try writers.end()
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
