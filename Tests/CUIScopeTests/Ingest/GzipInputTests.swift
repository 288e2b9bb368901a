import Foundation
import Testing

@testable import CUIScope

/// Gzip-compressed inputs are recognised by their magic bytes (not their name) and read as if
/// they were the plain file, for every input kind: the same assets, rules, flows, diagnostics,
/// and byte-identical reports.
@Suite("Ingest: gzip-compressed inputs")
struct GzipInputTests {
    /// Copies `files` into two fresh directories under the same names: plain, and gzipped.
    static func stage(_ files: [String]) throws -> (plain: String, gz: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-gz-\(UUID().uuidString)")
        let plain = base.appendingPathComponent("plain")
        let gz = base.appendingPathComponent("gz")
        for dir in [plain, gz] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        for f in files {
            let name = URL(fileURLWithPath: f).lastPathComponent
            try FileManager.default.copyItem(atPath: f, toPath: plain.appendingPathComponent(name).path)
            try FileManager.default.moveItem(atPath: try TestPaths.gzipped(f), toPath: gz.appendingPathComponent(name).path)
        }
        return (plain.path, gz.path)
    }

    @Test("analyze gives a byte-identical report from gzipped inventory, rules, flows, scope and FedRAMP data")
    func analyzeDemo() throws {
        let names = ["inventory.csv", "firewall.xml", "flows.xml", "scope.yaml", "fedramp-marketplace.json"]
        let (plain, gz) = try Self.stage(names.map { TestPaths.demo("demo/\($0)") })
        func run(_ dir: String) throws -> String {
            let out = try CLIRunner.run([
                "analyze", "--format", "json", "--quiet", "--scope", "\(dir)/scope.yaml", "--inventory",
                "\(dir)/inventory.csv", "--rules", "\(dir)/firewall.xml", "--flows", "\(dir)/flows.xml",
                "--fedramp", "\(dir)/fedramp-marketplace.json",
            ])
            #expect(out.status == 1 || out.status == 0, "\(out.stderr)")
            return out.stdout.replacingOccurrences(of: dir, with: "DIR")
        }
        let expected = try run(plain)
        #expect(expected.contains("\"categories\""))
        #expect(try run(gz) == expected)
    }

    @Test("check reads gzipped baseline and proposed rules, scope and waivers")
    func checkFixtures() throws {
        let files = ["check/baseline.xml", "check/proposed.xml", "check/scope.yaml", "check/waivers.yaml",
                     "demo/inventory.csv"].map { TestPaths.demo($0) }
        let (plain, gz) = try Self.stage(files)
        func run(_ dir: String) throws -> String {
            let out = try CLIRunner.run([
                "check", "--format", "json", "--baseline-rules", "\(dir)/baseline.xml", "--rules", "\(dir)/proposed.xml",
                "--inventory", "\(dir)/inventory.csv", "--scope", "\(dir)/scope.yaml", "--waivers", "\(dir)/waivers.yaml",
            ])
            #expect(out.status == 1, "\(out.stderr)")
            return out.stdout.replacingOccurrences(of: dir, with: "DIR")
        }
        #expect(try run(gz) == run(plain))
    }

    @Test("every flow-log format reads the same gzipped", arguments: [
        "aws-vpc-cloudwatch.log", "aws-vpc-custom.log", "aws-vpc-default.log", "azure-nsg-v2.json",
        "azure-vnet-v4.json", "panos-traffic.xml", "zeek-conn-malformed.log", "zeek-conn.json",
    ])
    func flowFormats(name: String) throws {
        let (plain, gz) = try Self.stage([TestPaths.fixture("flows/\(name)")])
        let a = try FlowsReader.read(path: "\(plain)/\(name)", displayName: name)
        let b = try FlowsReader.read(path: "\(gz)/\(name)", displayName: name)
        #expect(a.format == b.format && a.recordCount == b.recordCount && a.counts == b.counts)
        #expect(a.flows == b.flows && a.skipped == b.skipped)
        #expect(try InputKind.detect(path: "\(gz)/\(name)") == InputKind.detect(path: "\(plain)/\(name)"))
    }

    @Test("a mapped flow CSV, the native flows and a PAN-OS config read the same gzipped")
    func otherFlowsAndRules() throws {
        let (plain, gz) = try Self.stage([
            TestPaths.fixture("flows/flows-mapped.csv"), TestPaths.fixture("native/flows-good.xml"),
            TestPaths.fixture("panos/semantics-firewall.xml"), TestPaths.fixture("pfsense/semantics.xml"),
        ])
        let options = FlowReadOptions(csvMapping: ["Source Address": "src", "Destination Address": "dst"])
        for name in ["flows-mapped.csv", "flows-good.xml"] {
            let a = try FlowsReader.read(path: "\(plain)/\(name)", displayName: name, options: options)
            let b = try FlowsReader.read(path: "\(gz)/\(name)", displayName: name, options: options)
            #expect(a.flows == b.flows && a.skipped == b.skipped && a.recordCount == b.recordCount, "\(name)")
        }
        for name in ["semantics-firewall.xml", "semantics.xml"] {
            let a = try RulesReader.read(path: "\(plain)/\(name)", displayName: name)
            let b = try RulesReader.read(path: "\(gz)/\(name)", displayName: name)
            #expect(a.enforcementPoints == b.enforcementPoints && a.diagnostics == b.diagnostics, "\(name)")
        }
    }

    @Test("every inventory fixture reads the same gzipped, errors included", arguments: [
        "errors.csv", "excel-serial.csv", "lansweeper-cr.csv", "mapped.csv", "missing-id.csv", "native-bom-crlf.csv",
        "netbox-ui.csv", "servicenow.csv", "snipeit-cp1252.csv", "unterminated.csv",
    ])
    func inventories(name: String) throws {
        let (plain, gz) = try Self.stage([TestPaths.fixture("inventory/\(name)")])
        func read(_ dir: String) -> String {
            let result = Result { () throws(InputError) -> Inventory in
                try InventoryReader.read(path: "\(dir)/\(name)", displayName: name, lenient: true)
            }
            switch result {
            case .success(let inv): return "\(inv.assets) \(inv.skipped) \(inv.warnings)"
            case .failure(let e): return "error \(e.diagnostics)"
            }
        }
        #expect(read(gz) == read(plain))
    }

    @Test("corrupt gzip data is an input error naming the file, not a crash")
    func corrupt() throws {
        let gz = try TestPaths.gzipped(TestPaths.demo("demo/inventory.csv"))
        let data = try Data(contentsOf: URL(fileURLWithPath: gz))
        let cut = TestPaths.temporaryFile("", name: "cut.csv")
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cut))
        #expect(throws: InputError.self) { try InventoryReader.read(path: cut, displayName: "cut.csv") }
        let result = Result { () throws(InputError) in try InventoryReader.read(path: cut, displayName: "cut.csv") }
        if case .failure(let e) = result {
            #expect(e.diagnostics.first?.location.file == "cut.csv")
            #expect(e.diagnostics.first?.message.contains("gzip") == true)
        }
    }
}
