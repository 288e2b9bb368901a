import Foundation
import Testing

@testable import CUIScope

/// Version 5 UUIDs agree with Python's `uuid.uuid5` (an independent RFC 4122 implementation),
/// and SHA-1 with the FIPS 180 test vectors.
@Suite("Name-based UUIDs and SHA-1")
struct NameBasedUUIDTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("SHA-1 matches the FIPS 180 examples, including a two-block message and the empty string")
    func sha1Vectors() {
        #expect(Self.hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Self.hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(Self.hex(SHA1.digest(Array(twoBlocks.utf8))) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        // 55, 56 and 64 bytes: the padding boundary cases.
        #expect(Self.hex(SHA1.digest(Array(repeating: 0x61, count: 55))) == "c1c8bbdc22796e28c0e15163d20899b65621d65a")
        #expect(Self.hex(SHA1.digest(Array(repeating: 0x61, count: 56))) == "c2db330f6083854c99d4b5bfb6e8f29f201be699")
        #expect(Self.hex(SHA1.digest(Array(repeating: 0x61, count: 64))) == "0098ba824b5c16427bd7a1122a5a442a25ec644d")
    }

    @Test("the RFC 4122 / Python documentation example: uuid5(NAMESPACE_DNS, 'python.org')")
    func knownVector() {
        #expect(NameBasedUUID.v5("python.org", namespace: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")
            == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    }

    @Test("agrees with Python's uuid.uuid5 on the project namespace and on ASCII, Unicode and long names")
    func agreesWithPython() throws {
        let names = ["asset:fs01", "asset:corp-lt-07", "component:this-system", "finding:0123456789abcdef",
                     "", "Ünïcødé ✓ 資産", String(repeating: "x", count: 1000)]
        let script = """
            import sys, uuid
            print(uuid.uuid5(uuid.NAMESPACE_URL, 'https://github.com/cuiscope/cuiscope'))
            ns = uuid.UUID(sys.argv[1])
            for n in sys.argv[2:]: print(uuid.uuid5(ns, n))
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, NameBasedUUID.cuiscopeNamespace] + names
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        p.waitUntilExit()
        #expect(lines.count == names.count + 1)
        #expect(lines.first == NameBasedUUID.cuiscopeNamespace, "the namespace is uuid5(NAMESPACE_URL, repository URL)")
        for (name, expected) in zip(names, lines.dropFirst()) {
            #expect(NameBasedUUID.v5(name) == expected, "\(name)")
        }
    }

    @Test("OSCAL's UUID pattern accepts them: version 5, RFC variant")
    func oscalPattern() {
        let uuid = NameBasedUUID.v5("asset:fs01")
        #expect(uuid.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
    }
}
