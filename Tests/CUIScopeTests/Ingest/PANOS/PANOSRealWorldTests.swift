import Testing

@testable import CUIScope

/// Every shipped PAN-OS/Panorama sample reads cleanly, and the rule counts match a count made
/// independently of the parser: a walk over the raw element tree for `…rulebase/security/rules/entry`,
/// and numbers taken with Python's ElementTree, e.g.
/// `python3 -c "import xml.etree.ElementTree as E; print(len(E.parse(F).findall('.//rulebase/security/rules/entry')))"`.
@Suite("Real-world samples: PAN-OS and Panorama", .tags(.samples), .samplesPresent)
struct PANOSRealWorldTests {
    static let files = [
        "panos/pan-os-php_stage00_panos-8.0_smb-firewall.xml",
        "panos/iron-skillet_panos_full_10.1.xml",
        "panos/pan-os-php_panorama-8.0.xml",
        "panos/iron-skillet_panorama_full_10.1.xml",
    ]

    static func load(_ relative: String) throws -> (XMLElement, RuleSet) {
        let path = TestPaths.realWorld(relative)
        let root = try XMLReader.document(path, displayName: relative, skip: PANOSConfigParser.skippedElements)
        return (root, try PANOSConfigParser.parse(root, file: relative))
    }

    /// Security-rule entries anywhere: `(rulebase|pre-rulebase|post-rulebase)/security/rules/entry`.
    static func rawRuleEntries(_ el: XMLElement, _ trail: [String] = []) -> [XMLElement] {
        var out: [XMLElement] = []
        let path = trail + [el.name]
        if el.name == "entry", path.count >= 4 {
            let tail = path.suffix(4)
            let base = tail[tail.startIndex]
            if ["rulebase", "pre-rulebase", "post-rulebase"].contains(base),
                Array(tail.dropFirst()) == ["security", "rules", "entry"]
            {
                out.append(el)
            }
        }
        for c in el.children { out += rawRuleEntries(c, path) }
        return out
    }

    @Test(arguments: files)
    func readsWithoutErrorsAndCountsEveryRule(_ file: String) throws {
        let (root, set) = try Self.load(file)
        #expect(set.diagnostics.filter { $0.severity == .error }.isEmpty)
        let raw = Self.rawRuleEntries(root)
        #expect(set.counts["rules"] == raw.count)
        #expect(set.counts["disabled"] == raw.filter { $0.text(of: "disabled") == "yes" }.count)
        // Every rule entry appears in some enforcement point, at its own line.
        let lines = Set(set.enforcementPoints.flatMap { $0.rules.map(\.location.line) })
        #expect(lines == Set(raw.map(\.location.line)))
        #expect(!set.enforcementPoints.isEmpty)
    }

    @Test func stage00MatchesTheDocumentedCounts() throws {
        let (_, set) = try Self.load(Self.files[0])
        #expect(set.counts["rules"] == 58)
        #expect(set.counts["disabled"] == 12)
        #expect(set.counts["negated"] == 16)
        #expect(set.counts["fqdn_objects"] == 6)
        #expect(set.counts["dynamic_groups"] == 2)
        let ep = try #require(set.enforcementPoints.first)
        #expect(set.enforcementPoints.count == 1)
        #expect(ep.name == "PA-200/vsys1")
        #expect(ep.vendor == "panos")
        #expect(ep.rules.count == 58)
        #expect(ep.rules.filter { $0.destination.negated }.count == 16)
        #expect(ep.zones.count == 10)
        let trust = try #require(ep.zones.first { $0.name == "trust" })
        #expect(trust.subnets.map(\.text) == ["192.168.200.0/24", "192.168.220.0/24"])
        // Built-in defaults: the sample does not override them.
        #expect(ep.intrazoneDefault == .allow)
        #expect(ep.interzoneDefault == .deny)
        // Rules keep document order.
        let lines = ep.rules.map(\.location.line)
        #expect(lines == lines.sorted())
        // source-user conditions are recorded, not evaluated.
        #expect(ep.rules.contains { $0.unevaluated.contains { $0.hasPrefix("source-user") } })
    }

    @Test func ironSkilletFirewallHasZeroPolicyAndOverriddenDefaults() throws {
        let (_, set) = try Self.load(Self.files[1])
        let ep = try #require(set.enforcementPoints.first)
        #expect(ep.name == "panos-01/vsys1")
        #expect(ep.rules.isEmpty)
        #expect(ep.intrazoneDefault == .allow)
        #expect(ep.interzoneDefault == .deny)  // `drop` overrides the built-in, still a deny
        #expect(ep.location.line > 1)
    }

    @Test func panoramaSampleHasOneEnforcementPointPerDeviceGroup() throws {
        let (_, set) = try Self.load(Self.files[2])
        #expect(set.enforcementPoints.map(\.name) == [
            "Perimeter-FWs", "Datacenter-Firewalls", "FR Datacenter", "DE-Berlin Office", "testDG",
        ])
        #expect(set.enforcementPoints.allSatisfy { $0.vendor == "panorama" })
        let berlin = try #require(set.enforcementPoints.first { $0.name == "DE-Berlin Office" })
        // shared pre (2) → parent Perimeter-FWs pre (1) → own pre (3) → own post (0) → parent post (1) → shared post (1)
        #expect(berlin.rules.map(\.name) == [
            "shared pre rule 1", "shared-pre-rule2", "perimeter - allow users outside",
            "berlin-office  prerule  intra", "berlin-office  prerule  intra-1", "berlin-office  prerule  intra-2",
            "no traffic out of dc", "shared post rule 1",
        ])
        #expect(berlin.rules.map(\.action) == [.allow, .allow, .allow, .deny, .deny, .deny, .deny, .allow])
    }

    @Test func ironSkilletPanoramaMergesRepeatedEntriesAndReadsSharedDefaults() throws {
        let (_, set) = try Self.load(Self.files[3])
        #expect(set.enforcementPoints.map(\.name) == ["sample_devicegroup"])
        let ep = try #require(set.enforcementPoints.first)
        #expect(ep.rules.isEmpty)
        #expect(ep.interzoneDefault == .deny)
        #expect(ep.intrazoneDefault == .allow)
    }
}
