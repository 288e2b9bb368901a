import Testing
@testable import CUIScope

@Suite struct ScopeFileParserTests {
    static func read(_ name: String) throws(InputError) -> ScopeConfig {
        try ScopeFileParser.read(path: TestPaths.fixture("native/\(name)"), displayName: name)
    }

    static func errors(_ name: String) -> [String] {
        do {
            _ = try read(name)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsTheDesignExample() throws {
        let config = try Self.read("scope-good.yaml")
        #expect(config.organisation == "Example Machining LLC")
        #expect(config.level == .two)
        #expect(config.zones.map(\.name) == ["corp", "enclave", "lab"])
        #expect(config.zones[0].subnets.map(\.text) == ["10.20.10.0/24", "10.20.20.0/24"])
        #expect(config.zones[0].subnets[1].location == SourceLocation(file: "scope-good.yaml", line: 5, column: 25))
        #expect(config.zones[0].subnets[0].origin == "scope file zone corp")
        #expect(config.zones[2].addresses == AddressSet.parse("10.60.0.0/16"))
        #expect(config.enclave == ["enclave"])
        #expect(config.zones.map(\.isEnclave) == [false, true, false])
        #expect(config.protocolAllowlist.count == 2)
        let rdp = config.protocolAllowlist[0]
        #expect(rdp.services == ServiceSet.parse("tcp/3389") && rdp.serviceText == "tcp/3389")
        #expect(rdp.to == "vdi-gw01" && rdp.reason == "RDP display only; redirection disabled by GPO")
        #expect(rdp.location.line == 10)
        #expect(config.protocolAllowlist[1].services == ServiceSet.parse("udp/5000-5010"))
        #expect(config.protocolAllowlist[1].to == nil)
    }

    @Test func badCIDRIsReportedAtTheValue() {
        #expect(Self.errors("scope-bad-cidr.yaml") == [
            "scope-bad-cidr.yaml:4:25: error: invalid CIDR in zone 'corp' (expected e.g. 10.50.1.0/24, a host or a-b range)"
        ])
    }

    @Test func missingReasonIsAnError() {
        #expect(Self.errors("scope-missing-reason.yaml") == [
            "scope-missing-reason.yaml:4:5: error: protocol_allowlist entry is missing 'reason' "
                + "(a written justification is required)"
        ])
    }

    @Test func levelFourIsAnError() {
        #expect(Self.errors("scope-level4.yaml") == ["scope-level4.yaml:2:8: error: 'level' must be 1, 2 or 3"])
    }

    @Test func unknownKeysAndBadPortsAreAllReported() {
        let errors = Self.errors("scope-unknown-key.yaml")
        #expect(errors.count == 2)
        #expect(errors[0].hasPrefix("scope-unknown-key.yaml:3:1: error: unknown key 'enclaves'"))
        #expect(errors[1].hasPrefix("scope-unknown-key.yaml:5:24: error: 'port'"))
    }

    @Test func yamlSyntaxErrorsHaveALocation() {
        let path = TestPaths.temporaryFile("level: 2\nzones:\n  corp: [10.0.0.0/8\n")
        let error = #expect(throws: InputError.self) { _ = try ScopeFileParser.read(path: path, displayName: "s.yaml") }
        #expect(error?.diagnostics.first?.location.line ?? 0 >= 3)
        #expect(error?.diagnostics.first?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func aliasBombIsNotExpanded() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml = "waivers: &w []\n" + yaml.replacingOccurrences(of: "a0:", with: "x-a0:")
        let path = TestPaths.temporaryFile(yaml)
        let start = ContinuousClock.now
        let error = #expect(throws: InputError.self) { _ = try ScopeFileParser.read(path: path, displayName: "b.yaml") }
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect((error?.diagnostics.count ?? 0) >= 1)  // unknown keys, never expanded
    }
}
