/// Field values common to several flow formats, read from bytes.
enum FlowFields {
    /// A protocol name (`tcp`, `udp`, `icmp`, …) or number 0-255.
    static func proto(_ f: ByteField) -> UInt8? {
        if f.equalsIgnoringCase("tcp") { return IPProtocol.tcp }
        if f.equalsIgnoringCase("udp") { return IPProtocol.udp }
        if let v = f.uint64 { return v <= 255 ? UInt8(v) : nil }
        return f.count <= 16 ? IPProtocol.number(f.string) : nil
    }

    /// `allow`/`accept`/`permit`/`pass` → allow; `deny`/`drop`/`reject`/`block`/`reset-*` → deny.
    static func action(_ f: ByteField) -> FlowAction? {
        let s = f.string.lowercased()
        switch s {
        case "allow", "allowed", "accept", "accepted", "permit", "permitted", "pass", "a": return .allow
        case "deny", "denied", "drop", "dropped", "reject", "rejected", "block", "blocked", "d": return .deny
        case "unknown", "", "-": return .unknown
        default: return s.hasPrefix("reset-") || s.hasPrefix("drop-") ? .deny : nil
        }
    }

    /// Transport protocols whose destination port identifies the service.
    static func hasPorts(_ proto: UInt8) -> Bool {
        proto == IPProtocol.tcp || proto == IPProtocol.udp || proto == IPProtocol.sctp
    }
}

/// Why one flow record was skipped (the message names the field, never its content).
struct RecordProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
