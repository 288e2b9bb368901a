import Foundation
import Yams

/// Reads the `--scope` YAML file (docs/FORMATS.md, Scope file; `schemas/scope.schema.json`) into
/// a ``ScopeConfig``. The document is composed into Yams nodes (``YAMLNodes``) rather than
/// decoded, so every error names file:line:column of the offending value.
public enum ScopeFileParser {
    static let topLevelKeys = ["organisation", "organization", "level", "zones", "enclave", "protocol_allowlist",
                               "waivers", "policy"]
    static let allowlistKeys = ["proto", "port", "to", "reason"]

    /// Reads and checks a scope file, reporting every problem at once.
    /// - Parameter displayName: the name to report instead of `path`.
    /// - Throws: ``InputError`` for unreadable files, YAML syntax errors, unknown keys and
    ///   invalid values (level, CIDRs, ports, missing reasons).
    public static func read(path: String, displayName: String?) throws(InputError) -> ScopeConfig {
        let file = displayName ?? path
        let root = try YAMLNodes.compose(path: path, file: file, kind: "scope file")
        var parser = ScopeNodeReader(file: file)
        let config = parser.read(root)
        try parser.log.throwIfErrors()
        return config
    }
}

/// Walks the composed YAML, collecting every problem.
private struct ScopeNodeReader {
    let file: String
    var log = DiagnosticLog()

    init(file: String) { self.file = file }

    func location(_ node: Node?) -> SourceLocation { YAMLNodes.location(node, file: file) }

    mutating func read(_ root: Node?) -> ScopeConfig {
        var config = ScopeConfig(location: SourceLocation(file: file, line: 1, column: 1))
        guard let root else { return config }  // an empty file states nothing
        guard let mapping = root.mapping else {
            log.error(location(root), "scope file must be a mapping of keys (organisation, level, zones, …)")
            return config
        }
        var zoneNodes: [(key: Node, value: Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                log.error(location(key), "keys of the scope file must be plain names")
                continue
            }
            switch name {
            case "organisation", "organization":
                if let s = string(value, key: name) { config.organisation = s }
            case "level": config.level = level(value)
            case "zones":
                guard let zones = value.mapping else {
                    if !isNull(value) { log.error(location(value), "'zones' must map zone names to lists of CIDRs") }
                    continue
                }
                zoneNodes = Array(zones)
            case "enclave": config.enclave = Set(stringList(value, key: "enclave", item: "zone name"))
            case "protocol_allowlist": config.protocolAllowlist = allowlist(value)
            case "waivers": config.waivers = WaiversParser.records(value, file: file, log: &log)
            case "policy": config.policy = ZonePolicyParser.entries(value, file: file, log: &log)
            default:
                log.error(location(key), "unknown key '\(name)' in scope file (expected one of "
                    + ScopeFileParser.topLevelKeys.filter { $0 != "organization" }.joined(separator: ", ") + ")")
            }
        }
        for (key, value) in zoneNodes {
            if let zone = zone(key: key, value: value, enclave: config.enclave) { config.zones.append(zone) }
        }
        return config
    }

    func isNull(_ node: Node) -> Bool { YAMLNodes.isNull(node) }

    mutating func string(_ node: Node, key: String) -> String? {
        guard let s = node.scalar?.string, !isNull(node) else {
            log.error(location(node), "'\(key)' must be a text value")
            return nil
        }
        return s
    }

    mutating func level(_ node: Node) -> CMMCLevel? {
        if let n = node.int, let level = CMMCLevel(rawValue: n) { return level }
        log.error(location(node), "'level' must be 1, 2 or 3")
        return nil
    }

    /// A list of scalars, or one scalar standing for a one-item list.
    mutating func stringList(_ node: Node, key: String, item: String) -> [String] {
        if isNull(node) { return [] }
        if let s = node.scalar { return [s.string] }
        guard let seq = node.sequence else {
            log.error(location(node), "'\(key)' must be a list of \(item)s")
            return []
        }
        var out: [String] = []
        for element in seq {
            if let s = element.scalar, !isNull(element) {
                out.append(s.string)
            } else {
                log.error(location(element), "each item of '\(key)' must be a \(item)")
            }
        }
        return out
    }

    mutating func zone(key: Node, value: Node, enclave: Set<String>) -> Zone? {
        guard let name = key.scalar?.string, !name.isEmpty else {
            log.error(location(key), "zone names must be plain text")
            return nil
        }
        var subnets: [Subnet] = []
        let items: [Node]
        if let s = value.sequence {
            items = Array(s)
        } else if value.scalar != nil, !isNull(value) {
            items = [value]
        } else {
            log.error(location(value), "zone '\(name)' must be a list of CIDRs")
            return nil
        }
        for item in items {
            guard let text = item.scalar?.string, let set = AddressSet.parse(text), text.lowercased() != "any" else {
                log.error(location(item), "invalid CIDR in zone '\(name)' (expected e.g. 10.50.1.0/24, a host or a-b range)")
                continue
            }
            subnets.append(Subnet(text: text, addresses: set, location: location(item),
                                  origin: "scope file zone \(name)"))
        }
        return Zone(name: name, subnets: subnets, isEnclave: enclave.contains(name))
    }

    mutating func allowlist(_ node: Node) -> [AllowlistEntry] {
        if isNull(node) { return [] }
        guard let seq = node.sequence else {
            log.error(location(node), "'protocol_allowlist' must be a list of {proto, port, to, reason}")
            return []
        }
        var out: [AllowlistEntry] = []
        for item in seq {
            if let entry = allowlistEntry(item) { out.append(entry) }
        }
        return out
    }

    mutating func allowlistEntry(_ node: Node) -> AllowlistEntry? {
        guard let map = node.mapping else {
            log.error(location(node), "each protocol_allowlist entry must be a mapping {proto, port, to, reason}")
            return nil
        }
        var ok = true
        var proto: (text: String, node: Node)?
        var port: (text: String, node: Node)?
        var to: String?
        var reason: String?
        for (key, value) in map {
            let name = key.scalar?.string ?? ""
            switch name {
            case "proto":
                if let s = value.scalar?.string, !isNull(value) { proto = (s.lowercased(), value) } else {
                    log.error(location(value), "'proto' must be tcp, udp, icmp or a protocol number")
                    ok = false
                }
            case "port":
                if let s = value.scalar?.string, !isNull(value) { port = (s, value) } else {
                    log.error(location(value), "'port' must be a port number or a range such as 8000-8080")
                    ok = false
                }
            case "to":
                if isNull(value) { continue }
                if let s = value.scalar?.string { to = s } else {
                    log.error(location(value), "'to' must be an asset id")
                    ok = false
                }
            case "reason":
                if let s = value.scalar?.string, !isNull(value),
                    !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                {
                    reason = s
                } else {
                    log.error(location(value), "'reason' must be a non-empty justification")
                    ok = false
                }
            default:
                log.error(location(key), "unknown key '\(name)' in protocol_allowlist entry (expected "
                    + ScopeFileParser.allowlistKeys.joined(separator: ", ") + ")")
                ok = false
            }
        }
        if map["reason"] == nil {
            log.error(location(node), "protocol_allowlist entry is missing 'reason' (a written justification is required)")
            ok = false
        }
        guard let proto else {
            if map["proto"] == nil { log.error(location(node), "protocol_allowlist entry is missing 'proto'") }
            return nil
        }
        guard proto.text == "any" || ServiceSet.parse(proto.text) != nil else {
            log.error(location(proto.node), "'proto' must be tcp, udp, icmp or a protocol number")
            return nil
        }
        if proto.text == "any", let port {
            log.error(location(port.node), "a 'port' needs a protocol with ports (tcp, udp or sctp), not 'any'")
            return nil
        }
        let serviceText = port.map { "\(proto.text)/\($0.text)" } ?? proto.text
        guard let services = ServiceSet.parse(serviceText) else {
            log.error(location(port?.node ?? proto.node),
                      "'port' must be a port number 0-65535 or a range such as 8000-8080")
            return nil
        }
        guard ok, let reason else { return nil }
        return AllowlistEntry(services: services, serviceText: serviceText, to: to, reason: reason,
                              location: location(node))
    }
}
