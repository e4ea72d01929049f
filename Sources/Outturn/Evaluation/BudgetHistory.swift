import Foundation

/// A long history of budgets and actual spending, as `planner evaluate` reads it: columns `line`,
/// `year`, `budget`, `actual` and optionally `body` (then lines are named `body :: line`). Budget or
/// actual may be blank (that line-year is then not usable). Years are fiscal years (`2019/20`,
/// `2019-20`), calendar years (`1995`, read as the fiscal year starting then) or `FY2019` (the fiscal
/// year ending then).
package struct BudgetHistory: Sendable {
    /// One line-year: amounts (nil when blank) and where it was read.
    package struct Cell: Sendable, Equatable {
        /// The budget, or nil when blank.
        package let budget: Money?
        /// The actual spending, or nil when blank.
        package let actual: Money?
        /// One-based line of the file.
        package let sourceLine: Int

        /// True when the line-year can be used: budget > 0 and actual ≥ 0.
        package var isUsable: Bool {
            guard let budget, let actual else { return false }
            return budget.pence > 0 && actual.pence >= 0
        }
    }

    /// The file as named.
    package let fileName: String
    /// Line names in first-seen order.
    package let lines: [String]
    /// Per line (same order as ``lines``): its cells by fiscal year.
    package let cells: [[FiscalYear: Cell]]
    /// Every fiscal year present, ascending.
    package let years: [FiscalYear]

    /// Reads the CSV at `path`.
    /// - Throws: ``InputError`` naming the file and line: a missing column, a year or amount that
    ///   cannot be read, a line-year given twice.
    package init(contentsOf path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(file: path, line: nil, message: "cannot read the file", hint: "check the path")
        }
        try self.init(reader: try CSVRowReader(contentsOf: path))
    }

    /// Reads `text` as the CSV named `fileName`.
    package init(csv text: String, fileName: String) throws {
        try self.init(reader: try CSVRowReader(text: text, fileName: fileName))
    }

    /// A history from its parts (tests).
    init(fileName: String, lines: [String], cells: [[FiscalYear: Cell]], years: [FiscalYear]) {
        self.fileName = fileName
        self.lines = lines
        self.cells = cells
        self.years = years
    }

    init(reader: CSVRowReader) throws {
        let lineColumn = try reader.columnIndex("line"), yearColumn = try reader.columnIndex("year")
        let budgetColumn = try reader.columnIndex("budget"), actualColumn = try reader.columnIndex("actual")
        let bodyColumn = reader.header.firstIndex { $0.trimmedOfWhitespace.lowercased() == "body" }
        var index: [String: Int] = [:]
        var lines: [String] = []
        var cells: [[FiscalYear: Cell]] = []
        var years = Set<FiscalYear>()
        var yearReading = YearReading(start: .april)
        while let row = try reader.next() {
            let bare = row.fields[lineColumn].trimmedOfWhitespace
            guard !bare.isEmpty else {
                throw InputError(file: reader.fileName, line: row.line, message: "line is empty", hint: "name the budget line")
            }
            let body = bodyColumn.map { row.fields[$0].trimmedOfWhitespace } ?? ""
            let name = body.isEmpty ? bare : "\(body) :: \(bare)"
            let yearText = row.fields[yearColumn].trimmedOfWhitespace
            guard let year = try yearReading.year(yearText, file: reader.fileName, line: row.line) else {
                throw InputError(file: reader.fileName, line: row.line, message: "year '\(yearText)' is not a year (\(name))",
                                 hint: "write 2019/20, 2019-20, 2019, FY2020 or FY20")
            }
            if yearReading.established == nil { yearReading = yearReading.keeping(year, writtenAt: "\(reader.fileName):\(row.line)") }
            func amount(_ column: Int, _ what: String) throws -> Money? {
                let text = row.fields[column].trimmedOfWhitespace
                if text.isEmpty { return nil }
                // Published exports carry float artefacts (59824250.440000005): plain decimals round to the penny.
                guard let money = Money(parsing: text) ?? Double(text).flatMap({ $0.isFinite ? Money(roundingPounds: $0) : nil }) else {
                    throw InputError(file: reader.fileName, line: row.line,
                                     message: "\(what) '\(text)' is not an amount (\(name), \(year))",
                                     hint: "write amounts as plain numbers, e.g. 1234567 or -1234.50; leave it blank if unknown")
                }
                return money
            }
            let cell = Cell(budget: try amount(budgetColumn, "budget"), actual: try amount(actualColumn, "actual"),
                            sourceLine: row.line)
            let k: Int
            if let known = index[name] { k = known } else {
                k = lines.count
                index[name] = k
                lines.append(name)
                cells.append([:])
            }
            if let earlier = cells[k][year] {
                throw InputError(file: reader.fileName, line: row.line,
                                 message: "line '\(name)' has a second row for \(year) (the first is on line \(earlier.sourceLine))",
                                 hint: "keep one row per line and year")
            }
            cells[k][year] = cell
            years.insert(year)
        }
        guard !lines.isEmpty else {
            throw InputError(file: reader.fileName, line: nil, message: "the file has no rows",
                             hint: "one row per line and year: line,year,budget,actual")
        }
        self.fileName = reader.fileName
        self.lines = lines
        self.cells = cells
        self.years = years.sorted()
    }

    /// `2019/20`, `2019-20`, `2019` (the fiscal year starting in 2019), `FY2019` or `FY19` (the one
    /// ending in 2019): the planner's one year parser, ``FiscalYear/init(label:startingIn:)``, with
    /// years starting in April.
    package static func year(_ text: String) -> FiscalYear? {
        FiscalYear(label: text, startingIn: .april)
    }

    /// The usable years of line `k` immediately before `year`, contiguous, oldest first.
    func history(ofLine k: Int, before year: FiscalYear) -> [FiscalYear] {
        var result: [FiscalYear] = []
        var y = year.previous
        while let cell = cells[k][y], cell.isUsable {
            result.append(y)
            y = y.previous
        }
        return result.reversed()
    }
}
