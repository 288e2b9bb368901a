import Testing
@testable import CUIScope

/// Names resolve FQDN objects offline; the inventory's ids and names are keys like a hosts file's.
@Suite("Hosts: names from the inventory")
struct HostsFileParserTests {
    @Test("keys are lower-cased without surrounding dots, for ASCII and other names alike")
    func normalisedKeys() {
        #expect(HostsFileParser.normalizedName("Files.Example.COM.") == "files.example.com")
        #expect(HostsFileParser.normalizedName("..x..") == "x")
        #expect(HostsFileParser.normalizedName("...") == "")
        #expect(HostsFileParser.normalizedName("SERVEUR-Élysée.Local") == "serveur-élysée.local")
    }

    @Test("an asset's id and name both resolve to its host addresses, not to its subnets")
    func idAndName() throws {
        var a = Asset(id: "FS01", name: "files.corp.example", location: SourceLocation(file: "i.csv", line: 2))
        a.addresses = try #require(AddressSet.parse("10.0.0.5"))
        var b = Asset(id: "lan", name: nil, location: SourceLocation(file: "i.csv", line: 3))
        b.addresses = try #require(AddressSet.parse("10.1.0.0/16"))
        let hosts = HostsFileParser.fromInventory([a, b])
        #expect(hosts["fs01"] == [try #require(IPAddress("10.0.0.5"))])
        #expect(hosts["files.corp.example"] == hosts["fs01"])
        #expect(hosts["lan"] == nil)
    }
}
