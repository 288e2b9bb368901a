import Foundation

/// Reads the native `<cuiscope-flows>` format (DESIGN.md "Native XML",
/// `schemas/cuiscope-flows.xsd`) into a ``FlowLog``, one `<flow>` at a time, so memory does not
/// grow with the size of the file beyond the flows themselves.
///
/// Flow logs are large and dirty: a malformed record is skipped and listed with its location
/// (``FlowLog/skipped``) rather than failing the run, unless `strict` (DESIGN.md "Invalid values").
public enum NativeFlowsParser {
    /// The root element name this parser reads.
    public static let rootName = "cuiscope-flows"

    /// Reads a `<cuiscope-flows>` file.
    /// - Parameters:
    ///   - displayName: the name to report instead of `path`.
    ///   - strict: fail on any malformed record instead of skipping it.
    /// - Throws: ``InputError`` for unreadable or malformed XML, a different root element, or
    ///   (when `strict`) every malformed record.
    public static func read(path: String, displayName: String?, strict: Bool) throws(InputError) -> FlowLog {
        let file = displayName ?? path
        guard let root = try XMLReader.rootElement(path, displayName: displayName) else {
            throw InputError(SourceLocation(file: file, line: 1), "not an XML file (expected <\(rootName)>)")
        }
        guard root.name == rootName else {
            throw InputError(root.location, "expected root element <\(rootName)>, found <\(root.name)>")
        }
        if let version = root.attributes["version"], version.trimmingCharacters(in: .whitespaces) != "1" {
            throw InputError(root.location, "unsupported <\(rootName)> version (expected version=\"1\")")
        }
        var log = FlowLog(source: file)
        try XMLReader.stream(path, displayName: displayName, select: { names in
            names.count == 2 ? .record : (names.count == 1 ? .descend : .skip)
        }) { element throws(InputError) in
            log.recordCount += 1
            switch NativeFlowRecord.parse(element) {
            case .success(let flow): log.flows.append(flow)
            case .failure(let problem): log.skipped.append(problem.diagnostic)
            }
        }
        if strict && !log.skipped.isEmpty { throw InputError(log.skipped) }
        return log
    }
}

/// Why one record was skipped.
struct FlowRecordProblem: Error {
    var diagnostic: Diagnostic
}

/// One `<flow>` element to a ``Flow``.
enum NativeFlowRecord {
    static func parse(_ el: XMLElement) -> Result<Flow, FlowRecordProblem> {
        guard el.name == "flow" else {
            return .failure(FlowRecordProblem(diagnostic: .error(
                el.location, "unexpected element <\(el.name)> in <cuiscope-flows> (expected <flow>); skipped")))
        }
        var problems: [String] = []
        var src: IPAddress?
        var dst: IPAddress?
        var proto = IPProtocol.tcp
        var sport: UInt16?
        var dport: UInt16?
        var action = FlowAction.unknown
        var bytes: UInt64 = 0
        var packets: UInt64 = 0
        var firstSeen: Double?
        var lastSeen: Double?
        var count = 1
        var device: String?
        var rule: String?
        for (name, raw) in el.attributes {
            let value = raw.trimmingCharacters(in: .whitespaces)
            switch name {
            case "src":
                src = IPAddress(value)
                if src == nil { problems.append("attribute 'src' is not an IP address") }
            case "dst":
                dst = IPAddress(value)
                if dst == nil { problems.append("attribute 'dst' is not an IP address") }
            case "proto":
                if let p = IPProtocol.number(value) { proto = p } else {
                    problems.append("attribute 'proto' is not a protocol name or number 0-255")
                }
            case "sport":
                sport = UInt16(value)
                if sport == nil { problems.append("attribute 'sport' is not a port 0-65535") }
            case "dport":
                dport = UInt16(value)
                if dport == nil { problems.append("attribute 'dport' is not a port 0-65535") }
            case "action":
                switch value.lowercased() {
                case "allow": action = .allow
                case "deny", "drop", "reject": action = .deny
                case "unknown": action = .unknown
                default: problems.append("attribute 'action' must be allow, deny, drop, reject or unknown")
                }
            case "bytes":
                if let v = UInt64(value) { bytes = v } else { problems.append("attribute 'bytes' is not a count") }
            case "packets":
                if let v = UInt64(value) { packets = v } else { problems.append("attribute 'packets' is not a count") }
            case "count":
                if let v = Int(value), v >= 1 { count = v } else {
                    problems.append("attribute 'count' is not a positive count")
                }
            case "first-seen":
                firstSeen = FlowTimestamp.parse(value)
                if firstSeen == nil { problems.append("attribute 'first-seen' is not an ISO-8601 time with zone or epoch seconds") }
            case "last-seen":
                lastSeen = FlowTimestamp.parse(value)
                if lastSeen == nil { problems.append("attribute 'last-seen' is not an ISO-8601 time with zone or epoch seconds") }
            case "device": device = value.isEmpty ? nil : value
            case "rule": rule = value.isEmpty ? nil : value
            default: problems.append("unknown attribute '\(name)'")
            }
        }
        if el.attribute("src") == nil { problems.append("missing attribute 'src'") }
        if el.attribute("dst") == nil { problems.append("missing attribute 'dst'") }
        if let child = el.children.first { problems.append("unexpected element <\(child.name)> inside <flow>") }
        guard problems.isEmpty, let src, let dst else {
            return .failure(FlowRecordProblem(diagnostic: .error(
                el.location, "flow record skipped: " + problems.joined(separator: "; "))))
        }
        return .success(Flow(
            source: src, destination: dst, proto: proto, sourcePort: sport, destinationPort: dport, action: action,
            bytes: bytes, packets: packets, firstSeen: firstSeen, lastSeen: lastSeen, count: count, device: device,
            rule: rule, location: el.location))
    }
}
