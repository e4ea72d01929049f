import Testing
import _TestSupport
@testable import OutturnNumerics

/// Properties every forecast must have, and the rules for short, flat, huge or bad series.
@Suite("Forecast behaviour")
struct ForecastBehaviourTests {
    static func randomSeries(_ generator: inout SeededGenerator, count: Int) -> [Double] {
        var value = Double.random(in: 50...150, using: &generator)
        let drift = Double.random(in: -3...6, using: &generator)
        return (0..<count).map { _ in
            value += drift + Double.random(in: -8...8, using: &generator)
            return value
        }
    }

    @Test("intervals nest (lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95) for every method and length 1…14", arguments: [11, 12, 13] as [UInt64])
    func intervalsNest(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for count in 1...14 {
            let series = Self.randomSeries(&generator, count: count)
            for method in ForecastMethod.allCases {
                let forecast = try Forecaster.forecast(series, horizon: 5, method: method,
                                                       options: .init(fallbackRelativeSpread: 0.1))
                for step in 1...5 {
                    let i80 = forecast.interval(level: 0.8, step: step)
                    let i95 = forecast.interval(level: 0.95, step: step)
                    let mean = forecast.locations[step - 1]
                    #expect(i95.lower <= i80.lower && i80.lower <= mean && mean <= i80.upper && i80.upper <= i95.upper,
                            "seed \(seed), n \(count), \(method), step \(step)")
                }
            }
        }
    }

    @Test("cdf inverts quantile for normal and calibrated distributions")
    func cdfInvertsQuantile() throws {
        let series: [Double] = [100, 104, 103, 110, 114, 113, 120, 126]
        for method in [ForecastMethod.auto, .damped] {
            let forecast = try Forecaster.forecast(series, horizon: 8, method: method)
            for step in [1, 4, 8] {
                for p in [0.001, 0.025, 0.1, 0.33, 0.5, 0.8, 0.975, 0.995] {
                    let q = forecast.quantile(p, step: step)
                    #expect(isClose(forecast.cdf(q, step: step), p, relative: 1e-9, absolute: 1e-12), "\(method) step \(step) p \(p)")
                }
            }
        }
    }

    @Test("with nonNegative, means, quantiles and interval ends are ≥ 0 and cdf is 0 below 0")
    func nonNegative() throws {
        let falling: [Double] = [50, 40, 30, 22, 12, 5]
        for method in ForecastMethod.allCases {
            let forecast = try Forecaster.forecast(falling, horizon: 6, method: method, options: .init(nonNegative: true))
            for step in 1...6 {
                #expect(forecast.locations[step - 1] >= 0)
                #expect(forecast.interval(level: 0.95, step: step).lower >= 0)
                #expect(forecast.quantile(0.01, step: step) >= 0)
                #expect(forecast.cdf(-1, step: step) == 0)
            }
        }
        let drift = try Forecaster.forecast(falling, horizon: 6, method: .drift, options: .init(nonNegative: true))
        #expect(drift.locations[5] == 0)  // 5 − 6·9 < 0, clipped
    }

    @Test("a falling series gets the mirror image of the rising one's calibrated distribution", arguments: ForecastMethod.allCases)
    func mirrorImage(method: ForecastMethod) throws {
        let rising: [Double] = [100, 104, 103, 110, 114, 113, 120, 126, 125, 131, 137, 136]
        let up = try Forecaster.forecast(rising, horizon: 4, method: method)
        let down = try Forecaster.forecast(rising.map { -$0 }, horizon: 4, method: method)
        for step in 1...4 {
            for level in [0.5, 0.8, 0.95] {
                let a = up.interval(level: level, step: step), b = down.interval(level: level, step: step)
                #expect(isClose(b.lower, -a.upper, relative: 1e-9) && isClose(b.upper, -a.lower, relative: 1e-9),
                        "\(method) step \(step) level \(level)")
            }
        }
    }

    @Test("model-based intervals stay reachable and differ from the calibrated ones")
    func modelBasedOption() throws {
        let series: [Double] = [100, 104, 103, 110, 114, 113, 120, 126]
        let calibrated = try Forecaster.forecast(series, horizon: 3, method: .holt)
        let model = try Forecaster.forecast(series, horizon: 3, method: .holt, options: .init(intervals: .modelBased))
        #expect(calibrated.locations == model.locations)
        #expect(model.distributions.allSatisfy { $0.shape == .normal })
        #expect(calibrated.distributions.allSatisfy { if case .empirical = $0.shape { return true } else { return false } })
        #expect(model.explanation.spread == .modelBased(.normal))
        #expect(calibrated.explanation.spread == .calibrated(method: .holt, widenedForShortHistory: false))
    }

    @Test("one point: naive with the assumed spread, or an error without one")
    func onePoint() throws {
        #expect(throws: ForecastError.spreadNotEstimable(count: 1)) {
            try Forecaster.forecast([120], horizon: 2)
        }
        let forecast = try Forecaster.forecast([120], horizon: 2, options: .init(fallbackRelativeSpread: 0.1))
        #expect(forecast.spreadAssumed)
        #expect(forecast.locations == [120, 120])
        #expect(forecast.model == .single(.naive))
        #expect(forecast.explanation.pointCount == 1 && forecast.explanation.unmeasured == .onePoint)
        // Spread 10% of 120 per year, normal, growing like a random walk.
        let interval = forecast.interval(level: 0.8, step: 2)
        let halfWidth: Double = Normal.quantile(0.9) * 12 * 2.0.squareRoot()
        #expect(isClose(interval.upper, 120 + halfWidth, relative: 1e-12))
        #expect(isClose(interval.lower, 120 - halfWidth, relative: 1e-12))
    }

    @Test("two points: naive family only, and the reason says so", arguments: ForecastMethod.allCases)
    func twoPoints(method: ForecastMethod) throws {
        let forecast = try Forecaster.forecast([100, 110], horizon: 3, method: method)
        #expect(forecast.model == .single(.naive))
        #expect(forecast.locations == [110, 110, 110])
        #expect(forecast.explanation.pointCount == 2)
        let choice: ModelChoice = switch method {
        case .auto: .automatic
        case .naive: .asked
        default: .tooFewPoints(asked: method, needs: Forecaster.minimumCount(for: method))
        }
        #expect(forecast.explanation.choice == choice)
        #expect(!forecast.spreadAssumed)
    }

    @Test("three points: auto combines drift and naive")
    func threePoints() throws {
        let forecast = try Forecaster.forecast([100, 110, 130], horizon: 2)
        #expect(isClose(forecast.locations, [130 + 7.5, 130 + 15], relative: 1e-14))
        #expect(forecast.model == .combination(.mean, of: [.naive, .drift]))
    }

    @Test("a constant series forecasts the constant; spread is zero unless a fallback is given")
    func constantSeries() throws {
        let flat = Array(repeating: 42.0, count: 7)
        for method in ForecastMethod.allCases {
            let forecast = try Forecaster.forecast(flat, horizon: 3, method: method)
            #expect(isClose(forecast.locations, [42, 42, 42], relative: 1e-9), "\(method)")
            #expect(forecast.interval(level: 0.95, step: 3).upper - forecast.interval(level: 0.95, step: 3).lower < 1e-6)
            let assumed = try Forecaster.forecast(flat, horizon: 3, method: method, options: .init(fallbackRelativeSpread: 0.05))
            #expect(assumed.spreadAssumed, "\(method)")
            #expect(assumed.interval(level: 0.8, step: 1).upper > 42.5)
        }
    }

    @Test("an exact straight line of 5+ points has no calibrated spread (a trend is not noise); the fallback applies")
    func straightLine() throws {
        let line = (1...6).map { 100 + 7 * Double($0) }
        let forecast = try Forecaster.forecast(line, horizon: 2, method: .auto)
        #expect(isClose(forecast.locations, [149, 156], relative: 1e-9))
        #expect(forecast.distributions.map(\.scale) == [0, 0])
        #expect(forecast.explanation.unmeasured == .changesNeverVaried && !forecast.spreadAssumed)
        let assumed = try Forecaster.forecast(line, horizon: 2, method: .auto, options: .init(fallbackRelativeSpread: 0.05))
        #expect(assumed.spreadAssumed)
        #expect(isClose(assumed.distributions[0].scale, 0.05 * 142, relative: 1e-12))
    }

    @Test("forecasts scale with the data: amounts of 1e15 give 1e15 times the forecasts of the small series")
    func hugeValues() throws {
        let small: [Double] = [3.1, 3.4, 3.3, 3.9, 4.2, 4.1, 4.6, 5.0, 4.9]
        let huge = small.map { $0 * 1e15 }
        for method in ForecastMethod.allCases {
            let a = try Forecaster.forecast(small, horizon: 4, method: method)
            let b = try Forecaster.forecast(huge, horizon: 4, method: method)
            let finite = b.locations.allSatisfy { $0.isFinite }
            #expect(finite)
            #expect(isClose(b.locations, a.locations.map { $0 * 1e15 }, relative: 1e-9), "\(method)")
            #expect(isClose(b.interval(level: 0.95, step: 4).upper, a.interval(level: 0.95, step: 4).upper * 1e15, relative: 1e-9))
        }
    }

    @Test("bad input is rejected with the position of the bad value")
    func badInput() {
        #expect(throws: ForecastError.emptySeries) { try Forecaster.forecast([], horizon: 1) }
        #expect(throws: ForecastError.missingValue(index: 2)) { try Forecaster.forecast([1, 2, .nan, 4], horizon: 1) }
        #expect(throws: ForecastError.nonFiniteValue(index: 0)) { try Forecaster.forecast([.infinity, 2], horizon: 1) }
        #expect(throws: ForecastError.horizonTooShort(0)) { try Forecaster.forecast([1, 2, 3], horizon: 0) }
        #expect(throws: ForecastError.invalidFallbackSpread(-0.1)) {
            try Forecaster.forecast([1], horizon: 1, options: .init(fallbackRelativeSpread: -0.1))
        }
        #expect(ForecastError.missingValue(index: 2).description.contains("value 3"))
    }

    @Test("steps beyond the calibration table keep widening")
    func longHorizons() throws {
        let series: [Double] = [100, 104, 103, 110, 114, 113, 120, 126, 125, 131]
        let forecast = try Forecaster.forecast(series, horizon: 10)
        let widths = (1...10).map { step -> Double in
            let interval = forecast.interval(level: 0.95, step: step)
            return interval.upper - interval.lower
        }
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0.0 < $0.1 })
    }
}
