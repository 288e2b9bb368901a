import Testing
@testable import CUIScope

@Suite struct NativeRulesParserTests {
    static func fixture(_ name: String) -> String { TestPaths.fixture("native/\(name)") }

    static func errors(_ name: String, lenient: Bool = false) -> [Diagnostic] {
        do {
            _ = try RulesReader.read(path: fixture(name), displayName: name, lenient: lenient)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func readsEnforcementPointsZonesAndRulesInDocumentOrder() throws {
        let set = try RulesReader.read(path: Self.fixture("rules-good.xml"), displayName: "rules-good.xml")
        #expect(set.source == "rules-good.xml")
        #expect(set.enforcementPoints.map(\.name) == ["fw-edge", "fw-enclave"])
        let edge = set.enforcementPoints[0]
        #expect(edge.vendor == "native")
        #expect(edge.interzoneDefault == .deny && edge.intrazoneDefault == .allow)
        #expect(edge.rules.map(\.name) == ["corp-to-vdi", "corp-to-files", "not-internal-to-dmz", "guest-block",
                                           "scanner", "deny-rest"])
        #expect(edge.zones.map(\.name) == ["corp", "enclave", "dmz"])
        let corp = try #require(edge.zones.first)
        #expect(corp.subnets.map(\.text) == ["10.20.10.0/24", "10.20.20.0/24"])
        #expect(corp.subnets[0].origin == "interface eth1 of fw-edge")
        #expect(corp.subnets[0].location == SourceLocation(file: "rules-good.xml", line: 24, column: 5))
        #expect(edge.zones[2].subnets[0].origin == "zone dmz of fw-edge")
        #expect(edge.ruleOnlyZones == ["guest"])
        #expect(set.enforcementPoints[1].intrazoneDefault == .deny)
        #expect(set.enforcementPoints[1].ruleOnlyZones == ["mgmt"])
    }

    @Test func resolvesObjectsGroupsAndServices() throws {
        let edge = try RulesReader.read(path: Self.fixture("rules-good.xml")).enforcementPoints[0]
        let vdi = edge.rules[0]
        #expect(vdi.uuid == "7f3c2a10-0000-4000-8000-000000000001")
        #expect(vdi.action == .allow)
        #expect(vdi.from == .zones(["corp"]) && vdi.to == .zones(["enclave"]))
        #expect(vdi.source.members == ["corp-nets"])
        #expect(vdi.source.addresses == AddressSet.parse("10.20.0.0/16"))
        #expect(vdi.destination.addresses == AddressSet.parse("10.50.1.0/24"))
        #expect(vdi.services == ServiceSet.parse("tcp/443"))
        #expect(vdi.applications == ["ms-rdp"])
        #expect(vdi.description == "VDI access for engineers")
        #expect(vdi.location.line == 28 && vdi.location.column == 5)

        let files = edge.rules[1]
        #expect(files.disabled)
        #expect(files.serviceMembers == ["file-sharing"])
        #expect(files.services == ServiceSet.parse("tcp/445,2049"))
        #expect(files.destination.addresses == AddressSet.parse("10.50.1.10"))

        let scanner = edge.rules[4]
        #expect(scanner.source.addresses == AddressSet.parse("10.20.99.10-10.20.99.20"))
        #expect(scanner.destination.isAny && scanner.services.isAnyService && scanner.from == .zones(["corp"]))
    }

    @Test func negationIsTheComplementOfTheResolvedSet() throws {
        let rule = try RulesReader.read(path: Self.fixture("rules-good.xml")).enforcementPoints[0].rules[2]
        #expect(rule.source.negated)
        #expect(rule.source.members == ["all-internal"])
        let internalNets = try #require(AddressSet.parse("10.20.0.0/16")).union(try #require(AddressSet.parse("10.50.1.0/24")))
        #expect(rule.source.addresses == internalNets.complement())
        #expect(!rule.source.addresses.contains(try #require(IPAddress("10.20.10.15"))))
        #expect(rule.source.addresses.contains(try #require(IPAddress("8.8.8.8"))))
        #expect(rule.ruleType == .interzone && rule.from == .any)
        #expect(rule.services == ServiceSet.parse("tcp/8000-8080").map { $0.union(.ports(IPProtocol.udp, 53, 53)) })
    }

    @Test func dropAndRejectAreDenyAndCountsAreKept() throws {
        let set = try RulesReader.read(path: Self.fixture("rules-good.xml"))
        let edge = set.enforcementPoints[0]
        #expect(edge.rules[3].action == .deny && edge.rules[5].action == .deny)
        #expect(set.counts == ["rules": 7, "disabled": 1, "negated": 1, "deny": 2, "allow": 5])
        #expect(set.diagnostics.isEmpty)
    }

    @Test func badCIDRIsReportedAtItsElement() {
        let errors = Self.errors("rules-bad-cidr.xml")
        #expect(errors.map(\.location.description) == ["rules-bad-cidr.xml:3:3", "rules-bad-cidr.xml:12:7"])
        #expect(errors.allSatisfy { $0.severity == .error })
        #expect(errors[0].message.contains("address object 'enclave-net'"))
        #expect(errors[1].message.contains("rule 'bad-literal'"))
    }

    @Test func duplicateRuleNameIsAnError() {
        let errors = Self.errors("rules-duplicate-rule.xml")
        #expect(errors.map(\.description) == [
            "rules-duplicate-rule.xml:7:5: error: duplicate rule name 'allow-web' in enforcement-point 'fw-edge' "
                + "(first defined at line 4)"
        ])
    }

    @Test func undefinedObjectsAreErrorsAtTheReferencingElement() {
        let errors = Self.errors("rules-undefined-object.xml")
        #expect(errors.map(\.description) == [
            "rules-undefined-object.xml:7:7: error: rule 'corp-to-vdi' references undefined address object 'vdi-pool'",
            "rules-undefined-object.xml:11:7: error: rule 'web' references undefined service object 'https-alt'",
        ])
    }

    @Test func lenientSkipsBrokenRulesAndListsThem() throws {
        let set = try RulesReader.read(path: Self.fixture("rules-undefined-object.xml"), displayName: "u.xml",
                                       lenient: true)
        #expect(set.enforcementPoints[0].rules.map(\.name) == ["fine"])
        #expect(set.counts["skipped"] == 2)
        #expect(set.diagnostics.map(\.location.description) == ["u.xml:7:7", "u.xml:11:7"])
        #expect(set.diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("skipped") })
    }

    @Test func cyclicGroupIsReportedOnceAtTheGroup() {
        let errors = Self.errors("rules-cyclic-group.xml")
        #expect(errors.map(\.description) == [
            "rules-cyclic-group.xml:3:3: error: address group 'group-a' contains itself: group-a → group-b → group-a"
        ])
    }

    @Test func badActionIsReportedAtTheRule() {
        let errors = Self.errors("rules-bad-action.xml")
        #expect(errors.map(\.description) == [
            "rules-bad-action.xml:5:5: error: rule 'typo' has an invalid action (expected allow, deny, drop or reject)"
        ])
    }

    @Test func misspeltElementsAndAttributesAreNotIgnored() {
        let path = TestPaths.temporaryFile("""
            <cuiscope-rules version="1">
              <enforcement-point name="fw">
                <rule name="r" action="allow" negate-destinaton="yes">
                  <destinaton>10.0.0.1</destinaton>
                </rule>
              </enforcement-point>
            </cuiscope-rules>
            """)
        let messages: [String]
        do {
            _ = try RulesReader.read(path: path, displayName: "t.xml")
            messages = []
        } catch {
            messages = error.diagnostics.map(\.description)
        }
        #expect(messages == [
            "t.xml:3:5: error: unknown attribute 'negate-destinaton' on <rule>",
            "t.xml:4:7: error: unexpected element <destinaton> in rule 'r' (expected from, to, source, destination, "
                + "service, application or description)",
        ])
    }

    @Test func nestedGroupsWithDuplicatesResolve() throws {
        let path = TestPaths.temporaryFile("""
            <cuiscope-rules version="1">
              <address-group name="outer"><member>inner</member><member>inner</member><member>10.9.0.0/16</member></address-group>
              <address-group name="inner"><member>h</member><member>10.1.0.0/16</member></address-group>
              <address name="h">10.1.2.3</address>
              <service-group name="sg"><member>sg2</member></service-group>
              <service-group name="sg2"><member>udp/53</member><member>icmp</member></service-group>
              <enforcement-point name="fw"><rule name="r" action="allow"><source>outer</source><service>sg</service></rule></enforcement-point>
            </cuiscope-rules>
            """)
        let rule = try RulesReader.read(path: path).enforcementPoints[0].rules[0]
        #expect(rule.source.addresses == AddressSet.parse("10.1.0.0/16").map { $0.union(AddressSet(lower: IPAddress("10.9.0.0")?.value ?? 0, upper: IPAddress("10.9.255.255")?.value ?? 0)) })
        #expect(rule.services == ServiceSet.parse("udp/53").map { $0.union(.proto(IPProtocol.icmp)) })
    }
}
