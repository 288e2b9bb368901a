import Foundation

/// Reads an inventory CSV: the first non-empty record is the header (aliases resolved by
/// ``InventoryLayout``), every following non-blank record one asset.
enum InventoryCSVParser {
    static func parse(_ data: Data, file: String, mappings: [String: String], lenient: Bool) throws(InputError)
        -> Inventory
    {
        var reader = CSVReader(data: data, file: file)
        var assembler = InventoryAssembler(file: file, lenient: lenient)
        guard let header = try reader.next() else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "empty inventory: expected a header row")
        }
        let headerLocation = SourceLocation(file: file, line: header.line, column: 1)
        let headers = header.fields.map { InventoryValues.trim($0.text) }
        let (layout, notes) = InventoryLayout.resolve(headers: headers, mappings: mappings, at: headerLocation)
        for note in notes { assembler.report(note) }
        assembler.useColumns(layout.columnReport, at: headerLocation)
        guard layout.hasIDColumn else {
            assembler.report(.error(headerLocation, "missing id column: the header needs one of id, asset_tag, "
                + "hostname, sys_id, serial, name (or --map COLUMN=id)"))
            return try assembler.finish()
        }
        let used = InventoryField.allCases.map { ($0, layout.columns(for: $0)) }.filter { !$0.1.isEmpty }
        while let record = try reader.next() {
            if record.isBlank { continue }
            if let extra = extraField(record, columns: headers.count) {
                assembler.rejectRecord(
                    SourceLocation(file: file, line: extra.line, column: extra.column),
                    "row has \(record.fields.count) fields but the header has \(headers.count): field \(extra.index + 1) "
                        + "has no column (quote a value that contains a comma)")
                continue
            }
            var cells: [InventoryField: [InventoryCell]] = [:]
            cells.reserveCapacity(used.count)
            for (field, columns) in used {
                // A field whose cells are all empty reads as absent (the assembler ignores empty
                // cells except for the id's location): skip building them, most rows are sparse.
                if field != .id, columns.allSatisfy({ i in
                    i >= record.fields.count || InventoryValues.isBlank(record.fields[i].text)
                }) {
                    continue
                }
                cells[field] = columns.map { i in
                    // Short rows are padded with empty cells, located just past the row's last field.
                    if i < record.fields.count {
                        let f = record.fields[i]
                        return InventoryCell(
                            text: InventoryValues.trim(f.text),
                            location: SourceLocation(file: file, line: f.line, column: f.column), column: headers[i])
                    }
                    let last = record.fields[record.fields.count - 1]
                    return InventoryCell(
                        text: "", location: SourceLocation(file: file, line: last.line, column: last.column),
                        column: headers[i])
                }
            }
            assembler.add(cells, at: SourceLocation(file: file, line: record.line, column: 1))
        }
        return try assembler.finish()
    }

    /// The first non-blank field past the header's last column. Blank extra fields (the trailing
    /// commas spreadsheets write) carry nothing and are read as absent (docs/DECISIONS.md 114).
    static func extraField(_ record: CSVRecord, columns: Int) -> (index: Int, line: Int, column: Int)? {
        guard record.fields.count > columns else { return nil }
        for i in columns..<record.fields.count where !InventoryValues.isBlank(record.fields[i].text) {
            return (i, record.fields[i].line, record.fields[i].column)
        }
        return nil
    }
}
