#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DeterministicTrend {
    /// Fits the trend to a series observed at periods 1…n by least squares.
    ///
    /// - Parameter series: y₁…yₙ, equally spaced in time, no missing values (NaN is rejected: use
    ///   ``BatchTrend`` or fit the observed periods with ``LeastSquares`` for gappy series).
    /// - Returns: the fit, with coefficients on the period scale (β₀ + β₁·t + …, t = 1…n).
    /// - Throws: ``TrendError`` when the series is shorter than the number of coefficients, has a
    ///   missing or non-finite value, or (log-linear) a value ≤ 0.
    public func fit(_ series: [Double]) throws -> TrendFit {
        if case let .polynomial(degree) = self, degree < 1 { throw TrendError.invalidDegree(degree) }
        for (index, value) in series.enumerated() where !value.isFinite {
            throw TrendError.nonFiniteValue(index: index)
        }
        guard series.count >= coefficientCount else {
            throw TrendError.tooShort(count: series.count, needed: coefficientCount)
        }
        var response = series
        if self == .logLinear {
            for (index, value) in series.enumerated() where value <= 0 {
                throw TrendError.nonPositiveValue(index: index, value: value)
            }
            response = series.map { log($0) }
        }
        let periods = (1...series.count).map(Double.init)
        let regression = try LeastSquares.fitPolynomial(x: periods, response: response, degree: degree)
        return TrendFit(trend: self, observations: series.count, regression: regression)
    }
}
