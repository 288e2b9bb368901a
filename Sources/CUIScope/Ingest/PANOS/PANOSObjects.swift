/// The objects one PAN-OS namespace level defines: a vsys, a Panorama device group, or
/// `shared`, linked to the level searched next (vsys → shared; DG → parent DG → shared).
struct PANOSObjectScope {
    /// What an `address/entry` holds.
    enum AddressValue {
        /// `ip-netmask`, `ip-range` or `ip-wildcard`, as the set it denotes.
        case set(AddressSet)
        /// `fqdn`: resolved only through the user's hosts mapping.
        case fqdn(String)
        /// An entry with no type element the reader understands (reported when loaded).
        case unsupported(String)
    }

    struct Address {
        var name: String
        var value: AddressValue
        var tags: Set<String>
        var location: SourceLocation
    }

    struct AddressGroup {
        enum Kind {
            case members([(name: String, location: SourceLocation)])
            case dynamic(PANOSDynamicGroupFilter?, location: SourceLocation)
            case unsupported
        }
        var name: String
        var kind: Kind
        var location: SourceLocation
    }

    struct Service {
        var name: String
        /// Nil when the protocol or port list could not be read (reported when loaded).
        var services: ServiceSet?
        /// Conditions the service set cannot carry (source ports), for the rule's notes.
        var notes: [String]
        var location: SourceLocation
    }

    struct ServiceGroup {
        var name: String
        var members: [(name: String, location: SourceLocation)]
        var location: SourceLocation
    }

    var name: String
    var parent: Int?
    var addresses: [String: Address] = [:]
    /// Tagged addresses in document order, so dynamic-group membership is deterministic.
    var addressOrder: [String] = []
    var groups: [String: AddressGroup] = [:]
    var services: [String: Service] = [:]
    var serviceGroups: [String: ServiceGroup] = [:]
    var externalLists: [String: SourceLocation] = [:]
    /// Custom regions (`region/entry/address/member`).
    var regions: [String: AddressSet] = [:]
    /// Custom applications with their default services (nil = no port-based default).
    var applications: [String: ServiceSet?] = [:]
    var applicationGroups: [String: [String]] = [:]
    var fqdnObjects = 0
    var dynamicGroups = 0

    init(name: String, parent: Int?) {
        self.name = name
        self.parent = parent
    }

    /// Reads the object lists under `containers` (a vsys entry, a DG entry, `/config/shared`;
    /// several when an export repeats an entry, as iron-skillet's merged snippets do).
    static func load(name: String, parent: Int?, from containers: [XMLElement], log: inout DiagnosticLog)
        -> PANOSObjectScope
    {
        var scope = PANOSObjectScope(name: name, parent: parent)
        for container in containers {
            for e in PANOSXML.entries(container, "address") { scope.addAddress(e, log: &log) }
            for e in PANOSXML.entries(container, "address-group") { scope.addGroup(e, log: &log) }
            for e in PANOSXML.entries(container, "service") { scope.addService(e, log: &log) }
            for e in PANOSXML.entries(container, "service-group") {
                let members = (e.child("members")?.children("member") ?? []).map { ($0.text, $0.location) }
                scope.serviceGroups[PANOSXML.name(e)] = ServiceGroup(
                    name: PANOSXML.name(e), members: members, location: e.location)
            }
            for e in PANOSXML.entries(container, "external-list") { scope.externalLists[PANOSXML.name(e)] = e.location }
            for e in PANOSXML.entries(container, "region") {
                var set = AddressSet()
                for m in e.child("address")?.children("member") ?? [] {
                    if let s = AddressSet.parse(m.text) {
                        set = set.union(s)
                    } else {
                        log.error(m.location, "region address <member> is not an IP address, prefix or range")
                    }
                }
                scope.regions[PANOSXML.name(e)] = set
            }
            for e in PANOSXML.entries(container, "application") { scope.addApplication(e) }
            for e in PANOSXML.entries(container, "application-group") {
                scope.applicationGroups[PANOSXML.name(e)] = e.members("members")
            }
        }
        return scope
    }

    private static let addressMetadata: Set<String> = ["description", "tag", "disable-override"]

    private mutating func addAddress(_ e: XMLElement, log: inout DiagnosticLog) {
        let name = PANOSXML.name(e)
        var value: AddressValue?
        for child in e.children where !Self.addressMetadata.contains(child.name) {
            switch child.name {
            case "ip-netmask", "ip-range":
                if let s = AddressSet.parse(child.text) {
                    value = .set(s)
                } else {
                    log.error(child.location, "address '\(name)': <\(child.name)> is not a valid address, prefix or range")
                    value = .unsupported("invalid <\(child.name)>")
                }
            case "ip-wildcard":
                if let s = Self.wildcard(child.text) {
                    value = .set(s)
                } else {
                    log.warning(child.location, "address '\(name)': <ip-wildcard> not expanded (invalid or too many ranges); treated as unresolved")
                    value = .unsupported("ip-wildcard not expanded")
                }
            case "fqdn":
                value = .fqdn(child.text)
                fqdnObjects += 1
            default:
                log.warning(child.location, "address '\(name)': unsupported element <\(child.name)>; treated as unresolved")
                value = .unsupported("unsupported <\(child.name)>")
            }
        }
        if value == nil {
            log.warning(e.location, "address '\(name)' has no ip-netmask, ip-range, ip-wildcard or fqdn; treated as unresolved")
        }
        if addresses[name] != nil {
            log.warning(e.location, "address '\(name)' is defined twice in \(self.name); the later definition is used")
        } else {
            addressOrder.append(name)
        }
        addresses[name] = Address(name: name, value: value ?? .unsupported("no address value"),
                                  tags: Set(e.members("tag")), location: e.location)
    }

    private mutating func addGroup(_ e: XMLElement, log: inout DiagnosticLog) {
        let name = PANOSXML.name(e)
        let kind: AddressGroup.Kind
        if let st = e.child("static") {
            kind = .members(st.children("member").map { ($0.text, $0.location) })
        } else if let dyn = e.child("dynamic") {
            dynamicGroups += 1
            let filterElement = dyn.child("filter")
            let text = filterElement?.text ?? ""
            let location = filterElement?.location ?? dyn.location
            do {
                kind = .dynamic(try PANOSDynamicGroupFilter.parse(text), location: location)
            } catch {
                log.warning(location, "address-group '\(name)': dynamic <filter> not understood (\(error.message)); group treated as unresolved")
                kind = .dynamic(nil, location: location)
            }
        } else {
            log.warning(e.location, "address-group '\(name)' has neither <static> nor <dynamic>; treated as unresolved")
            kind = .unsupported
        }
        if groups[name] != nil {
            log.warning(e.location, "address-group '\(name)' is defined twice in \(self.name); the later definition is used")
        }
        groups[name] = AddressGroup(name: name, kind: kind, location: e.location)
    }

    private mutating func addService(_ e: XMLElement, log: inout DiagnosticLog) {
        let name = PANOSXML.name(e)
        var set = ServiceSet()
        var notes: [String] = []
        var ok = true
        let protocols = e.child("protocol")?.children ?? []
        if protocols.isEmpty {
            log.error(e.location, "service '\(name)' has no <protocol>/<tcp|udp|sctp>")
            ok = false
        }
        for p in protocols {
            guard let proto = IPProtocol.number(p.name), ["tcp", "udp", "sctp"].contains(p.name) else {
                log.error(p.location, "service '\(name)': unsupported protocol element <\(p.name)>; expected tcp, udp or sctp")
                ok = false
                continue
            }
            guard let portText = p.text(of: "port"), let ranges = ServiceSet.parsePortList(portText) else {
                log.error(p.location, "service '\(name)': <port> missing or not a port list such as 80,443,8000-8080")
                ok = false
                continue
            }
            for r in ranges { set = set.union(.ports(proto, r.lowerBound, r.upperBound)) }
            if let src = p.text(of: "source-port"), !src.isEmpty {
                notes.append("service '\(name)' also requires source port \(src) (not evaluated; destination ports only)")
            }
        }
        if services[name] != nil {
            log.warning(e.location, "service '\(name)' is defined twice in \(self.name); the later definition is used")
        }
        services[name] = Service(name: name, services: ok ? set : nil, notes: notes, location: e.location)
    }

    /// Custom application: `default/port/member` (`tcp/8080,8443`), `ident-by-ip-protocol`,
    /// `ident-by-icmp-type`; anything else leaves its ports unknown.
    private mutating func addApplication(_ e: XMLElement) {
        let name = PANOSXML.name(e)
        guard let def = e.child("default") else {
            applications[name] = .some(nil)
            return
        }
        var set = ServiceSet()
        var known = false
        for m in def.child("port")?.children("member") ?? [] {
            guard let s = ServiceSet.parse(m.text) else {
                applications[name] = .some(nil)
                return
            }
            set = set.union(s)
            known = true
        }
        if let proto = def.path("ident-by-ip-protocol")?.text, let n = UInt8(proto) {
            set = set.union(.proto(n))
            known = true
        }
        if def.child("ident-by-icmp-type") != nil { set = set.union(.proto(IPProtocol.icmp)); known = true }
        if def.child("ident-by-icmp6-type") != nil { set = set.union(.proto(IPProtocol.icmpv6)); known = true }
        applications[name] = known ? set : nil
    }

    /// Expands an IPv4 wildcard (`10.1.0.5/0.0.255.0`: bits set in the mask are "don't care")
    /// into intervals; nil when invalid or when the expansion would exceed 4096 intervals.
    static func wildcard(_ text: String) -> AddressSet? {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let base = IPAddress(parts[0]), base.isIPv4,
            let maskAddress = IPAddress(parts[1]), maskAddress.isIPv4
        else { return nil }
        let mask = UInt32(truncatingIfNeeded: maskAddress.value)
        let b = UInt32(truncatingIfNeeded: base.value) & ~mask
        // Trailing don't-care bits form each interval; the other don't-care bits multiply them.
        let trailing = (~mask).trailingZeroBitCount
        let blockSize: UInt64 = trailing >= 32 ? 1 << 32 : UInt64(1) << UInt64(trailing)
        let upperMask = trailing >= 32 ? 0 : mask & ~UInt32(truncatingIfNeeded: blockSize - 1)
        let freeBits = (0..<32).filter { upperMask & (1 << UInt32($0)) != 0 }
        guard freeBits.count <= 12 else { return nil }
        var intervals: [AddressSet.Interval] = []
        for combo in 0..<(1 << freeBits.count) {
            var v = b
            for (i, bit) in freeBits.enumerated() where combo & (1 << i) != 0 { v |= 1 << UInt32(bit) }
            let lo = IPAddress(v4: v).value
            intervals.append(AddressSet.Interval(lo, lo + UInt128(blockSize) - 1))
        }
        return AddressSet(intervals)
    }
}

/// Small readers for the PAN-OS XML shapes (`entry[@name]` lists, `yes`/`no` flags).
enum PANOSXML {
    /// The `name` attribute of an entry (empty when absent).
    static func name(_ e: XMLElement) -> String { e.attribute("name") ?? "" }

    /// `container/list/entry` elements in document order.
    static func entries(_ container: XMLElement, _ list: String) -> [XMLElement] {
        container.child(list)?.children("entry") ?? []
    }

    /// Entries grouped by name in first-appearance order: exports built from merged snippets
    /// (iron-skillet) repeat an entry, and PAN-OS merges the repeats.
    static func mergedEntries(_ elements: [XMLElement]) -> [(name: String, elements: [XMLElement])] {
        var order: [String] = []
        var byName: [String: [XMLElement]] = [:]
        for e in elements {
            let n = name(e)
            if byName[n] == nil { order.append(n) }
            byName[n, default: []].append(e)
        }
        return order.map { ($0, byName[$0] ?? []) }
    }

    /// `yes` → true; absent or `no` → false.
    static func flag(_ e: XMLElement, _ child: String) -> Bool {
        e.text(of: child)?.lowercased() == "yes"
    }
}
