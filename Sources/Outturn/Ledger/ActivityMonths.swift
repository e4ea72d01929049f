import Foundation

/// The months behind a monthly activity series (an activity CSV with columns `series`, `month`,
/// `value`): consecutive calendar months and one value per month. The series' yearly
/// ``ActivitySeries/years`` and ``ActivitySeries/values`` are the sums of its complete fiscal years.
package struct ActivityMonths: Sendable, Equatable {
    /// The first month present.
    package let first: CalendarMonth
    /// One value per month from ``first`` on, consecutive (counts or other units as the file says).
    package let values: [Double]

    /// The last month present.
    package var last: CalendarMonth { first.advanced(by: values.count - 1) }

    /// The months `first`, `first + 1`, … with `values`.
    /// - Precondition: `values` is not empty.
    package init(first: CalendarMonth, values: [Double]) {
        precondition(!values.isEmpty, "a monthly series needs at least one month")
        self.first = first
        self.values = values
    }

    /// The complete fiscal years (years starting in `start`) with every month present, and their
    /// sums; a partial first or last year is left out.
    package func fiscalYearSums(startingIn start: MonthOfYear) -> (years: [FiscalYear], sums: [Double]) {
        var year = FiscalYear.containing(first, startingIn: start)
        if year.firstMonth(startingIn: start) != first { year = year.next }
        var years: [FiscalYear] = [], sums: [Double] = []
        while true {
            let offset = year.firstMonth(startingIn: start).ordinal - first.ordinal
            guard offset + 12 <= values.count else { break }
            years.append(year)
            sums.append(values[offset..<offset + 12].reduce(0, +))
            year = year.next
        }
        return (years, sums)
    }
}

extension ActivitySeries {
    /// Reads a monthly activity table (`series`, `month`, `value`): every series' months must be
    /// consecutive, given once, and add up to at least one complete fiscal year (years starting in
    /// `start`); they may not run past `targetYear`.
    /// - Throws: ``InputError`` at FILE:LINE for a month that is not `YYYY-MM` (a fiscal year in a
    ///   monthly file is called out as a mix), a value that is not a number, a month given twice, a
    ///   missing month (an error, as a missing year is: the seasonal fit needs every month), a month
    ///   after the target year, or a series without a complete fiscal year.
    static func readMonthly(_ table: CSVTable, seriesIndex: Int, monthIndex: Int, valueIndex: Int,
                            start: MonthOfYear, targetYear: FiscalYear?) throws -> [ActivitySeries] {
        let fileName = table.fileName
        var order: [String] = []
        var points: [String: [(month: CalendarMonth, value: Double, line: Int)]] = [:]
        var seen: [String: [CalendarMonth: Int]] = [:]
        for row in table.rows {
            let name = row.fields[seriesIndex].trimmingCharacters(in: .whitespaces)
            let monthText = row.fields[monthIndex].trimmingCharacters(in: .whitespaces)
            let valueText = row.fields[valueIndex].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw InputError(file: fileName, line: row.line, message: "series is empty", hint: "name the series")
            }
            guard let month = CalendarMonth(monthText) else {
                let looksLikeYear = !monthText.isEmpty && (monthText.contains("/") || monthText.uppercased().hasPrefix("FY")
                    || monthText.allSatisfy(\.isNumber))
                throw InputError(file: fileName, line: row.line,
                                 message: looksLikeYear
                                     ? "'\(InputError.echo(monthText))' looks like a year, but this activity file has a month column"
                                     : "month '\(InputError.echo(monthText))' is not a calendar month",
                                 hint: looksLikeYear
                                     ? "a file holds either yearly rows (series,year,value) or monthly rows (series,month,value), not both"
                                     : "write the year and month as 2021-09")
            }
            if let target = targetYear, FiscalYear.containing(month, startingIn: start) > target {
                throw InputError(file: fileName, line: row.line,
                                 message: "month \(month) of '\(InputError.echo(name))' is after the target year \(target) (years start in \(start))",
                                 hint: "leave later months out")
            }
            guard let value = ActivitySeries.number(valueText) else {
                throw InputError(file: fileName, line: row.line, message: "value '\(InputError.echo(valueText))' is not a number", hint: nil)
            }
            if points[name] == nil { order.append(name) }
            if let previous = seen[name]?[month] {
                throw InputError(file: fileName, line: row.line,
                                 message: "series '\(InputError.echo(name))' has a second row for \(month) (the first is on line \(previous))",
                                 hint: "keep one row per series and month")
            }
            seen[name, default: [:]][month] = row.line
            points[name, default: []].append((month, value, row.line))
        }
        return try order.map { name in
            let sorted = points[name]!.sorted { $0.month < $1.month }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.month != earlier.month.advanced(by: 1) {
                throw InputError(file: fileName, line: later.line,
                                 message: "series '\(InputError.echo(name))' has no row for \(earlier.month.advanced(by: 1))",
                                 hint: "add the missing month (write 0 for a month with no activity)")
            }
            let months = ActivityMonths(first: sorted[0].month, values: sorted.map(\.value))
            let (years, sums) = months.fiscalYearSums(startingIn: start)
            guard !years.isEmpty else {
                throw InputError(file: fileName, line: sorted.last!.line,
                                 message: "series '\(InputError.echo(name))' has no complete fiscal year of months (\(months.first) to \(months.last), years starting in \(start))",
                                 hint: "give at least the twelve months of one fiscal year, or set fiscal_year_start in the scenario")
            }
            var series = ActivitySeries(name: name, years: years, values: sums)
            series.months = months
            return series
        }
    }
}
