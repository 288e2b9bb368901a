import Foundation

/// Parsers for inventory cell values (from CSV cells, or JSON values through ``cellText(_:)``).
/// Each returns nil (or throws nothing and reports through the caller) for a value it cannot
/// read, so the row builder can name the column and location.
enum InventoryValues {
    /// Splits a list cell on `;`, `,` and whitespace, dropping empty pieces.
    static func addressTokens(_ s: String) -> [Substring] {
        s.split(whereSeparator: { $0 == ";" || $0 == "," || isSpace($0) })
    }

    /// ASCII blanks and line ends: the separators spreadsheets put in cells.
    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" }

    /// Empty or only ASCII blanks and line ends (what ``trim(_:)`` makes empty), without
    /// building a string.
    static func isBlank(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Trims ASCII blanks and line ends. Foundation's `trimmingCharacters` bridges through
    /// NSString and dominated the profile of a 100k-row inventory.
    static func trim(_ text: some StringProtocol) -> String {
        let s = Substring(text)
        let u = s.utf8
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = u.firstIndex(where: { !blank($0) }) else { return "" }
        if first == u.startIndex, let l = u.last, !blank(l) { return String(s) }
        var end = u.endIndex
        while end > first, blank(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(s[first..<end])
    }

    /// A JSON value as cell text: strings as-is, numbers in their JSON spelling (never reformatted,
    /// so ids keep their digits), booleans yes/no, arrays joined by `;`, and objects by the field
    /// that names them (NetBox `{address}`/`{name}`, ServiceNow reference `{link, value}`).
    static func cellText(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let s as String: return trim(s)
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return n.boolValue ? "yes" : "no" }
            return n.stringValue
        case let a as [Any]: return a.map { cellText($0) }.filter { !$0.isEmpty }.joined(separator: ";")
        case let o as [String: Any]:
            for key in ["address", "name", "value", "display_value", "display", "label"] where o[key] != nil {
                return cellText(o[key])
            }
            return ""
        default: return ""
        }
    }

    /// Splits a `;`-list (commas accepted too), trimming each piece.
    static func listTokens(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == ";" || $0 == "," })
            .map { trim($0) }
            .filter { !$0.isEmpty }
    }

    /// One address literal as an asset address.
    ///
    /// A host written in CIDR form (`10.0.254.1/24`, NetBox's interface-address form) is the host
    /// alone: the prefix describes its segment, not more addresses of this asset. A prefix with no
    /// host bits set (`10.20.0.0/24`) is kept whole: an inventory may list a pool or cloud range.
    /// - Parameter cidrIsHost: treat every `a/len` as the host `a` (NetBox IP records, where
    ///   `10.15.22.2/31` is an interface address although its host bits are zero).
    /// `any` is refused: no asset owns every address.
    static func address(_ token: Substring, cidrIsHost: Bool = false) -> AddressSet? {
        guard token.utf8.contains(UInt8(ascii: "/")), let slash = token.firstIndex(of: "/") else {
            // Plain hosts are the common case; skip the general literal parser for them.
            if let host = IPAddress(token) { return .host(host) }
            if token.lowercased() == "any" { return nil }
            return AddressSet.parse(token)
        }
        guard let prefix = AddressSet.parse(token), let host = IPAddress(token[..<slash]) else { return nil }
        if cidrIsHost { return .host(host) }
        let first = prefix.intervals.first?.lower
        return first == host.value ? prefix : .host(host)
    }

    /// yes/no/true/false/1/0/y/n (any case); empty is no.
    static func boolean(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "", "no", "n", "false", "f", "0": return false
        case "yes", "y", "true", "t", "1": return true
        default: return nil
        }
    }

    /// The `cui` column: `none`/`no`/empty, `yes`/`all` (= all three), or `process;store;transmit`.
    static func cui(_ s: String) -> CUIHandling? {
        let lowered = trim(s.lowercased())
        switch lowered {
        case "", "none", "no", "n", "false", "0": return []
        case "yes", "y", "true", "1", "all": return .all
        default: break
        }
        var out: CUIHandling = []
        for token in lowered.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" || isSpace($0) }) {
            switch token {
            case "process", "processes", "p": out.insert(.process)
            case "store", "stores", "s": out.insert(.store)
            case "transmit", "transmits", "t": out.insert(.transmit)
            default: return nil
            }
        }
        return out
    }

    /// A security-function token (`log_collector`, `Log Collector` and `log-collector` are one).
    static func function(_ s: String) -> SecurityFunction? {
        SecurityFunction(rawValue: tokenForm(s))
    }

    /// `kvm-only` or `redirection`; empty is nil (not stated).
    static func vdi(_ s: String) -> VDIMode?? {
        let t = tokenForm(s)
        if t.isEmpty { return .some(nil) }
        switch t {
        case "kvm-only", "kvm", "display-only": return .some(.kvmOnly)
        case "redirection", "redirect", "redirected": return .some(.redirection)
        default: return nil
        }
    }

    /// Lower case with spaces and underscores as hyphens, the form of every enum token.
    static func tokenForm(_ s: String) -> String {
        String(trim(s).lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// The result of reading a `kind` cell: a kind, and whether the word was recognised.
    struct KindReading: Equatable {
        var kind: AssetKind
        var recognised: Bool
    }

    /// Reads the native kind tokens and the words vendor exports use (NetBox roles, ServiceNow
    /// class names, OSCAL asset types, Snipe-IT categories). An unknown word is `other`,
    /// unrecognised: the caller warns, since a missing kind only weakens the analysis.
    static func kind(_ s: String) -> KindReading? {
        var t = tokenForm(s)
        if t.isEmpty { return nil }
        if let k = AssetKind(rawValue: t) { return KindReading(kind: k, recognised: true) }
        if let k = vendorKinds[t] { return KindReading(kind: k, recognised: true) }
        if t.hasSuffix("s"), let k = vendorKinds[String(t.dropLast())] ?? AssetKind(rawValue: String(t.dropLast())) {
            return KindReading(kind: k, recognised: true)
        }
        t = String(t.map { $0 == "-" ? " " : $0 })
        // NetBox roles are free text: "Core Switch", "Edge Router", "Perimeter Firewall".
        if t.contains("firewall") { return KindReading(kind: .firewall, recognised: true) }
        if t.contains("switch") || t.contains("router") { return KindReading(kind: .network, recognised: true) }
        if t.hasSuffix("server") || t.hasSuffix("servers") { return KindReading(kind: .server, recognised: true) }
        if t.contains("printer") { return KindReading(kind: .printer, recognised: true) }
        return KindReading(kind: .other, recognised: false)
    }

    /// Vendor words, in ``tokenForm(_:)``, mapped to kinds.
    static let vendorKinds: [String: AssetKind] = [
        // endpoints
        "workstation": .endpoint, "desktop": .endpoint, "laptop": .endpoint, "notebook": .endpoint,
        "computer": .endpoint, "pc": .endpoint, "tablet": .endpoint, "mobile": .endpoint,
        "mobile-device": .endpoint, "smartphone": .endpoint, "client": .endpoint,
        "cmdb-ci-computer": .endpoint, "cmdb-ci-pc-hardware": .endpoint,
        // servers
        "server": .server, "virtual-machine": .server, "vm": .server, "hypervisor": .server,
        "database": .server, "database-server": .server, "storage-array": .server, "nas": .server,
        "cmdb-ci-server": .server, "cmdb-ci-win-server": .server, "cmdb-ci-linux-server": .server,
        "cmdb-ci-unix-server": .server, "cmdb-ci-esx-server": .server, "cmdb-ci-vm-instance": .server,
        "aws::ec2::instance": .server, "microsoft.compute/virtualmachines": .server,
        // network
        "network": .network, "router": .network, "switch": .network, "access-point": .network,
        "wireless-access-point": .network, "wap": .network, "load-balancer": .network,
        "cmdb-ci-ip-router": .network, "cmdb-ci-ip-switch": .network, "cmdb-ci-netgear": .network,
        // firewalls
        "ngfw": .firewall, "utm": .firewall, "cmdb-ci-ip-firewall": .firewall,
        // printers
        "mfp": .printer, "copier": .printer, "multifunction-printer": .printer, "cmdb-ci-printer": .printer,
        // specialised
        "camera": .iot, "ip-camera": .iot, "internet-of-things": .iot, "industrial-iot": .iiot,
        "plc": .ot, "scada": .ot, "hmi": .ot, "ics": .ot, "operational-technology": .ot,
        "test-equipment": .testEquipment, "oscilloscope": .testEquipment, "spectrum-analyzer": .testEquipment,
        "government-furnished-equipment": .gfe, "restricted-information-system": .restrictedIS,
        "thin-client": .vdiClient, "zero-client": .vdiClient, "vdi": .vdiClient,
        "security": .securityTool, "security-appliance": .securityTool,
        "cloud": .cloudService, "saas": .cloudService, "cloud-service": .cloudService,
        // OSCAL asset types with no closer kind
        "appliance": .other, "other": .other,
    ]

    /// Excel turns long digit strings into `6.37702E+15`; the digits are gone for good.
    static func looksExcelMangled(_ s: String) -> Bool {
        let u = s.uppercased()
        guard let e = u.firstIndex(of: "E") else { return false }
        let mantissa = u[..<e], exponent = u[u.index(after: e)...]
        guard exponent.first == "+", exponent.count > 1, exponent.dropFirst().allSatisfy(\.isASCIIDigit) else {
            return false
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 1, parts[0].allSatisfy(\.isASCIIDigit) else {
            return false
        }
        return parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
