import Foundation

extension Ledger {
    /// Reads a ledger CSV: a header row, then one row per budget line and fiscal year.
    ///
    /// Amounts are in pounds and may be written as finance exports them (`£1,234`, `-1,234`,
    /// `- 1,234`, `(1,234)`, decimals to pence); commas inside amounts need the field quoted.
    /// - Parameters:
    ///   - text: the whole file.
    ///   - fileName: how to name the file in errors.
    ///   - columns: which columns hold line, year, budget and actual.
    /// - Throws: ``InputError`` naming file, line, column and the offending text
    ///   (`ledger.csv:4: actual '76304O' is not an amount`).
    public init(csv text: String, fileName: String, columns: LedgerColumns = .standard) throws {
        try self.init(reader: try CSVRowReader(text: text, fileName: fileName), columns: columns)
    }

    /// Reads the ledger CSV at `path` (named as given in errors) row by row, never holding the
    /// file's text or fields whole.
    public init(contentsOf path: String, columns: LedgerColumns = .standard) throws {
        try self.init(reader: try CSVRowReader(contentsOf: path), columns: columns)
    }

    init(reader: CSVRowReader, columns: LedgerColumns) throws {
        let lineIndex = try reader.columnIndex(columns.line)
        let yearIndex = try reader.columnIndex(columns.year)
        let budgetIndex = try reader.columnIndex(columns.budget)
        let actualIndex = try reader.columnIndex(columns.actual)
        let header = reader.header
        var builder = Ledger.Builder(fileName: reader.fileName)
        var yearCache: [String: FiscalYear?] = [:]
        while let row = try reader.next() {
            let name = row.fields[lineIndex].trimmedOfWhitespace
            guard !name.isEmpty else {
                throw InputError(file: reader.fileName, line: row.line,
                                 message: "\(header[lineIndex]) is empty", hint: "name the budget line")
            }
            let yearText = row.fields[yearIndex].trimmedOfWhitespace
            // Big ledgers repeat a handful of years: parse each spelling once.
            let parsed: FiscalYear?
            if let known = yearCache[yearText] { parsed = known } else {
                parsed = FiscalYear(yearText)
                if yearCache.count < 1_000 { yearCache[yearText] = parsed }
            }
            guard let year = parsed else {
                throw InputError(file: reader.fileName, line: row.line,
                                 message: "\(header[yearIndex]) '\(yearText)' is not a fiscal year",
                                 hint: "write fiscal years as 2021/22")
            }
            let budget = try Ledger.amount(row, budgetIndex, header, reader.fileName, line: name, year: year)
            let actual = try Ledger.amount(row, actualIndex, header, reader.fileName, line: name, year: year)
            builder.append(line: name, year: year, budget: budget, actual: actual, sourceLine: row.line)
            // Size the row arrays once from the file's size, instead of doubling past it (up to 2× memory).
            if builder.rowCount == 1_024, let size = reader.fileSize, reader.bytesConsumed > 0 {
                builder.reserveCapacity(Int(Double(size) / Double(reader.bytesConsumed) * 1_024 * 1.02) + 1_024)
            }
        }
        self = try builder.finish()
    }

    private static func amount(_ row: CSVTable.Row, _ index: Int, _ header: [String], _ fileName: String,
                               line: String, year: FiscalYear) throws -> Money {
        let text = row.fields[index].trimmedOfWhitespace
        guard let money = Money(parsing: text) else {
            let context = "\(line), \(year)"
            throw InputError(file: fileName, line: row.line,
                             message: text.isEmpty ? "\(header[index]) is empty (\(context))"
                                 : "\(header[index]) '\(text)' is not an amount (\(context))",
                             hint: text.isEmpty ? "fill in the amount (0 if none)"
                                 : "write amounts in pounds, e.g. 1234567, \"£1,234,567\", -1,234 or (1,234)")
        }
        return money
    }
}
