import Foundation
@testable import OutturnNumerics
import Testing
import _TestSupport

/// The pattern-break mixture's quantile (1 − w)·base + w·(shifted base reweighted at a cut): the
/// root search of `ErrorShape.quantile` and the tabulated `PreparedQuantile` that the simulation of
/// totals uses must both be the exact inverse of the mixture's cdf, and agree with each other.
@Suite("Pattern-break mixture quantile: the root search and the prepared table invert the cdf exactly")
struct MixtureQuantileTests {
    /// A log-scale table of `count` sorted points from a seeded skewed sample, levels (k + 0.5)/n.
    static func table(count: Int, seed: UInt64, shift: Double = 0) -> (points: [Double], levels: [Double]) {
        var generator = Xoshiro256StarStar(seed: seed)
        let points = (0..<count).map { _ in
            let z = generator.nextStandardNormal()
            return (z < 0 ? 0.7 * z : 1.4 * z) + shift
        }.sorted()
        var distinct: [Double] = []
        for z in points where distinct.last.map({ z > $0 }) ?? true { distinct.append(z) }
        let n = Double(distinct.count)
        return (distinct, distinct.indices.map { (Double($0) + 0.5) / n })
    }

    /// The mixture exactly as the budget-execution model builds it (BudgetExecutionModel.patternBreak).
    static func mixture(seed: UInt64, offset: Double, cut: Double, weight: Double, record: Double,
                        limit: Double = .infinity) -> ErrorShape {
        let (points, levels) = table(count: 400, seed: seed)
        let base = ErrorShape.logEmpirical(points: points, levels: levels, logScale: 0.3, upperLimit: limit)
        let held = ErrorShape.logEmpirical(points: points.map { $0 + offset }, levels: levels, logScale: 0.3, upperLimit: limit)
        let broken = ErrorShape.mixingSides(of: held, cut: cut, weight: 1, probabilityAbove: record)
        return .mixture(weight: weight, base: base, alternative: broken)
    }

    static let cases: [(offset: Double, cut: Double, weight: Double, record: Double, limit: Double)] = [
        (0, 0.1, 0.19, 0.6, .infinity), (0.8, -0.2, 0.19, 1.0 / 7, .infinity), (-1.5, 0.3, 0.19, 6.0 / 7, 3),
        (3, 0.0, 0.5, 0.5, 2.5), (-0.2, 1.5, 0.1, 0.25, .infinity),
    ]

    /// The mixture of `cases[index]`, its table seeded by the index.
    static func mixture(case index: Int) -> ErrorShape {
        let c = cases[index]
        return mixture(seed: UInt64(index + 1), offset: c.offset, cut: c.cut, weight: c.weight, record: c.record, limit: c.limit)
    }

    static let probabilities: [Double] = [1e-12, 1e-6, 0.001, 0.01, 0.05, 0.1, 0.2, 0.33, 0.5, 0.61, 0.8, 0.9, 0.95,
                                          0.975, 0.99, 0.999, 1 - 1e-6, 1 - 1e-12]

    @Test("the root search returns x with F(x) within 10⁻¹⁵ of p (or the censoring point when F jumps past p)",
          arguments: 0..<5)
    func rootSearchInvertsTheCDF(index: Int) {
        let shape = MixtureQuantileTests.mixture(case: index)
        var previous = -Double.infinity
        for p in MixtureQuantileTests.probabilities {
            let x = shape.quantile(p)
            #expect(x >= previous, "p \(p)")
            previous = x
            #expect(shape.cdf(x) >= p - 1e-15, "p \(p): F(x) = \(shape.cdf(x))")
            // Smallest such x: a step of 10⁻⁹ of its size below it falls short of p (unless F jumps there).
            let below = x - max(1e-9, abs(x) * 1e-9)
            #expect(shape.cdf(below) < p + 1e-15, "p \(p)")
        }
    }

    @Test("the prepared quantile equals the shape's quantile to 10⁻¹², at every probability and at 2,000 seeded ones",
          arguments: 0..<5)
    func preparedEqualsShapeQuantile(index: Int) {
        let shape = MixtureQuantileTests.mixture(case: index)
        let prepared = PreparedQuantile(shape)
        #expect(prepared.isTabulated)
        var generator = Xoshiro256StarStar(seed: 99)
        let random = (0..<2_000).map { _ in Double(generator.next() >> 11) / Double(1 << 53) }
        for p in MixtureQuantileTests.probabilities + random where p > 0 {
            let a = shape.quantile(p), b = prepared(p)
            #expect(abs(a - b) <= 1e-12 * max(1, abs(a)), "p \(p): \(a) against \(b)")
        }
    }

    @Test("a shape that is not a pattern-break mixture is passed through: the prepared quantile is its own")
    func otherShapesPassThrough() {
        let (points, levels) = MixtureQuantileTests.table(count: 50, seed: 7)
        for shape in [ErrorShape.normal, .studentT(degreesOfFreedom: 4),
                      .logEmpirical(points: points, levels: levels, logScale: 0.4, upperLimit: 2)] {
            let prepared = PreparedQuantile(shape)
            #expect(!prepared.isTabulated)
            for p in [0.01, 0.3, 0.5, 0.9, 0.999] { #expect(prepared(p) == shape.quantile(p), "\(shape) p \(p)") }
        }
    }
}
