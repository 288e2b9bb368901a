import Foundation

/// Reads a FedRAMP Marketplace snapshot in either public feed shape (docs/FORMATS.md, FedRAMP Marketplace data),
/// detected by content, into a ``Marketplace``.
///
/// - 18F/fedramp-data `data/data.json`: `{meta:{Created_At, Produced_By}, data:{Providers:[…]}}`.
/// - FedRAMP/marketplace-fedramp-gov-data products: a list of objects with `id, csp, cso,
///   public_status, impact_level, auth_path, …`, either bare or wrapped in an object (the
///   published `data.json` keeps it at `data.Products`); the list is found by its shape.
///
/// Strings are trimmed, keys compared case-insensitively, missing keys and `null` read as
/// empty. A record without an id, or with a value of the wrong JSON type, is an error naming
/// file:line:column and the key; values are never quoted.
public enum FedRAMPMarketplaceParser {
    /// Which feed a document is.
    enum Feed {
        case fedrampData18F(providers: LocatedJSON)
        case products(list: LocatedJSON)
    }

    /// Reads and normalises one snapshot file.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: the name used in locations and reports (defaults to `path`).
    /// - Throws: ``InputError`` when the file cannot be read, is not JSON, is neither feed,
    ///   or holds malformed records.
    public static func read(path: String, displayName: String? = nil) throws(InputError) -> Marketplace {
        let file = displayName ?? path
        let data = try InputFile.contents(path: path, file: file)
        return try parse(data, file: file)
    }

    /// Parses snapshot bytes; `file` names the source in locations.
    static func parse(_ data: Data, file: String) throws(InputError) -> Marketplace {
        let root = try LocatedJSONParser.parse(data, file: file)
        var log = DiagnosticLog()
        let feed = try detect(root)
        var parsed: [MarketplaceRecord] = []
        switch feed {
        case .fedrampData18F(let providers):
            for element in providers.elements ?? [] {
                if let r = record18F(element, log: &log) { parsed.append(r) }
            }
        case .products(let list):
            for element in list.elements ?? [] {
                if let r = productRecord(element, log: &log) { parsed.append(r) }
            }
        }
        var records: [String: MarketplaceRecord] = [:]
        var duplicates: [String: [MarketplaceRecord]] = [:]
        for r in parsed {
            let key = Marketplace.key(r.id)
            if let first = records[key] {
                duplicates[key, default: []].append(r)
                log.warning(
                    r.location ?? SourceLocation(file: file, line: 0),
                    "package id repeats the record at line \(first.location?.line ?? 0); both are kept and the "
                        + "assessment treats differing statuses as a review")
            } else {
                records[key] = r
            }
        }
        try log.throwIfErrors()
        return Marketplace(
            snapshotDate: snapshotDate(root), source: file, records: records, duplicates: duplicates,
            warnings: log.entries.sorted())
    }

    // MARK: - Detection

    /// Whether a file's head is a Marketplace feed, for `validate`: the 18F `data.Providers`
    /// object (any key case), or a product list whose objects carry `csp` and `cso`.
    static func sniff(_ head: InputHead) -> Bool {
        guard head.isJSON else { return false }
        let lowered = head.text.lowercased()
        return (head.hasJSONKeys(["meta", "data"]) && lowered.contains(#""providers""#))
            || head.hasJSONKeys(["csp", "cso"])
    }

    /// Decides the feed by shape: `data.Providers` means 18F; otherwise the largest list of
    /// objects carrying `id` and `csp` or `cso` (searched three levels deep) is the product list.
    static func detect(_ root: LocatedJSON) throws(InputError) -> Feed {
        if let providers = root.member("data")?.member("Providers") {
            guard providers.elements != nil else {
                throw InputError(
                    providers.location, "expected an array for key 'data.Providers', found \(providers.typeName)")
            }
            return .fedrampData18F(providers: providers)
        }
        var best: LocatedJSON?
        func consider(_ value: LocatedJSON, depth: Int) {
            if let elements = value.elements {
                if looksLikeProductList(elements), elements.count > (best?.elements?.count ?? -1) { best = value }
                return
            }
            guard depth < 3, let members = value.members else { return }
            for m in members { consider(m.value, depth: depth + 1) }
        }
        consider(root, depth: 0)
        if let best { return .products(list: best) }
        throw InputError(
            root.location,
            "expected a FedRAMP Marketplace feed: an object with 'data.Providers' (18F fedramp-data) or a list of "
                + "products with 'id', 'csp' and 'cso' (marketplace-fedramp-gov-data)")
    }

    /// A product list: its first object has an `id` and names an offering or provider. The
    /// wrapped feed also holds small lists with `id` and `cso` only (`Metrics.latest`), which
    /// lose to the real list by size.
    private static func looksLikeProductList(_ elements: [LocatedJSON]) -> Bool {
        guard let first = elements.first(where: { $0.members != nil }) else { return false }
        return first.member("id") != nil && first.member(anyOf: ["csp", "cso", "service_offering"]) != nil
    }

    private static func snapshotDate(_ root: LocatedJSON) -> String? {
        let keys = ["Created_At", "created_at", "last_change", "last_updated", "generated_at"]
        for holder in [root.member("meta"), root].compactMap({ $0 }) {
            if let s = holder.member(anyOf: keys)?.stringValue {
                let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty { return t }
            }
        }
        return nil
    }

    // MARK: - Records

    private static func record18F(_ element: LocatedJSON, log: inout DiagnosticLog) -> MarketplaceRecord? {
        guard element.members != nil else {
            log.error(
                element.location, "expected an object for each element of 'data.Providers', found \(element.typeName)")
            return nil
        }
        var fields = FieldReader(object: element, log: log)
        defer { log = fields.log }
        guard let id = fields.requiredString("Package_ID") else { return nil }
        return MarketplaceRecord(
            id: id,
            provider: fields.string("Cloud_Service_Provider_Name"),
            offering: fields.string("Cloud_Service_Provider_Package"),
            status: fields.string("Designation"),
            impact: fields.string("Impact_Level"),
            path: fields.string("Path"),
            serviceModels: fields.list("Service_Model"),
            authorizationDate: fields.optionalString("Original_Authorization_Date"),
            underlyingPackageIDs: fields.list("Underlying_CSP_Package_ID"),
            assessor: fields.optionalString("Independent_Assessor"),
            location: element.location)
    }

    private static func productRecord(_ element: LocatedJSON, log: inout DiagnosticLog) -> MarketplaceRecord? {
        guard element.members != nil else {
            log.error(element.location, "expected an object for each product, found \(element.typeName)")
            return nil
        }
        var fields = FieldReader(object: element, log: log)
        defer { log = fields.log }
        guard let id = fields.requiredString("id") else { return nil }
        // Older snapshots of the same feed use `status`, `auth_type`, `independent_assessor`
        // and `service_offering` where the current one has the names below.
        return MarketplaceRecord(
            id: id,
            provider: fields.string(anyOf: ["csp", "name"]),
            offering: fields.string(anyOf: ["cso", "service_offering"]),
            status: fields.string(anyOf: ["public_status", "status"]),
            impact: fields.string("impact_level"),
            path: fields.string(anyOf: ["auth_path", "auth_type"]),
            serviceModels: fields.list("service_model"),
            authorizationDate: fields.optionalString("auth_date"),
            underlyingPackageIDs: fields.list("leveraged_systems", objectKey: "id"),
            assessor: fields.optionalString(anyOf: ["3pao_name", "independent_assessor"]),
            location: element.location)
    }
}

/// Reads typed fields out of one feed object, logging wrong types against the key's value.
private struct FieldReader {
    let object: LocatedJSON
    var log: DiagnosticLog
    /// Members by lower-cased, trimmed key (first wins), built once per record: a feed has
    /// tens of thousands of records and each is asked for a dozen keys, several absent.
    private let byKey: [String: (key: String, value: LocatedJSON)]

    init(object: LocatedJSON, log: DiagnosticLog) {
        self.object = object
        self.log = log
        var byKey: [String: (key: String, value: LocatedJSON)] = [:]
        for m in object.members ?? [] {
            let k = Self.normalisedKey(m.key)
            if byKey[k] == nil { byKey[k] = m }
        }
        self.byKey = byKey
    }

    private static func normalisedKey(_ key: String) -> String {
        let lower = key.lowercased()
        guard let first = lower.first, let last = lower.last, first.isWhitespace || last.isWhitespace else {
            return lower
        }
        return lower.trimmingCharacters(in: .whitespaces)
    }

    /// The first present key among `keys` (written lower-case or not, never padded), with its value.
    private func lookup(_ keys: [String]) -> (key: String, value: LocatedJSON)? {
        for k in keys { if let hit = byKey[k.lowercased()] { return hit } }
        return nil
    }

    /// The id: must be a non-empty string.
    mutating func requiredString(_ key: String) -> String? {
        guard let value = lookup([key])?.value, !value.isNull else {
            log.error(object.location, "record has no '\(key)': expected the package id")
            return nil
        }
        guard let s = text(value, key: key), !s.isEmpty else {
            if value.stringValue != nil { log.error(value.location, "'\(key)' is empty: expected the package id") }
            return nil
        }
        return s
    }

    mutating func string(_ key: String) -> String { optionalString(anyOf: [key]) ?? "" }
    mutating func string(anyOf keys: [String]) -> String { optionalString(anyOf: keys) ?? "" }
    mutating func optionalString(_ key: String) -> String? { optionalString(anyOf: [key]) }

    /// A trimmed string, nil when the key is missing, null or blank.
    mutating func optionalString(anyOf keys: [String]) -> String? {
        guard let (key, value) = lookup(keys), !value.isNull else { return nil }
        guard let s = text(value, key: key), !s.isEmpty else { return nil }
        return s
    }

    /// A list of strings from an array or a single string; each element is split on commas
    /// (the 18F feed writes `"IaaS, PaaS, SaaS"` as one element). Array elements that are
    /// objects contribute their `objectKey` member (`leveraged_systems: [{id, cso, …}]`).
    /// Order kept, blanks and repeats dropped.
    mutating func list(_ key: String, objectKey: String? = nil) -> [String] {
        guard let value = lookup([key])?.value, !value.isNull else { return [] }
        var raw: [String] = []
        if let s = value.stringValue {
            raw = [s]
        } else if let elements = value.elements {
            for e in elements {
                if let s = e.stringValue {
                    raw.append(s)
                } else if let objectKey, e.members != nil {
                    if let inner = e.member(objectKey), let s = text(inner, key: "\(key)[].\(objectKey)") {
                        raw.append(s)
                    }
                } else if !e.isNull {
                    let expected = objectKey.map { "a string or an object with '\($0)'" } ?? "a string"
                    log.error(e.location, "expected \(expected) in '\(key)', found \(e.typeName)")
                }
            }
        } else {
            log.error(value.location, "expected an array or a string for '\(key)', found \(value.typeName)")
            return []
        }
        var out: [String] = []
        for piece in raw.flatMap({ $0.split(separator: ",") }) {
            let t = piece.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty && !out.contains(t) { out.append(t) }
        }
        return out
    }

    /// The trimmed text of a string value; numbers are accepted as written (ids such as a
    /// bare `12345` are still ids). Anything else is logged as the wrong type.
    private mutating func text(_ value: LocatedJSON, key: String) -> String? {
        switch value.value {
        case .string(let s): return s.trimmingCharacters(in: .whitespacesAndNewlines)
        case .number(let n): return n
        case .null: return nil
        default:
            log.error(value.location, "expected a string for '\(key)', found \(value.typeName)")
            return nil
        }
    }
}
