import Foundation
import Testing
import OutturnNumerics
import _TestSupport

@Suite("DeterministicTrend")
struct TrendTests {
    @Test("an exact line is recovered and extrapolated, with zero residual error")
    func exactLineIsExtrapolated() throws {
        let series = (1...8).map { 5 + 2 * Double($0) }
        let fit = try DeterministicTrend.linear.fit(series)
        #expect(isClose(fit.coefficients, [5, 2], relative: 1e-13))
        #expect(try #require(fit.residualStandardError) < 1e-13)
        let forecast = fit.forecast(horizon: 3, level: 0.95)
        #expect(forecast.map(\.period) == [9, 10, 11])
        #expect(isClose(forecast.map(\.median), [23, 25, 27], relative: 1e-13))
    }

    @Test("linear prediction intervals follow s·t·√(1 + 1/n + (t₀ − t̄)²/Σ(t − t̄)²)")
    func linearIntervalsMatchClosedForm() throws {
        let series: [Double] = [10.2, 11.9, 14.1, 15.8, 18.3, 19.7, 22.4]
        let fit = try DeterministicTrend.linear.fit(series)
        let n = 7.0, mean = 4.0, stt = 28.0 // periods 1…7
        let s = try #require(fit.residualStandardError)
        let t = StudentT.quantile(0.9, degreesOfFreedom: 5)
        for forecast in fit.forecast(horizon: 4, level: 0.8) {
            let t0 = Double(forecast.period)
            let half = t * s * (1 + 1 / n + (t0 - mean) * (t0 - mean) / stt).squareRoot()
            let interval = try #require(forecast.interval)
            #expect(isClose(interval.upperBound - forecast.median, half, relative: 1e-12), "period \(forecast.period)")
            #expect(isClose(forecast.median - interval.lowerBound, half, relative: 1e-12), "period \(forecast.period)")
        }
    }

    @Test("log-linear trend recovers a constant growth rate; median and mean back-transforms differ by e^(s²/2)")
    func logLinearRecoversGrowth() throws {
        let exact = (1...10).map { 100 * pow(1.05, Double($0)) }
        let fit = try DeterministicTrend.logLinear.fit(exact)
        #expect(isClose(fit.coefficients, [log(100), log(1.05)], relative: 1e-12))
        let next = try #require(fit.forecast(horizon: 1, level: 0.95).first)
        #expect(isClose(next.median, 100 * pow(1.05, 11), relative: 1e-12))

        let noisy = zip(exact, [1.02, 0.97, 1.01, 0.99, 1.03, 0.98, 1.0, 1.02, 0.97, 1.01]).map { $0 * $1 }
        let noisyFit = try DeterministicTrend.logLinear.fit(noisy)
        let s = try #require(noisyFit.residualStandardError)
        let step = try #require(noisyFit.forecast(horizon: 2, level: 0.9).last)
        #expect(isClose(try #require(step.mean), step.median * exp(s * s / 2), relative: 1e-13))
        let interval = try #require(step.interval)
        #expect(interval.lowerBound < step.median && step.median < interval.upperBound)
        // The interval is symmetric on the log scale.
        #expect(isClose(log(interval.upperBound) - log(step.median), log(step.median) - log(interval.lowerBound),
                        relative: 1e-12))
    }

    @Test("a quadratic trend recovers an exact parabola")
    func quadraticRecoversParabola() throws {
        let series = (1...9).map { t -> Double in let x = Double(t); return 3 - 0.5 * x + 0.25 * x * x }
        let fit = try DeterministicTrend.polynomial(degree: 2).fit(series)
        #expect(isClose(fit.coefficients, [3, -0.5, 0.25], relative: 1e-12))
        let forecast = fit.forecast(horizon: 1, level: 0.95)
        #expect(isClose(forecast[0].median, 3 - 5 + 25, relative: 1e-12))
    }

    @Test("bad series are rejected with the reason")
    func badSeriesAreRejected() {
        #expect(throws: TrendError.nonPositiveValue(index: 2, value: 0)) { try DeterministicTrend.logLinear.fit([1, 2, 0, 4]) }
        #expect(throws: TrendError.nonFiniteValue(index: 1)) { try DeterministicTrend.linear.fit([1, .nan, 3]) }
        #expect(throws: TrendError.tooShort(count: 2, needed: 3)) { try DeterministicTrend.polynomial(degree: 2).fit([1, 2]) }
        #expect(throws: TrendError.invalidDegree(0)) { try DeterministicTrend.polynomial(degree: 0).fit([1, 2, 3]) }
    }

    @Test("with exactly as many points as coefficients the forecast has no interval")
    func twoPointLineHasNoInterval() throws {
        let fit = try DeterministicTrend.linear.fit([4, 6])
        let forecast = fit.forecast(horizon: 1, level: 0.95)
        #expect(isClose(forecast[0].median, 8, relative: 1e-13))
        #expect(forecast[0].interval == nil)
    }
}
