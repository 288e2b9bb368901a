/// The native inventory columns plus the extension columns the model carries, and the header
/// aliases that let vendor exports (NetBox, Snipe-IT, ServiceNow, Lansweeper, Intune, OSCAL) be
/// read without a mapping file (docs/FORMATS.md, Inventory CSV).
public enum InventoryField: String, Sendable, CaseIterable, Hashable {
    case id, name, addresses, kind, cui, functions, declared
    case crmPolicy = "crm_policy"
    case zone, provider
    case fedrampID = "fedramp_id"
    case fedrampStatus = "fedramp_status"
    case impactLevel = "impact_level"
    case vdi, justification
    /// yes/no → ``Asset/governmentOperated``.
    case government
    /// yes/no → ``Asset/publicFacing``.
    case `public`
    /// `;`-list → ``Asset/equivalencyEvidence``.
    case equivalency
    /// text → ``Asset/dfarsEvidence``.
    case dfars7012 = "dfars_7012"
    /// A vendor `category` column: a value that names a CMMC category is `declared`, any other
    /// value is the asset's `kind` (Snipe-IT's "Laptops", "Servers").
    case category

    /// Header spellings, best first. Compared after ``normalizedHeader(_:)``, so `Asset Tag`,
    /// `asset_tag`, `AssetTag` and `asset-tag` are one alias.
    var aliases: [String] {
        switch self {
        // sys_id right after id: a ServiceNow row always has it, while its asset_tag is often empty.
        case .id:
            return ["id", "sys_id", "asset_tag", "asset-id", "hostname", "host name", "deviceName", "device name",
                    "serial", "serialNumber", "serial_number"]
        case .name: return ["name", "display_name", "deviceName", "AssetName", "item Name"]
        case .addresses:
            return ["addresses", "ip", "IP Address", "ip_address", "primary_ip4", "primary_ip6", "Primary IPv4",
                    "Primary IPv6", "address", "ipv4-address", "ipv6-address", "privateIpAddress"]
        case .kind:
            // role before type: in NetBox exports "Type" is the hardware model, "Role" what it does.
            return ["kind", "role", "device_role", "type", "asset-type", "sys_class_name", "AssetTypename",
                    "resourceType"]
        case .zone: return ["zone", "vlan", "site", "location", "subnet", "network-id", "vlan-id"]
        case .declared: return ["declared", "cmmc_category"]
        case .category: return ["category"]
        default: return [rawValue]
        }
    }

    /// Fields fed by every matching column rather than the best one (NetBox's `primary_ip4` and
    /// `primary_ip6`, OSCAL's `ipv4-address` and `ipv6-address`).
    var takesAllColumns: Bool { self == .addresses }

    /// The field a `--map column=FIELD` target names (`crm_policy`, `crm-policy`, `CRM Policy`).
    public init?(mapTarget: String) {
        let key = InventoryField.normalizedHeader(mapTarget)
        guard let f = InventoryField.allCases.first(where: { InventoryField.normalizedHeader($0.rawValue) == key })
        else { return nil }
        self = f
    }

    /// Lower-cased letters and digits only: the header spellings exports use differ in case,
    /// spaces, underscores and hyphens, never in letters.
    static func normalizedHeader(_ s: some StringProtocol) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter {
            CharacterSetASCII.isAlphanumeric($0)
        }))
    }

    /// normalised alias → (field, rank) for every field; rank orders the aliases of one field.
    static let aliasTable: [String: [(field: InventoryField, rank: Int)]] = {
        var t: [String: [(field: InventoryField, rank: Int)]] = [:]
        for f in InventoryField.allCases {
            for (i, a) in f.aliases.enumerated() {
                let key = normalizedHeader(a)
                // "IP Address" and "ip_address" are one alias once normalised: keep its best rank.
                if t[key]?.contains(where: { $0.field == f }) == true { continue }
                t[key, default: []].append((f, i))
            }
        }
        return t
    }()
}

/// ASCII letter/digit test without Foundation's CharacterSet bridging cost per scalar.
enum CharacterSetASCII {
    static func isAlphanumeric(_ u: Unicode.Scalar) -> Bool {
        (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u.value > 0x7F
    }
}

/// Which columns feed which field, decided once per header row (or per JSON key set).
struct InventoryLayout: Sendable {
    /// Column indices per field, in column order.
    private(set) var columns: [InventoryField: [Int]] = [:]
    /// The header text of each column, for messages.
    let headers: [String]
    /// True when no id column exists and `name` stands in for it.
    private(set) var idFromName = false
    /// `--map` columns not in this header.
    private(set) var unmatchedMappings: [String] = []
    /// Columns mapped to `ignore`: deliberately unread, so not reported.
    private(set) var ignoredOnPurpose = Set<Int>()

    /// Resolves a header row.
    /// - Parameters:
    ///   - headers: the header cells; blank cells are ignored (their columns are not read).
    ///   - mappings: `--map column=field` pairs; a mapped column is read as that field only and
    ///     overrides every alias. The target `ignore` drops a column.
    /// - Returns: the layout and any notes (an unknown map target is an error; a map column not
    ///   in this header is kept in ``unmatchedMappings`` for the loader to judge across files).
    static func resolve(headers: [String], mappings: [String: String], at location: SourceLocation)
        -> (InventoryLayout, [Diagnostic])
    {
        var layout = InventoryLayout(headers: headers)
        var diagnostics: [Diagnostic] = []
        var claimed = Set<Int>()
        var mappedFields = Set<InventoryField>()
        let normalized = headers.map { InventoryField.normalizedHeader($0) }

        for (column, target) in mappings.sorted(by: { $0.key < $1.key }) {
            let key = InventoryField.normalizedHeader(column)
            let ignore = InventoryField.normalizedHeader(target) == "ignore"
            let field = InventoryField(mapTarget: target)
            if field == nil && !ignore {
                diagnostics.append(.error(location, "--map target '\(target)' is not an inventory field (expected one of "
                    + InventoryField.allCases.map(\.rawValue).joined(separator: ", ") + " or ignore)"))
                continue
            }
            let indices = normalized.indices.filter { !key.isEmpty && normalized[$0] == key }
            if indices.isEmpty {
                // Refused by the loader only when no inventory has it (docs/DECISIONS.md 113).
                layout.unmatchedMappings.append(column)
                continue
            }
            claimed.formUnion(indices)
            if ignore { layout.ignoredOnPurpose.formUnion(indices) }
            if let field {
                mappedFields.insert(field)
                layout.columns[field, default: []].append(contentsOf: field.takesAllColumns ? indices : [indices[0]])
            }
        }

        // Best alias per field among the unclaimed columns; ties go to the leftmost column.
        var best: [InventoryField: (rank: Int, columns: [Int])] = [:]
        for (i, key) in normalized.enumerated() where !key.isEmpty && !claimed.contains(i) {
            for (field, rank) in InventoryField.aliasTable[key] ?? [] where !mappedFields.contains(field) {
                if field.takesAllColumns {
                    best[field, default: (0, [])].columns.append(i)
                } else if let b = best[field], b.rank <= rank {
                    continue
                } else {
                    best[field] = (rank, [i])
                }
            }
        }
        for (field, choice) in best { layout.columns[field] = choice.columns.sorted() }
        for field in InventoryField.allCases { layout.columns[field]?.sort() }

        if layout.columns[.id] == nil, let nameColumns = layout.columns[.name] {
            layout.columns[.id] = nameColumns
            layout.idFromName = true
        }
        return (layout, diagnostics)
    }

    /// Non-blank columns that feed no field and were not mapped to `ignore`, in column order: a
    /// second id candidate (`serial` beside `id`) is among them, since it is not read either.
    var ignoredColumns: [Int] {
        let used = Set(columns.values.joined()).union(ignoredOnPurpose)
        return headers.indices.filter { !used.contains($0) && !InventoryField.normalizedHeader(headers[$0]).isEmpty }
    }

    /// The column counts of this layout as ``InventoryColumns`` (CSV: one layout per file).
    var columnReport: InventoryColumns {
        var c = InventoryColumns()
        c.available = headers.filter { !InventoryField.normalizedHeader($0).isEmpty }
        c.ignored = ignoredColumns.map { headers[$0] }
        c.unmatchedMappings = Set(unmatchedMappings)
        c.statesCUI = !self.columns(for: .cui).isEmpty
        return c
    }

    private init(headers: [String]) { self.headers = headers }

    /// The columns of a field (empty when the header has none).
    func columns(for field: InventoryField) -> [Int] { columns[field] ?? [] }

    var hasIDColumn: Bool { columns[.id] != nil }
}
