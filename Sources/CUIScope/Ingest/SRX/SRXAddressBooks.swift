/// SRX address books resolved to address sets (docs/FORMATS.md, Juniper SRX).
///
/// A zone-pair policy resolves its source addresses in the from-zone's books and its destination
/// addresses in the to-zone's, then in the global book; a global policy uses the global book
/// only. A zone's books are those attached to it (`address-book B attach zone Z`) and the legacy
/// book under the zone itself (`security-zone Z address-book`).
struct SRXAddressBooks {
    /// Book name → its node (`address`, `address-set` children).
    private var books: [String: JunosNode] = [:]
    /// Zone → names of its books, in reading order.
    private var zoneBooks: [String: [String]] = [:]
    let hosts: [String: [IPAddress]]

    /// One resolution: the set, the names that cannot be resolved offline (with why), and the
    /// names defined nowhere.
    struct Resolved {
        var set = AddressSet()
        var unresolved: [String] = []
        var undefined: [String] = []
    }

    init(security: JunosNode?, hosts: [String: [IPAddress]]) {
        self.hosts = hosts
        for book in security?.child("address-book")?.active ?? [] {
            books[book.word] = book
            for zone in book.child("attach")?.child("zone")?.active ?? [] {
                zoneBooks[zone.word, default: []].append(book.word)
            }
        }
        for zone in security?.path("zones security-zone")?.active ?? [] {
            if let legacy = zone.child("address-book"), !legacy.inactive {
                let key = "zone \(zone.word)"
                books[key] = legacy
                zoneBooks[zone.word, default: []].append(key)
            }
        }
    }

    /// Resolves names as seen from `zone` (nil: the global book only).
    func resolve(_ names: [String], zone: String?) -> Resolved {
        var out = Resolved()
        let search = (zone.map { zoneBooks[$0] ?? [] } ?? []) + ["global"]
        for name in names {
            switch name {
            case "any": out.set = .full; continue
            case "any-ipv4": out.set = out.set.union(.allIPv4); continue
            case "any-ipv6": out.set = out.set.union(AddressSet.allIPv4.complement()); continue
            default: break
            }
            guard let (book, entry, isSet) = lookup(name, in: search) else { out.undefined.append(name); continue }
            if isSet {
                let inner = resolveSet(entry, book: book, search: search, depth: 0)
                out.set = out.set.union(inner.set)
                out.unresolved += inner.unresolved
                out.undefined += inner.undefined
            } else {
                add(entry, into: &out)
            }
        }
        return out
    }

    /// The first book in `search` that defines `name` as an address or an address-set.
    private func lookup(_ name: String, in search: [String]) -> (String, JunosNode, Bool)? {
        for b in search {
            guard let book = books[b] else { continue }
            if let a = book.child("address")?.child(name), !a.inactive { return (b, a, false) }
            if let s = book.child("address-set")?.child(name), !s.inactive { return (b, s, true) }
        }
        return nil
    }

    /// An `address-set`: its `address` and nested `address-set` members.
    private func resolveSet(_ set: JunosNode, book: String, search: [String], depth: Int) -> Resolved {
        var out = Resolved()
        guard depth < 16 else { out.unresolved.append("\(set.word) (address-set nesting deeper than 16)"); return out }
        let members = (set.child("address")?.active ?? []).map(\.word)
        for m in members {
            guard let (_, entry, isSet) = lookup(m, in: [book] + search), !isSet else { out.undefined.append(m); continue }
            add(entry, into: &out)
        }
        for nested in set.child("address-set")?.active ?? [] {
            guard let (b, entry, isSet) = lookup(nested.word, in: [book] + search), isSet else {
                out.undefined.append(nested.word)
                continue
            }
            let inner = resolveSet(entry, book: b, search: search, depth: depth + 1)
            out.set = out.set.union(inner.set)
            out.unresolved += inner.unresolved
            out.undefined += inner.undefined
        }
        return out
    }

    /// One `address` entry: a prefix (`address N 10.0.0.0/8`, XML `ip-prefix`), `range-address
    /// A to B`, `wildcard-address A/MASK` or `dns-name D` (resolved only through the hosts mapping).
    private func add(_ entry: JunosNode, into out: inout Resolved) {
        for value in entry.active {
            switch value.word {
            case "description": continue
            case "ip-prefix":
                if let p = value.active.first.flatMap({ AddressSet.parse($0.word) }) { out.set = out.set.union(p) }
            case "range-address":
                guard let low = value.active.first, let high = Self.rangeHigh(low),
                      let set = AddressSet.parse("\(low.word)-\(high)") else {
                    out.unresolved.append("\(entry.word) (range-address without a valid 'to')")
                    continue
                }
                out.set = out.set.union(set)
            case "wildcard-address":
                guard let text = value.active.first?.word, let set = Self.wildcard(text) else {
                    out.unresolved.append("\(entry.word) (wildcard-address with too many non-contiguous mask bits)")
                    continue
                }
                out.set = out.set.union(set)
            case "dns-name":
                let host = value.active.first?.word ?? ""
                if let addrs = hosts[host] ?? hosts[host.lowercased()], !addrs.isEmpty {
                    for a in addrs { out.set = out.set.union(.host(a)) }
                } else {
                    out.unresolved.append("\(entry.word) (dns-name \(host), not in the hosts mapping; never looked up)")
                }
            default:
                if let p = AddressSet.parse(value.word) { out.set = out.set.union(p) } else {
                    out.unresolved.append("\(entry.word) (\(value.word) is not read)")
                }
            }
        }
    }

    /// The high end of `range-address LOW to HIGH` (set) or `to range-high HIGH` (XML).
    static func rangeHigh(_ low: JunosNode) -> String? {
        guard let to = low.child("to") else { return nil }
        if let h = to.child("range-high") { return h.active.first?.word }
        return to.active.first?.word
    }

    /// `A/MASK` with a possibly non-contiguous IPv4 mask: every address whose masked bits equal
    /// A's. Exact as intervals when at most 12 mask zero bits lie above the lowest one bit;
    /// nil (unresolved) beyond that.
    static func wildcard(_ text: String) -> AddressSet? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let a = IPAddress(parts[0]), a.isIPv4 else { return nil }
        if Int(parts[1]) != nil { return AddressSet.parse(text) }
        guard let m = IPAddress(parts[1]), m.isIPv4 else { return nil }
        let mask = UInt32(truncatingIfNeeded: m.value), base = UInt32(truncatingIfNeeded: a.value) & mask
        let block = mask == 0 ? 32 : mask.trailingZeroBitCount
        let upperMask = block == 32 ? UInt32(0) : mask | ((UInt32(1) << block) - 1)
        let freeBits = (0..<32).filter { $0 >= block && upperMask & (UInt32(1) << $0) == 0 }
        guard freeBits.count <= 12 else { return nil }
        let size = block == 32 ? UInt32.max : (UInt32(1) << block) - 1
        var set = AddressSet()
        for combo in 0..<(1 << freeBits.count) {
            var low = base
            for (i, bit) in freeBits.enumerated() where combo & (1 << i) != 0 { low |= UInt32(1) << bit }
            set = set.union(AddressSet(lower: IPAddress(v4: low).value, upper: IPAddress(v4: low | size).value))
        }
        return set
    }
}
