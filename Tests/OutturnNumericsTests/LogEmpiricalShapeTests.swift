import Foundation
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Log-empirical error shape (the budget-execution model's): exact moments, quantiles and censoring")
struct LogEmpiricalShapeTests {
    static let points: [Double] = [-2, -0.5, 0, 0.4, 1.5]
    static let levels: [Double] = [0.05, 0.3, 0.5, 0.7, 0.96]

    static func shape(sigma: Double, limit: Double) -> ErrorShape {
        .logEmpirical(points: points, levels: levels, logScale: sigma, upperLimit: limit)
    }

    /// Values from scripts/reference/log-empirical.py: mpmath integrals over probability at 50
    /// digits of Y(Q(p)), Q written from the definition (no closed form shared with the code).
    static let references: [PredictiveDistributionTests.Reference] = [
        .init(name: "moderate, limit in the upper tail",
              distribution: .init(location: 1000, scale: 800, shape: shape(sigma: 0.35, limit: 2.5)),
              mean: 1023.7117959528576, standardDeviation: 317.29291668290212,
              excess: [(900, 189.05880812459234), (1500, 16.710208975738074), (2000, 1.9213665853103076)]),
        .init(name: "heavy (σ 1.2), limit inside a segment, censored at 0",
              distribution: .init(location: 100, scale: 300, shape: shape(sigma: 1.2, limit: 1.0), lowerBound: 0),
              mean: 241.5596874931298, standardDeviation: 299.42900612624554,
              excess: [(-50, 291.5596874931298), (100, 185.25736136700743), (400, 80.751669834105705)]),
    ]

    @Test("mean, standard deviation and expected excess match 50-digit numerical integrals", arguments: references)
    func matchesReference(reference: PredictiveDistributionTests.Reference) throws {
        let distribution = reference.distribution
        #expect(isClose(try #require(distribution.mean), reference.mean, relative: 1e-12))
        #expect(isClose(try #require(distribution.standardDeviation), reference.standardDeviation, relative: 1e-11))
        for (threshold, value) in reference.excess {
            #expect(isClose(try #require(distribution.expectedExcess(over: threshold)), value, relative: 1e-11),
                    "threshold \(threshold)")
        }
    }

    @Test("below the limit the quantile inverts the cdf, at the table's points and in both tails; from the limit on the cdf is 1")
    func quantileInvertsCDF() {
        let shape = LogEmpiricalShapeTests.shape(sigma: 0.35, limit: 2.5)
        for p in [1e-6, 0.01, 0.05, 0.2, 0.3, 0.5, 0.63, 0.7, 0.9, 0.96, 0.97, 0.985] {
            #expect(isClose(shape.cdf(shape.quantile(p)), p, relative: 1e-13), "p \(p)")
        }
        // The table's points map to its levels: E = exp(0.35 z) − 1.
        for (z, level) in zip(LogEmpiricalShapeTests.points, LogEmpiricalShapeTests.levels) {
            #expect(isClose(shape.cdf(expm1(0.35 * z)), level, relative: 1e-14))
        }
        // Unit-rate exponential tails: F(z) = 0.05·e^(z + 2) below, 1 − F = 0.04·e^(−(z − 1.5)) above.
        #expect(isClose(shape.cdf(expm1(0.35 * -3)), 0.05 * exp(-1.0), relative: 1e-14))
        #expect(isClose(1 - shape.cdf(expm1(0.35 * 2)), 0.04 * exp(-0.5), relative: 1e-12))
        // Censored at z = 2.5: every p above F(2.5) = 1 − 0.04/e ≈ 0.9853 gives the limit.
        #expect(shape.quantile(0.999) == expm1(0.35 * 2.5))
        #expect(shape.cdf(expm1(0.35 * 2.5)) == 1)
        #expect(shape.cdf(-1) == 0 && shape.quantile(0) == -1)
    }

    @Test("without a limit the mean exists only for σ < 1 and the variance only for σ < 1/2 (nil, never a number)")
    func uncensoredTails() throws {
        let mild = PredictiveDistribution(location: 0, scale: 1, shape: LogEmpiricalShapeTests.shape(sigma: 0.4, limit: .infinity))
        #expect(mild.mean != nil && mild.standardDeviation != nil)
        let noVariance = PredictiveDistribution(location: 0, scale: 1, shape: LogEmpiricalShapeTests.shape(sigma: 0.7, limit: .infinity))
        #expect(noVariance.mean != nil && noVariance.standardDeviation == nil)
        let noMean = PredictiveDistribution(location: 0, scale: 1, shape: LogEmpiricalShapeTests.shape(sigma: 1.2, limit: .infinity))
        #expect(noMean.mean == nil && noMean.expectedExcess(over: 0.5) == nil)
        // The same heavy shape with a limit has every moment.
        let capped = PredictiveDistribution(location: 0, scale: 1, shape: LogEmpiricalShapeTests.shape(sigma: 1.2, limit: 3))
        #expect(capped.mean != nil && capped.standardDeviation != nil)
    }
}
