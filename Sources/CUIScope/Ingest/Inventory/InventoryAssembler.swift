import Foundation

/// One cell of an inventory record: its text, where it is, and the column (or JSON key) it came
/// from, which messages name instead of quoting content.
struct InventoryCell: Sendable {
    var text: String
    var location: SourceLocation
    var column: String
}

/// Turns records of cells (from CSV rows, JSON objects, OSCAL items) into assets, the one place
/// where value rules, duplicate ids and `--lenient` are decided, so every format behaves alike.
///
/// Strict (default): every problem of every row is collected and ``finish()`` throws them all.
/// Lenient: a bad row is left out and listed in ``Inventory/skipped`` with its location.
struct InventoryAssembler {
    let file: String
    let lenient: Bool
    private(set) var assets: [Asset] = []
    private var skipped: [Diagnostic] = []
    private var log = DiagnosticLog()
    /// id → line of the row that first used it.
    private var firstLine: [String: Int] = [:]
    /// The file's columns; readers that resolve a header fill it, ``add(_:at:cidrIsHost:)``
    /// notes a `cui` cell from readers that have no header (NetBox custom fields, OSCAL props).
    var columns = InventoryColumns()
    /// Address records of devices named elsewhere (see ``add(_:at:cidrIsHost:joinsDevice:)``).
    private var deviceAddresses: [Asset] = []
    /// Zones described by the file (NetBox prefixes).
    var zones: [Zone] = []

    init(file: String, lenient: Bool) {
        self.file = file
        self.lenient = lenient
    }

    /// Records a problem that is not about one row (header, mapping): an error stops strict and
    /// lenient runs alike, since every row would be wrong.
    mutating func report(_ d: Diagnostic) { log.append(d) }

    /// Records a record that could not be read at all (a JSON element that is not an object).
    mutating func rejectRecord(_ location: SourceLocation, _ message: String) {
        if lenient {
            skipped.append(.warning(location, "record skipped: \(message)"))
        } else {
            log.error(location, message)
        }
    }

    /// Builds one asset from the cells of a record and adds it, or records why it cannot.
    /// - Parameters:
    ///   - cells: the record's cells by field (several for `addresses`).
    ///   - location: the record's start, used when a required cell is missing.
    ///   - cidrIsHost: every `a/len` address is the host `a` (NetBox IP records).
    ///   - joinsDevice: the record holds addresses of a device named by its id, to be joined to
    ///     that device by the loader (``Inventory/deviceAddresses``), not an asset of its own.
    mutating func add(
        _ cells: [InventoryField: [InventoryCell]], at location: SourceLocation, cidrIsHost: Bool = false,
        joinsDevice: Bool = false
    ) {
        if cells[.cui] != nil { columns.statesCUI = true }
        var record = AssetRecord(cells: cells)
        let idCell = record.readID(at: location)
        let id = idCell?.text ?? ""
        var asset = Asset(id: id, name: record.first(.name)?.text, location: idCell?.location ?? location)
        record.readAddresses(into: &asset, cidrIsHost: cidrIsHost)
        record.readKind(into: &asset)
        record.readScoping(into: &asset)
        record.readTexts(into: &asset)

        if joinsDevice {
            log.append(contentsOf: record.warnings)
            if record.errors.isEmpty { deviceAddresses.append(asset) } else { reject(record.errors) }
            return
        }
        // duplicate ids: point at the second row, name the first
        if let idCell, let line = firstLine[id] {
            record.errors.append(.error(idCell.location, "column '\(idCell.column)': duplicate id (first used on line \(line))"))
        }

        log.append(contentsOf: record.warnings)
        if record.errors.isEmpty {
            firstLine[id] = asset.location.line
            assets.append(asset)
        } else {
            if !lenient, idCell != nil, firstLine[id] == nil { firstLine[id] = asset.location.line }
            reject(record.errors)
        }
    }

    /// A record's errors: the row is skipped and listed when lenient, else the errors stand.
    private mutating func reject(_ errors: [Diagnostic]) {
        if lenient {
            let sorted = errors.sorted()
            skipped.append(.warning(sorted[0].location, "row skipped: " + sorted.map(\.message).joined(separator: "; ")))
        } else {
            log.append(contentsOf: errors)
        }
    }

    /// The inventory, or every error found when not lenient (or when a file-level error occurred).
    func finish() throws(InputError) -> Inventory {
        try log.throwIfErrors()
        var log = self.log
        if !columns.statesCUI {
            log.append(.warning(SourceLocation(file: file, line: columns.headerLine, column: 1),
                                "no cui column: no asset of this file can be found to process, store or transmit CUI "
                                    + "(add a cui column, a NetBox custom field cui, or --map 'COLUMN=cui')"))
        }
        var inventory = Inventory(assets: assets, skipped: skipped, warnings: log.entries.sorted(), source: file)
        inventory.columns = columns
        inventory.deviceAddresses = deviceAddresses
        inventory.zones = zones
        if !deviceAddresses.isEmpty { inventory.counts["ip records"] = deviceAddresses.reduce(0) { $0 + $1.addressTexts.count } }
        if !zones.isEmpty { inventory.counts["prefixes"] = zones.reduce(0) { $0 + $1.subnets.count } }
        return inventory
    }

    /// Takes a resolved header's column report and warns, once for the file, about the columns
    /// that feed no field (docs/DECISIONS.md 113). A missing `cui` column is warned about in
    /// ``finish()``, for every format.
    mutating func useColumns(_ report: InventoryColumns, at header: SourceLocation) {
        columns = report
        columns.headerLine = header.line
        if !report.ignored.isEmpty {
            let names = report.ignored.map { "'\($0)'" }.joined(separator: ", ")
            log.append(.warning(header, "\(report.ignored.count) column\(report.ignored.count == 1 ? "" : "s") not used: "
                + "\(names) (read one as a field with --map 'COLUMN=FIELD', or silence this with --map 'COLUMN=ignore')"))
        }
    }
}

/// The cells of one record on their way into an ``Asset``, with the problems found so far, in
/// the order the fields are read.
private struct AssetRecord {
    let cells: [InventoryField: [InventoryCell]]
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    init(cells: [InventoryField: [InventoryCell]]) { self.cells = cells }

    /// The first non-empty cell of a field.
    func first(_ f: InventoryField) -> InventoryCell? {
        cells[f]?.first { !$0.text.isEmpty }
    }

    mutating func fail(_ cell: InventoryCell, _ message: String) {
        errors.append(.error(cell.location, "column '\(cell.column)': \(message)"))
    }

    /// The id cell (required); nil after an error when it is missing or empty.
    mutating func readID(at location: SourceLocation) -> InventoryCell? {
        guard let idCell = first(.id) else {
            if let empty = cells[.id]?.first {
                errors.append(.error(empty.location, "column '\(empty.column)': empty id (every asset needs a unique id)"))
            } else {
                errors.append(.error(location, "record has no id (expected a key such as id, name, hostname, asset_tag, "
                    + "sys_id or serial)"))
            }
            return nil
        }
        if InventoryValues.looksExcelMangled(idCell.text) {
            warnings.append(.warning(idCell.location, "column '\(idCell.column)': id looks like a number Excel "
                + "rewrote in scientific notation (like 6.37702E+15); the original digits are lost, so this id "
                + "will not match other sources (re-export the column as text)"))
        }
        return idCell
    }

    mutating func readAddresses(into asset: inout Asset, cidrIsHost: Bool) {
        var addressSets: [AddressSet] = []
        for cell in cells[.addresses] ?? [] {
            for token in InventoryValues.addressTokens(cell.text) {
                if let set = InventoryValues.address(token, cidrIsHost: cidrIsHost) {
                    addressSets.append(set)
                    asset.addressTexts.append(String(token))
                } else {
                    fail(cell, "\(quoted(token)) is not an IPv4/IPv6 address, CIDR prefix or range")
                }
            }
        }
        asset.addresses = AddressSet(addressSets.flatMap(\.intervals))
    }

    /// The kind, the declared category, and a vendor `category` that is either a CMMC category
    /// or a kind.
    mutating func readKind(into asset: inout Asset) {
        var kindDecided = false
        if let cell = first(.kind), let reading = InventoryValues.kind(cell.text) {
            asset.kind = reading.kind
            kindDecided = true
            if !reading.recognised { warnings.append(unknownKind(cell)) }
        }
        if let cell = first(.declared) {
            if let c = Category(token: cell.text) {
                asset.declared = c
            } else {
                fail(cell, "unknown category \(quoted(cell.text)) (expected one of "
                    + Category.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
        }
        if let cell = first(.category) {
            if let c = Category(token: cell.text) {
                if asset.declared == nil { asset.declared = c }
            } else if !kindDecided, let reading = InventoryValues.kind(cell.text) {
                asset.kind = reading.kind
                if !reading.recognised { warnings.append(unknownKind(cell)) }
            }
        }
    }

    /// What the classification reads: CUI handling, security functions, VDI mode and the flags.
    mutating func readScoping(into asset: inout Asset) {
        if let cell = first(.cui) {
            if let c = InventoryValues.cui(cell.text) {
                asset.cui = c
            } else {
                fail(cell, "expected none, yes, or any of process, store, transmit joined by ';'")
            }
        }
        for cell in cells[.functions] ?? [] {
            for token in InventoryValues.listTokens(cell.text) {
                if let f = InventoryValues.function(token) {
                    if !asset.functions.contains(f) { asset.functions.append(f) }
                } else {
                    fail(cell, "unknown security function \(quoted(token)) (expected one of "
                        + SecurityFunction.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                }
            }
        }
        if let cell = first(.vdi) {
            if let mode = InventoryValues.vdi(cell.text) {
                asset.vdi = mode
            } else {
                fail(cell, "expected kvm-only or redirection")
            }
        }
        asset.crmPolicy = flag(.crmPolicy)
        asset.governmentOperated = flag(.government)
        asset.publicFacing = flag(.public)
    }

    /// A yes/no field; false when absent or after an error.
    private mutating func flag(_ field: InventoryField) -> Bool {
        guard let cell = first(field) else { return false }
        if let b = InventoryValues.boolean(cell.text) { return b }
        fail(cell, "expected yes or no")
        return false
    }

    /// The free-text fields, taken as written.
    func readTexts(into asset: inout Asset) {
        asset.zoneHint = first(.zone)?.text
        asset.provider = first(.provider)?.text
        asset.fedrampID = first(.fedrampID)?.text
        asset.fedrampStatus = first(.fedrampStatus)?.text
        asset.impactLevel = first(.impactLevel)?.text
        asset.justification = first(.justification)?.text
        asset.dfarsEvidence = first(.dfars7012)?.text
        asset.equivalencyEvidence = (cells[.equivalency] ?? []).flatMap { InventoryValues.listTokens($0.text) }
    }

    private func unknownKind(_ cell: InventoryCell) -> Diagnostic {
        .warning(cell.location, "column '\(cell.column)': kind \(quoted(cell.text)) is not recognised, treated as "
            + "other (expected one of " + AssetKind.allCases.map(\.rawValue).joined(separator: ", ")
            + "; use --map or a kind column)")
    }

    /// A cell value for a message, shortened: inventory values are not secrets, but rows can be long.
    private func quoted(_ s: some StringProtocol) -> String {
        let t = s.count > 40 ? String(s.prefix(40)) + "…" : String(s)
        return "'\(t)'"
    }
}
