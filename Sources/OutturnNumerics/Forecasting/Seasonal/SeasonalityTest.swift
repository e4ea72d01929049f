/// The seasonality test of the M4 competition's benchmarks (Makridakis, Spiliotis & Assimakopoulos
/// 2020; the `SeasonalityTest` of the M4 benchmark R code): a series of n ≥ 3m points is seasonal
/// with period m when its lag-m autocorrelation is significant at 90% (one-sided 1.645),
/// |rₘ| > 1.645·√((1 + 2·Σₖ₌₁ᵐ⁻¹ rₖ²)/n) (Bartlett's variance of rₘ under an MA(m − 1)).
package struct SeasonalityTest: Sendable, Equatable {
    /// The season length m tested (periods per cycle, e.g. 4 or 12).
    package let seasonLength: Int
    /// The lag-m autocorrelation rₘ (nil when the series is too short or constant).
    package let autocorrelation: Double?
    /// The critical value 1.645·√((1 + 2Σrₖ²)/n) (nil when not computed).
    package let limit: Double?

    /// Whether the series counts as seasonal: m > 1, n ≥ 3m, not constant, and |rₘ| > limit.
    package var isSeasonal: Bool {
        guard let r = autocorrelation, let limit else { return false }
        return abs(r) > limit
    }

    /// One-sided 90% normal quantile used by the M4 benchmarks.
    package static let criticalValue = 1.645

    /// Tests `series` (oldest first, finite) for seasonality of period `seasonLength`.
    package init(_ series: [Double], seasonLength: Int) {
        self.seasonLength = seasonLength
        let n = series.count
        guard seasonLength > 1, n >= 3 * seasonLength else {
            autocorrelation = nil; limit = nil; return
        }
        let r = SeasonalityTest.autocorrelations(series, maxLag: seasonLength)
        guard let r else { autocorrelation = nil; limit = nil; return }
        var sum = 1.0
        for k in 1..<seasonLength { sum += 2 * r[k - 1] * r[k - 1] }
        autocorrelation = r[seasonLength - 1]
        limit = SeasonalityTest.criticalValue * (sum / Double(n)).squareRoot()
    }

    /// Sample autocorrelations r₁…r_maxLag as R's `acf`: rₖ = Σₜ(xₜ − x̄)(xₜ₊ₖ − x̄) / Σₜ(xₜ − x̄)².
    /// Nil for a constant series.
    package static func autocorrelations(_ x: [Double], maxLag: Int) -> [Double]? {
        let n = x.count
        let mean = x.reduce(0, +) / Double(n)
        var denominator = 0.0
        for v in x { denominator += (v - mean) * (v - mean) }
        guard denominator > 0 else { return nil }
        return (1...maxLag).map { k in
            var total = 0.0
            if k < n { for t in 0..<(n - k) { total += (x[t] - mean) * (x[t + k] - mean) } }
            return total / denominator
        }
    }
}
