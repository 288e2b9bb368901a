import Testing

@testable import CUIScope

/// `cuiscope reach --proto P --port N` as the set of (protocol, port) keys it asks about.
/// Protocol numbers are IANA's: TCP 6, UDP 17, ICMP 1.
@Suite("Service query arguments")
struct ServiceQueryTests {
    static func key(_ proto: UInt8, _ port: UInt16) -> UInt32 { ServiceSet.key(proto: proto, port: port) }

    @Test("a protocol and port ask about that one port of that protocol only")
    func protoAndPort() throws {
        let s = try ServiceQuery.services(proto: "tcp", port: "445")
        #expect(s.contains(Self.key(6, 445)))
        #expect(!s.contains(Self.key(6, 444)) && !s.contains(Self.key(6, 446)) && !s.contains(Self.key(17, 445)))
        #expect(s == ServiceSet.ports(6, 445, 445))
    }

    @Test("names are case-insensitive and protocol numbers 0-255 are accepted", arguments: [
        ("TCP", UInt8(6)), ("udp", 17), ("Icmp", 1), ("6", 6), ("0", 0), ("255", 255), ("gre", 47),
    ])
    func protocols(text: String, number: UInt8) throws {
        #expect(try ServiceQuery.services(proto: text, port: nil) == .proto(number))
    }

    @Test("any without a port is every service; with a port it asks TCP and UDP on that port")
    func any() throws {
        #expect(try ServiceQuery.services(proto: "any", port: nil) == .anyService)
        #expect(try ServiceQuery.services(proto: "ANY", port: nil) == .anyService)
        let s = try ServiceQuery.services(proto: "any", port: "53")
        #expect(s.contains(Self.key(6, 53)) && s.contains(Self.key(17, 53)))
        #expect(!s.contains(Self.key(6, 54)) && !s.contains(Self.key(1, 53)) && !s.contains(Self.key(132, 53)))
    }

    @Test("ports 0 and 65535 are the ends of the range")
    func portBounds() throws {
        #expect(try ServiceQuery.services(proto: "tcp", port: "0") == ServiceSet.ports(6, 0, 0))
        #expect(try ServiceQuery.services(proto: "udp", port: "65535") == ServiceSet.ports(17, 65535, 65535))
    }

    @Test("a port outside 0-65535, a range, a list or other text is refused", arguments: [
        "65536", "-1", "440-450", "1024:2048", "80,443", "", "http", "4 43",
    ])
    func badPort(text: String) {
        #expect(throws: ArgumentError("--port expects one port number 0-65535, got '\(text)'")) {
            try ServiceQuery.services(proto: "tcp", port: text)
        }
        #expect(throws: ArgumentError("--port expects one port number 0-65535, got '\(text)'")) {
            try ServiceQuery.services(proto: "any", port: text)
        }
    }

    @Test("an unknown protocol name or a number above 255 is refused", arguments: ["gre2", "256", "", "tcp/443", "-6"])
    func badProto(text: String) {
        #expect(throws: ArgumentError("--proto expects tcp, udp, icmp, any or a protocol number")) {
            try ServiceQuery.services(proto: text, port: nil)
        }
    }
}
