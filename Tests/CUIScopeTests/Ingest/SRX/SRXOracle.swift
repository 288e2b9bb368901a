import Foundation
@testable import CUIScope

/// A per-packet SRX policy evaluator written from Juniper's documentation ("Security Policies
/// Overview": the zone pair's policies in order, first match; then global policies; then the
/// default policy; `source-address-excluded` inverts the source match; deactivated statements
/// are ignored). It shares no code with the reader: it reads the `display set` lines itself, for
/// the statement shapes of the demo configuration only (no quotes, one value per line).
struct SRXOracle {
    struct Policy { var name: String; var from: [String]; var to: [String]; var words: [[String]] }
    var lines: [[String]] = []
    var inactive: [[String]] = []
    var pairPolicies: [Policy] = []
    var globalPolicies: [Policy] = []

    init(text: String) {
        for raw in text.split(separator: "\n") {
            let w = raw.split(separator: " ").map(String.init)
            if w.first == "set" { lines.append(Array(w.dropFirst())) }
            if w.first == "deactivate" { inactive.append(Array(w.dropFirst())) }
        }
        for l in lines where l.starts(with: ["security", "policies"]) && !isInactive(l) {
            if l[2] == "from-zone" { add(&pairPolicies, l[7], [l[3]], [l[5]], Array(l.dropFirst(8))) }
            if l[2] == "global" { add(&globalPolicies, l[4], [], [], Array(l.dropFirst(5))) }
        }
    }

    func isInactive(_ l: [String]) -> Bool { inactive.contains { l.starts(with: $0) } }

    private func add(_ list: inout [Policy], _ name: String, _ from: [String], _ to: [String], _ rest: [String]) {
        if let i = list.firstIndex(where: { $0.name == name && $0.from == from && $0.to == to }) {
            list[i].words.append(rest)
        } else {
            list.append(Policy(name: name, from: from, to: to, words: [rest]))
        }
    }

    /// Values of `match KEY V` lines of a policy.
    func match(_ p: Policy, _ key: String) -> [String] { p.words.filter { $0.count == 3 && $0[0] == "match" && $0[1] == key }.map { $0[2] } }

    static func v4(_ s: String) -> UInt32? {
        let p = s.split(separator: ".").compactMap { UInt32($0) }
        return p.count == 4 ? p.reduce(0) { $0 << 8 | $1 } : nil
    }

    /// Whether address-book entry `name` (seen from `zone`) holds `ip`.
    func address(_ name: String, zone: String?, _ ip: UInt32) -> Bool {
        if name == "any" { return true }
        let books = lines.filter { $0.starts(with: ["security", "address-book"]) && $0.count >= 6 && $0[3] == "attach" && $0[5] == zone }.map { $0[2] }
        let prefixes = [["security", "zones", "security-zone", zone ?? "-", "address-book"]]
            + books.map { ["security", "address-book", $0] } + [["security", "address-book", "global"]]
        for pre in prefixes {
            let defs = lines.filter { $0.starts(with: pre) }.map { Array($0.dropFirst(pre.count)) }
            let addr = defs.filter { $0.count >= 3 && $0[0] == "address" && $0[1] == name }
            if !addr.isEmpty { return addr.contains { entry($0, ip) } }
            let set = defs.filter { $0.count >= 4 && $0[0] == "address-set" && $0[1] == name }
            if !set.isEmpty { return set.contains { address($0[3], zone: zone, ip) } }
        }
        return false
    }

    private func entry(_ d: [String], _ ip: UInt32) -> Bool {
        switch d[2] {
        case "range-address": return Self.v4(d[3])! <= ip && ip <= Self.v4(d[5])!
        case "wildcard-address":
            let parts = d[3].split(separator: "/").map(String.init)
            let mask = Self.v4(parts[1])!
            return ip & mask == Self.v4(parts[0])! & mask
        case "dns-name": return false
        default:
            let parts = d[2].split(separator: "/").map(String.init)
            guard let base = Self.v4(parts[0]) else { return false }
            let len = UInt32(parts[1])!
            let mask: UInt32 = len == 0 ? 0 : ~UInt32(0) << (32 - len)
            return ip & mask == base & mask
        }
    }

    static let predefined: [String: (String, Int?)] = [
        "junos-ssh": ("tcp", 22), "junos-http": ("tcp", 80), "junos-https": ("tcp", 443), "junos-smtp": ("tcp", 25),
        "junos-dns-udp": ("udp", 53), "junos-dns-tcp": ("tcp", 53), "junos-ping": ("icmp", nil),
    ]

    func application(_ name: String, _ proto: String, _ port: Int) -> Bool {
        if name == "any" { return true }
        if let p = Self.predefined[name] { return p.0 == proto && (p.1 == nil || p.1 == port) }
        let defs = lines.filter { $0.starts(with: ["applications"]) && $0.count > 3 && $0[2] == name }.map { Array($0.dropFirst(3)) }
        if lines.contains(where: { $0.starts(with: ["applications", "application-set", name]) }) {
            return defs.contains { $0.count == 2 && application($0[1], proto, port) }
        }
        // Terms (`term T protocol P destination-port X`) or the application's own lines.
        var terms: [String: [String: String]] = [:]
        for d in defs {
            let (key, rest) = d[0] == "term" ? (d[1], Array(d.dropFirst(2))) : ("", d)
            var i = 0
            while i + 1 < rest.count { terms[key, default: [:]][rest[i]] = rest[i + 1]; i += 2 }
        }
        return terms.values.contains { t in
            guard t["protocol"] == proto else { return false }
            guard let range = t["destination-port"] else { return true }
            let b = range.split(separator: "-").map { Int($0)! }
            return b[0] <= port && port <= (b.count > 1 ? b[1] : b[0])
        }
    }

    /// Allowed, and the deciding policy (nil = default policy).
    func decide(from: String, to: String, src: String, dst: String, proto: String, port: Int) -> (Bool, String?) {
        let s = Self.v4(src)!, d = Self.v4(dst)!
        func matches(_ p: Policy, fromZone: String?, toZone: String?) -> Bool {
            let srcHit = match(p, "source-address").contains { address($0, zone: fromZone, s) }
            let excluded = p.words.contains { $0 == ["match", "source-address-excluded"] }
            return srcHit != excluded && match(p, "destination-address").contains { address($0, zone: toZone, d) }
                && match(p, "application").contains { application($0, proto, port) }
        }
        for p in pairPolicies where p.from == [from] && p.to == [to] && matches(p, fromZone: from, toZone: to) {
            return (p.words.contains { $0 == ["then", "permit"] }, p.name)
        }
        for p in globalPolicies {
            let fz = match(p, "from-zone"), tz = match(p, "to-zone")
            guard fz.isEmpty || fz.contains(from), tz.isEmpty || tz.contains(to), matches(p, fromZone: nil, toZone: nil) else { continue }
            return (p.words.contains { $0 == ["then", "permit"] }, p.name)
        }
        return (lines.contains { $0 == ["security", "policies", "default-policy", "permit-all"] }, nil)
    }
}
