import Foundation
import Testing
@testable import CUIScope

/// `aws ec2 describe-*` JSON (docs/FORMATS.md, AWS VPC): the CLI's documented output shapes,
/// one call per file or combined, read together as one export.
@Suite struct AWSExportParserTests {
    static let demoFiles = ["security-groups.json", "network-acls.json", "network-interfaces.json", "subnets.json",
                            "route-tables.json"].map { TestPaths.demo("aws-demo/\($0)") }

    @Test func separateFilesReadTogetherAsOneExport() throws {
        let read = RulesReader.readAll(paths: Self.demoFiles)
        #expect(read.diagnostics.isEmpty)
        #expect(read.ruleSets.count == 1)
        let set = try #require(read.ruleSets.first)
        #expect(set.enforcementPoints.map(\.name) == [
            "vpc-0c0a9e01/subnet-0c0a0101", "vpc-0c0a9e01/subnet-0c0a0102", "vpc-0e1a5e01/subnet-0e1a0101",
            "vpc-0e1a5e01/subnet-0e1a0102", "pcx-0e1a0c0a", "igw-0c0a0001",
        ])
        #expect(set.counts["security groups"] == 5 && set.counts["network interfaces"] == 6 && set.counts["subnets"] == 4)
        #expect(set.counts["security group rules"] == 11 && set.counts["network ACL entries"] == 15)
        let app = set.enforcementPoints[2]
        #expect(app.vendor == "aws" && app.ruleOnlyZones == ["vpc-0e1a5e01"])
        let zone = try #require(app.zones.first)
        #expect(zone.name == "subnet-0e1a0101")
        #expect(zone.subnets.map(\.text) == ["10.20.1.0/24", "10.20.1.10", "10.20.1.20"])
        #expect(zone.subnets[0].origin == "subnet-0e1a0101 (enclave-app) of vpc-0e1a5e01")
        #expect(zone.subnets[2].origin == "eni-0e1a0002 (instance i-0e1a00000002, Name cuifs01)")
        #expect(zone.subnets[2].location.file.hasSuffix("network-interfaces.json") && zone.subnets[2].location.line > 1)
    }

    @Test func securityGroupRulesCarryResourceRuleAndLine() throws {
        let set = try RulesReader.read(path: TestPaths.demo("aws-demo/security-groups.json"), displayName: "sg.json")
        // Groups alone: nothing to place them on, said in a note rather than guessed.
        #expect(set.enforcementPoints.isEmpty)
        #expect(set.diagnostics.contains { $0.severity == .note && $0.message.hasPrefix("security groups not evaluated") })
        let all = RulesReader.readAll(paths: Self.demoFiles).ruleSets[0]
        let fileshare = all.enforcementPoints[2].rules.first { $0.name == "sg-0e1a0f01 (cui-fileshare) ingress #1" }
        let rule = try #require(fileshare)
        #expect(rule.action == .allow && rule.serviceMembers == ["tcp/445"])
        // A group reference resolves to the private IPs of the interfaces carrying it.
        #expect(rule.source.addresses == AddressSet.parse("10.20.1.10")! && rule.source.members == ["sg-0e1a0a01"])
        #expect(rule.destination.addresses == AddressSet.parse("10.20.1.20")!)
        #expect(rule.location.file.hasSuffix("security-groups.json") && rule.location.line == 79)
    }

    @Test func combinedObjectPrefixListsAndImplicitDeny() throws {
        let set = try RulesReader.read(path: TestPaths.fixture("aws/vpc-combined.json"), displayName: "vpc.json")
        #expect(set.counts["unresolved"] == 1)
        let a = try #require(set.enforcementPoints.first { $0.name == "vpc-11111111/subnet-0000000a" })
        let web2 = try #require(a.rules.first { $0.name == "sg-0000000b (web) egress #2" })
        #expect(web2.destination.unresolved == ["pl-0a1b2c3d (prefix list, not resolved offline)"])
        #expect(web2.destination.addresses.isEmpty)
        // Entries sorted by rule number; the file has no 32767 inbound entry, so one is added.
        let inbound = a.egressRules.filter { $0.name.hasPrefix("acl-000000ab inbound") }.map(\.name)
        #expect(inbound == ["acl-000000ab inbound rule #50", "acl-000000ab inbound rule #100", "acl-000000ab inbound rule #110", "acl-000000ab inbound rule #120",
                            "acl-000000ab inbound rule #130", "acl-000000ab inbound rule *"])
        #expect(a.egressRules.first?.name == "rtb-0000main: no route")
        // The peering joins both VPC routers; the peer subnet uses its explicitly associated ACL.
        let pcx = try #require(set.enforcementPoints.first { $0.name == "pcx-00000012" })
        #expect(pcx.ruleOnlyZones == ["vpc-11111111", "vpc-22222222"])
        let igw = try #require(set.enforcementPoints.first { $0.name == "igw-00000001" })
        #expect(igw.routes.map(\.destinationText) == ["0.0.0.0/0"] && igw.routes[0].zone == "internet")
    }

    @Test func badInputNamesFileLineAndColumn() {
        func error(_ json: String, lenient: Bool = false) -> [Diagnostic] {
            let path = TestPaths.temporaryFile(json, name: "aws.json")
            do {
                let set = try RulesReader.read(path: path, displayName: "aws.json", lenient: lenient, format: RulesFormat(rawValue: "aws"))
                return set.diagnostics.filter { $0.severity != .note }
            } catch { return error.diagnostics }
        }
        let missing = error("{\"SecurityGroups\": [\n  {\"GroupName\": \"x\"}\n]}")
        #expect(missing.map(\.description) == ["aws.json:2:3: error: missing GroupId"])
        let type = error("{\"NetworkAcls\": [{\"NetworkAclId\": \"acl-1\", \"Entries\": [\n {\"RuleNumber\": 100, \"Protocol\": \"-1\", \"RuleAction\": \"permit\", \"CidrBlock\": \"0.0.0.0/0\"}]}]}")
        #expect(type.first?.description == "aws.json:2:54: error: RuleAction: expected allow or deny")
        let proto = error("{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": [{\"IpProtocol\": \"gre\"}]}]}")
        #expect(proto.first?.message.hasPrefix("IpProtocol/FromPort/ToPort: expected -1, tcp") == true)
        let ports = error("{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": [{\"IpProtocol\": \"tcp\", \"FromPort\": \"x\"}]}]}")
        #expect(ports.first?.description == "aws.json:1:93: error: FromPort: expected an integer, found a string")
        let array = error("{\"Subnets\": {\"SubnetId\": \"subnet-1\"}}")
        #expect(array.first?.description == "aws.json:1:13: error: Subnets: expected an array, found an object")
        let syntax = error("{\"RouteTables\": [\n  {\"RouteTableId\": }\n]}")
        #expect(syntax.first?.description.hasPrefix("aws.json:2:") == true)
        // --lenient skips the record and says so.
        let skipped = error("{\"SecurityGroups\": [\n  {\"GroupName\": \"x\"}\n]}", lenient: true)
        #expect(skipped.map(\.description) == ["aws.json:2:3: warning: missing GroupId; record skipped"])
    }

    @Test func sniffKeepsToTheCLIOutputKeys() throws {
        let inventory = TestPaths.temporaryFile("{\"assets\": [{\"id\": \"a\", \"Subnets\": [\"x\"]}]}", name: "inv.json")
        #expect(AWSRulesFormat().sniff(try InputHead(path: inventory)) == false)
        #expect(AWSRulesFormat().sniff(try InputHead(path: Self.demoFiles[0])))
        let forti = TestPaths.fixture("fortigate/fortigate-vdom.conf")
        let refused = #expect(throws: InputError.self) {
            _ = try RulesReader.read(path: forti, displayName: "f.conf", format: RulesFormat(rawValue: "aws"))
        }
        #expect(refused?.diagnostics.first?.message.hasPrefix("--rules-format aws does not read this file") == true)
    }
}
