/// Reads one extended ACE: `permit|deny PROTOCOL SOURCE [PORTS] DESTINATION [PORTS|ICMP-TYPE]
/// [log …] [time-range NAME] [inactive]` (docs/FORMATS.md, Cisco ASA).
struct ASAEntryParser {
    let objects: ASAObjects

    /// What the protocol position says: fixed services (`object`, a service group), or
    /// protocols whose ports the ACE may narrow (nil: `ip`, every protocol).
    private enum ProtocolSpec {
        case fixed(ServiceSet, String)
        case protocols([UInt8]?, String)
    }

    /// Identity conditions that may precede an address: recorded, not evaluated.
    private static let identityWords: [String: Int] = [
        "user": 1, "user-group": 1, "object-group-user": 1, "object-group-security": 1, "security-group": 2,
    ]

    func entry(_ c: inout ASAWordCursor, acl: String, position: Int, location: SourceLocation,
               undefined: inout [ASASyntaxError]) throws(ASASyntaxError) -> ASAEntry {
        let actionColumn = c.column
        let action: RuleAction
        switch try c.next("permit or deny") {
        case "permit": action = .allow
        case "deny": action = .deny
        default: throw ASASyntaxError(column: actionColumn, message: "expected extended, remark, permit or deny")
        }
        var unevaluated: [String] = []
        let proto = try protocolSpec(&c, undefined: &undefined)
        identity(&c, &unevaluated)
        let (src, srcText) = try objects.address(&c, undefined: &undefined)
        if let ports = try portSpec(&c, proto, source: true), case .ports(_, let text) = ports {
            unevaluated.append("source port \(text)")
        }
        identity(&c, &unevaluated)
        let (dst, dstText) = try objects.address(&c, undefined: &undefined)
        var services: ServiceSet
        var members: [String]
        switch proto {
        case .fixed(let set, let text): services = set; members = [text]
        case .protocols(let list, let text):
            members = [text]
            services = list.map { $0.reduce(ServiceSet()) { $0.union(.proto($1)) } } ?? .anyService
            switch try portSpec(&c, proto, source: false) {
            case .ports(let ranges, let portText)?:
                services = ASAObjects.services(list ?? [], ranges)
                members = ["\(text) \(portText)"]
            case .icmp(let types)?: unevaluated.append("icmp-type \(types)")
            case nil: break
            }
        }
        let inactive = try tail(&c, &unevaluated)
        return ASAEntry(acl: acl, position: position, action: action, services: services, serviceMembers: members,
                        source: AddressMatch(set: src.set, members: [srcText], unresolved: src.unresolved),
                        destination: AddressMatch(set: dst.set, members: [dstText], unresolved: dst.unresolved),
                        unevaluated: unevaluated, inactive: inactive, location: location)
    }

    private func protocolSpec(_ c: inout ASAWordCursor, undefined: inout [ASASyntaxError]) throws(ASASyntaxError) -> ProtocolSpec {
        let column = c.column
        let word = try c.next("a protocol, object or object-group")
        if word == "object" || word == "object-group" {
            let name = try c.next("a name after \(word)")
            if word == "object", let s = objects.serviceObjects[name] { return .fixed(s.set, name) }
            if word == "object-group", let s = objects.serviceGroups[name] ?? objects.protocolGroups[name] {
                return .fixed(s.set, name)
            }
            undefined.append(ASASyntaxError(column: column, message: "\(word) \(name) is not defined as a service"))
            return .fixed(ServiceSet(), name)
        }
        guard let parsed = ASAObjects.protocols(word), word != "tcp-udp" else {
            throw ASASyntaxError(column: column, message: "expected a protocol (ip, tcp, udp, icmp, a name or number), object or object-group")
        }
        return .protocols(parsed, word)
    }

    private enum PortSpec {
        case ports([ClosedRange<UInt16>], String)
        case icmp(String)
    }

    /// A port condition after an address: an operator or a port group for TCP/UDP/SCTP, a type
    /// or an icmp-type group for ICMP; nil when the next word is something else.
    private func portSpec(_ c: inout ASAWordCursor, _ proto: ProtocolSpec, source: Bool) throws(ASASyntaxError) -> PortSpec? {
        guard case .protocols(let list?, _) = proto else { return nil }
        let start = c.index
        if list.allSatisfy({ [IPProtocol.icmp, IPProtocol.icmpv6].contains($0) }) {
            if source { return nil }
            if c.peek == "object-group", let g = c.peek(1), let types = objects.icmpGroups[g] {
                c.index += 2
                return .icmp("\(g) (\(types.joined(separator: " ")))")
            }
            guard let type = c.peek, ASANames.isICMPType(type) else { return nil }
            c.index += 1
            if let code = c.peek, UInt8(code) != nil { c.index += 1 }
            return .icmp(type)
        }
        guard list.allSatisfy({ [IPProtocol.tcp, IPProtocol.udp, IPProtocol.sctp].contains($0) }) else { return nil }
        if c.peek == "object-group", let g = c.peek(1), let group = objects.portGroups[g] {
            c.index += 2
            return .ports(group.ranges, "object-group \(g)")
        }
        guard let ranges = try objects.portRanges(&c) else { return nil }
        return .ports(ranges, (start..<c.index).map { c.line.words[$0].text }.joined(separator: " "))
    }

    private func identity(_ c: inout ASAWordCursor, _ unevaluated: inout [String]) {
        while let w = c.peek, let extra = Self.identityWords[w], c.index + extra < c.line.words.count {
            let words = (c.index...(c.index + extra)).map { c.line.words[$0].text }
            unevaluated.append(words.joined(separator: " "))
            c.index += extra + 1
        }
    }

    /// `log [LEVEL] [interval N]`, `log disable|default`, `time-range NAME`, `inactive`.
    /// - Returns: whether the ACE is inactive.
    private func tail(_ c: inout ASAWordCursor, _ unevaluated: inout [String]) throws(ASASyntaxError) -> Bool {
        var inactive = false
        while let w = c.peek {
            c.index += 1
            switch w {
            case "log":
                if let l = c.peek, ASANames.logLevels.contains(l) || Int(l) != nil || l == "disable" || l == "default" { c.index += 1 }
                if c.take("interval") { _ = try c.next("seconds after interval") }
            case "time-range": unevaluated.append("time-range \(try c.next("a time-range name"))")
            case "inactive": inactive = true
            default:
                c.index -= 1
                throw c.fail("unexpected word; expected a port condition, log, time-range or inactive")
            }
        }
        return inactive
    }
}
