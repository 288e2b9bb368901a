import Foundation
import Testing

@testable import CUIScope
@testable import CUIScopeSynthetic

/// The realistic generator profile: byte-deterministic, every file readable by cuiscope, and the
/// PAN-OS and native renderings of one network saying the same thing.
@Suite("Synthetic: realistic profile")
struct RealisticProfileTests {
    static func generate(seed: UInt64 = 7) throws -> SyntheticFiles {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("cuiscope-realistic-\(UUID().uuidString)").path
        return try SyntheticInputs.write(
            profile: .realistic, assets: 1000, rules: 200, flows: 3000, seed: seed,
            to: dir)
    }

    @Test("the same seed and sizes give byte-identical files; another seed does not")
    func deterministic() throws {
        let a = try Self.generate()
        let b = try Self.generate()
        let c = try Self.generate(seed: 8)
        #expect(a.all.count == 5)
        for (x, y) in zip(a.all, b.all) {
            #expect(FileManager.default.contents(atPath: x) == FileManager.default.contents(atPath: y), "\(x)")
        }
        #expect(FileManager.default.contents(atPath: a.rules) != FileManager.default.contents(atPath: c.rules))
    }

    @Test("cuiscope validate finds nothing in any generated file, schemas included")
    func validates() throws {
        let files = try Self.generate()
        let problems = Validator.validate(
            paths: files.all,
            inventoryCheck: { path in
                let result: Result<Inventory, InputError> = Result { () throws(InputError) in
                    try InventoryReader.read(path: path, displayName: path)
                }
                switch result {
                case .success(let inventory): return inventory.warnings
                case .failure(let error): return error.diagnostics
                }
            }, schemasDirectory: TestPaths.repoRoot.appendingPathComponent("schemas").path)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("the PAN-OS config and the native file give the same zones and the same rules")
    func panosAndNativeAgree() throws {
        let files = try Self.generate()
        let native = try RulesReader.read(path: files.rules).enforcementPoints
        let panos = try RulesReader.read(path: try #require(files.panosConfig)).enforcementPoints
        #expect(native.count == 1 && panos.count == 1)
        let (n, p) = (native[0], panos[0])
        #expect(n.name == p.name)
        #expect(n.zones.map(\.name) == p.zones.map(\.name))
        #expect(n.zones.map { $0.addresses } == p.zones.map { $0.addresses })
        #expect(n.rules.count == p.rules.count && n.rules.count == 200)
        for (a, b) in zip(n.rules, p.rules) {
            #expect(a.name == b.name && a.action == b.action && a.disabled == b.disabled, "\(a.name)")
            #expect(a.from == b.from && a.to == b.to && a.ruleType == b.ruleType, "\(a.name)")
            #expect(
                a.source.addresses == b.source.addresses && a.destination.addresses == b.destination.addresses,
                "\(a.name)")
            #expect(a.services == b.services, "\(a.name)")
        }
        #expect(n.interzoneDefault == p.interzoneDefault && n.intrazoneDefault == p.intrazoneDefault)
    }

    @Test("the PAN-OS traffic log and the native flows hold the same sessions")
    func flowsAgree() throws {
        let files = try Self.generate()
        let native = try FlowsReader.read(path: try #require(files.flows), strict: true)
        let panos = try FlowsReader.read(path: try #require(files.panosTraffic), strict: true)
        #expect(native.recordCount == 3000 && panos.recordCount == 3000)
        #expect(native.skipped.isEmpty && panos.skipped.isEmpty)
        func key(_ f: Flow) -> String {
            "\(f.source) \(f.destination) \(f.proto) \(f.destinationPort ?? 0) \(f.action) \(f.count) \(f.bytes) "
                + "\(f.firstSeen ?? 0) \(f.lastSeen ?? 0) \(f.rule ?? "")"
        }
        let (n, p) = (native.flows.map(key), panos.flows.map(key))
        #expect(n.count == p.count && n.count > 500)
        let first = zip(n, p).first { $0 != $1 }
        #expect(first == nil, "first difference: \(String(describing: first))")
    }

    @Test("the policy has the shape of a real one: sections in order, denies, disabled and shadowed rules")
    func policyShape() {
        let net = RealisticNetwork.make(RealisticSizes(assets: 1000, rules: 200, flows: 0), seed: 7)
        #expect(net.zones.count == 25)
        #expect(Set(net.zones.map(\.kind)) == Set(ZoneKind.allCases))
        #expect(net.zones.allSatisfy { $0.network % $0.size == 0 }, "every subnet aligned")
        let names = net.rules.map(\.name)
        #expect(names.first?.hasPrefix("GLB-") == true && names.last?.hasPrefix("CLEANUP-") == true)
        let enclave = names.indices.filter { names[$0].hasPrefix("ENC-") }
        #expect(enclave.last.map { names[$0].contains("deny-enclave-to-any") } == true)
        #expect(net.rules.contains { $0.name.contains("TEMP-any-to-enclave") && $0.disabled })
        let deny = Double(net.rules.filter { $0.action != "allow" }.count) / 200
        #expect(deny > 0.08 && deny < 0.18, "\(deny)")  // ~11 % at 2,000 rules; fixed sections weigh more here
        #expect(net.rules.contains { $0.negateDestination && $0.services == ["application-default"] })
        #expect(net.addresses.contains { if case .fqdn = $0.value { return true } else { return false } })
        #expect(net.groups.contains { Set($0.members).count < $0.members.count }, "a group lists a member twice")
        let withoutZone = net.assets.filter { !$0.zoneWritten }.count
        #expect(withoutZone > 50 && withoutZone < 150)
    }
}
