import Foundation

/// An earlier year whose twelve monthly actuals in `actuals_to_date` do not add up to the ledger's
/// annual actual for the line: a warning (one of the files is probably wrong: a month missing or
/// counted twice, or the ledger restated), never an error.
package struct MonthlySumMismatch: Sendable, Equatable {
    /// The actuals file, as named in messages.
    package let fileName: String
    /// The file lines of the year's first and last month rows.
    package let rows: ClosedRange<Int>
    /// The budget line.
    package let lineName: String
    /// The year.
    package let year: FiscalYear
    /// The twelve months added up (exact).
    package let monthlySum: Money
    /// The ledger's actual for the line and year (exact).
    package let ledgerActual: Money
    /// The ledger file and its line for that year.
    package let ledgerFileName: String
    /// The ledger row of that line and year.
    package let ledgerLine: Int

    /// Differences up to the larger of this fraction of the ledger's actual and ``toleranceAmount`` are rounding.
    package static let toleranceFraction = 0.005
    /// Differences up to £1 (or ``toleranceFraction``, whichever is larger) are rounding.
    package static let toleranceAmount = Money(pounds: 1)

    /// "actuals.csv:2-13: line 'DSD' 2021/22: its 12 months add up to £1,600,000 but ledger.csv:6 has £1,658,077 (3.5% less); …"
    package var message: String {
        let difference = monthlySum.pounds - ledgerActual.pounds
        let relative = ledgerActual.pence == 0 ? "" : " (\(ReportCell.fixed(abs(difference) / abs(ledgerActual.pounds) * 100, decimals: 1))% \(difference < 0 ? "less" : "more"))"
        return "\(fileName):\(rows.lowerBound)-\(rows.upperBound): line '\(DisplayText.escaped(lineName))' \(year): its 12 months add up to "
            + "\(monthlySum.formatted()) but \(ledgerFileName):\(ledgerLine) has \(ledgerActual.formatted())\(relative); "
            + "check both files (a month missing or counted twice, or the ledger restated)"
    }
}

extension ActualsToDate {
    /// Every earlier year (before the scenario's target year) where a line has all 12 months in the file
    /// and the ledger has the line's actual for that year, whose monthly sum differs from that actual by
    /// more than the larger of 0.5% and £1; in ledger line order, oldest year first.
    package func monthlySumMismatches(ledger: Ledger, scenario: Scenario) -> [MonthlySumMismatch] {
        let start = scenario.fiscalYearStart
        var found: [MonthlySumMismatch] = []
        for index in months.keys.sorted() {
            for entry in ledger.history(atIndex: index) where entry.year < scenario.targetYear {
                let first = entry.year.firstMonth(startingIn: start)
                var sum = Money.zero, incomplete = false
                var rows: [Int] = []
                for offset in 0..<12 {
                    let month = first.advanced(by: offset)
                    guard let value = actual(lineIndex: index, month: month) else { incomplete = true; break }
                    guard let next = try? sum.adding(value) else { incomplete = true; break }
                    sum = next
                    if let row = sourceLine(lineIndex: index, month: month) { rows.append(row) }
                }
                guard !incomplete, let low = rows.min(), let high = rows.max() else { continue }
                let difference = abs(Double(sum.pence) - Double(entry.actual.pence))
                let tolerance = max(MonthlySumMismatch.toleranceFraction * abs(Double(entry.actual.pence)),
                                    Double(MonthlySumMismatch.toleranceAmount.pence))
                guard difference > tolerance else { continue }
                found.append(MonthlySumMismatch(fileName: fileName, rows: low...high, lineName: ledger.lineNames[index],
                                                year: entry.year, monthlySum: sum, ledgerActual: entry.actual,
                                                ledgerFileName: ledger.fileName, ledgerLine: entry.sourceLine))
            }
        }
        return found
    }

    /// The in-year inputs for `planner check`: the file, the months present per year (and for how many
    /// of the scenario's lines), the latest month of the target year (monitor's default `--as-of`), and
    /// warnings: a line short of months up to that latest month (monitor would stop there) and the
    /// monthly sums that disagree with the ledger (``monthlySumMismatches(ledger:scenario:)``).
    package func checkSummary(ledger: Ledger, scenario: Scenario) -> String {
        let start = scenario.fiscalYearStart, target = scenario.targetYear
        let lineIndices = scenario.lines.compactMap { ledger.lineIndex(matching: $0.name) }
        var out = "actuals to date: \(DisplayText.escaped(fileName))\n"
        // Per year: which month numbers (1…12) each line has.
        var perYear: [FiscalYear: [Int: Set<Int>]] = [:]
        for (index, list) in months {
            for ordinal in list.keys {
                let month = CalendarMonth(year: ordinal / 12, month: MonthOfYear(rawValue: ordinal % 12 + 1)!)
                var year = FiscalYear.containing(month, startingIn: start)
                year.style = target.style
                perYear[year, default: [:]][index, default: []].insert(year.monthNumber(of: month, startingIn: start)!)
            }
        }
        for year in perYear.keys.sorted() {
            let lines = perYear[year]!
            // Lines grouped by the months they have, the commonest first.
            var bySet: [[Int]: [Int]] = [:]
            for (index, set) in lines { bySet[set.sorted(), default: []].append(index) }
            let groups = bySet.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key.count > $1.key.count }
            var parts = groups.enumerated().map { position, group in
                let described = Self.describe(months: group.key, of: year, startingIn: start)
                if position == 0 { return "\(described) for \(group.value.count) of \(lineIndices.count) lines" }
                return "\(described) for " + Self.names(group.value.sorted(), ledger: ledger)
            }
            let missing = lineIndices.filter { lines[$0] == nil }
            if !missing.isEmpty { parts.append("none for " + Self.names(missing, ledger: ledger)) }
            out += "  \(year): " + parts.joined(separator: "; ") + "\n"
        }
        var warnings: [String] = []
        if let latest = latestTargetMonth, let k = target.monthNumber(of: latest, startingIn: start) {
            out += "  latest month: \(latest) (month \(k) of \(target); planner monitor's default --as-of)\n"
            let first = target.firstMonth(startingIn: start)
            for index in lineIndices {
                guard let gap = (0..<k).first(where: { actual(lineIndex: index, month: first.advanced(by: $0)) == nil }) else { continue }
                warnings.append("\(fileName): line '\(DisplayText.escaped(ledger.lineNames[index]))' has no actual for \(first.advanced(by: gap)) "
                                + "(month \(gap + 1) of \(target)): planner monitor stops there unless given --as-of before it "
                                + "(add a row with 0 if nothing was spent)")
            }
        } else {
            warnings.append("\(fileName): no month of \(target) yet: planner monitor needs at least the year's first month")
        }
        warnings += monthlySumMismatches(ledger: ledger, scenario: scenario).map(\.message)
        out += warnings.isEmpty ? "  warnings: none\n" : warnings.map { "  warning: \($0)\n" }.joined()
        return out
    }

    /// "all 12 months (2021-04 to 2022-03)", "months 1-6 (2022-04 to 2022-09)", "month 1 (2022-04)",
    /// "9 months: 1-3, 5-10 (2022-04 to 2023-01)".
    static func describe(months numbers: [Int], of year: FiscalYear, startingIn start: MonthOfYear) -> String {
        let first = year.firstMonth(startingIn: start)
        let span = "(\(first.advanced(by: numbers.first! - 1))" + (numbers.count == 1 ? ")" : " to \(first.advanced(by: numbers.last! - 1)))")
        if numbers.count == 12 { return "all 12 months " + span }
        var runs: [String] = [], runStart = numbers[0], previous = numbers[0]
        for n in numbers.dropFirst() + [Int.max] {
            if n == previous + 1 { previous = n; continue }
            runs.append(runStart == previous ? "\(runStart)" : "\(runStart)-\(previous)")
            runStart = n
            previous = n
        }
        if runs.count == 1 { return (numbers.count == 1 ? "month " : "months ") + runs[0] + " " + span }
        return "\(numbers.count) months: " + runs.joined(separator: ", ") + " " + span
    }

    /// Up to three line names, then "and N more".
    static func names(_ indices: [Int], ledger: Ledger) -> String {
        let shown = indices.prefix(3).map { DisplayText.escaped(ledger.lineNames[$0]) }.joined(separator: ", ")
        return indices.count > 3 ? shown + " and \(indices.count - 3) more" : shown
    }
}
