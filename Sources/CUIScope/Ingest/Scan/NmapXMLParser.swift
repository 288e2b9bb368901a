import Foundation

/// Reads `nmap -oX` XML (docs/FORMATS.md, nmap XML) into a ``HostScan``: one `<host>` at a time
/// through ``XMLReader/stream(_:displayName:select:skipNames:handle:)``, so memory follows the
/// largest host, not the file. Everything outside `<host>` (scan info, `<hosthint>`, pre- and
/// post-scripts, run statistics) is skipped unread, and so are script output and traces inside.
///
/// Kept: hosts whose `<status state>` is `up` and that have an IPv4 or IPv6 address. Down hosts
/// (listed with `-v`) and live hosts known only by their MAC are counted, the latter also listed
/// (docs/DECISIONS.md 135). A host with an unreadable address or port is an error naming its
/// place, or with `--lenient` skipped and listed.
public enum NmapXMLParser {
    /// The document element of an nmap XML file.
    public static let rootName = "nmaprun"

    /// Subtrees inside `<host>` that no field comes from: script output can be megabytes.
    static let skippedInHost: Set<String> = [
        "script", "hostscript", "trace", "times", "osfingerprint", "uptime", "distance", "tcpsequence",
        "ipidsequence", "tcptssequence", "portused", "osclass", "cpe", "smurf", "extrareasons",
    ]

    /// Reads one scan file.
    /// - Throws: ``InputError`` when the file is not nmap XML, is malformed, or (without
    ///   `lenient`) holds a host that cannot be read.
    public static func read(path: String, displayName: String? = nil, lenient: Bool = false) throws(InputError)
        -> HostScan
    {
        let file = displayName ?? path
        let root = try XMLReader.rootElement(path, displayName: file)
        guard let root, root.name == rootName else {
            throw InputError(root?.location ?? SourceLocation(file: file, line: 1),
                             "expected root element <\(rootName)> (nmap -oX output)"
                                + (root.map { ", found <\($0.name)>" } ?? ""))
        }
        var scan = HostScan(source: file)
        var counts = Counts()
        var log = DiagnosticLog()
        try XMLReader.stream(path, displayName: file, select: { names in
            if names.count == 1 { return .descend }
            return names.count == 2 && names[1] == "host" ? .record : .skip
        }, skipNames: skippedInHost) { el in
            var problems: [Diagnostic] = []
            let host = Self.host(el, counts: &counts, problems: &problems)
            if !problems.isEmpty {
                if lenient {
                    scan.skipped += problems.map { .error($0.location, $0.message + "; host skipped") }
                    counts.skipped += 1
                } else {
                    log.append(contentsOf: problems)
                }
                return
            }
            if let host { scan.hosts.append(host) }
        }
        try log.throwIfErrors()
        scan.skipped += counts.withoutAddress
        scan.counts = counts.dictionary
        return scan
    }

    /// What one file's hosts and ports add up to, for the report's inputs section.
    struct Counts {
        var up = 0, down = 0, skipped = 0, open = 0, notOpen = 0
        var withoutAddress: [Diagnostic] = []

        var dictionary: [String: Int] {
            var d = ["hosts up": up, "hosts down": down, "hosts without address": withoutAddress.count,
                     "open ports": open, "ports not open": notOpen]
            if skipped > 0 { d["hosts skipped"] = skipped }
            return d
        }
    }

    /// One `<host>`: nil when it is down or has no IP address (counted), else the host; problems
    /// with its content go to `problems`.
    static func host(_ el: XMLElement, counts: inout Counts, problems: inout [Diagnostic]) -> ScannedHost? {
        guard let status = el.child("status") else {
            problems.append(.error(el.location, "<host> without <status>: expected <status state=\"up\"> or \"down\""))
            return nil
        }
        guard status.attribute("state") == "up" else {
            counts.down += 1
            return nil
        }
        var host = ScannedHost(addresses: [], location: el.location)
        for a in el.children("address") { address(a, into: &host, problems: &problems) }
        var seen = Set<String>()
        for h in el.all("hostnames/hostname") {
            if let name = h.attribute("name")?.trimmedWhitespaceAndNewlines, !name.isEmpty, seen.insert(name).inserted {
                host.hostnames.append(name)
            }
        }
        for p in el.all("ports/port") {
            if let port = port(p, counts: &counts, problems: &problems) { host.openPorts.append(port) }
        }
        host.os = bestOS(el.all("os/osmatch"))
        guard problems.isEmpty else { return nil }
        counts.up += 1
        if host.addresses.isEmpty {
            counts.withoutAddress.append(.warning(el.location, "live host without an IPv4 or IPv6 address"
                + (host.mac.map { " (MAC \($0))" } ?? "") + ": not matched to the inventory; host skipped"))
            return nil
        }
        return host
    }

    /// An `<address addr addrtype>`: IPv4, IPv6 or MAC (with its vendor).
    static func address(_ a: XMLElement, into host: inout ScannedHost, problems: inout [Diagnostic]) {
        let text = a.attribute("addr")?.trimmedWhitespaceAndNewlines ?? ""
        switch a.attribute("addrtype") ?? "ipv4" {
        case "ipv4", "ipv6":
            guard let ip = IPAddress(text) else {
                problems.append(.error(a.location, "<address addr> is not an IPv4 or IPv6 address"))
                return
            }
            if !host.addresses.contains(ip) { host.addresses.append(ip) }
        case "mac":
            if host.mac == nil, !text.isEmpty {
                host.mac = text.uppercased()
                host.macVendor = a.attribute("vendor").flatMap { $0.isEmpty ? nil : $0 }
            }
        default:
            break  // nmap writes no other type; an unknown one carries nothing to match on
        }
    }

    /// A `<port protocol portid>` with its `<state>` and `<service>`: the open port, or nil when
    /// the port is not open (counted) or unreadable (a problem).
    static func port(_ p: XMLElement, counts: inout Counts, problems: inout [Diagnostic]) -> OpenPort? {
        let protoText = p.attribute("protocol") ?? ""
        if protoText == "ip" {  // an IP protocol scan (-sO): portid is a protocol number, no listener
            counts.notOpen += 1
            return nil
        }
        guard let proto = ["tcp": IPProtocol.tcp, "udp": IPProtocol.udp, "sctp": IPProtocol.sctp][protoText] else {
            problems.append(.error(p.location, "<port protocol> must be tcp, udp, sctp or ip"))
            return nil
        }
        guard let number = p.attribute("portid").flatMap({ UInt16($0) }) else {
            problems.append(.error(p.location, "<port portid> must be a port number 0-65535"))
            return nil
        }
        guard let state = p.child("state")?.attribute("state") else {
            problems.append(.error(p.location, "<port> without <state state>"))
            return nil
        }
        guard state == "open" else {
            counts.notOpen += 1
            return nil
        }
        counts.open += 1
        let service = p.child("service")
        func value(_ name: String) -> String? {
            service?.attribute(name).map(\.trimmedWhitespaceAndNewlines).flatMap { $0.isEmpty ? nil : $0 }
        }
        return OpenPort(proto: proto, port: number, service: value("name"), product: value("product"),
                        version: value("version"), location: p.location)
    }

    /// The most accurate `<osmatch>`, the first of equals (nmap lists them best first).
    static func bestOS(_ matches: [XMLElement]) -> OSGuess? {
        var best: OSGuess?
        for m in matches {
            guard let name = m.attribute("name"), !name.isEmpty else { continue }
            let accuracy = m.attribute("accuracy").flatMap { Int($0) } ?? 0
            if best == nil || accuracy > best!.accuracy { best = OSGuess(name: name, accuracy: accuracy) }
        }
        return best
    }
}
