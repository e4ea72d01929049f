import Foundation

/// Monthly actual spending per budget line (the scenario key `actuals_to_date`: a CSV with columns
/// `line,month,actual`, month a calendar month such as `2021-09`): this year's months so far, and
/// earlier years' months where there are any (they teach each line its seasonal profile).
///
/// Read row by row with ``CSVRowReader``, checked against the ledger and the scenario. Every
/// problem is an ``InputError`` at the file's line: an unknown line (with the closest ledger line),
/// a month that is not `YYYY-MM`, an amount that is not an amount, a line and month given twice, or
/// a month outside the ledger's reach (before its first year or after the target year).
/// Negative months are allowed (credits); a negative actual to date is refused by ``MonitorRun``.
public struct ActualsToDate: Sendable {
    /// How the file is named in messages.
    public let fileName: String
    /// Per ledger line index: its months (``CalendarMonth/ordinal``) and their actual spending (exact).
    let months: [Int: [Int: Money]]
    /// Per ledger line index and month ordinal: the file line of the row (for messages).
    let sourceLines: [Int: [Int: Int]]
    /// The latest month present in the target year (nil: none).
    public let latestTargetMonth: CalendarMonth?

    /// Reads `reader` for `scenario` (its target year and `fiscal_year_start`) against `ledger`.
    /// - Throws: ``InputError`` at the file and line (see the type's description).
    package init(_ reader: CSVRowReader, ledger: Ledger, scenario: Scenario) throws {
        fileName = reader.fileName
        let lineColumn = try reader.columnIndex("line")
        let monthColumn = try reader.columnIndex("month")
        let actualColumn = try reader.columnIndex("actual")
        let start = scenario.fiscalYearStart, target = scenario.targetYear
        let first = ledger.years.first ?? target
        var months: [Int: [Int: Money]] = [:], lines: [Int: [Int: Int]] = [:]
        var latest: CalendarMonth?
        while let row = try reader.next() {
            let name = row.fields[lineColumn].trimmedOfWhitespace
            guard let index = ledger.lineIndex(matching: name) else {
                let suggestion = ClosestName.match(name, among: ledger.lineNames)
                throw InputError(file: fileName, line: row.line,
                                 message: name.isEmpty ? "line is empty" : "'\(InputError.echo(name))' is not a budget line in \(ledger.fileName)",
                                 hint: suggestion.map { "did you mean '\($0)'?" } ?? "name a line of the ledger")
            }
            let monthText = row.fields[monthColumn].trimmedOfWhitespace
            guard let month = CalendarMonth(monthText) else {
                throw InputError(file: fileName, line: row.line,
                                 message: monthText.isEmpty ? "month is empty (\(InputError.echo(name)))"
                                     : "month '\(InputError.echo(monthText))' is not a calendar month (\(InputError.echo(name)))",
                                 hint: "write the year and month as 2021-09")
            }
            let year = FiscalYear.containing(month, startingIn: start)
            guard year >= first, year <= target else {
                throw InputError(file: fileName, line: row.line,
                                 message: "month \(month) falls in \(year), outside the years monitored (\(first) to \(target), with years starting in \(start))",
                                 hint: year > target ? "the scenario monitors target_year \(target); leave later months out"
                                     : "months before the ledger's first year \(first) cannot be checked against it; leave them out")
            }
            let text = row.fields[actualColumn].trimmedOfWhitespace
            guard let actual = Money(parsing: text, allowingSuffixes: true) else {
                throw InputError(file: fileName, line: row.line,
                                 message: text.isEmpty ? "actual is empty (\(InputError.echo(name)), \(month))"
                                     : "actual '\(InputError.echo(text))' is not an amount (\(InputError.echo(name)), \(month))",
                                 hint: "write amounts in pounds, e.g. 1234567, \"£1,234,567\" or £4.7m; write 0 for a month with no spending")
            }
            if let earlier = lines[index]?[month.ordinal] {
                throw InputError(file: fileName, line: row.line,
                                 message: "line '\(ledger.lineNames[index])' has \(month) twice (first on line \(earlier))",
                                 hint: "keep one row per line and month")
            }
            months[index, default: [:]][month.ordinal] = actual
            lines[index, default: [:]][month.ordinal] = row.line
            if year == target, latest.map({ month > $0 }) ?? true { latest = month }
        }
        self.months = months
        self.sourceLines = lines
        latestTargetMonth = latest
    }

    /// The actual of line `index` in `month`, nil when the file has no row for it.
    package func actual(lineIndex index: Int, month: CalendarMonth) -> Money? { months[index]?[month.ordinal] }

    /// The file line of line `index`'s row for `month`, if any.
    func sourceLine(lineIndex index: Int, month: CalendarMonth) -> Int? { sourceLines[index]?[month.ordinal] }

    /// The complete years of line `index` before `target` (all months present, positive total), each
    /// as its months' actuals in pounds, first month first; oldest year first.
    func completeYears(lineIndex index: Int, before target: FiscalYear, startingIn start: MonthOfYear) -> [[Double]] {
        guard let own = months[index] else { return [] }
        let years = Set(own.keys.map { FiscalYear.containing(CalendarMonth(year: $0 / 12, month: MonthOfYear(rawValue: $0 % 12 + 1)!), startingIn: start) })
        return years.filter { $0 < target }.sorted().compactMap { year in
            let first = year.firstMonth(startingIn: start)
            var values: [Double] = []
            for offset in 0..<12 {
                guard let value = own[first.advanced(by: offset).ordinal] else { return nil }
                values.append(value.pounds)
            }
            return values.reduce(0, +) > 0 ? values : nil
        }
    }
}
