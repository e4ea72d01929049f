import Foundation

extension ActivitySeries {
    /// Reads an activity CSV with columns `series`, `year`, `value` (one row per series and year;
    /// values may have thousands separators). Series keep their order of first appearance. Years are
    /// read by `reading` (any style it allows, one style throughout).
    /// - Throws: ``InputError`` for a bad year or value, a duplicate row, or a gap in a series' years.
    ///
    /// A file with a `month` column instead of `year` (`series`, `month`, `value`, months such as
    /// `2021-09`) is monthly: its months are cut into fiscal years starting in `reading`'s start
    /// month and may not run past `targetYear` (see `ActivityMonths`).
    public static func read(csv text: String, fileName: String, years reading: YearReading = .standard,
                            targetYear: FiscalYear? = nil) throws -> [ActivitySeries] {
        let table = try CSVTable(text: text, fileName: fileName)
        let seriesIndex = try table.columnIndex("series")
        let valueIndex = try table.columnIndex("value")
        // A `month` column instead of `year`: a monthly file (ActivityMonths.swift).
        func has(_ name: String) -> Bool { table.header.contains { $0.caseInsensitiveCompare(name) == .orderedSame } }
        if has("month") {
            guard !has("year") else {
                throw InputError(file: fileName, line: 1, message: "the activity file has both a 'year' and a 'month' column",
                                 hint: "a file holds either yearly rows (series,year,value) or monthly rows (series,month,value), not both")
            }
            return try readMonthly(table, seriesIndex: seriesIndex, monthIndex: try table.columnIndex("month"),
                                   valueIndex: valueIndex, start: reading.start, targetYear: targetYear)
        }
        let yearIndex = try table.columnIndex("year")
        var order: [String] = []
        var points: [String: [(FiscalYear, Double, Int)]] = [:]
        var reading = reading
        for row in table.rows {
            let name = row.fields[seriesIndex].trimmingCharacters(in: .whitespaces)
            let yearText = row.fields[yearIndex].trimmingCharacters(in: .whitespaces)
            let valueText = row.fields[valueIndex].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw InputError(file: fileName, line: row.line, message: "series is empty", hint: "name the series")
            }
            guard let year = try reading.year(yearText, file: fileName, line: row.line) else {
                throw InputError(file: fileName, line: row.line, message: "year '\(InputError.echo(yearText))' is not a fiscal year",
                                 hint: reading.hint)
            }
            if reading.established == nil { reading = reading.keeping(year, writtenAt: "\(fileName):\(row.line)") }
            guard let value = ActivitySeries.number(valueText) else {
                throw InputError(file: fileName, line: row.line, message: "value '\(InputError.echo(valueText))' is not a number", hint: nil)
            }
            if points[name] == nil { order.append(name) }
            if let previous = points[name]?.first(where: { $0.0 == year }) {
                throw InputError(file: fileName, line: row.line,
                                 message: "series '\(InputError.echo(name))' has a second row for \(year) (the first is on line \(previous.2))",
                                 hint: "keep one row per series and year")
            }
            points[name, default: []].append((year, value, row.line))
        }
        return try order.map { name in
            let sorted = points[name]!.sorted { $0.0 < $1.0 }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.0 != earlier.0.next {
                throw InputError(file: fileName, line: later.2,
                                 message: "series '\(InputError.echo(name))' has no row for \(earlier.0.next)", hint: "add the missing year")
            }
            return ActivitySeries(name: name, years: sorted.map(\.0), values: sorted.map(\.1))
        }
    }

    /// A plain or comma-grouped decimal number, or nil.
    static func number(_ text: String) -> Double? {
        guard let money = Money(parsing: text), !text.contains("£"), !text.contains("(") else { return nil }
        return Double(money.pence) / 100
    }
}
