import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Total risk: one-factor Gaussian copula")
struct TotalRiskAccumulatorTests {
    /// `count` lines with means 100k…, spreads 10%–20%: normal, or opaque — t(∞), the same distribution
    /// under a shape that is not `.normal`, so the total must simulate it or use its moments.
    static func lines(_ count: Int, opaque: Bool) -> [LineProjection] {
        (0..<count).map { i in
            let mu = 100_000 + 7_919 * Double(i % 37), sigma = mu * (0.10 + 0.10 * Double(i % 5) / 4)
            let distribution = PredictiveDistribution(location: mu, scale: sigma,
                                                      shape: opaque ? .studentT(degreesOfFreedom: .infinity) : .normal)
            return LineProjection(lineName: "L\(i)", budget: Money(roundingPounds: mu * 1.02)!, distribution: distribution,
                                  method: "m", reason: "r", yearsOfHistory: opaque ? 3 : 1, spreadAssumed: false)
        }
    }

    /// Mean and standard deviation of the sum of equicorrelated normals:
    /// Var = Σσᵢ² + ρ((Σσᵢ)² − Σσᵢ²).
    static func closedForm(_ lines: [LineProjection], rho: Double) -> (mean: Double, sd: Double, budget: Double) {
        let sigmas = lines.map(\.distribution.scale)
        let s1 = sigmas.reduce(0, +), s2 = sigmas.map { $0 * $0 }.reduce(0, +)
        return (lines.map(\.projected).reduce(0, +), (s2 + rho * (s1 * s1 - s2)).squareRoot(),
                lines.map(\.budget.pounds).reduce(0, +))
    }

    static func scenario(draws: Int, rho: Double = 0.3, seed: UInt64 = 11) -> Scenario {
        Scenario(fileName: "s.yaml", ledgerPath: "l.csv", targetYear: FiscalYear("2022/23")!, lines: [],
                 correlation: rho, seed: seed, draws: draws)
    }

    @Test("normal lines (collapsed), opaque lines (simulated one by one) and the normal approximation match the closed form",
          arguments: [(false, true), (true, true), (true, false)])
    func matchesClosedForm(opaque: Bool, simulate: Bool) throws {
        let lines = TotalRiskAccumulatorTests.lines(40, opaque: opaque)
        let draws = 100_000
        var accumulator = TotalRiskAccumulator(scenario: TotalRiskAccumulatorTests.scenario(draws: draws),
                                               linesNeedingSimulation: simulate ? 40 : Int.max / 2)
        for line in lines { try accumulator.add(line) }
        let total = try accumulator.assessment()
        let exact = TotalRiskAccumulatorTests.closedForm(lines, rho: 0.3)
        let p = 1 - Normal.cdf((exact.budget - exact.mean) / exact.sd)
        #expect(abs(total.probabilityOfOverspend.value - p) < 4 * (p * (1 - p) / Double(draws)).squareRoot())
        // The 95% interval's width is 2·1.96·sd; its Monte Carlo error at 100k draws is well under 1%.
        let width = total.intervals[1].upper.pounds - total.intervals[1].lower.pounds
        #expect(isClose(width, 2 * 1.959_964 * exact.sd, relative: 0.01))
        #expect(isClose((total.intervals[1].upper.pounds + total.intervals[1].lower.pounds) / 2, exact.mean, relative: 0.002))
        #expect(total.reason.contains("entered as normals") == (opaque && !simulate))
    }

    @Test("the total does not depend on block size or thread count")
    func independentOfBlocks() throws {
        let resolved = try ResolvedScenario.bundled()
        var first: TotalRisk?
        for (block, threads) in [(1, 1), (2, 2), (4_096, 2)] {
            let total = try ForecastRun.run(resolved, blockSize: block, threads: threads) { _ in }.total
            if let first { #expect(total == first) } else { first = total }
        }
    }
}
