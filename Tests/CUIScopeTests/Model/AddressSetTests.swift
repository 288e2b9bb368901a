import Testing
@testable import CUIScope

@Suite struct AddressSetTests {
    @Test func parsesHostsPrefixesAndRanges() throws {
        let net = try #require(AddressSet.parse("10.0.0.0/8"))
        #expect(net.contains(try #require(IPAddress("10.255.1.2"))))
        #expect(!net.contains(try #require(IPAddress("11.0.0.0"))))
        let range = try #require(AddressSet.parse("10.1.1.1-10.1.1.9"))
        #expect(range.contains(try #require(IPAddress("10.1.1.9"))))
        #expect(!range.contains(try #require(IPAddress("10.1.1.10"))))
        #expect(AddressSet.parse("10.0.0.0/255.255.0.0") == AddressSet.parse("10.0.0.0/16"))
        #expect(AddressSet.parse("2001:db8::/32")?.contains(try #require(IPAddress("2001:db8:1::5"))) == true)
        #expect(AddressSet.parse("10.1.2.3/24")?.summary == "10.1.2.0/24")
        #expect(AddressSet.parse("any")?.isFull == true)
    }

    @Test(arguments: ["10.0.0.256", "10.0.0.0/33", "10.1", "", "fe80::1::2", "10.0.0.9-10.0.0.1", "abc"])
    func rejectsMalformedLiterals(_ text: String) {
        #expect(AddressSet.parse(text) == nil)
    }

    @Test func negationIsComplementOfTheResolvedSet() throws {
        let priv = try #require(AddressSet.parse("10.0.0.0/8")).union(try #require(AddressSet.parse("192.168.0.0/16")))
        let internet = priv.complement()
        #expect(!internet.contains(try #require(IPAddress("10.1.1.1"))))
        #expect(internet.contains(try #require(IPAddress("8.8.8.8"))))
        #expect(internet.contains(try #require(IPAddress("2001:db8::1"))))
        #expect(internet.complement() == priv)
        #expect(AddressSet.full.complement().isEmpty)
        #expect(AddressSet.empty.complement().isFull)
    }

    @Test func ipv6TextRoundTrips() throws {
        #expect(IPAddress("2001:db8::1")?.description == "2001:db8::1")
        #expect(IPAddress("192.0.2.7")?.description == "192.0.2.7")
        #expect(IPAddress("192.0.2.7")?.isIPv4 == true)
    }

    @Test func servicesParseAndSummarise() throws {
        let s = try #require(ServiceSet.parse("tcp/80,443,8000-8080"))
        #expect(s.contains(ServiceSet.key(proto: 6, port: 8080)))
        #expect(!s.contains(ServiceSet.key(proto: 17, port: 443)))
        #expect(s.summary == "tcp/80,443,8000-8080")
        #expect(ServiceSet.parse("tcp/1:1024") == ServiceSet.ports(6, 1, 1024))
        #expect(ServiceSet.parse("icmp")?.summary == "icmp")
        #expect(ServiceSet.parse("any")?.isAnyService == true)
        #expect(ServiceSet.parse("tcp/70000") == nil)
        #expect(ServiceSet.parse("tcp/90-80") == nil)
        #expect(ServiceSet.anyService.subtracting(.ports(6, 3389, 3389)).summary == "any except tcp/3389")
    }
}
