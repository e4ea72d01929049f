import Foundation

extension Ledger {
    /// Reads a ledger CSV: a header row, then one row per budget line and fiscal year.
    ///
    /// Amounts are in pounds and may be written as finance exports them (`£1,234`, `-1,234`,
    /// `- 1,234`, `(1,234)`, decimals to pence); commas inside amounts need the field quoted.
    /// The amounts of each column may add up (in absolute value) to at most about £46 trillion, so
    /// that every total and variance is exact.
    /// - Parameters:
    ///   - text: the whole file.
    ///   - fileName: how to name the file in errors.
    ///   - columns: which columns hold line, year, budget and actual.
    ///   - years: the month years start in and the style they must be written in (default: April,
    ///     any one style); see ``YearLabelStyle``.
    /// - Throws: ``InputError`` naming file, line, column and the offending text
    ///   (`ledger.csv:4: actual '76304O' is not an amount`).
    public init(csv text: String, fileName: String, columns: LedgerColumns = .standard,
                years: YearReading = .standard) throws {
        try self.init(reader: try CSVRowReader(text: text, fileName: fileName), columns: columns, years: years)
    }

    /// Reads the ledger CSV at `path` (named as given in errors), memory-mapped and parsed on all
    /// cores, never holding the fields as text.
    public init(contentsOf path: String, columns: LedgerColumns = .standard, years: YearReading = .standard) throws {
        try self.init(reader: try CSVRowReader(contentsOf: path), columns: columns, years: years)
    }

    /// Rows of one part of the file, in file order; consecutive rows of the same line share one name.
    private struct Part {
        var names: [String] = []
        /// Each name lowercased (the ledger's case-insensitive key), made here on all cores.
        var keys: [String] = []
        /// Row index (within the part) after the last row of each name in `names`.
        var runEnds: [Int] = []
        var years: [Int32] = []
        var budgets: [Int64] = []
        var actuals: [Int64] = []
        var lines: [Int32] = []
        var lastName: [UInt8] = []
        var yearSpellings: [([UInt8], FiscalYear?)] = []
        /// The first year of the part as written, and its line: the style the part keeps.
        var firstYear: (year: FiscalYear, text: String, line: Int)?

        /// Room for the rows of `bytes` bytes of ledger (rows are rarely under 24 bytes).
        init(bytes: Int = 0) {
            let rows = bytes / 24 + 16
            years.reserveCapacity(rows)
            budgets.reserveCapacity(rows)
            actuals.reserveCapacity(rows)
            lines.reserveCapacity(rows)
        }

        mutating func closeRun() { if !names.isEmpty { runEnds.append(years.count) } }
    }

    /// - Parameter parts: how many parts to read in parallel (nil: by size and cores; tests set it).
    init(reader: CSVRowReader, columns: LedgerColumns, years reading: YearReading = .standard, parts: Int? = nil) throws {
        let lineIndex = try reader.columnIndex(columns.line)
        let yearIndex = try reader.columnIndex(columns.year)
        let budgetIndex = try reader.columnIndex(columns.budget)
        let actualIndex = try reader.columnIndex(columns.actual)
        let header = reader.header
        let fileName = reader.fileName
        var parts = try reader.parallelRecords(parts: parts, { Part(bytes: $0) }) { part, row in
            let rowLine = row.recordLine
            // The line's name: the previous row's String when the bytes are the same (ledgers come grouped by line).
            try row.withField(lineIndex) { raw in
                let plain = ByteFields.trimmed(raw)
                if let plain, !part.names.isEmpty, plain.count == part.lastName.count,
                   part.lastName.withUnsafeBufferPointer({ ByteFields.equal($0, plain) }) { return }
                let name = plain.map { String(decoding: $0, as: UTF8.self) } ?? ByteFields.trimmedString(raw)
                guard !name.isEmpty else {
                    throw InputError(file: fileName, line: rowLine, message: "\(header[lineIndex]) is empty", hint: "name the budget line")
                }
                part.closeRun()
                part.names.append(name)
                part.keys.append(name.lowercased())
                // (Capacity kept: no allocation per line. 0xFF: never equal to a UTF-8 field.)
                part.lastName.removeAll(keepingCapacity: true)
                if let plain { part.lastName.append(contentsOf: plain) } else { part.lastName.append(0xFF) }
            }
            let name = part.names[part.names.count - 1]
            // Big ledgers repeat a handful of years: parse each spelling once.
            let year: FiscalYear = try row.withField(yearIndex) { raw in
                for (spelling, parsed) in part.yearSpellings where spelling.count == raw.count {
                    if spelling.withUnsafeBufferPointer({ ByteFields.equal($0, raw) }) {
                        if let parsed { return parsed }
                        break
                    }
                }
                let text = ByteFields.trimmedString(raw)
                let parsed = FiscalYear(label: text, startingIn: reading.start)
                guard let parsed else {
                    throw InputError(file: fileName, line: rowLine,
                                     message: "\(header[yearIndex]) '\(InputError.echo(text))' is not a fiscal year",
                                     hint: reading.hint)
                }
                // One style per set of files: each new spelling is checked once (cached ones passed).
                try reading.check(parsed, text: text, file: fileName, line: rowLine, column: header[yearIndex])
                if let first = part.firstYear {
                    try reading.keeping(first.year, writtenAt: "\(fileName):\(first.line)")
                        .check(parsed, text: text, file: fileName, line: rowLine, column: header[yearIndex])
                } else {
                    part.firstYear = (parsed, text, rowLine)
                }
                if part.yearSpellings.count < 16 { part.yearSpellings.append((Array(raw), parsed)) }
                return parsed
            }
            let budget = try row.withField(budgetIndex) {
                try Ledger.amount($0, header[budgetIndex], fileName, rowLine, line: name, year: year)
            }
            let actual = try row.withField(actualIndex) {
                try Ledger.amount($0, header[actualIndex], fileName, rowLine, line: name, year: year)
            }
            part.years.append(Int32(clamping: year.startYear))
            part.budgets.append(budget.pence)
            part.actuals.append(actual.pence)
            part.lines.append(Int32(clamping: rowLine))
        }
        var builder = Ledger.Builder(fileName: fileName)
        // Parts were read apart: the first part's style must hold in every other.
        let firsts = parts.compactMap(\.firstYear)
        if let first = firsts.first {
            let keeping = reading.keeping(first.year, writtenAt: "\(fileName):\(first.line)")
            for other in firsts.dropFirst() {
                try keeping.check(other.year, text: other.text, file: fileName, line: other.line, column: header[yearIndex])
            }
            builder.yearStyle = first.year.style
        }
        builder.reserveCapacity(parts.reduce(0) { $0 + $1.years.count })
        // Every sum of budgets, of actuals, and their difference stays exact when each column's
        // absolute amounts add up to at most half the Int64 range.
        var budgetMagnitude: Int64 = 0, actualMagnitude: Int64 = 0
        let limit = Int64.max / 2
        for k in parts.indices {
            parts[k].closeRun()
            let part = parts[k]
            var row = 0
            for (run, name) in part.names.enumerated() {
                let runStart = row
                while row < part.runEnds[run] {
                    let budget = part.budgets[row], actual = part.actuals[row]
                    let (budgets, budgetOverflow) = budgetMagnitude.addingReportingOverflow(Int64(clamping: budget.magnitude))
                    let (actuals, actualOverflow) = actualMagnitude.addingReportingOverflow(Int64(clamping: actual.magnitude))
                    let budgetTooLarge = budgetOverflow || budgets > limit
                    if budgetTooLarge || actualOverflow || actuals > limit {
                        let column = budgetTooLarge ? header[budgetIndex] : header[actualIndex]
                        throw InputError(file: fileName, line: Int(part.lines[row]),
                                         message: "the \(column) column adds up to more than £46 trillion, too much to total exactly (\(InputError.echo(name)), \(FiscalYear(startYear: Int(part.years[row]), style: builder.yearStyle)))",
                                         hint: "amounts are in pounds; check for a misplaced decimal point or a value in pence")
                    }
                    budgetMagnitude = budgets
                    actualMagnitude = actuals
                    row += 1
                }
                let rows = runStart..<row
                builder.appendRun(line: name, key: part.keys[run], years: part.years[rows], budgets: part.budgets[rows],
                                  actuals: part.actuals[rows], sourceLines: part.lines[rows])
            }
            parts[k] = Part() // release each part once merged
        }
        self = try builder.finish()
    }

    private static func amount(_ raw: UnsafeBufferPointer<UInt8>, _ column: String, _ fileName: String, _ rowLine: Int,
                               line: String, year: FiscalYear) throws -> Money {
        if let plain = ByteFields.trimmed(raw), let pence = Money.plainPence(plain) { return Money(pence: pence) }
        let text = ByteFields.trimmedString(raw)
        guard let money = Money(parsing: text) else {
            let context = "\(InputError.echo(line)), \(year)"
            throw InputError(file: fileName, line: rowLine,
                             message: text.isEmpty ? "\(column) is empty (\(context))"
                                 : "\(column) '\(InputError.echo(text))' is not an amount (\(context))",
                             hint: text.isEmpty ? "fill in the amount (0 if none)"
                                 : "write amounts in pounds, e.g. 1234567, \"£1,234,567\", -1,234 or (1,234)")
        }
        return money
    }
}
