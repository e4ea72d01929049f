import Foundation
import OutturnNumerics

/// Straight-line trends of log actual spending over windows of a line's last 3–5 usable years,
/// for every window the budget-execution model needs (each line now, and each earlier line-year it
/// learns from), fitted together: one ``BatchTrend`` pass per window length.
struct LineTrends {
    /// One window: log actual spending, oldest first, 3 to 5 values.
    typealias Window = [Double]

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
    static func fit(_ windows: [Window]) throws -> [Trend?] {
        var result = [Trend?](repeating: nil, count: windows.count)
        for length in 3...ExecutionFeatures.window {
            let members = windows.indices.filter { windows[$0].count == length }
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

    /// The window of log spending for the usable years `range` of a line (actuals floored at e⁻³ of budget).
    static func window(budgets: [Double], actuals: [Double], range: Range<Int>) -> Window {
        let from = max(range.lowerBound, range.upperBound - ExecutionFeatures.window)
        return (from..<range.upperBound).map { log(max(actuals[$0], exp(-3) * budgets[$0])) }
    }
}
