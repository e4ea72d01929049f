import Testing
import _TestSupport
@testable import OutturnNumerics

/// Methods with closed forms, checked on series whose answers are known exactly.
@Suite("Closed-form forecasts")
struct ClosedFormForecastTests {
    /// The analytic variances are what these tests check (calibrated intervals are the default).
    let modelBased = ForecastOptions(intervals: .modelBased)
    let line = (1...8).map { 3.0 + 2.0 * Double($0) }

    @Test("naive carries the last value forward with variance h·mean(Δ²)")
    func naive() throws {
        let forecast = try Forecaster.forecast([1, 3, 2, 6], horizon: 3, method: .naive, options: modelBased)
        #expect(forecast.locations == [6, 6, 6])
        // Changes 2, −1, 4: mean square 7; sd at step 3 = √21.
        #expect(isClose(forecast.distributions[2].scale, 21.0.squareRoot(), relative: 1e-12))
        #expect(forecast.model == .single(.naive))
    }

    @Test("drift continues an exact line exactly, with zero spread")
    func driftOnLine() throws {
        let forecast = try Forecaster.forecast(line, horizon: 4, method: .drift, options: modelBased)
        #expect(isClose(forecast.locations, [21, 23, 25, 27], relative: 1e-14))
        #expect(forecast.distributions.map(\.scale).allSatisfy { $0 < 1e-12 })
    }

    @Test("drift variance is σ²(h + h²/(n−1)) with σ² from the demeaned changes")
    func driftVariance() throws {
        // Changes 2, −1, 4: drift 5/3, residual changes 1/3, −8/3, 7/3; σ² = (1 + 64 + 49)/9 / 2 = 57/9.
        let forecast = try Forecaster.forecast([1, 3, 2, 6], horizon: 2, method: .drift, options: modelBased)
        let expectedMean: [Double] = [6.0 + 5.0 / 3.0, 6.0 + 10.0 / 3.0]
        #expect(isClose(forecast.locations, expectedMean, relative: 1e-14))
        let sigma2 = 57.0 / 9
        let expected: Double = sigma2 * (2.0 + 4.0 / 3.0)
        #expect(isClose(forecast.distributions[1].scale * forecast.distributions[1].scale, expected, relative: 1e-12))
    }

    @Test("linear trend reproduces an exact line and R's tslm prediction variance shape")
    func linearOnLine() throws {
        let forecast = try Forecaster.forecast(line, horizon: 2, method: .linear)
        #expect(isClose(forecast.locations, [21, 23], relative: 1e-14))
        #expect(isClose(forecast.fitted, line, relative: 1e-14))
        // y = 1, 2, 4: slope 1.5, intercept −2/3, SSE = 1/6, σ² = 1/6, Sxx = 2:
        // var(ŷ₄) = σ²(1 + 1/3 + (4 − 2)²/2) = (1/6)(10/3).
        let short = try Forecaster.forecast([1, 2, 4], horizon: 1, method: .linear, options: modelBased)
        let expectedMean: Double = 4.0 * 1.5 - 2.0 / 3.0
        #expect(isClose(short.locations[0], expectedMean, relative: 1e-14))
        #expect(isClose(short.distributions[0].scale * short.distributions[0].scale, 10.0 / 18, relative: 1e-12))
    }

    @Test("Holt follows an exact line; damped trend bends below it but stays above the last value")
    func holtOnLine() throws {
        let holt = try Forecaster.forecast(line, horizon: 3, method: .holt)
        #expect(isClose(holt.locations, [21, 23, 25], relative: 1e-6))
        let damped = try Forecaster.forecast(line, horizon: 3, method: .damped)
        for (step, value) in damped.locations.enumerated() {
            #expect(value > 19 && value < 21 + 2 * Double(step) + 1e-9)
        }
    }

    @Test("theta is SES plus half the regression slope (thetaf's formula)")
    func thetaFormula() throws {
        let series: [Double] = [10, 12, 11, 15, 14, 18, 17, 21]
        let ses = ExponentialSmoothing.fit(series, trend: .none)
        let slope = LinearTrendMethod.line(series).slope
        let forecast = try Forecaster.forecast(series, horizon: 3, method: .theta)
        for h in 1...3 {
            let expected = ses.finalLevel + slope / 2 * (Double(h - 1) + (1 - pow(1 - ses.alpha, 8)) / ses.alpha)
            #expect(isClose(forecast.locations[h - 1], expected, relative: 1e-12))
        }
    }

    @Test("SES variance grows as σ²(1 + (h−1)α²)")
    func sesVariance() {
        let model = ExponentialSmoothing.evaluate([5, 7, 6, 8, 9], trend: .none, alpha: 0.5, beta: 0, phi: 0,
                                                  initialLevel: 5, initialSlope: 0)
        // Levels 5, 5, 6, 6, 7, 8; errors 0, 2, 0, 2, 2 → SSE 12, σ² = SSE/(5 − 2) = 4.
        #expect(isClose(model.sumOfSquaredErrors, 12, relative: 1e-14))
        let variance = model.forecastVariance(horizon: 3)
        #expect(isClose(variance[2], 4 * 1.5, relative: 1e-14))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
