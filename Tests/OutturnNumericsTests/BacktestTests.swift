import Testing
import _TestSupport
@testable import OutturnNumerics

@Suite("Backtest engine")
struct BacktestTests {
    @Test("naive backtest of two series matches the measures computed by hand")
    func naiveByHand() throws {
        // Series A: training 10, 12, 11 (scale 1.5), test 13, 14; forecast 11, 11.
        // Series B: training 100, 90 (scale 10), test 80, 90; forecast 90, 90.
        let report = Backtest.run(series: [[10, 12, 11, 13, 14], [100, 90, 80, 90]], horizon: 2, methods: [.naive])
        let r = report.results[0]
        let termsA: Double = 400.0 / 24.0 + 600.0 / 25.0
        let termsB: Double = 2000.0 / 170.0
        let smape: Double = (termsA + termsB) / 4.0
        #expect(isClose(try #require(r.smape), smape, relative: 1e-12))
        let maseA: Double = 2.5 / 1.5
        let maseB: Double = 5.0 / 10.0
        #expect(isClose(try #require(r.mase), (maseA + maseB) / 2.0, relative: 1e-12))
        #expect(r.seriesEvaluated == 2 && r.seriesScaled == 2)
        // Intervals: A has σ² = (4 + 1)/2 = 2.5; B σ² = 100. Check coverage against the forecast itself.
        var inside80 = 0
        for (values, actual) in [([10.0, 12, 11], [13.0, 14]), ([100.0, 90], [80.0, 90])] {
            let forecast = try! Forecaster.forecast(values, horizon: 2, method: .naive)
            for step in 1...2 {
                let interval = forecast.interval(level: 0.8, step: step)
                if interval.lower <= actual[step - 1] && actual[step - 1] <= interval.upper { inside80 += 1 }
            }
        }
        #expect(isClose(try #require(r.coverage80), Double(inside80) / 4, relative: 1e-15))
    }

    @Test("series stored back to back with offsets are sliced correctly: by-hand naive measures, the short one skipped")
    func flatStorageByHand() throws {
        // A (5 points), a 2-point series that is too short, B (4 points): the by-hand case above.
        let report = Backtest.run(values: [10, 12, 11, 13, 14, 1, 2, 100, 90, 80, 90], offsets: [0, 5, 7, 11],
                                  horizon: 2, methods: [.naive])
        let r = report.results[0]
        let smape: Double = (400.0 / 24.0 + 600.0 / 25.0 + 2000.0 / 170.0) / 4.0
        #expect(isClose(try #require(r.smape), smape, relative: 1e-12))
        #expect(isClose(try #require(r.mase), (2.5 / 1.5 + 5.0 / 10.0) / 2.0, relative: 1e-12))
        #expect(report.seriesCount == 3)
        #expect(report.skipped == [.tooShort: 1])
        #expect(r.seriesEvaluated == 2 && r.seriesScaled == 2)
    }

    @Test("short series are skipped and counted; flat training parts leave MASE out")
    func skippedAndFlat() {
        let report = Backtest.run(series: [[1, 2, 3], [5, 5, 5, 6], [1, 3, 2, 4, 5]], horizon: 2, methods: [.drift])
        #expect(report.skipped == [.tooShort: 1])
        #expect(report.flatTrainingSeries == 1)
        #expect(report.results[0].seriesEvaluated == 2)
        #expect(report.results[0].seriesScaled == 1)
    }

    @Test("results do not depend on thread scheduling (two runs agree exactly)")
    func deterministic() throws {
        let series = try CompetitionData.series("competition/tourism-yearly.csv").prefix(120).map(\.values)
        let a = Backtest.run(series: Array(series), horizon: 4, methods: [.damped, .auto])
        let b = Backtest.run(series: Array(series), horizon: 4, methods: [.damped, .auto])
        for (x, y) in zip(a.results, b.results) {
            #expect(x.smape == y.smape && x.mase == y.mase && x.msis == y.msis && x.coverage95 == y.coverage95)
        }
    }

    @Test("no series long enough: every measure is absent (nil), not NaN")
    func nothingToScore() {
        let report = Backtest.run(series: [[1, 2], [3, 4, 5]], horizon: 2, methods: [.naive])
        let r = report.results[0]
        #expect(r.smape == nil && r.mase == nil && r.coverage80 == nil && r.coverage95 == nil && r.msis == nil)
        #expect(r.seriesEvaluated == 0 && report.skipped == [.tooShort: 2])
    }
}
