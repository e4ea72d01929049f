import Foundation
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Predictive distribution: exact moments, partial expectations and transformations")
struct PredictiveDistributionTests {
    /// The calibrated-style table used by the empirical references (0.5 is a table point).
    static let empirical = ErrorShape.empirical(probabilities: [0.05, 0.25, 0.5, 0.75, 0.95],
                                                quantiles: [-1.2, -0.5, 0.1, 0.9, 2.6])

    /// One reference: the distribution, its mean and standard deviation, and E[(Y − b)⁺] at thresholds.
    struct Reference: Sendable, CustomTestStringConvertible {
        let name: String
        let distribution: PredictiveDistribution
        let mean: Double
        let standardDeviation: Double
        let excess: [(threshold: Double, value: Double)]
        var testDescription: String { name }
    }

    /// Values from scripts/reference/predictive-distribution.py: mpmath numerical integrals at 50
    /// digits over the density (normal, Student t) or over probability (empirical), no closed forms.
    static let references: [Reference] = [
        Reference(name: "t5", distribution: .init(location: 100, scale: 10, shape: .studentT(degreesOfFreedom: 5)),
                  mean: 100, standardDeviation: 12.909944487358056, excess: [(115, 0.80259926989663613)]),
        Reference(name: "t5 censored at 90",
                  distribution: .init(location: 100, scale: 10, shape: .studentT(degreesOfFreedom: 5), lowerBound: 90),
                  mean: 101.4791096220191, standardDeviation: 10.413246035741384,
                  excess: [(80, 21.479109622019095), (115, 0.80259926989663613)]),
        Reference(name: "t3", distribution: .init(location: 100, scale: 10, shape: .studentT(degreesOfFreedom: 3)),
                  mean: 100, standardDeviation: 17.320508075688773, excess: [(130, 0.5132889542179205)]),
        Reference(name: "normal censored at 0 (a third of the mass)",
                  distribution: .init(location: 10_000, scale: 20_000, shape: .normal, lowerBound: 0),
                  mean: 13955.931148026121, standardDeviation: 14878.719090749068,
                  excess: [(-500, 14455.931148026121), (20_000, 3955.9311480261206)]),
        Reference(name: "empirical", distribution: .init(location: 50, scale: 4, shape: empirical),
                  mean: 51.360969682463051, standardDeviation: 4.8191950060894592,
                  excess: [(55, 0.82584370120978731), (70, 0.0010303637789630727)]),
        Reference(name: "empirical censored at 48",
                  distribution: .init(location: 50, scale: 4, shape: empirical, lowerBound: 48),
                  mean: 51.847020171798023, standardDeviation: 4.2755574943778761,
                  excess: [(40, 11.847020171798023), (55, 0.82584370120978731), (70, 0.0010303637789630727)]),
    ]

    @Test("mean, standard deviation and expected excess match 50-digit numerical integrals", arguments: references)
    func matchesReference(reference: Reference) throws {
        let distribution = reference.distribution
        // Student t's cdf and density are accurate to about 1e-12; the rest to a few ulps.
        #expect(isClose(try #require(distribution.mean), reference.mean, relative: 1e-11))
        #expect(isClose(try #require(distribution.standardDeviation), reference.standardDeviation, relative: 1e-11))
        for (threshold, value) in reference.excess {
            #expect(isClose(try #require(distribution.expectedExcess(over: threshold)), value, relative: 1e-10),
                    "threshold \(threshold)")
        }
    }

    @Test("a normal's expected excess is σφ(z) + (μ − b)(1 − Φ(z)), written out with erfc",
          arguments: [-3.0, -1.0, 0.0, 0.5, 1.3, 2.5, 4.0])
    func normalClosedForm(z: Double) throws {
        let mu = 1_000_000.0, sigma = 140_000.0, budget = mu + z * sigma
        let exact = sigma * exp(-z * z / 2) / (2 * Double.pi).squareRoot() + (mu - budget) * 0.5 * erfc(z / 2.0.squareRoot())
        let distribution = PredictiveDistribution(location: mu, scale: sigma, shape: .normal)
        #expect(isClose(try #require(distribution.expectedExcess(over: budget)), exact, relative: 1e-13))
        // Censoring at zero (7σ below) does not touch an excess over a positive budget.
        #expect(isClose(try #require(distribution.censored(below: 0).expectedExcess(over: budget)), exact, relative: 1e-13))
    }

    @Test("the empirical shape's excess agrees with a fine midpoint rule over probability")
    func empiricalAgainstMidpoint() throws {
        let distribution = PredictiveDistribution(location: 50, scale: 4, shape: PredictiveDistributionTests.empirical,
                                                  lowerBound: 47)
        for budget in [45.0, 49.0, 52.0, 58.0] {
            // ∫_0^1 (Q(p) − b)⁺ dp by the midpoint rule on 2,000,000 cells; the tails beyond 10⁻⁶ are negligible here.
            let steps = 2_000_000
            var sum = 0.0
            for k in 0..<steps { sum += max(0, distribution.quantile((Double(k) + 0.5) / Double(steps)) - budget) }
            #expect(isClose(try #require(distribution.expectedExcess(over: budget)), sum / Double(steps), relative: 1e-6),
                    "budget \(budget)")
        }
    }

    @Test("affine maps move quantiles, cdf, moments and excess exactly as X ↦ aX + b does",
          arguments: [ErrorShape.normal, .studentT(degreesOfFreedom: 4), PredictiveDistributionTests.empirical])
    func affine(shape: ErrorShape) throws {
        let base = PredictiveDistribution(location: 200, scale: 30, shape: shape, lowerBound: 150)
        let (a, b) = (1.07, -12.5)
        let moved = base.transformed(multiplier: a, shift: b)
        #expect(moved.lowerBound == a * 150 + b)
        for p in [0.01, 0.1, 0.37, 0.5, 0.9, 0.999] {
            #expect(isClose(moved.quantile(p), a * base.quantile(p) + b, relative: 1e-14), "p \(p)")
            #expect(isClose(moved.cdf(a * base.quantile(p) + b), base.cdf(base.quantile(p)), relative: 1e-12), "p \(p)")
        }
        #expect(isClose(try #require(moved.mean), a * (try #require(base.mean)) + b, relative: 1e-13))
        #expect(isClose(try #require(moved.standardDeviation), a * (try #require(base.standardDeviation)), relative: 1e-12))
        for threshold in [100.0, 180.0, 260.0] {
            #expect(isClose(try #require(moved.expectedExcess(over: a * threshold + b)),
                            a * (try #require(base.expectedExcess(over: threshold))), relative: 1e-12))
        }
        // Widening about a centre: the centre stays, every quantile's distance from it scales.
        let widened = base.recentred(at: 210, widenedBy: 1.5)
        #expect(widened.censoredLocation == 210)
        #expect(isClose(widened.quantile(0.9) - 210, 1.5 * (base.quantile(0.9) - base.censoredLocation), relative: 1e-13))
    }

    @Test("censoring puts the mass below the bound at the bound; mean = L + E[(X − L)⁺]",
          arguments: [ErrorShape.normal, .studentT(degreesOfFreedom: 3.5), PredictiveDistributionTests.empirical])
    func censoring(shape: ErrorShape) throws {
        let free = PredictiveDistribution(location: 5, scale: 10, shape: shape)
        let censored = free.censored(below: 0)
        #expect(censored.cdf(-0.001) == 0)
        #expect(censored.cdf(0) == free.cdf(0))
        #expect(censored.quantile(free.cdf(0) / 2) == 0)
        #expect(censored.quantile(0.9) == free.quantile(0.9))
        #expect(censored.censoredLocation == 5 && free.censored(below: 8).censoredLocation == 8)
        let excessAtBound = try #require(free.expectedExcess(over: 0))
        #expect(isClose(try #require(censored.mean), excessAtBound, relative: 1e-13))
        #expect(try #require(censored.mean) > (try #require(free.mean)))
        #expect(try #require(censored.standardDeviation) < (try #require(free.standardDeviation)))
        // Above the bound, censoring does not change the excess; below it adds (L − b).
        #expect(censored.expectedExcess(over: 3) == free.expectedExcess(over: 3))
        #expect(isClose(try #require(censored.expectedExcess(over: -4)), 4 + excessAtBound, relative: 1e-13))
    }

    @Test("moments that do not exist are nil, never NaN: t(1) has no mean, t(2) no variance")
    func heavyTails() {
        let cauchy = PredictiveDistribution(location: 0, scale: 1, shape: .studentT(degreesOfFreedom: 1))
        #expect(cauchy.mean == nil && cauchy.standardDeviation == nil && cauchy.expectedExcess(over: 2) == nil)
        let t2 = PredictiveDistribution(location: 3, scale: 1, shape: .studentT(degreesOfFreedom: 2))
        #expect(t2.mean == 3 && t2.standardDeviation == nil)
        // E[(T − 1)⁺] for t(2) in closed form: (√(2 + c²) − c)/2 at c = 1.
        #expect(isClose(t2.expectedExcess(over: 4) ?? .nan, (3.0.squareRoot() - 1) / 2, relative: 1e-13))
    }

    @Test("a zero scale is a certain outcome")
    func certain() {
        let point = PredictiveDistribution(location: -4, scale: 0, shape: .normal, lowerBound: 0)
        #expect(point.quantile(0.01) == 0 && point.quantile(0.99) == 0)
        #expect(point.mean == 0 && point.standardDeviation == 0)
        #expect(point.expectedExcess(over: -1) == 1 && point.probabilityAbove(-1) == .one && point.probabilityAbove(0) == .zero)
    }

    @Test("the distribution and its shape survive a JSON round trip unchanged",
          arguments: [ErrorShape.normal, .studentT(degreesOfFreedom: 7), PredictiveDistributionTests.empirical])
    func codable(shape: ErrorShape) throws {
        let original = PredictiveDistribution(location: 12.5, scale: 3, shape: shape, lowerBound: 0)
        let decoded = try JSONDecoder().decode(PredictiveDistribution.self, from: JSONEncoder().encode(original))
        #expect(decoded == original)
    }

    @Test("a probability is checked where it is made: outside [0, 1] or NaN is refused, rounding is clamped")
    func probability() {
        #expect(Probability(0.25)?.value == 0.25 && Probability(0) == .zero && Probability(1) == .one)
        #expect(Probability(1.5) == nil && Probability(-0.1) == nil && Probability(.nan) == nil)
        #expect(Probability(clamping: 1 + 1e-16) == .one && Probability(clamping: -1e-17) == .zero)
        #expect(Probability(clamping: 0.3).complement.value == 0.7 && Probability(clamping: 0.2) < Probability(clamping: 0.3))
    }
}
