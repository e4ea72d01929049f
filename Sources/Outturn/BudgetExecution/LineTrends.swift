import Foundation
import OutturnNumerics

/// Straight-line trends of log actual spending over windows of a line's last 3–5 usable years,
/// for every window the budget-execution model needs (each line now, and each earlier line-year it
/// learns from), fitted together: one ``BatchTrend`` pass per window length.
struct LineTrends {
    /// The windows to fit, each log actual spending of 3 to 5 years, oldest first, in one flat array
    /// (a million-line ledger needs over a million of them).
    struct Windows {
        private(set) var values: [Double] = []
        private var ends: [Int] = []

        /// Number of windows.
        var count: Int { ends.count }

        /// Window `index`'s values.
        subscript(index: Int) -> ArraySlice<Double> {
            values[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
        }

        /// Appends the window of the usable years `range` of a line whose amounts are `budgets` and
        /// `actuals` (positions counted from each collection's start): its last ≤ 5 years' log actual
        /// spending, actuals floored at e⁻³ of budget.
        mutating func append(budgets: ArraySlice<Double>, actuals: ArraySlice<Double>, range: Range<Int>) {
            let from = max(range.lowerBound, range.upperBound - ExecutionFeatures.window)
            for year in from..<range.upperBound {
                values.append(log(max(actuals[actuals.startIndex + year], exp(-3) * budgets[budgets.startIndex + year])))
            }
            ends.append(values.count)
        }
    }

    /// A fitted trend: growth per year on the log scale, its standard error, and the window length.
    struct Trend: Sendable, Equatable {
        /// Slope of log spending per year (0.04 ≈ 4% a year).
        let slope: Double
        /// Standard error of the slope (NaN with three points that lie on a line exactly is 0).
        let standardError: Double
        /// Years in the window.
        let years: Int
    }

    /// Trends of `windows` (each 3…5 values), in the same order; nil for a window shorter than 3.
    static func fit(_ windows: Windows) throws -> [Trend?] {
        var result = [Trend?](repeating: nil, count: windows.count)
        for length in 3...ExecutionFeatures.window {
            let members = (0..<windows.count).filter { windows[$0].count == length }
            guard !members.isEmpty else { continue }
            var elements = [Double](); elements.reserveCapacity(members.count * length)
            for index in members { elements += windows[index] }
            let fit = try BatchTrend.fit(Matrix(rows: length, columns: members.count, columnMajor: elements))
            // Σ(t − t̄)² for t = 1…length: the slope's standard error is s / √ of it.
            let spread = Double(length * (length * length - 1)) / 12
            for (column, index) in members.enumerated() {
                let slope = fit.coefficientMatrix[1, column]
                let s = fit.residualStandardErrors[column]
                guard slope.isFinite else { continue }
                result[index] = Trend(slope: slope, standardError: s.isFinite ? s / spread.squareRoot() : 0, years: length)
            }
        }
        return result
    }

    /// The trend of one line's usable years `range` (nil with fewer than 3, or a non-finite fit).
    static func fit(budgets: ArraySlice<Double>, actuals: ArraySlice<Double>, range: Range<Int>) -> Trend? {
        var one = Windows()
        one.append(budgets: budgets, actuals: actuals, range: range)
        return (try? fit(one))?.first ?? nil
    }
}

/// Every line's budgets and actuals in pounds, oldest first, in two flat arrays: the budget-execution
/// model reads them while it is fitted, and a million lines would otherwise be two million small arrays.
struct LineAmounts {
    private var budgetValues: [Double] = [], actualValues: [Double] = []
    private var ends: [Int] = []

    /// Room for `lineCount` lines.
    init(lineCount: Int) { ends.reserveCapacity(lineCount) }

    /// Appends the next line's amounts (the same count of each).
    mutating func append(budgets: [Double], actuals: [Double]) {
        budgetValues += budgets
        actualValues += actuals
        ends.append(budgetValues.count)
    }

    private func range(_ line: Int) -> Range<Int> { (line == 0 ? 0 : ends[line - 1])..<ends[line] }

    /// Years of line `line`.
    func count(_ line: Int) -> Int { range(line).count }
    /// Line `line`'s budgets, oldest first (positions counted from the slice's start).
    func budgets(_ line: Int) -> ArraySlice<Double> { budgetValues[range(line)] }
    /// Line `line`'s actuals, oldest first.
    func actuals(_ line: Int) -> ArraySlice<Double> { actualValues[range(line)] }
    /// Line `line`'s budgets in its years `years` (0 = its first).
    func budgets(_ line: Int, _ years: Range<Int>) -> ArraySlice<Double> {
        let start = range(line).lowerBound
        return budgetValues[(start + years.lowerBound)..<(start + years.upperBound)]
    }
    /// Line `line`'s actuals in its years `years`.
    func actuals(_ line: Int, _ years: Range<Int>) -> ArraySlice<Double> {
        let start = range(line).lowerBound
        return actualValues[(start + years.lowerBound)..<(start + years.upperBound)]
    }
    /// Line `line`'s budget in its year `year` (0 = its first).
    func budget(_ line: Int, _ year: Int) -> Double { budgetValues[range(line).lowerBound + year] }
    /// Line `line`'s actual in its year `year`.
    func actual(_ line: Int, _ year: Int) -> Double { actualValues[range(line).lowerBound + year] }
}
