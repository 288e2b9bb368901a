import Yams

/// Reads the scope file's `policy:` list, the intended zone-to-zone matrix:
/// `- {from: corp, to: enclave, action: deny, except: [{proto: tcp, port: 443, to: vdi-host01}]}`.
/// `from`/`to` take a zone name or a list; exceptions take `proto`, `port`, `from`, `to` (asset id
/// or address) and an optional `reason`. Every problem is logged with its file:line:column.
enum ZonePolicyParser {
    static let entryKeys = ["from", "to", "action", "except", "reason"]
    static let exceptionKeys = ["proto", "port", "from", "to", "reason"]

    static func entries(_ node: Node, file: String, log: inout DiagnosticLog) -> [ZonePolicyEntry] {
        if YAMLNodes.isNull(node) { return [] }
        guard let seq = node.sequence else {
            log.error(at(node, file), "'policy' must be a list of {from, to, action, except}")
            return []
        }
        return seq.compactMap { entry($0, file: file, log: &log) }
    }

    /// Where `node` starts in `file`.
    private static func at(_ node: Node, _ file: String) -> SourceLocation { YAMLNodes.location(node, file: file) }

    private static func names(_ node: Node, key: String, file: String, log: inout DiagnosticLog) -> [String]? {
        if let s = node.scalar, !YAMLNodes.isNull(node), !s.string.isEmpty { return [s.string] }
        if let seq = node.sequence, seq.count > 0 {
            var out: [String] = []
            for item in seq {
                guard let s = item.scalar?.string, !YAMLNodes.isNull(item), !s.isEmpty else {
                    log.error(at(item, file), "each item of '\(key)' must be a zone name")
                    return nil
                }
                out.append(s)
            }
            return out
        }
        log.error(at(node, file), "'\(key)' must be a zone name or a list of zone names")
        return nil
    }

    private static func entry(_ node: Node, file: String, log: inout DiagnosticLog) -> ZonePolicyEntry? {
        guard let map = node.mapping else {
            log.error(at(node, file), "each policy entry must be a mapping {from, to, action, except}")
            return nil
        }
        var ok = true
        var from: [String]?
        var to: [String]?
        var action: RuleAction?
        var exceptions: [ZonePolicyException] = []
        for (key, value) in map {
            let name = key.scalar?.string ?? ""
            switch name {
            case "from": from = names(value, key: name, file: file, log: &log)
            case "to": to = names(value, key: name, file: file, log: &log)
            case "action":
                action = value.scalar.flatMap { RuleAction(rawValue: $0.string.lowercased()) }
                if action == nil { log.error(at(value, file), "'action' must be allow or deny") }
            case "except":
                if YAMLNodes.isNull(value) { continue }
                guard let seq = value.sequence else {
                    log.error(at(value, file), "'except' must be a list of {proto, port, from, to}")
                    ok = false
                    continue
                }
                for item in seq {
                    if let e = exception(item, file: file, log: &log) { exceptions.append(e) } else { ok = false }
                }
            case "reason": continue
            default:
                log.error(at(key, file),
                          "unknown key '\(name)' in policy entry (expected \(entryKeys.joined(separator: ", ")))")
                ok = false
            }
        }
        for k in ["from", "to", "action"] where map[k] == nil {
            log.error(at(node, file), "policy entry is missing '\(k)'")
        }
        guard ok, let from, let to, let action else { return nil }
        if action == .allow && !exceptions.isEmpty {
            log.error(at(node, file), "'except' applies only to deny entries")
            return nil
        }
        return ZonePolicyEntry(from: from, to: to, action: action, exceptions: exceptions,
                               location: at(node, file))
    }

    private static func exception(_ node: Node, file: String, log: inout DiagnosticLog) -> ZonePolicyException? {
        guard let map = node.mapping else {
            log.error(at(node, file), "each exception must be a mapping {proto, port, from, to}")
            return nil
        }
        var proto: String?
        var port: (text: String, node: Node)?
        var from: String?
        var to: String?
        var ok = true
        for (key, value) in map {
            let name = key.scalar?.string ?? ""
            guard exceptionKeys.contains(name) else {
                log.error(at(key, file),
                          "unknown key '\(name)' in policy exception (expected \(exceptionKeys.joined(separator: ", ")))")
                ok = false
                continue
            }
            guard let text = value.scalar?.string, !YAMLNodes.isNull(value), !text.isEmpty else {
                log.error(at(value, file), "'\(name)' must be a text value")
                ok = false
                continue
            }
            switch name {
            case "proto": proto = text.lowercased()
            case "port": port = (text, value)
            case "from": from = text
            case "to": to = text
            default: break
            }
        }
        guard ok else { return nil }
        let p = proto ?? "any"
        if p == "any", let port {
            log.error(at(port.node, file), "a 'port' needs a protocol with ports (tcp, udp or sctp)")
            return nil
        }
        let serviceText = port.map { "\(p)/\($0.text)" } ?? p
        guard let services = ServiceSet.parse(serviceText) else {
            log.error(at(port?.node ?? node, file),
                      "invalid service in policy exception (expected proto tcp/udp/icmp/any and a port or range)")
            return nil
        }
        return ZonePolicyException(services: services, serviceText: serviceText, from: from, to: to,
                                   location: at(node, file))
    }
}
