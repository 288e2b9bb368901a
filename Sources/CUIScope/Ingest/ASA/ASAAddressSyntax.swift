/// The address, port and service forms the ASA accepts in ACEs, `network-object`,
/// `port-object`, `service-object` and `object service` (docs/FORMATS.md, Cisco ASA).
extension ASAObjects {
    /// Every IPv6 address: `any6`.
    static var allIPv6: AddressSet { AddressSet.full.subtracting(.allIPv4) }

    /// One address: `any`, `any4`, `any6`, `host A`, `A MASK`, an IPv6 prefix, `interface IF`,
    /// `object N` or `object-group G`. Names of `name` statements stand for addresses.
    /// - Parameter undefined: collects references to undefined objects (kept as unresolved).
    /// - Returns: the addresses and the member as written, for evidence.
    func address(_ c: inout ASAWordCursor, undefined: inout [ASASyntaxError]) throws(ASASyntaxError)
        -> (ASAAddresses, String)
    {
        let column = c.column
        let first = try c.next("an address (any, host, object, object-group, interface or address and mask)")
        switch first.lowercased() {
        case "any": return (ASAAddresses(set: .full), "any")
        case "any4": return (ASAAddresses(set: .allIPv4), "any4")
        case "any6": return (ASAAddresses(set: Self.allIPv6), "any6")
        case "host":
            let hostColumn = c.column
            let word = try c.next("an address after host")
            guard let a = ip(word) else { throw ASASyntaxError(column: hostColumn, message: "expected an IP address or a name after host") }
            return (ASAAddresses(set: .host(a)), "host \(word)")
        case "interface":
            let name = try c.next("an interface name after interface")
            return (reference(interfaceAddresses[name], "interface \(name)", column, &undefined), "interface \(name)")
        case "object":
            let name = try c.next("a network object name after object")
            return (reference(networkObjects[name], "object \(name)", column, &undefined), name)
        case "object-group":
            let name = try c.next("a network object-group name after object-group")
            return (reference(networkGroups[name], "object-group \(name)", column, &undefined), name)
        default:
            if first.contains("/"), let set = AddressSet.parse(first) { return (ASAAddresses(set: set), first) }
            guard let base = ip(first) else {
                throw ASASyntaxError(column: column, message: "expected an address (any, host, object, object-group, interface or address and mask)")
            }
            let maskColumn = c.column
            let maskWord = try c.next("a network mask after the address")
            guard let set = AddressSet.parse("\(base)/\(maskWord)") else {
                throw ASASyntaxError(column: maskColumn, message: "expected a network mask such as 255.255.255.0")
            }
            return (ASAAddresses(set: set), "\(first) \(maskWord)")
        }
    }

    private func reference(_ found: ASAAddresses?, _ what: String, _ column: Int,
                           _ undefined: inout [ASASyntaxError]) -> ASAAddresses {
        if let found { return found }
        undefined.append(ASASyntaxError(column: column, message: "\(what) is not defined"))
        return ASAAddresses(unresolved: ["\(what) (not defined)"])
    }

    /// A port condition at the cursor (`eq`, `neq`, `lt`, `gt`, `range`), or nil when the next
    /// word is none of these.
    func portRanges(_ c: inout ASAWordCursor) throws(ASASyntaxError) -> [ClosedRange<UInt16>]? {
        guard let op = c.peek?.lowercased(), ["eq", "neq", "lt", "gt", "range"].contains(op) else { return nil }
        c.index += 1
        func port() throws(ASASyntaxError) -> UInt16 {
            let column = c.column
            let word = try c.next("a port number or name")
            guard let p = ASANames.port(word) else {
                throw ASASyntaxError(column: column, message: "expected a port number (0-65535) or a port name such as www or https")
            }
            return p
        }
        let p = try port()
        switch op {
        case "eq": return [p...p]
        case "lt": return p == 0 ? [] : [0...(p - 1)]
        case "gt": return p == 65535 ? [] : [(p + 1)...65535]
        case "neq":
            var out: [ClosedRange<UInt16>] = []
            if p > 0 { out.append(0...(p - 1)) }
            if p < 65535 { out.append((p + 1)...65535) }
            return out
        default:
            let high = try port()
            return p <= high ? [p...high] : [high...p]
        }
    }

    /// The ports of `ranges` on each protocol.
    static func services(_ protocols: [UInt8], _ ranges: [ClosedRange<UInt16>]) -> ServiceSet {
        var set = ServiceSet()
        for p in protocols { for r in ranges { set = set.union(.ports(p, r.lowerBound, r.upperBound)) } }
        return set
    }

    /// Protocols of a service word: `ip` (nil: every protocol), `tcp-udp`, a literal or a number.
    static func protocols(_ word: String) -> [UInt8]?? {
        switch word.lowercased() {
        case "ip": return .some(nil)
        case "tcp-udp": return [IPProtocol.tcp, IPProtocol.udp]
        default: return ASANames.proto(word).map { [$0] }
        }
    }

    /// A service as `object service` and `service-object` write it: `PROTO [source OP P]
    /// [destination OP P]` (the destination keyword may be left out), `icmp [TYPE [CODE]]`,
    /// or `object NAME` (a service object, `service-object` only).
    func serviceSpec(_ c: inout ASAWordCursor, undefined: inout [ASASyntaxError]) throws(ASASyntaxError) -> ASAService {
        let column = c.column
        let word = try c.next("a protocol (ip, tcp, udp, tcp-udp, icmp, a number) or object")
        if word == "object" {
            let name = try c.next("a service object name after object")
            if let s = serviceObjects[name] { return s }
            undefined.append(ASASyntaxError(column: column, message: "object \(name) is not defined"))
            return ASAService()
        }
        guard let parsed = Self.protocols(word) else {
            throw ASASyntaxError(column: column, message: "expected a protocol (ip, tcp, udp, tcp-udp, icmp, a number)")
        }
        guard let protos = parsed else { return ASAService(set: .anyService) }
        var out = ASAService()
        if protos.allSatisfy({ [IPProtocol.icmp, IPProtocol.icmpv6].contains($0) }) {
            out.set = protos.reduce(ServiceSet()) { $0.union(.proto($1)) }
            if let type = c.peek, ASANames.isICMPType(type) {
                c.index += 1
                if let code = c.peek, UInt8(code) != nil { c.index += 1 }
                out.unevaluated.append("icmp-type \(type)")
            }
            return out
        }
        var destination: [ClosedRange<UInt16>]?
        while !c.atEnd {
            if c.take("source") {
                let before = c.index
                guard try portRanges(&c) != nil else { throw c.fail("expected eq, neq, lt, gt or range after source") }
                out.unevaluated.append("source port " + (before..<c.index).map { c.line.words[$0].text }.joined(separator: " "))
            } else {
                _ = c.take("destination")
                guard let r = try portRanges(&c) else { throw c.fail("expected source, destination, eq, neq, lt, gt or range") }
                destination = r
            }
        }
        let portable = protos.allSatisfy { [IPProtocol.tcp, IPProtocol.udp, IPProtocol.sctp].contains($0) }
        out.set = portable ? Self.services(protos, destination ?? [0...65535])
            : protos.reduce(ServiceSet()) { $0.union(.proto($1)) }
        return out
    }
}
