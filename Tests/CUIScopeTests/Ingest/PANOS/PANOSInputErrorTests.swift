import Testing

@testable import CUIScope

/// Bad or partly understood PAN-OS input: errors name file:line, lenient mode degrades to
/// unresolved members, and nothing is silently dropped.
@Suite("PAN-OS input errors")
struct PANOSInputErrorTests {
    /// A minimal firewall config whose vsys holds `objects` and one rule with `ruleBody`.
    static func config(objects: String = "", ruleBody: String) -> String {
        """
        <config version="10.1.0">
          <devices>
            <entry name="localhost.localdomain">
              <vsys>
                <entry name="vsys1">
        \(objects)
                  <rulebase><security><rules>
                    <entry name="r1">
        \(ruleBody)
                    </entry>
                  </rules></security></rulebase>
                </entry>
              </vsys>
            </entry>
          </devices>
        </config>
        """
    }

    static let anyMatch = """
        <from><member>any</member></from><to><member>any</member></to>
        <source><member>any</member></source>
        <application><member>any</member></application><service><member>any</member></service>
        <action>allow</action>
        """

    static func parse(_ text: String, lenient: Bool = false) throws(InputError) -> RuleSet {
        let path = TestPaths.temporaryFile(text, name: "fw.xml")
        return try PANOSConfigParser.parse(try XMLReader.document(path, displayName: "fw.xml"), file: "fw.xml",
                                           lenient: lenient)
    }

    @Test func undefinedObjectIsAnErrorAtItsMemberLine() throws {
        let text = Self.config(ruleBody: Self.anyMatch + "\n<destination><member>no-such-host</member></destination>")
        let error = #expect(throws: InputError.self) { try Self.parse(text) }
        let d = try #require(error?.diagnostics.first { $0.severity == .error })
        #expect(d.location.file == "fw.xml")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[d.location.line - 1]
        #expect(line.contains("no-such-host"))
        #expect(d.message.contains("'no-such-host' is not defined"))
    }

    @Test func lenientTurnsUndefinedObjectsIntoUnresolvedMembers() throws {
        let text = Self.config(ruleBody: Self.anyMatch + "\n<destination><member>no-such-host</member></destination>")
        let set = try Self.parse(text, lenient: true)
        let rule = try #require(set.enforcementPoints.first?.rules.first)
        #expect(rule.destination.addresses.isEmpty)
        #expect(rule.destination.unresolved == ["no-such-host (undefined object)"])
        #expect(set.diagnostics.contains { $0.severity == .warning && $0.message.contains("no-such-host") })
        #expect(set.counts["unresolved_references"] == 1)
    }

    @Test func groupCycleIsReported() throws {
        let objects = """
            <address-group>
              <entry name="a"><static><member>b</member></static></entry>
              <entry name="b"><static><member>a</member></static></entry>
            </address-group>
            """
        let text = Self.config(objects: objects, ruleBody: Self.anyMatch + "\n<destination><member>a</member></destination>")
        let error = #expect(throws: InputError.self) { try Self.parse(text) }
        #expect(error?.diagnostics.contains { $0.message.contains("member cycle") } == true)
    }

    @Test func unknownAddressElementIsAWarningAndTheObjectUnresolved() throws {
        let objects = """
            <address>
              <entry name="odd"><ip-future>10.0.0.1</ip-future></entry>
            </address>
            """
        let text = Self.config(objects: objects, ruleBody: Self.anyMatch + "\n<destination><member>odd</member></destination>")
        let set = try Self.parse(text)
        let d = try #require(set.diagnostics.first { $0.message.contains("<ip-future>") })
        #expect(d.severity == .warning)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[d.location.line - 1].contains("ip-future"))
        #expect(set.enforcementPoints.first?.rules.first?.destination.unresolved.first?.hasPrefix("odd (") == true)
    }

    @Test func unknownRuleElementIsReported() throws {
        let text = Self.config(ruleBody: Self.anyMatch + "\n<destination><member>any</member></destination><quantum-match/>")
        let set = try Self.parse(text)
        #expect(set.diagnostics.contains { $0.severity == .warning && $0.message.contains("<quantum-match>") })
    }

    @Test func ruleWithoutZonesIsAnErrorOrSkippedWhenLenient() throws {
        let body = """
            <source><member>any</member></source><destination><member>any</member></destination>
            <service><member>any</member></service><action>allow</action>
            """
        let error = #expect(throws: InputError.self) { try Self.parse(Self.config(ruleBody: body)) }
        #expect(error?.diagnostics.contains { $0.message.contains("<from>, <to>") } == true)
        let set = try Self.parse(Self.config(ruleBody: body), lenient: true)
        #expect(set.enforcementPoints.first?.rules.isEmpty == true)
        #expect(set.counts["skipped_rules"] == 1)
        #expect(set.counts["rules"] == 1)
    }

    @Test func unreadableDynamicFilterIsUnresolvedWithAWarning() throws {
        let objects = """
            <address-group><entry name="dyn"><dynamic><filter>'a' and</filter></dynamic></entry></address-group>
            """
        let set = try Self.parse(Self.config(objects: objects,
                                            ruleBody: Self.anyMatch + "\n<destination><member>dyn</member></destination>"))
        #expect(set.diagnostics.contains { $0.severity == .warning && $0.message.contains("dynamic <filter>") })
        #expect(set.enforcementPoints.first?.rules.first?.destination.unresolved.count == 1)
    }

    @Test func apiResponseWrapperIsUnwrapped() throws {
        let inner = Self.config(ruleBody: Self.anyMatch + "\n<destination><member>10.0.0.0/8</member></destination>")
        let set = try Self.parse("<response status=\"success\"><result>\(inner)</result></response>")
        #expect(set.enforcementPoints.first?.name == "localhost.localdomain/vsys1")
        #expect(set.enforcementPoints.first?.rules.first?.destination.addresses.summary == "10.0.0.0/8")
        #expect(PANOSConfigParser.isPANOS(rootName: "response"))
        #expect(!PANOSConfigParser.isPANOS(rootName: "pfsense"))
    }

    @Test func otherRootsAreRejected() throws {
        let error = #expect(throws: InputError.self) { try Self.parse("<pfsense><filter/></pfsense>") }
        #expect(error?.diagnostics.first?.message.contains("<config>") == true)
    }
}

/// The dynamic address group filter language.
@Suite("PAN-OS dynamic group filter")
struct PANOSDynamicGroupFilterTests {
    @Test(arguments: [
        ("'web' and 'prod'", ["web", "prod"], true),
        ("'web' and 'prod'", ["web"], false),
        ("'Test' ", ["Test"], true),
        ("'Test' ", ["TEST"], false),
        ("'a' or 'b' and 'c'", ["a"], true),
        ("('a' or 'b') and 'c'", ["a"], false),
        ("(\"x y\" OR 'z')", ["x y"], true),
        ("bare-tag", ["bare-tag"], true),
    ])
    func evaluates(_ filter: String, _ tags: [String], _ expected: Bool) throws {
        #expect(try PANOSDynamicGroupFilter.parse(filter).matches(Set(tags)) == expected)
    }

    @Test(arguments: ["", "'a' and", "('a'", "'a' 'b'", "'unclosed", "and 'a'"])
    func rejects(_ filter: String) {
        #expect(throws: PANOSDynamicGroupFilter.ParseError.self) { try PANOSDynamicGroupFilter.parse(filter) }
    }
}
