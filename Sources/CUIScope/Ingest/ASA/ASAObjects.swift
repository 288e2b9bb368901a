/// An address condition being resolved: the set, plus what cannot be known offline.
struct ASAAddresses: Sendable {
    var set = AddressSet()
    var unresolved: [String] = []

    mutating func add(_ other: ASAAddresses) {
        set = set.union(other.set)
        unresolved += other.unresolved
    }
}

/// A service condition being resolved: protocol and destination ports, plus conditions the
/// model does not evaluate (source ports, ICMP types).
struct ASAService: Sendable {
    var set = ServiceSet()
    var unevaluated: [String] = []

    mutating func add(_ other: ASAService) {
        set = set.union(other.set)
        unevaluated += other.unevaluated
    }
}

/// Reports a problem as an error (strict, exit 2) or a warning (`--lenient`, the object is
/// kept as unresolved or the line skipped).
struct ASAProblems {
    let file: String
    let lenient: Bool
    var log = DiagnosticLog()

    mutating func problem(_ line: ASALine, column: Int, _ message: String) {
        let loc = line.location(file, column: column)
        if lenient { log.warning(loc, message) } else { log.error(loc, message) }
    }
}

/// `name`, `object network|service` and `object-group` definitions of one configuration,
/// resolved once so every reference (and every nested group) is judged the same way
/// (docs/FORMATS.md, Cisco ASA).
struct ASAObjects {
    /// `name IP NAME`: a name usable wherever an address is.
    var names: [String: IPAddress] = [:]
    var networkObjects: [String: ASAAddresses] = [:]
    var serviceObjects: [String: ASAService] = [:]
    var networkGroups: [String: ASAAddresses] = [:]
    /// Typed service groups (`object-group service NAME tcp|udp|tcp-udp`): their protocols and
    /// `port-object` ranges.
    var portGroups: [String: (protocols: [UInt8], ranges: [ClosedRange<UInt16>])] = [:]
    /// Typeless service groups (`service-object` members).
    var serviceGroups: [String: ASAService] = [:]
    var protocolGroups: [String: ASAService] = [:]
    var icmpGroups: [String: [String]] = [:]
    /// Interface name → its own addresses (the `interface NAME` address form).
    var interfaceAddresses: [String: ASAAddresses] = [:]
    let hosts: [String: [IPAddress]]

    init(hosts: [String: [IPAddress]]) { self.hosts = hosts }

    /// An address written as an IP or as a `name`.
    func ip(_ word: String) -> IPAddress? { IPAddress(word) ?? names[word] }

    /// Whether `name` is any kind of object-group.
    func isGroup(_ name: String) -> Bool {
        networkGroups[name] != nil || portGroups[name] != nil || serviceGroups[name] != nil
            || protocolGroups[name] != nil || icmpGroups[name] != nil
    }
}
