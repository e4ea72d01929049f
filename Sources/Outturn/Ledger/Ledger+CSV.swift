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
        let table = try CSVTable(text: text, fileName: fileName)
        try self.init(table: table, columns: columns)
    }

    /// Reads the ledger CSV at `path` (named as given in errors).
    public init(contentsOf path: String, columns: LedgerColumns = .standard) throws {
        try self.init(table: try CSVTable(contentsOf: path), columns: columns)
    }

    init(table: CSVTable, columns: LedgerColumns) throws {
        let lineIndex = try table.columnIndex(columns.line)
        let yearIndex = try table.columnIndex(columns.year)
        let budgetIndex = try table.columnIndex(columns.budget)
        let actualIndex = try table.columnIndex(columns.actual)
        var entries: [LedgerEntry] = []
        for row in table.rows {
            let name = row.fields[lineIndex].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw InputError(file: table.fileName, line: row.line,
                                 message: "\(table.header[lineIndex]) is empty", hint: "name the budget line")
            }
            let yearText = row.fields[yearIndex].trimmingCharacters(in: .whitespaces)
            guard let year = FiscalYear(yearText) else {
                throw InputError(file: table.fileName, line: row.line,
                                 message: "\(table.header[yearIndex]) '\(yearText)' is not a fiscal year",
                                 hint: "write fiscal years as 2021/22")
            }
            let context = "\(name), \(year)"
            let budget = try Ledger.amount(row, budgetIndex, table, context: context)
            let actual = try Ledger.amount(row, actualIndex, table, context: context)
            entries.append(LedgerEntry(line: name, year: year, budget: budget, actual: actual, sourceLine: row.line))
        }
        try self.init(fileName: table.fileName, entries: entries)
    }

    private static func amount(_ row: CSVTable.Row, _ index: Int, _ table: CSVTable, context: String) throws -> Money {
        let text = row.fields[index].trimmingCharacters(in: .whitespaces)
        guard let money = Money(parsing: text) else {
            throw InputError(file: table.fileName, line: row.line,
                             message: text.isEmpty ? "\(table.header[index]) is empty (\(context))"
                                 : "\(table.header[index]) '\(text)' is not an amount (\(context))",
                             hint: text.isEmpty ? "fill in the amount (0 if none)"
                                 : "write amounts in pounds, e.g. 1234567, \"£1,234,567\", -1,234 or (1,234)")
        }
        return money
    }
}
