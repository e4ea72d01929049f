import Foundation
import Testing
import _TestSupport
@testable import OutturnNumerics

/// Seasonal methods (issue 10): closed forms, exact patterns and the competition README's figures.
@Suite("Seasonal forecasts")
struct SeasonalForecastTests {
    let modelBased = ForecastOptions(intervals: .modelBased, seasonLength: 4)

    @Test("seasonal naive repeats the last cycle, with variance σ²·⌈h/m⌉ from the lag-m differences")
    func seasonalNaive() throws {
        let y: [Double] = [10, 20, 30, 40, 12, 21, 33, 41]
        let forecast = try Forecaster.forecast(y, horizon: 6, method: .snaive, options: modelBased)
        #expect(forecast.locations == [12, 21, 33, 41, 12, 21])
        // Lag-4 differences 2, 1, 3, 1: mean square 15/4; step 5 spans two cycles.
        #expect(isClose(forecast.distributions[0].scale, (15.0 / 4).squareRoot(), relative: 1e-12))
        #expect(isClose(forecast.distributions[4].scale, (2 * 15.0 / 4).squareRoot(), relative: 1e-12))
    }

    @Test("with season length 1 each seasonal method is exactly its non-seasonal counterpart")
    func seasonLengthOne() throws {
        let y: [Double] = [100, 104, 103, 110, 114, 113, 120, 126, 125, 131, 137, 136]
        for method in [ForecastMethod.snaive, .stheta, .ets] {
            let seasonal = try Forecaster.forecast(y, horizon: 4, method: method)
            let counterpart = try Forecaster.forecast(y, horizon: 4, method: method.yearlyCounterpart)
            #expect(seasonal.locations == counterpart.locations, "\(method)")
            #expect((1...4).allSatisfy { seasonal.interval(level: 0.95, step: $0) == counterpart.interval(level: 0.95, step: $0) })
        }
    }

    @Test("autocorrelations as R's acf: r₁ of 1, 2, 3, 4 is 0.25 (closed form)")
    func autocorrelation() throws {
        let r = try #require(SeasonalityTest.autocorrelations([1, 2, 3, 4], maxLag: 2))
        // Deviations −1.5, −0.5, 0.5, 1.5; Σ d² = 5; lag 1: 0.75 − 0.25 + 0.75 = 1.25; lag 2: −0.75 − 0.75.
        #expect(isClose(r[0], 0.25, relative: 1e-14))
        #expect(isClose(r[1], -0.3, relative: 1e-14))
        #expect(SeasonalityTest([1, 2, 3, 4, 5], seasonLength: 4).autocorrelation == nil)  // fewer than 3m
    }

    @Test("the 90% test finds a clean quarterly pattern seasonal and the limit is 1.645·√((1 + 2Σr²)/n)")
    func seasonalityTest() throws {
        let pattern: [Double] = [0.8, 1.1, 1.3, 0.8]
        let y = (0..<24).map { 100 * pattern[$0 % 4] }
        let test = SeasonalityTest(y, seasonLength: 4)
        #expect(test.isSeasonal)
        let r = try #require(SeasonalityTest.autocorrelations(y, maxLag: 4))
        let limit = 1.645 * ((1 + 2 * (r[0] * r[0] + r[1] * r[1] + r[2] * r[2])) / 24).squareRoot()
        #expect(isClose(try #require(test.limit), limit, relative: 1e-14))
        // An alternating pattern has period 2: its lag-3 autocorrelation is strongly negative but
        // the test at m = 3 asks about a cycle of 3.
        #expect(!SeasonalityTest([Double](repeating: 5, count: 24), seasonLength: 4).isSeasonal)  // constant
    }

    @Test("classical multiplicative decomposition recovers exact seasonal factors of a level series")
    func decomposition() throws {
        let factors: [Double] = [0.8, 1.1, 1.3, 0.8]  // mean 1
        // Start in the third quarter: the index of observation t is factors[(t + 2) % 4].
        let y = (0..<20).map { 250 * factors[($0 + 2) % 4] }
        let decomposition = try #require(ClassicalDecomposition(y, seasonLength: 4))
        for t in 0..<8 { #expect(isClose(decomposition.index(at: t), factors[(t + 2) % 4], relative: 1e-12)) }
        #expect(ClassicalDecomposition(y.map { $0 - 250 }, seasonLength: 4) == nil)  // values ≤ 0
    }

    @Test("stheta on an exactly seasonal series with a constant level forecasts the pattern")
    func sthetaOnPattern() throws {
        let factors: [Double] = [0.9, 1.2, 1.0, 0.9]
        let y = (0..<24).map { 80 * factors[$0 % 4] }
        let forecast = try Forecaster.forecast(y, horizon: 8, method: .stheta, options: modelBased)
        #expect(isClose(forecast.locations, (24..<32).map { 80 * factors[$0 % 4] }, relative: 1e-6))
    }

    @Test("seasonal ETS on a noise-free additive pattern with a linear trend forecasts it (ETS(A,Ad,A) or (M,·,M) near exact)")
    func etsOnPattern() throws {
        let effects: [Double] = [-5, 3, 6, -4]
        let y = (0..<40).map { 100 + 0.5 * Double($0) + effects[$0 % 4] }
        let model = try #require(SeasonalExponentialSmoothing.fit(y, seasonLength: 4, season: .additive, trend: .damped))
        // Residuals vanish up to the optimiser: the data are in the model class (φ < 1 damps the
        // slope, but β and α re-learn it each period).
        #expect(model.residuals.suffix(20).allSatisfy { abs($0) < 0.05 }, "\(model.residuals.suffix(8))")
        let forecast = model.forecastMean(horizon: 4)
        let expected = (40..<44).map { 100 + 0.5 * Double($0) + effects[$0 % 4] }
        #expect(isClose(forecast, expected, relative: 2e-3))
        #expect(model.alpha >= 1e-4 && model.alpha <= 0.9999 && model.gamma <= 1 - model.alpha + 1e-12)
        #expect(model.beta <= model.alpha && (0.8...0.98).contains(model.phi))
    }

    @Test("seasonal MASE scale is the mean absolute lag-m difference (M4)")
    func seasonalMASEScale() {
        // Lag-4 differences 2, 1, 3, 1 → 7/4.
        #expect(AccuracyMeasures.maseScale(training: [10, 20, 30, 40, 12, 21, 33, 41], seasonLength: 4) == 7.0 / 4)
        #expect(AccuracyMeasures.maseScale(training: [10, 20, 30, 40], seasonLength: 4) == 0)
        #expect(AccuracyMeasures.maseScale(training: [1, 3, 2], seasonLength: 1) == AccuracyMeasures.maseScale(training: [1, 3, 2]))
    }

    struct Reference: Sendable, CustomStringConvertible {
        let file: String, horizon: Int, seasonLength: Int, smape: Double, mase: Double
        var description: String { file }
    }

    /// An independent reference: the competition README's statsforecast SeasonalNaive figures
    /// (rounded to 2 and 3 decimals) on exactly these files, which checks the backtest split, the
    /// seasonal naive forecasts, sMAPE and the M4 seasonal MASE scale together.
    @Test("seasonal naive reproduces statsforecast's sMAPE and seasonal MASE on the competition files", arguments: [
        Reference(file: "competition/tourism-quarterly.csv", horizon: 8, seasonLength: 4, smape: 16.61, mase: 1.699),
        Reference(file: "competition/tourism-monthly.csv", horizon: 24, seasonLength: 12, smape: 21.67, mase: 1.631),
        Reference(file: "competition/m1-quarterly.csv", horizon: 8, seasonLength: 4, smape: 18.94, mase: 2.078),
        Reference(file: "competition/m1-monthly.csv", horizon: 18, seasonLength: 12, smape: 17.30, mase: 1.314),
    ])
    func seasonalNaiveMatchesPeers(reference: Reference) throws {
        let series = try CompetitionData.series(reference.file).map(\.values)
        let report = Backtest.run(series: series, horizon: reference.horizon, methods: [.snaive],
                                  options: ForecastOptions(seasonLength: reference.seasonLength))
        let result = try #require(report.results.first)
        #expect(result.seriesEvaluated == series.count)
        let smape = try #require(result.smape), mase = try #require(result.mase)
        #expect(abs(smape - reference.smape) <= 0.005, "sMAPE \(smape)")
        #expect(abs(mase - reference.mase) <= 0.0005, "MASE \(mase)")
    }
}

/// Provenance and shape of the shipped seasonal interval table.
@Suite("Seasonal interval calibration")
struct SeasonalCalibrationTests {
    /// The committed seasonal naive table (a closed-form method, cheap) regenerates from the
    /// training parts named in the header of SeasonalCalibration+Table.swift.
    @Test("the committed seasonal naive table regenerates from the documented training parts")
    func tableProvenance() throws {
        let collections = try [("competition/tourism-quarterly.csv", 8, 4), ("competition/tourism-monthly.csv", 24, 12),
                               ("competition/m1-quarterly.csv", 8, 4), ("competition/m1-monthly.csv", 18, 12)].map { file, heldOut, m in
            SeasonalCalibrationStudy.Collection(name: file, series: try CompetitionData.series(file).map(\.values),
                                                heldOut: heldOut, seasonLength: m, methods: [.snaive])
        }
        let regenerated = SeasonalCalibrationStudy.quantileTable(SeasonalCalibrationStudy.scaledErrors(of: .snaive, in: collections))
        let committed = SeasonalCalibration.shippedTable(for: .snaive)
        #expect(regenerated.count == committed.count)
        for (a, b) in zip(regenerated.map(\.quantiles).joined().joined(), committed.joined().joined()) {
            #expect(a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 5.1e-5 })
        }
    }

    @Test("every seasonal table is a valid quantile table whose 80% interval contains the forecast")
    func shippedTables() {
        let p = IntervalCalibration.probabilities
        let lower = p.firstIndex { abs($0 - 0.1) < 1e-12 }!, upper = p.firstIndex { abs($0 - 0.9) < 1e-12 }!
        for method in SeasonalCalibration.calibratedMethods {
            let table = SeasonalCalibration.shippedTable(for: method)
            #expect(table.map(\.count) == [2, 2] && table.map { $0[0].count } == SeasonalCalibrationStudy.maxSteps)
            for cell in table.joined().joined() {
                #expect(cell.count == p.count && zip(cell, cell.dropFirst()).allSatisfy { $0 <= $1 }, "\(method)")
                #expect(cell[lower] < 0 && cell[upper] > 0, "\(method)")
            }
        }
    }

    /// Seasonal naive is linear in the data, so its calibrated intervals mirror exactly; the
    /// multiplicative members of `auto` (decomposition, ETS(M,·,M)) apply only to positive
    /// series, so for `auto` only nesting is checked.
    @Test("seasonal naive intervals of −y are minus those of y (oriented errors); auto's nest")
    func mirrorImage() throws {
        let pattern: [Double] = [0.9, 1.2, 1.1, 0.8]
        var generator = SeededGenerator(seed: 7)
        let y = (0..<40).map { 100 + Double($0) + 20 * pattern[$0 % 4] + Double.random(in: -3...3, using: &generator) }
        let up = try Forecaster.forecast(y, horizon: 10, method: .snaive, options: .init(seasonLength: 4))
        let down = try Forecaster.forecast(y.map { -$0 }, horizon: 10, method: .snaive, options: .init(seasonLength: 4))
        let auto = try Forecaster.forecast(y, horizon: 10, method: .auto, options: .init(seasonLength: 4))
        #expect(auto.explanation.choice == .automaticSeasonal)
        for step in 1...10 {
            let a = up.interval(level: 0.8, step: step), b = down.interval(level: 0.8, step: step)
            #expect(isClose(a.lower, -b.upper, relative: 1e-9) && isClose(a.upper, -b.lower, relative: 1e-9), "\(step)")
            let narrow = auto.interval(level: 0.8, step: step), wide = auto.interval(level: 0.95, step: step)
            #expect(wide.lower <= narrow.lower && narrow.lower <= auto.locations[step - 1] && auto.locations[step - 1] <= narrow.upper
                    && narrow.upper <= wide.upper, "\(step)")
        }
    }
}

/// Every length, every seasonal method: a forecast (never a trap), nested intervals, sane reasons.
@Suite("Seasonal forecast behaviour")
struct SeasonalForecastBehaviourTests {
    @Test("intervals nest for snaive, stheta, ets and auto at every length 1…40, m = 4 and 12, with and without a fallback spread")
    func intervalsNest() throws {
        var generator = SeededGenerator(seed: 21)
        for m in [4, 12] {
            var full: [Double] = []
            for t in 0..<40 {
                let angle: Double = Double(t) * 2 * Double.pi / Double(m)
                let noise = Double.random(in: -2...2, using: &generator)
                full.append(50 + 0.8 * Double(t) + 10 * sin(angle) + noise)
            }
            for count in 1...40 {
                let series = Array(full.prefix(count))
                for method in [ForecastMethod.snaive, .stheta, .ets, .auto] {
                    let options = ForecastOptions(fallbackRelativeSpread: 0.1, seasonLength: m)
                    let forecast = try Forecaster.forecast(series, horizon: 2 * m, method: method, options: options)
                    #expect(forecast.locations.allSatisfy { $0.isFinite }, "m \(m) n \(count) \(method)")
                    for step in [1, m, 2 * m] {
                        let i80 = forecast.interval(level: 0.8, step: step)
                        let i95 = forecast.interval(level: 0.95, step: step)
                        let mean: Double = forecast.locations[step - 1]
                        let nested = i95.lower <= i80.lower && i80.lower <= mean && mean <= i80.upper && i80.upper <= i95.upper
                        #expect(nested, "m \(m) n \(count) \(method) step \(step)")
                    }
                    #expect(forecast.explanation.seasonLength == m)
                }
                if count == 1 {
                    #expect(throws: ForecastError.spreadNotEstimable(count: 1)) {
                        try Forecaster.forecast(series, horizon: 3, method: .auto, options: .init(seasonLength: m))
                    }
                }
            }
        }
        #expect(throws: ForecastError.invalidSeasonLength(0)) {
            try Forecaster.forecast([1, 2, 3], horizon: 1, method: .auto, options: .init(seasonLength: 0))
        }
    }
}
