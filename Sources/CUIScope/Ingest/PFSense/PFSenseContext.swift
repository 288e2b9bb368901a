/// State shared by the pfSense/OPNsense readers while one `config.xml` is parsed: the
/// diagnostics and whether problems stop the run (default) or skip the object (`--lenient`).
struct PFSenseContext {
    var log = DiagnosticLog()
    let lenient: Bool
    /// `pfsense` or `opnsense`: a few defaults differ between the two products.
    let vendor: String
    /// Rules or objects skipped because of a problem (only in lenient mode).
    var skipped = 0
    /// Problems recorded so far, so that a reader can tell whether the object it reads had one.
    private(set) var problems = 0

    /// Records a problem with the input: an error (the run stops, exit 2) unless lenient, when
    /// it is a warning and the caller skips the object.
    mutating func problem(_ location: SourceLocation, _ message: String) {
        problems += 1
        if lenient { log.warning(location, message) } else { log.error(location, message) }
    }

    /// Counts a problem already reported (a broken alias used again) without repeating it.
    mutating func repeatProblem() { problems += 1 }

    /// Records something the reader does not model (it is kept visible, never dropped silently).
    mutating func unsupported(_ location: SourceLocation, _ message: String) {
        log.warning(location, message)
    }
}

/// Which address family a run-time value (DHCP address, track6 prefix, FQDN) belongs to, so
/// that an `inet` rule does not inherit the unknown IPv6 prefix of its interface.
enum PFFamily: Sendable {
    case v4, v6, both

    func overlaps(_ other: PFFamily) -> Bool {
        self == .both || other == .both || self == other
    }
}

/// An address set being resolved, with the parts only known at run time (and why).
struct PFAddresses {
    var set = AddressSet()
    var unresolved: [(text: String, family: PFFamily)] = []

    static var full: PFAddresses { PFAddresses(set: .full) }

    init(set: AddressSet = AddressSet(), unresolved: [(text: String, family: PFFamily)] = []) {
        self.set = set
        self.unresolved = unresolved
    }

    mutating func formUnion(_ other: PFAddresses) {
        set = set.union(other.set)
        for u in other.unresolved where !unresolved.contains(where: { $0.text == u.text }) { unresolved.append(u) }
    }

    /// The unresolved parts that matter to a rule restricted to `family`.
    func unresolvedTexts(for family: PFFamily) -> [String] {
        unresolved.filter { $0.family.overlaps(family) }.map(\.text)
    }
}

extension PFFamily {
    /// The address space of the family: IPv4 (`::ffff:0:0/96`), everything else, or all.
    var addresses: AddressSet {
        switch self {
        case .v4: return .allIPv4
        case .v6: return AddressSet.allIPv4.complement()
        case .both: return .full
        }
    }

    /// The family of an `ipprotocol` value (`inet`, `inet6`, `inet46`); absent means `inet`,
    /// as pfSense's own upgrade code assumes for rules written before IPv6 support.
    static func ipProtocol(_ text: String?) -> PFFamily? {
        switch (text ?? "inet").lowercased() {
        case "inet", "": return .v4
        case "inet6": return .v6
        case "inet46", "any": return .both
        default: return nil
        }
    }
}

extension XMLElement {
    /// A pfSense presence flag (`<disabled/>`, `<blockpriv>on</blockpriv>`): present and not
    /// explicitly `0`/`no`/`off`, as `isset()` in the PHP reads it (OPNsense writes `0` for off).
    func flag(_ name: String) -> Bool {
        guard let el = child(name) else { return false }
        return !["0", "no", "off", "false"].contains(el.text.lowercased())
    }

    /// The trimmed text of a child, nil when the child is absent or empty.
    func nonEmpty(_ name: String) -> String? {
        guard let t = text(of: name), !t.isEmpty else { return nil }
        return t
    }
}
