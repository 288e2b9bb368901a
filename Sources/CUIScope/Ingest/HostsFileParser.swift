import Foundation

/// Reads a hosts-style name mapping (`/etc/hosts` syntax: `address name [alias…]`, `#`
/// comments) — the only way FQDN address objects are resolved: the tool never queries DNS.
public enum HostsFileParser {
    /// - Throws: ``InputError`` naming file:line:column for an address that does not parse.
    public static func read(path: String, displayName: String? = nil) throws(InputError) -> [String: [IPAddress]] {
        let file = displayName ?? path
        let data = try InputFile.contents(path: path, file: file, unreadable: "cannot read hosts file")
        var log = DiagnosticLog()
        var out: [String: [IPAddress]] = [:]
        for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = fields.first else { continue }
            guard let addr = IPAddress(first) else {
                log.error(SourceLocation(file: file, line: n + 1, column: 1), "expected an IP address at the start of the line")
                continue
            }
            if fields.count < 2 {
                log.error(SourceLocation(file: file, line: n + 1, column: 1), "expected at least one host name after the address")
            }
            for name in fields.dropFirst() { add(String(name), addr, to: &out) }
        }
        try log.throwIfErrors()
        return out
    }

    /// Host names from the inventory: each single-address asset's id and name map to it.
    public static func fromInventory(_ assets: [Asset]) -> [String: [IPAddress]] {
        var out: [String: [IPAddress]] = [:]
        for a in assets {
            let hosts = a.addresses.intervals.filter { $0.lower == $0.upper }.map { IPAddress(value: $0.lower) }
            guard !hosts.isEmpty else { continue }
            for h in hosts { add(a.id, h, to: &out) }
            if a.name != a.id { for h in hosts { add(a.name, h, to: &out) } }
        }
        return out
    }

    static func add(_ name: String, _ addr: IPAddress, to map: inout [String: [IPAddress]]) {
        let key = normalizedName(name)
        if !(map[key]?.contains(addr) ?? false) { map[key, default: []].append(addr) }
    }

    /// Lower-cased, without leading or trailing dots (`Files.Example.` is `files.example`).
    /// ASCII names, nearly all of them, skip Foundation's Unicode case mapping.
    static func normalizedName(_ name: String) -> String {
        var utf8 = Array(name.utf8)
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        for i in utf8.indices where utf8[i] >= 0x41 && utf8[i] <= 0x5A { utf8[i] |= 0x20 }
        let dot = UInt8(ascii: ".")
        let start = utf8.firstIndex { $0 != dot } ?? utf8.endIndex
        let end = utf8.lastIndex { $0 != dot }.map { $0 + 1 } ?? start
        return String(decoding: utf8[start..<max(start, end)], as: UTF8.self)
    }
}
