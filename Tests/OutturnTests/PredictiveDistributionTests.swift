import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Predictive distribution: closed forms and quadrature")
struct PredictiveDistributionTests {
    /// N(μ, σ²) given only by its quantile and cdf (no parameters), so the general routes are used.
    static func opaqueNormal(_ mu: Double, _ sigma: Double) -> PredictiveDistribution {
        PredictiveDistribution(point: mu, quantile: { mu + sigma * Normal.quantile($0) },
                               cdf: { Normal.cdf(($0 - mu) / sigma) })
    }

    /// E[(X − b)+] for X ~ N(μ, σ²), written out independently: σφ(z) + (μ − b)(1 − Φ(z)).
    static func closedForm(_ mu: Double, _ sigma: Double, _ b: Double) -> Double {
        let z = (b - mu) / sigma
        return sigma * exp(-z * z / 2) / (2 * Double.pi).squareRoot() + (mu - b) * 0.5 * erfc(z / 2.0.squareRoot())
    }

    @Test("Gauss–Legendre integrates polynomials of degree 2n − 1 exactly and its weights sum to 1",
          arguments: [1, 2, 5, 64])
    func gaussLegendreExact(points: Int) {
        let rule = GaussLegendre(count: points)
        #expect(isClose(rule.weights.reduce(0, +), 1, relative: 1e-13))
        let degree = 2 * points - 1
        #expect(isClose(rule.integrate { pow($0, Double(degree)) }, 1 / Double(degree + 1), relative: 1e-12))
    }

    @Test("expected overspend by quadrature agrees with the normal closed form across the tail",
          arguments: [-3.0, -1.0, 0.0, 0.5, 1.3, 2.5, 4.0])
    func quadratureMatchesClosedForm(z: Double) {
        let mu = 1_000_000.0, sigma = 140_000.0, budget = mu + z * sigma
        let exact = PredictiveDistributionTests.closedForm(mu, sigma, budget)
        let quadrature = PredictiveDistributionTests.opaqueNormal(mu, sigma).expectedExcess(over: budget)
        #expect(isClose(quadrature, exact, relative: 1e-5, absolute: 1e-6 * sigma))
    }

    @Test("a normal projection's expected overspend is the closed form, censored at zero or not")
    func normalUsesClosedForm() {
        let mu = 500_000.0, sigma = 70_000.0, budget = 560_000.0
        let normal = PredictiveDistribution(point: mu, quantile: { mu + sigma * Normal.quantile($0) },
                                            cdf: { Normal.cdf(($0 - mu) / sigma) }, normal: (mu, sigma))
        let exact = PredictiveDistributionTests.closedForm(mu, sigma, budget)
        #expect(isClose(normal.expectedExcess(over: budget), exact, relative: 1e-12))
        #expect(isClose(normal.nonNegative().transformed(scale: 1.05, shift: 0).expectedExcess(over: budget * 1.05),
                        1.05 * exact, relative: 1e-12))
        #expect(normal.nonNegative().isEffectivelyNormal)
        // A one-off change after censoring moves the censoring point: immaterial here (mean 7σ above zero),
        // so the closed form stays; for a line near zero it must step aside.
        #expect(normal.nonNegative().transformed(scale: 1, shift: -1_000).normal?.mean == mu - 1_000)
        let nearZero = PredictiveDistribution(point: 10_000, quantile: { 10_000 + 20_000 * Normal.quantile($0) },
                                              cdf: { Normal.cdf(($0 - 10_000) / 20_000) }, normal: (10_000, 20_000))
        #expect(nearZero.nonNegative().transformed(scale: 1, shift: -1_000).normal == nil)
        #expect(nearZero.nonNegative().transformed(scale: 1.1, shift: 0).normal != nil)
    }

    @Test("moments by quadrature recover a normal's mean and standard deviation")
    func momentsByQuadrature() {
        let moments = PredictiveDistributionTests.opaqueNormal(250_000, 40_000).moments
        #expect(isClose(moments.mean, 250_000, relative: 1e-6))
        #expect(isClose(moments.standardDeviation, 40_000, relative: 1e-3))
    }

    @Test("for heavy-tailed shapes, 64-point Gauss–Legendre matches a fine midpoint rule better than 4,000 steps do",
          arguments: [3.0, 30.0])
    func heavyTails(degrees: Double) {
        let shape = ErrorShape.studentT(degreesOfFreedom: degrees)
        let distribution = PredictiveDistribution(point: 100, quantile: { 100 + 10 * shape.quantile($0) },
                                                  cdf: { shape.cdf(($0 - 100) / 10) })
        func midpoint(steps: Int, over b: Double) -> Double {
            let start = distribution.cdf(b), width = (1 - start) / Double(steps)
            var sum = 0.0
            for k in 0..<steps { sum += max(0, distribution.quantile(start + (Double(k) + 0.5) * width) - b) }
            return sum * width
        }
        for budget in [95.0, 110.0, 125.0] {
            // The midpoint rule's error shrinks like 1/steps² away from the tail; 100,000 steps is the reference.
            let reference = midpoint(steps: 100_000, over: budget)
            let quadrature = distribution.expectedExcess(over: budget)
            #expect(abs(quadrature - reference) <= abs(midpoint(steps: 4_000, over: budget) - reference))
            #expect(isClose(quadrature, reference, relative: 1e-3))
        }
    }
}
