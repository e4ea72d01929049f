import Foundation
import OutturnNumerics
import Testing
import _TestSupport

/// The pattern-break mixture (1 − w)·base + w·(base reweighted to P(E > cut) = q), as the exact
/// ``ErrorShape/sideWeighted(base:cut:below:above:)`` shape.
@Suite("Side-weighted error shape (the pattern-break mixture): exact probability, quantiles and partial expectation")
struct SideWeightedShapeTests {
    static let logBase = ErrorShape.logEmpirical(points: [-2, -0.5, 0, 0.4, 1.5], levels: [0.05, 0.3, 0.5, 0.7, 0.96],
                                                 logScale: 0.35, upperLimit: 2.5)

    @Test("P(E > cut) is (1 − w)·p + w·q exactly, for a normal and a log-empirical base, either side of the median", arguments: [
        (0.3, 0.219, 1.0 / 3), (-0.8, 0.219, 2.0 / 3), (1.2, 0.5, 0.9), (0.0, 0.1, 0.5),
    ])
    func probabilityIsTheMixture(cut: Double, weight: Double, q: Double) {
        for base in [ErrorShape.normal, SideWeightedShapeTests.logBase] {
            let p = 1 - base.cdf(cut)
            let mixed = ErrorShape.mixingSides(of: base, cut: cut, weight: weight, probabilityAbove: q)
            #expect(isClose(1 - mixed.cdf(cut), (1 - weight) * p + weight * q, relative: 1e-13), "\(base)")
        }
    }

    @Test("below the cut the cdf is the base's scaled; above, the base's conditional tail scaled (normal closed forms)")
    func cdfClosedForm() {
        let (cut, w, q) = (0.4, 0.25, 0.8)
        let p = 1 - Normal.cdf(cut)
        let mixed = ErrorShape.mixingSides(of: .normal, cut: cut, weight: w, probabilityAbove: q)
        for x in [-3.0, -1, 0, 0.39] {
            #expect(isClose(mixed.cdf(x), (1 - w) * Normal.cdf(x) + w * (1 - q) * Normal.cdf(x) / (1 - p), relative: 1e-13))
        }
        for x in [0.41, 1, 2.5] {
            let conditional = (1 - q) + q * (Normal.cdf(x) - Normal.cdf(cut)) / p
            #expect(isClose(mixed.cdf(x), (1 - w) * Normal.cdf(x) + w * conditional, relative: 1e-13))
        }
    }

    @Test("the quantile inverts the cdf on both sides of the cut and is non-decreasing")
    func quantileInvertsCDF() {
        for base in [ErrorShape.normal, SideWeightedShapeTests.logBase] {
            let mixed = ErrorShape.mixingSides(of: base, cut: 0.2, weight: 0.3, probabilityAbove: 0.9)
            var previous = -Double.infinity
            for p in [1e-6, 0.01, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.97] {
                let x = mixed.quantile(p)
                #expect(isClose(mixed.cdf(x), p, relative: 1e-12), "\(base) p \(p)")
                #expect(x >= previous)
                previous = x
            }
        }
    }

    /// The partial moments come from the base's upper partial moments on each side; the reference
    /// here is a different path: ∫₀¹ (Q(p) − t)⁺ dp by the midpoint rule on 400,000 points of the
    /// quantile function, which only uses the base's quantile and cdf.
    @Test("mean and expected excess match an integral of the quantile function", arguments: [-0.5, 0.1, 0.2, 0.9])
    func partialExpectation(threshold: Double) throws {
        let distribution = PredictiveDistribution(location: 1, scale: 2, shape: ErrorShape.mixingSides(
            of: SideWeightedShapeTests.logBase, cut: 0.2, weight: 0.3, probabilityAbove: 0.9))
        // The threshold in pounds: `threshold` standardised units above the location.
        let t = 1 + 2 * threshold, n = 400_000
        var excess = 0.0, mean = 0.0
        for i in 0..<n {
            let value = distribution.quantile((Double(i) + 0.5) / Double(n))
            excess += max(0, value - t)
            mean += value
        }
        #expect(isClose(try #require(distribution.expectedExcess(over: t)), excess / Double(n), relative: 1e-4))
        #expect(isClose(try #require(distribution.mean), mean / Double(n), relative: 1e-4))
    }

    @Test("weight 0, or a base with no probability on one side, leaves the base unchanged")
    func degenerateCases() {
        #expect(ErrorShape.mixingSides(of: .normal, cut: 0.3, weight: 0, probabilityAbove: 0.9) == .normal)
        #expect(ErrorShape.mixingSides(of: SideWeightedShapeTests.logBase, cut: 10, weight: 0.2, probabilityAbove: 0.9)
                == SideWeightedShapeTests.logBase)
    }
}
