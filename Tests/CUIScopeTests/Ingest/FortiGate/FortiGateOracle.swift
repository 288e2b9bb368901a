import Foundation
@testable import CUIScope

/// A per-packet FortiOS policy evaluator written from Fortinet's documentation ("Firewall
/// policy", "Policy ID and sequence": policies are matched top-down in list order, the first
/// match decides, `status disable` policies are skipped, an implicit deny ends the list;
/// negate options invert the match of the field). Deliberately shares no code with the parser:
/// it reads the configuration text itself, line by line.
struct FortiGateOracle {
    struct Entry { var name: String; var settings: [String: [String]] }
    /// table path (e.g. "enclave|firewall policy") → entries in order.
    var tables: [String: [Entry]] = [:]

    init(text: String) {
        var path: [String] = []   // "config X" / "edit Y" frames
        var vdom = "root"
        var entry: Entry?
        for raw in text.split(separator: "\n") {
            let words = raw.trimmingCharacters(in: .whitespaces).split(separator: " ").map {
                $0.replacingOccurrences(of: "\"", with: "")
            }
            guard let first = words.first, !first.hasPrefix("#") else { continue }
            let rest = words.dropFirst().joined(separator: " ")
            if first == "config" { path.append("config " + rest); entry = nil }
            if first == "edit" {
                if path.last == "config vdom" { vdom = rest }
                path.append("edit " + rest)
                entry = Entry(name: rest, settings: [:])
            }
            if first == "set", entry != nil { entry!.settings[words[1]] = Array(words.dropFirst(2)) }
            if first == "next" {
                let table = path.dropLast().last ?? ""
                if let e = entry, table.hasPrefix("config ") {
                    let scope = path.contains("config global") ? "global" : vdom
                    tables["\(scope)|\(table.dropFirst(7))", default: []].append(e)
                }
                path.removeLast()
                entry = nil
            }
            if first == "end" { path.removeLast() }
        }
    }

    func entries(_ vdom: String, _ table: String) -> [Entry] { tables["\(vdom)|\(table)"] ?? [] }

    static func v4(_ s: String) -> UInt32 {
        s.split(separator: ".").reduce(UInt32(0)) { $0 << 8 | UInt32($1)! }
    }

    func addressMatches(_ vdom: String, _ name: String, _ ip: UInt32) -> Bool {
        if name == "all" { return true }
        if let g = entries(vdom, "firewall addrgrp").first(where: { $0.name == name }) {
            return g.settings["member"]!.contains { addressMatches(vdom, $0, ip) }
        }
        guard let a = entries(vdom, "firewall address").first(where: { $0.name == name }) else { return false }
        switch a.settings["type"]?.first ?? "ipmask" {
        case "iprange": return Self.v4(a.settings["start-ip"]![0]) <= ip && ip <= Self.v4(a.settings["end-ip"]![0])
        case "ipmask":
            let s = a.settings["subnet"]!
            let base: UInt32
            let mask: UInt32
            if s.count == 2 { base = Self.v4(s[0]); mask = Self.v4(s[1]) } else {
                let parts = s[0].split(separator: "/")
                base = Self.v4(String(parts[0]))
                let len = UInt32(parts[1])!
                mask = len == 0 ? 0 : ~UInt32(0) << (32 - len)
            }
            return ip & mask == base & mask
        default: return false   // fqdn, geography: not resolvable offline
        }
    }

    static let predefined: [String: (String, ClosedRange<Int>)] = [
        "SSH": ("tcp", 22...22), "HTTPS": ("tcp", 443...443), "ALL_UDP": ("udp", 1...65535), "ALL_TCP": ("tcp", 1...65535),
    ]

    func serviceMatches(_ vdom: String, _ name: String, _ proto: String, _ port: Int) -> Bool {
        if name == "ALL" { return true }
        if let p = Self.predefined[name] { return p.0 == proto && p.1.contains(port) }
        if let g = entries(vdom, "firewall service group").first(where: { $0.name == name }) {
            return g.settings["member"]!.contains { serviceMatches(vdom, $0, proto, port) }
        }
        guard let s = entries(vdom, "firewall service custom").first(where: { $0.name == name }),
              let ranges = s.settings["\(proto)-portrange"] else { return false }
        return ranges.contains { r in
            let dst = r.split(separator: ":")[0].split(separator: "-").map { Int($0)! }
            return (dst[0]...(dst.count > 1 ? dst[1] : dst[0])).contains(port)
        }
    }

    /// The zone an interface belongs to, or the interface itself.
    func zone(_ vdom: String, _ intf: String) -> String {
        entries(vdom, "system zone").first { $0.settings["interface"]!.contains(intf) }?.name ?? intf
    }

    func decide(vdom: String, inIntf: String, outIntf: String, src: String, dst: String,
                proto: String, port: Int) -> Bool {
        for p in entries(vdom, "firewall policy") where p.settings["status"] != ["disable"] {
            let s = p.settings
            func intf(_ key: String, _ name: String) -> Bool {
                let v = s[key] ?? []
                return v.contains("any") || v.contains(name) || v.contains(zone(vdom, name))
            }
            func addr(_ key: String, _ ip: String) -> Bool {
                let m = (s[key] ?? []).contains { addressMatches(vdom, $0, Self.v4(ip)) }
                return s[key + "-negate"] == ["enable"] ? !m : m
            }
            let svc = (s["service"] ?? []).contains { serviceMatches(vdom, $0, proto, port) }
            guard intf("srcintf", inIntf), intf("dstintf", outIntf), addr("srcaddr", src), addr("dstaddr", dst),
                  s["service-negate"] == ["enable"] ? !svc : svc else { continue }
            return s["action"] == ["accept"]
        }
        return false   // implicit deny
    }
}
