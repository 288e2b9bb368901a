import Foundation
import Testing
@testable import CUIScope

/// Azure NSG, VNet and NIC JSON (docs/FORMATS.md, Azure NSG), in the CLI's flattened shape and
/// the REST/ARM `properties` shape.
@Suite struct AzureExportParserTests {
    @Test func nsgsVNetsAndNICsReadTogether() throws {
        let files = ["nsgs.json", "vnets.json", "nics.json"].map { TestPaths.fixture("azure/\($0)") }
        let set = try #require(RulesReader.readAll(paths: files).ruleSets.first)
        #expect(set.enforcementPoints.map(\.name) == ["vnet-hub/app", "vnet-hub/data", "vnet-hub/mgmt", "vnet-other/x",
                                                "peering vnet-hub - vnet-other"])
        #expect(set.enforcementPoints[4].ruleOnlyZones == ["vnet-hub", "vnet-other"])
        #expect(set.counts["network security groups"] == 4 && set.counts["security rules"] == 12 && set.counts["network interfaces"] == 4)
        // nsg-data has no defaultSecurityRules: the documented six apply.
        #expect(set.counts["default rules"] == 18)
        let data = set.enforcementPoints[1]
        let inbound = data.rules.filter { $0.from == .zones(["vnet-hub"]) }.map(\.name)
        #expect(inbound == ["nsg-data/allow-sql (100)", "nsg-data/deny-udp (150)", "nsg-data/AllowVnetInBound (65000)",
                            "nsg-data/AllowAzureLoadBalancerInBound (65001)", "nsg-data/DenyAllInBound (65500)"])
        let app = set.enforcementPoints[0]
        let zone = try #require(app.zones.first)
        #expect(zone.subnets.map(\.text) == ["10.40.1.0/24", "10.40.1.4", "10.40.1.5"] && zone.subnets[1].origin == "NIC nic-web1")
        // Application security groups resolve through the NICs' ipConfigurations.
        let ssh = try #require(app.rules.first { $0.name == "nsg-app/allow-ssh-admin (110)" })
        #expect(ssh.source.addresses == AddressSet.parse("10.40.3.4")! && ssh.location.line > 1)
    }

    @Test func unknownTagsAndGroupsAreUnresolved() throws {
        let nsg = """
        [{"name": "n", "securityRules": [{"name": "r", "priority": 100, "direction": "Inbound", "access": "Allow",
          "protocol": "Tcp", "sourceAddressPrefix": "Storage", "destinationAddressPrefix": "*", "destinationPortRange": "443",
          "sourceApplicationSecurityGroups": [{"id": "/x/applicationSecurityGroups/asg-none"}]}]}]
        """
        let path = TestPaths.temporaryFile(nsg, name: "nsg.json")
        let export = try #require(RulesReader.readAll(paths: [path]).ruleSets.first)
        #expect(export.enforcementPoints.isEmpty && export.diagnostics.contains { $0.severity == .note })
        var e = AzureExport()
        var log = DiagnosticLog()
        try AzureExportParser.add(Data(nsg.utf8), file: "nsg.json", to: &e, lenient: false, log: &log)
        let rules = AzureNSGRules(index: AzureIndex(e)).rules(e.groups[0], inbound: true, from: ["a"], to: ["b"])
        #expect(rules[0].source.unresolved == ["Storage (service tag not resolved offline)",
                                                "asg-none (application security group with no interface in the export)"])
        #expect(rules.map(\.name).last == "n/DenyAllInBound (65500)")
    }

    @Test func armShapeWithPropertiesReadsLikeTheCLIShape() throws {
        let arm = """
        {"value": [{"name": "nsg-arm", "id": "/x/networkSecurityGroups/nsg-arm", "properties": {"securityRules": [
          {"name": "deny-v6", "properties": {"priority": 100, "direction": "Inbound", "access": "Deny", "protocol": "*",
           "sourceAddressPrefix": "::/0", "destinationAddressPrefix": "*", "sourcePortRange": "*", "destinationPortRange": "*"}},
          {"name": "web", "properties": {"priority": 110, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
           "sourceAddressPrefixes": ["10.0.0.0/8", "192.168.0.0/16"], "destinationAddressPrefix": "*", "sourcePortRange": "*",
           "destinationPortRanges": ["80", "443", "8000-8080"]}}]}}]}
        """
        var e = AzureExport()
        var log = DiagnosticLog()
        try AzureExportParser.add(Data(arm.utf8), file: "arm.json", to: &e, lenient: false, log: &log)
        let rules = AzureNSGRules(index: AzureIndex(e)).rules(e.groups[0], inbound: true, from: ["a"], to: ["b"])
        #expect(rules.map(\.name) == ["nsg-arm/deny-v6 (100)", "nsg-arm/web (110)", "nsg-arm/AllowVnetInBound (65000)",
                                       "nsg-arm/AllowAzureLoadBalancerInBound (65001)", "nsg-arm/DenyAllInBound (65500)"])
        // `::/0` denies IPv6 sources only.
        #expect(!rules[0].source.addresses.contains(IPAddress("10.1.2.3")!) && rules[0].source.addresses.contains(IPAddress("2001:db8::1")!))
        #expect(rules[1].services == ServiceSet.ports(6, 80, 80).union(.ports(6, 443, 443)).union(.ports(6, 8000, 8080)))
        #expect(rules[1].source.addresses.contains(IPAddress("192.168.4.4")!) && !rules[1].source.addresses.contains(IPAddress("172.16.0.1")!))
    }

    @Test func badInputNamesFileLineAndColumn() {
        func error(_ json: String) -> String? {
            let path = TestPaths.temporaryFile(json, name: "nsg.json")
            return RulesReader.readAll(paths: [path], format: RulesFormat(rawValue: "azure-nsg")).diagnostics.first?.description
        }
        #expect(error("[{\"name\": \"n\", \"securityRules\": [\n {\"name\": \"r\", \"priority\": 1, \"direction\": \"In\", \"access\": \"Allow\", \"protocol\": \"Tcp\"}]}]")
            .map { $0.hasSuffix("nsg.json:2:44: error: direction: expected Inbound or Outbound") } == true)
        #expect(error("[{\"name\": \"n\", \"securityRules\": [\n {\"name\": \"r\", \"priority\": \"high\"}]}]")
            .map { $0.hasSuffix("nsg.json:2:28: error: priority: expected an integer, found a string") } == true)
        #expect(error("[{\"name\": \"n\", \"securityRules\": [{\"name\": \"r\", \"priority\": 1, \"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\": \"Gre\"}]}]")?
            .hasSuffix("error: protocol: expected Tcp, Udp, Icmp, Esp, Ah or *") == true)
        #expect(error("[{\"name\": \"n\", \"securityRules\": [{\"name\": \"r\", \"priority\": 1, \"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\": \"Tcp\", \"destinationPortRange\": \"80-20\"}]}]")?
            .hasSuffix("error: destinationPortRange: expected *, a port or a range low-high within 0-65535") == true)
    }
}
