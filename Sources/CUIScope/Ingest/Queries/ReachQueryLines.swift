import Foundation

/// `reach --queries FILE`: one JSON object per line, with keys named like the command's flags
/// (`from`, `to`, `proto`, `port`, `from_zone`, `to_zone`). Blank lines are skipped; a line
/// that is not such an object is reported with its number and does not stop the others.
public enum ReachQueryLines {
    static let keys: Set<String> = ["from", "to", "proto", "port", "from_zone", "to_zone"]

    /// Calls `handle(lineNumber, request or error message)` for every non-blank line, in order.
    /// - Throws: ``InputError`` when the file cannot be read.
    public static func forEach(path: String, _ handle: (Int, Result<ReachRequest, ReachRequestError>) -> Void)
        throws(InputError)
    {
        try LineReader.forEachLine(path: path, file: path) { field, number throws(InputError) in
            let line = field.trimmed
            if line.isEmpty { return true }
            handle(number, parse(line.string))
            return true
        }
    }

    /// A JSON value as far as a query line needs it.
    private enum Value: Decodable {
        case integer(Int)
        case string(String)
        case null
        case other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let n = try? c.decode(Int.self) {
                self = .integer(n)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else {
                self = .other
            }
        }
    }

    /// One line as a request, or what is wrong with it.
    public static func parse(_ line: String) -> Result<ReachRequest, ReachRequestError> {
        guard let fields = try? JSONDecoder().decode([String: Value].self, from: Data(line.utf8)) else {
            return .failure(ReachRequestError("expected one JSON object per line, like {\"from\": \"10.0.0.1\", \"to\": \"10.0.1.1\"}"))
        }
        if let unknown = fields.keys.filter({ !keys.contains($0) }).sorted().first {
            return .failure(ReachRequestError("unknown key '\(unknown)' (expected \(keys.sorted().joined(separator: ", ")))"))
        }
        var text: [String: String] = [:]
        for key in ["from", "to", "proto", "from_zone", "to_zone"] {
            switch fields[key] {
            case .none, .null?: continue
            case .string(let s)?: text[key] = s
            default: return .failure(ReachRequestError("'\(key)' must be a string"))
            }
        }
        guard let from = text["from"], let to = text["to"] else {
            return .failure(ReachRequestError("'from' and 'to' are required"))
        }
        var port: UInt16?
        switch fields["port"] {
        case .none, .null?: break
        case .integer(let n)? where n >= 0 && n <= 65535: port = UInt16(n)
        case .string(let s)? where UInt16(s) != nil: port = UInt16(s)
        default: return .failure(ReachRequestError("'port' must be one port number 0-65535"))
        }
        let request = ReachRequest(
            from: from, to: to, proto: text["proto"] ?? "any", port: port, fromZone: text["from_zone"],
            toZone: text["to_zone"])
        if request.services == nil { return .failure(ReachRequestError("'proto' expects \(ReachRequest.protoExpected)")) }
        return .success(request)
    }
}
