/// One port a network scan found open on a host: what listens there, as the scanner named it.
/// Only `open` ports are kept (docs/DECISIONS.md 135): `closed`, `filtered` and `open|filtered`
/// prove no listener and are counted per file instead.
public struct OpenPort: Sendable, Hashable, Comparable {
    public var proto: UInt8
    public var port: UInt16
    /// The scanner's service name (`microsoft-ds`, `ssh`), when it gave one.
    public var service: String?
    public var product: String?
    public var version: String?
    /// The `<port>` element of the scan.
    public var location: SourceLocation

    public init(proto: UInt8, port: UInt16, service: String? = nil, product: String? = nil, version: String? = nil,
                location: SourceLocation) {
        self.proto = proto
        self.port = port
        self.service = service
        self.product = product
        self.version = version
        self.location = location
    }

    /// `tcp/445`.
    public var serviceKey: String { "\(IPProtocol.name(proto))/\(port)" }

    /// `tcp/445 microsoft-ds (Samba smbd 4.6.2)`: the port, then what the scanner saw on it.
    public var text: String {
        var s = serviceKey
        if let service { s += " \(service)" }
        let detail = [product, version].compactMap { $0 }.joined(separator: " ")
        if !detail.isEmpty { s += " (\(detail))" }
        return s
    }

    public static func < (a: OpenPort, b: OpenPort) -> Bool { (a.proto, a.port, a.location) < (b.proto, b.port, b.location) }
}

/// The operating system a scan guessed for a host: its best match.
public struct OSGuess: Sendable, Hashable {
    public var name: String
    /// The scanner's confidence, 0–100.
    public var accuracy: Int

    public init(name: String, accuracy: Int) {
        self.name = name
        self.accuracy = accuracy
    }
}

/// One live host of a network scan: its addresses, names, open ports and OS guess, with the
/// place of its `<host>` element as the evidence an assessor opens.
public struct ScannedHost: Sendable, Hashable {
    /// IPv4 and IPv6 addresses, in file order.
    public var addresses: [IPAddress]
    /// The hardware address, upper case, when the scanner was on the host's segment.
    public var mac: String?
    /// The NIC vendor the scanner derived from the MAC.
    public var macVendor: String?
    /// Host names (user-given and PTR), each once, in file order.
    public var hostnames: [String]
    public var openPorts: [OpenPort]
    public var os: OSGuess?
    public var location: SourceLocation

    public init(addresses: [IPAddress], mac: String? = nil, macVendor: String? = nil, hostnames: [String] = [],
                openPorts: [OpenPort] = [], os: OSGuess? = nil, location: SourceLocation) {
        self.addresses = addresses
        self.mac = mac
        self.macVendor = macVendor
        self.hostnames = hostnames
        self.openPorts = openPorts
        self.os = os
        self.location = location
    }

    /// One line for evidence: addresses, MAC with vendor, names, OS and the open ports.
    public var summary: String {
        var s = addresses.map(\.description).joined(separator: " ")
        if let mac { s += " MAC \(mac)" + (macVendor.map { " (\($0))" } ?? "") }
        if !hostnames.isEmpty { s += ", names \(hostnames.joined(separator: " "))" }
        if let os { s += ", OS \(os.name) (\(os.accuracy)%)" }
        s += openPorts.isEmpty ? ", no open port" : ", open: " + openPorts.map(\.text).joined(separator: ", ")
        return s
    }
}

/// One scan file as read: the live hosts with an address, and what was left out.
public struct HostScan: Sendable {
    public var hosts: [ScannedHost]
    /// Hosts that could not be used (with `--lenient`) and live hosts without an IP address,
    /// each with the place of its `<host>`.
    public var skipped: [Diagnostic]
    public var source: String
    /// The reader that understood the file (`nmap`).
    public var format: String
    /// Per-file counts for the report: hosts up, down, without address; open and other ports.
    public var counts: [String: Int]

    public init(hosts: [ScannedHost] = [], skipped: [Diagnostic] = [], source: String, format: String = "nmap",
                counts: [String: Int] = [:]) {
        self.hosts = hosts
        self.skipped = skipped
        self.source = source
        self.format = format
        self.counts = counts
    }
}
