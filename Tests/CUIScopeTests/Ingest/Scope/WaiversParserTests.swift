import Testing

@testable import CUIScope

@Suite("Waivers file and scope policy")
struct WaiversParserTests {
    @Test("reads the example waivers file")
    func readsExample() throws {
        let list = try WaiversParser.read(path: TestPaths.demo("check/waivers.yaml"), displayName: "waivers.yaml")
        #expect(list.count == 2)
        #expect(list[0].findingID == "SCOPE-PATH-01" && list[0].subject == "asset:corp-lt-07")
        #expect(list[0].expires == "2027-03-31" && list[0].location.line == 4)
    }

    @Test("every problem is reported with file:line:column")
    func errors() throws {
        let path = TestPaths.temporaryFile("""
            - id: NOPE-99
              subject: fs01
              justification: x
              owner: me
              ticket: T-1
              expires: 2026-02-30
            - id: CHG-25
              subject: fs01
              colour: red
            """, name: "waivers.yaml")
        let error = #expect(throws: InputError.self) { try WaiversParser.read(path: path, displayName: "w.yaml") }
        let text = error?.diagnostics.map(\.description) ?? []
        #expect(text.contains { $0.hasPrefix("w.yaml:1:7: error:") && $0.contains("'id'") })
        #expect(text.contains { $0.hasPrefix("w.yaml:6:12: error:") && $0.contains("YYYY-MM-DD") })
        #expect(text.contains { $0.hasPrefix("w.yaml:9:3: error:") && $0.contains("colour") })
        #expect(text.contains { $0.contains("missing 'justification'") })
        #expect(WaiversParser.isDate("2028-02-29") && !WaiversParser.isDate("2027-02-29") && !WaiversParser.isDate("2027-1-01"))
    }

    @Test("every YAML core-schema null spelling is an empty list, in a waivers file and a scope file",
          arguments: ["", "~", "null", "Null", "NULL"])
    func nullIsEmpty(spelling: String) throws {
        let waivers = TestPaths.temporaryFile("waivers: \(spelling)\n", name: "waivers.yaml")
        #expect(try WaiversParser.read(path: waivers).isEmpty)
        let scope = TestPaths.temporaryFile("waivers: \(spelling)\npolicy: \(spelling)\n", name: "scope.yaml")
        let config = try ScopeFileParser.read(path: scope, displayName: nil)
        #expect(config.waivers.isEmpty && config.policy.isEmpty)
        // Quoted, it is text, not null.
        let quoted = TestPaths.temporaryFile("waivers: '\(spelling)'\n", name: "quoted.yaml")
        #expect(throws: InputError.self) { try WaiversParser.read(path: quoted) }
    }

    @Test("scope policy: entries and exceptions, bad ones located")
    func policy() throws {
        let scope = try ScopeFileParser.read(path: TestPaths.demo("check/scope.yaml"), displayName: "scope.yaml")
        #expect(scope.policy.count == 3)
        #expect(scope.policy[0].from == ["corp"] && scope.policy[0].action == .deny && scope.policy[0].exceptions.count == 5)
        #expect(scope.policy[1].from == ["dmz", "guest"])
        let bad = TestPaths.temporaryFile("""
            policy:
              - from: corp
                to: enclave
                action: maybe
              - from: corp
                action: deny
                except: [{proto: tcp, port: 99999}]
            """, name: "scope.yaml")
        let error = #expect(throws: InputError.self) { try ScopeFileParser.read(path: bad, displayName: "s.yaml") }
        let text = error?.diagnostics.map(\.description) ?? []
        #expect(text.contains { $0.hasPrefix("s.yaml:4:13: error:") && $0.contains("allow or deny") })
        #expect(text.contains { $0.contains("missing 'to'") })
        #expect(text.contains { $0.hasPrefix("s.yaml:7:33: error:") })
    }

    @Test("analyze reports paths that violate the intended policy, with the permitting rule")
    func analyzePolicy() throws {
        let input = try InputLoader.load(CheckFixtures.paths(rules: CheckFixtures.baseline))
        let r = Analyzer.run(input)
        let policy = r.findings.filter { $0.id == "POLICY-24" }
        let helpdesk = try #require(policy.first { $0.message.contains("helpdesk-smb-temp") })
        #expect(helpdesk.assets == ["corp-lt-07", "fs01"])
        #expect(helpdesk.primaryLocation?.line == 68)
        #expect(helpdesk.message.contains("on tcp/445"))
        // Excepted: the VDI rule and the ERP, QA and IT-admin rules stay within the exceptions.
        for name in ["vdi-access", "erp-po-export", "qa-reports", "it-admin-to-enclave"] {
            #expect(!policy.contains { $0.message.contains(name) }, "\(name)")
        }
    }
}
