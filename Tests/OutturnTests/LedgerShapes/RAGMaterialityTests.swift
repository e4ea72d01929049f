import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Materiality in the RAG: red needs a likely and material overspend")
struct RAGMaterialityTests {
    // A target two years ahead: a one-year line is then carried forward (a normal with the scenario's
    // spread over two years), which gives closed forms; one year ahead the budget-execution prior takes it.
    @Test("a £900 line carried forward at £950 is likely to overspend, by about £100: amber, not red")
    func smallLineNotRed() throws {
        let report = try RiskTests.report(history: [(900, 950)], budget: 900, targetYear: "2023/24")
        let line = try #require(report.lines.first)
        // Normal closed form: μ = 950, σ = 14% of 950 × √2 = 188; P(X > 900) = Φ(50/188) ≈ 0.605,
        // E[(X − 900)⁺] = σ·φ(z) + (μ − b)·Φ(−z) with z = −50/188 ≈ £103.
        let sigma = 0.14 * 950.0 * 2.0.squareRoot(), z = (900 - 950) / sigma
        #expect(abs(line.probabilityOfOverspend.value - Normal.cdf(-z)) < 1e-9)
        #expect(abs(line.expectedOverspend.pounds - (sigma * Normal.pdf(z) + 50 * Normal.cdf(-z))) < 0.01)
        #expect(line.probabilityOfOverspend.value > 0.5)
        #expect(line.rag == .amber)
    }

    @Test("the same shape scaled up 80 times (a £72,000 line, £8,250 expected) stays amber; 1,000 times is red")
    func scaleDecides() throws {
        #expect(try RiskTests.report(history: [(72_000, 76_000)], budget: 72_000, targetYear: "2023/24").lines[0].rag == .amber)
        #expect(try RiskTests.report(history: [(900_000, 950_000)], budget: 900_000, targetYear: "2023/24").lines[0].rag == .red)
    }

    @Test("classify: each side of each threshold", arguments: [
        // (probability, expected overspend £, amount £, expected RAG)
        (0.51, 10_000.01, 10_000, RAG.red), (0.51, 10_000, 10_000, .amber), (0.50, 1e9, 10_000, .amber),
        (0.51, 50, 0, .red), (0.19, 10_000.01, 10_000, .amber), (0.20, 0, 10_000, .amber), (0.19, 10_000, 10_000, .green),
    ])
    func thresholds(probability: Double, expected: Double, amount: Int64, rag: RAG) {
        #expect(RAG.classify(probability: probability, expectedOverspend: expected, thresholds: .standard,
                             materialityAmount: Money(pounds: amount)) == rag)
    }
}
