import Foundation
import OutturnNumerics
@testable import Outturn
import Testing

/// Activity as the report shows it (issue 10, part 5): a total from its members' joint distribution
/// and rates that stay within 0–100%.
@Suite("Derived activity: coherent totals and bounded rates")
struct DerivedActivityTests {
    @Test("the total of two normal members with correlation ρ has the closed-form sum-of-normals intervals",
          arguments: [0.0, 0.3, 0.9])
    func totalOfNormals(correlation rho: Double) {
        let a = PredictiveDistribution(location: 20_000, scale: 2_000, shape: .normal)
        let b = PredictiveDistribution(location: 1_000, scale: 800, shape: .normal)
        let (projected, intervals) = DerivedActivity.total(of: [a, b], correlation: rho, levels: [0.8, 0.95],
                                                           draws: 200_000, seed: 7)
        #expect(projected == 21_000)
        // Var(A + B) = σa² + σb² + 2ρσaσb.
        let sd = (2_000.0 * 2_000 + 800 * 800 + 2 * rho * 2_000 * 800).squareRoot()
        for interval in intervals {
            let z = Normal.quantile((1 + interval.level) / 2)
            // A sample quantile's standard error at 200,000 draws is under 0.01 σ here; allow 0.03 σ.
            #expect(abs(interval.lower - (21_000 - z * sd)) < 0.03 * sd, "ρ \(rho) level \(interval.level)")
            #expect(abs(interval.upper - (21_000 + z * sd)) < 0.03 * sd, "ρ \(rho) level \(interval.level)")
        }
    }

    @Test("a total's interval is narrower than the members' intervals added up unless they move together fully")
    func totalNarrowerThanSumOfIntervals() {
        let a = PredictiveDistribution(location: 100, scale: 10, shape: .normal)
        let b = PredictiveDistribution(location: 50, scale: 10, shape: .normal)
        let total = DerivedActivity.total(of: [a, b], correlation: 0.3, levels: [0.8], draws: 50_000, seed: 1).intervals[0]
        let sumOfEnds = a.interval(level: 0.8).upper + b.interval(level: 0.8).upper
        #expect(total.upper < sumOfEnds)
    }

    @Test("the empirical logit is finite for none and for all, and the logistic maps it back inside (0, 1)")
    func logitEnds() {
        #expect(DerivedActivity.empiricalLogit(count: 0, total: 100).isFinite)
        #expect(DerivedActivity.empiricalLogit(count: 100, total: 100).isFinite)
        #expect(abs(DerivedActivity.logistic(DerivedActivity.empiricalLogit(count: 50, total: 100)) - 0.5) < 1e-12)
        #expect(DerivedActivity.logistic(800) == 1 && DerivedActivity.logistic(-800) == 0)
        #expect(DerivedActivity.logistic(-800).isFinite)
    }

    @Test("rates stay within [0, 1] for extreme inputs: near 0, near 1, all, none, one year, a steep trend",
          arguments: [[0.0, 0.0, 1.0], [999.0, 999.5, 1000], [1000.0, 1000, 1000], [0.0], [1000.0],
                      [100.0, 500, 900, 990, 999], [900.0, 500, 100, 10, 1]])
    func ratesWithinBounds(counts: [Double]) throws {
        let totals = [Double](repeating: 1000, count: counts.count)
        for horizon in [1, 3] {
            let (projected, intervals, _) = try DerivedActivity.rate(counts: counts, totals: totals, horizon: horizon,
                                                                     levels: [0.8, 0.95], fallbackRelativeSpread: 0.14)
            #expect((0...1).contains(projected), "\(counts) h \(horizon): \(projected)")
            for interval in intervals {
                #expect(0 <= interval.lower && interval.lower <= projected && projected <= interval.upper && interval.upper <= 1,
                        "\(counts) h \(horizon): \(interval)")
            }
            #expect(intervals[0].lower >= intervals[1].lower && intervals[0].upper <= intervals[1].upper)
        }
    }

    @Test("the bundled calls: first-contact resolution of 62%, 53% and 66% (closed ÷ telephone + self service) projects inside (0, 1)")
    func bundledRate() throws {
        let telephone = [15_275.0, 17_388, 19_254], selfService = [3_819.0, 2_092, 1_592], closed = [11_850.0, 10_421, 13_854]
        let totals = zip(telephone, selfService).map { $0 + $1 }
        // The annual report's shares.
        #expect(zip(closed, totals).map { Int(100 * $0 / $1) } == [62, 53, 66])
        let (projected, intervals, _) = try DerivedActivity.rate(counts: closed, totals: totals, horizon: 1, levels: [0.8, 0.95],
                                                                 fallbackRelativeSpread: 0.14)
        #expect(projected > 0.5 && projected < 0.75)
        #expect(intervals.allSatisfy { $0.lower > 0 && $0.upper < 1 })
    }
}
