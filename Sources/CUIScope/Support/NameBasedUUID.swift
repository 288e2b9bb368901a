/// RFC 4122 (section 4.3) version 5 UUIDs: SHA-1 of a namespace UUID and a name, so the same
/// name always gives the same UUID. OSCAL documents identify assets, components and findings by
/// UUID and accept only versions 4 and 5; deriving them from asset ids and finding fingerprints
/// keeps the output byte-identical for the same inputs and the identifiers stable across
/// revisions (docs/DECISIONS.md 59).
public enum NameBasedUUID {
    /// cuiscope's namespace for every UUID it writes. Computed once as
    /// `uuid5(NAMESPACE_URL, "https://github.com/cuiscope/cuiscope")`; never change it, or every
    /// identifier in users' SSPs and POA&Ms changes with it.
    public static let cuiscopeNamespace = "3713f8d9-7975-5b6c-bfea-c6dbaa3810a6"

    /// The version 5 UUID of `name` in `namespace` (lower-case hex, 8-4-4-4-12).
    /// - Parameter namespace: a UUID in its text form; an unparseable one counts as all zeros.
    public static func v5(_ name: String, namespace: String = cuiscopeNamespace) -> String {
        var hash = SHA1.digest(bytes(of: namespace) + Array(name.utf8))
        hash[6] = (hash[6] & 0x0F) | 0x50  // version 5
        hash[8] = (hash[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = hash.prefix(16).map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { r in
            String(hex[hex.index(hex.startIndex, offsetBy: r.lowerBound)..<hex.index(hex.startIndex, offsetBy: r.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    /// The 16 bytes of a UUID's text form.
    static func bytes(of uuid: String) -> [UInt8] {
        let digits = Array(uuid.unicodeScalars.filter { $0 != "-" })
        guard digits.count == 32 else { return [UInt8](repeating: 0, count: 16) }
        return stride(from: 0, to: 32, by: 2).map { i in
            UInt8(String(String.UnicodeScalarView(digits[i...i + 1])), radix: 16) ?? 0
        }
    }
}
