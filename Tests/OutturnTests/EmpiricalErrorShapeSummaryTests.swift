import Foundation
import Testing
@testable import Outturn
import _TestSupport

/// The budget-execution error table on large ledgers: summarised by its own quantiles only when
/// lines × points is large, within the stated bound, and shared (not copied) by every line.
@Suite("Budget-execution error table: the summary for large ledgers")
struct EmpiricalErrorShapeSummaryTests {
    /// A seeded sample of standardised errors (a skewed mixture, like real one-year-ahead errors).
    static func sample(_ count: Int) -> [Double] {
        var generator = SeededGenerator(seed: 7)
        return (0..<count).map { _ in
            let u = Double.random(in: 0..<1, using: &generator), v = Double.random(in: 0..<1, using: &generator)
            let normal = (-2 * log(max(u, 1e-300))).squareRoot() * cos(2 * .pi * v)
            return v < 0.2 ? 2 + 1.5 * abs(normal) : normal
        }
    }

    @Test("a shipped-size ledger (1,000 lines, 5,000 errors: 5×10⁶ pairs) keeps the exact table")
    func smallLedgersStayExact() {
        let shape = EmpiricalErrorShape(prior: [], priorWeight: 0, sample: Self.sample(5_000))
        let used = shape.summarised(forLines: 1_000)
        #expect(used.points == shape.points && used.levels == shape.levels)
    }

    @Test("a 100,000-line ledger (40,000 errors) gets at most 512 points, and its F is within 1/512 of the exact F everywhere")
    func largeLedgersAreSummarisedWithinTheBound() {
        let shape = EmpiricalErrorShape(prior: [], priorWeight: 0, sample: Self.sample(40_000))
        let summary = shape.summarised(forLines: 100_000)
        #expect(summary.points.count <= EmpiricalErrorShape.summaryPoints)
        // F of both at every exact point and between the summary's points.
        let probes = shape.points + zip(summary.points, summary.points.dropFirst()).map { ($0 + $1) / 2 }
        let worst = probes.map { abs(summary.cdf($0) - shape.cdf($0)) }.max() ?? 1
        #expect(worst < 1.0 / Double(EmpiricalErrorShape.summaryPoints), "worst |ΔF| = \(worst)")
        // The median, from which every line's distribution is centred, moves by less than one summary step.
        #expect(abs(summary.median - shape.median) < 0.01)
    }

    @Test("every line's distribution shares the one centred table (no copy per line)")
    func linesShareTheCentredTable() {
        let shape = EmpiricalErrorShape(prior: [], priorWeight: 0, sample: Self.sample(2_000))
        let a = shape.spending(shift: 0, base: 100_000, centre: 0.1, spread: 0.2)
        let b = shape.spending(shift: 0, base: 5_000, centre: -0.3, spread: 0.5)
        guard case .logEmpirical(let pointsA, _, _, _) = a.shape, case .logEmpirical(let pointsB, _, _, _) = b.shape else {
            Issue.record("expected log-empirical shapes"); return
        }
        let same = pointsA.withUnsafeBufferPointer { x in pointsB.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
        #expect(same)
        #expect(pointsA == shape.points.map { $0 - shape.median })
    }
}
