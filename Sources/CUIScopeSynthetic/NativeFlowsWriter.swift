import CUIScope

/// Writes a native `<cuiscope-flows>` log (schemas/cuiscope-flows.xsd) of `count` records among
/// the given assets, deterministic from `seed`.
///
/// Shaped like a week of firewall session logs: every asset talks to a few servers of its own
/// (four peers, one port each), so records repeat the same (source, destination, port) as real
/// logs do; ~1 % of records go to CUI assets, ~2 % come from addresses in no inventory, ~15 %
/// were denied.
public enum NativeFlowsWriter {
    static let ports: [(proto: String, port: UInt16)] = [
        ("tcp", 443), ("tcp", 445), ("tcp", 22), ("tcp", 3389), ("udp", 53), ("tcp", 80), ("tcp", 1433),
        ("tcp", 8080), ("udp", 514), ("tcp", 389),
    ]

    public static func write(assets: [Asset], count: Int, seed: UInt64, to path: String) throws {
        var rng = SplitMix64(seed: seed ^ 0xF10F_10F1)
        let hosts = assets.map(hostAddress)
        let targets = assets.indices.filter { !assets[$0].cui.isEmpty }
        let servers = assets.indices.filter { $0 % 10 == 3 || assets[$0].kind == .server }
        let sink = try FileSink(path: path)
        try sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cuiscope-flows version=\"1\">\n")
        let week = 7 * 86_400
        for n in 0..<count {
            let roll = Int.random(in: 0..<1000, using: &rng)
            let s = Int.random(in: 0..<assets.count, using: &rng)
            let k = Int.random(in: 0..<4, using: &rng)
            let src =
                roll < 20
                ? "203.0.113.\(Int.random(in: 1..<255, using: &rng))" : hosts[s]
            let d: Int
            if roll >= 20 && roll < 30 && !targets.isEmpty {
                d = targets[(s &* 31 &+ k) % targets.count]
            } else {
                d = servers.isEmpty ? (s + 1) % assets.count : servers[(s &* 7 &+ k &* 13) % servers.count]
            }
            let service = ports[(s &+ k) % ports.count]
            let denied = Int.random(in: 0..<100, using: &rng) < 15
            let first = (n &* 604_799 / max(1, count)) % week
            let duration = Int.random(in: 0..<600, using: &rng)
            let records = Int.random(in: 1...20, using: &rng)
            let bytes = denied ? 0 : Int.random(in: 100..<5_000_000, using: &rng)
            let packets = max(1, bytes / 1200)
            let sport = Int.random(in: 32768..<61000, using: &rng)
            var line = "  <flow src=\"\(src)\" dst=\"\(hosts[d])\" proto=\"\(service.proto)\" sport=\"\(sport)\""
            line += " dport=\"\(service.port)\" action=\"\(denied ? "deny" : "allow")\" bytes=\"\(bytes)\""
            line += " packets=\"\(packets)\" first-seen=\"\(timestamp(first))\""
            if !denied { line += " last-seen=\"\(timestamp(min(week - 1, first + duration)))\"" }
            line += " count=\"\(records)\" device=\"\(roll % 2 == 0 ? "core-fw" : "edge-fw")\"/>\n"
            try sink.write(line)
        }
        try sink.write("</cuiscope-flows>\n")
        try sink.close()
    }

    /// The first host address of an asset (a range asset uses its first usable address).
    static func hostAddress(_ a: Asset) -> String {
        guard let text = a.addressTexts.first else { return "0.0.0.0" }
        guard let slash = text.firstIndex(of: "/") else { return text }
        let base = text[..<slash]
        guard let dot = base.lastIndex(of: "."), let last = Int(base[base.index(after: dot)...]) else {
            return String(base)
        }
        return "\(base[...dot])\(last + 1)"
    }

    /// `2026-10-0DTHH:MM:SSZ` for a second of the week starting 2026-10-01 00:00 UTC.
    static func timestamp(_ second: Int) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let day = second / 86_400 + 1
        let rest = second % 86_400
        return "2026-10-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }
}
