import Foundation
import Testing
import _TestSupport
@testable import OutturnNumerics

/// The in-year backtest (issue 10 part 4) on series whose answers are known by hand.
@Suite("In-year backtest")
struct InYearBacktestTests {
    @Test("a pattern that repeats exactly is projected exactly by last year's share, and by the profile from two earlier years on; run rate by hand")
    func repeatingPattern() throws {
        let year = (1...12).map(Double.init)  // total 78
        let report = try InYearBacktest.run(series: [year + year + year + year + year], periodsPerYear: 12, checkpoints: [3, 6])
        #expect(report.yearsScored == 4)  // years 2 to 5 (year 1 has no history)
        let score = { (k: Int, m: InYearBacktest.Method) in report.scores.first { $0.checkpoint == k && $0.method == m }! }
        // Year 2 has one earlier year and no record to weigh the candidates by (the prior gives the even
        // spread a share); years 3 to 5 are exact, so the median of the four errors is 0.
        #expect(score(3, .profile).medianAPE < 1e-9 && score(3, .lastYear).meanAPE < 1e-9)
        #expect(score(3, .profile).meanAPE < score(3, .runRate).meanAPE / 4)
        // Month 3: to date 1 + 2 + 3 = 6, run rate 6·12/3 = 24, |24 − 78|/78 = 69.2308%.
        #expect(isClose(score(3, .runRate).medianAPE, 100 * 54.0 / 78, relative: 1e-12))
        // Month 6: to date 21, run rate 42, |42 − 78|/78.
        #expect(isClose(score(6, .runRate).meanAPE, 100 * 36.0 / 78, relative: 1e-12))
        #expect(score(3, .runRate).coverage80 == nil && score(3, .profile).years == 4)
    }

    @Test("a flat series: the run rate is exact and the profile learns the flat share from earlier years")
    func flatSeries() throws {
        let report = try InYearBacktest.run(series: [Array(repeating: 5, count: 36)], periodsPerYear: 12, checkpoints: [9])
        for score in report.scores { #expect(score.meanAPE < 1e-9, "\(score.method)") }
    }

    @Test("years with a value ≤ 0 are skipped and counted, never projected")
    func nonPositiveYears() throws {
        var values = (1...36).map { Double($0 % 12 + 1) }
        values[14] = 0
        let report = try InYearBacktest.run(series: [values], periodsPerYear: 12, checkpoints: [6])
        #expect(report.yearsSkippedNonPositive == 1)
        #expect(report.yearsScored == 1)  // year 3 only (year 2 is skipped)
    }

    @Test("split evenly over quarters: the same as splitting the series by hand; at quarter ends the run rate is unchanged")
    func quarterlySplit() throws {
        let values: [Double] = (0..<48).map { (i: Int) -> Double in
            let yearEnd: Double = i % 12 == 11 ? 40 : 0
            return 50 + 30 * sin(Double(i) * 0.9) + yearEnd
        }
        var split = values
        for q in stride(from: 0, to: 48, by: 3) {
            let mean = values[q..<(q + 3)].reduce(0, +) / 3
            for i in q..<(q + 3) { split[i] = mean }
        }
        let byOption = try InYearBacktest.run(series: [values], periodsPerYear: 12, checkpoints: [3, 6, 9], splitEvenlyOver: 3)
        let byHand = try InYearBacktest.run(series: [split], periodsPerYear: 12, checkpoints: [3, 6, 9])
        let monthly = try InYearBacktest.run(series: [values], periodsPerYear: 12, checkpoints: [3, 6, 9])
        #expect(byOption == byHand)
        for (a, b) in zip(byOption.scores, monthly.scores) where a.method == .runRate {
            #expect(abs(a.meanAPE - b.meanAPE) < 1e-9, "month \(a.checkpoint)")
        }
    }
}
