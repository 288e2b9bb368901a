import Foundation

/// The flow-log formats cuiscope reads (docs/FORMATS.md, Flow logs), as `--flows-format` names them.
public enum FlowFormat: String, Sendable, CaseIterable {
    case native
    case panosTraffic = "panos-traffic"
    case zeek
    case zeekJSON = "zeek-json"
    case awsVPC = "aws-vpc"
    case azure
    case csv
}

/// How flow logs are read: the observation window, strictness, an optional format override
/// and the headed-CSV column mapping (`--flow-map column=field`).
public struct FlowReadOptions: Sendable {
    public var window: FlowWindow
    public var strict: Bool
    public var format: FlowFormat?
    public var csvMapping: [String: String]

    public init(window: FlowWindow = .unbounded, strict: Bool = false, format: FlowFormat? = nil,
                csvMapping: [String: String] = [:]) {
        self.window = window
        self.strict = strict
        self.format = format
        self.csvMapping = csvMapping
    }
}

/// Reads a flow log of any supported format, detected from content (docs/FORMATS.md,
/// Detecting the format): XML by root element (and, for `<response>`, by
/// `result/log/logs`), text by its header or first line. Malformed records are skipped and
/// listed unless `strict`.
public enum FlowsReader {
    /// Root element names and the format each one means, for messages.
    static let knownRoots = "<cuiscope-flows> (cuiscope native), <response> (PAN-OS traffic log)"
    static let knownText = "Zeek conn.log (TSV or JSON lines), AWS VPC flow logs, Azure NSG/VNet flow logs, headed CSV"

    /// Reads `path` as a flow log.
    /// - Parameters:
    ///   - displayName: the name to report instead of `path`.
    ///   - strict: fail on malformed records instead of skipping them.
    /// - Throws: ``InputError`` naming file:line:column for unreadable, malformed or unsupported
    ///   input, and (when `strict`) for every malformed record.
    public static func read(path: String, displayName: String? = nil, strict: Bool = false) throws(InputError)
        -> FlowLog
    {
        try read(path: path, displayName: displayName, options: FlowReadOptions(strict: strict))
    }

    /// Reads `path` as a flow log with `options`.
    public static func read(path: String, displayName: String? = nil, options: FlowReadOptions) throws(InputError)
        -> FlowLog
    {
        let file = displayName ?? path
        let format: FlowFormat
        if let f = options.format { format = f } else { format = try detect(path: path, displayName: displayName) }
        let window = options.window
        let strict = options.strict
        switch format {
        case .native:
            return try NativeFlowsParser.read(path: path, displayName: displayName, window: window, strict: strict)
        case .panosTraffic:
            return try PANOSTrafficLogParser.read(path: path, file: file, window: window, strict: strict)
        case .zeek:
            return try ZeekConnParser.readTSV(path: path, file: file, window: window, strict: strict)
        case .zeekJSON:
            return try ZeekConnParser.readJSONLines(path: path, file: file, window: window, strict: strict)
        case .awsVPC:
            return try AWSVPCFlowParser.read(path: path, file: file, window: window, strict: strict)
        case .azure:
            return try AzureFlowParser.read(path: path, file: file, window: window, strict: strict)
        case .csv:
            return try CSVFlowParser.read(path: path, file: file, mapping: options.csvMapping, window: window,
                                          strict: strict)
        }
    }

    /// The format of a flow log, from its content.
    /// - Throws: ``InputError`` when no reader recognises it.
    public static func detect(path: String, displayName: String? = nil) throws(InputError) -> FlowFormat {
        let file = displayName ?? path
        let head = LineReader.head(path: path)
        if head.isEmpty {
            throw InputError(SourceLocation(file: file, line: 1), "empty or unreadable flow log")
        }
        let first = head.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        if first == UInt8(ascii: "<") {
            guard let root = try XMLReader.rootElement(path, displayName: displayName) else {
                throw InputError(SourceLocation(file: file, line: 1), "malformed XML flow log")
            }
            switch root.name {
            case NativeFlowsParser.rootName: return .native
            case "response":
                if isPANOSLogResponse(head) { return .panosTraffic }
                throw InputError(root.location,
                                 "<response> without result/log/logs: not a PAN-OS traffic log query answer")
            default:
                throw InputError(root.location,
                                 "unrecognised flow log format: root element <\(root.name)> (expected one of \(knownRoots))")
            }
        }
        if let format = sniffText(head) { return format }
        throw InputError(SourceLocation(file: file, line: 1),
                         "unrecognised flow log format (expected XML with one of \(knownRoots), or \(knownText))")
    }

    /// A PAN-OS XML API log query answer (`<response><result>…<log><logs>`), not a config.
    static func isPANOSLogResponse(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        // `<config_ver>` is a log field; a config answer has the element `<config>`.
        let hasConfig = text.contains("<config>") || text.contains("<config ") || text.contains("<config/>")
        return text.contains("<log>") && text.contains("<logs") && !hasConfig
    }

    /// Recognises the text and JSON flow formats from the first bytes; nil when none fits.
    static func sniffText(_ head: [UInt8]) -> FlowFormat? {
        let text = String(decoding: head, as: UTF8.self)
        let firstLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#separator") || trimmed.hasPrefix("#fields") { return .zeek }
        if trimmed.hasPrefix("{") {
            if trimmed.contains("\"id.orig_h\"") || trimmed.contains("\"id.resp_h\"") { return .zeekJSON }
            if text.contains("\"records\"") && (text.contains("\"flowTuples\"") || text.contains("\"flows\"")
                || text.contains("\"flowRecords\"")) {
                return .azure
            }
            return nil
        }
        let tokens = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        if AWSVPCFlowParser.isHeader(tokens) || AWSVPCFlowParser.isDefaultRow(tokens) { return .awsVPC }
        if trimmed.contains(","), CSVFlowParser.headerLooksLikeFlows(trimmed) { return .csv }
        return nil
    }
}
