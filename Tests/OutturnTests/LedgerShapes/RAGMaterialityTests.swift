import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Materiality in the RAG: red needs a likely and material overspend")
struct RAGMaterialityTests {
    @Test("a £900 line carried forward at £950 is likely to overspend, by about £80: amber, not red")
    func smallLineNotRed() throws {
        let report = try RiskTests.report(history: [(900, 950)], budget: 900)
        let line = try #require(report.lines.first)
        // Normal closed form: μ = 950, σ = 14% of 950 = 133; P(X > 900) = Φ(50/133) ≈ 0.646,
        // E[(X − 900)⁺] = σ·φ(z) + (μ − b)·Φ(−z) with z = −50/133 ≈ £82.
        let sigma = 0.14 * 950.0, z = (900 - 950) / sigma
        #expect(abs(line.probabilityOfOverspend.value - Normal.cdf(-z)) < 1e-9)
        #expect(abs(line.expectedOverspend.pounds - (sigma * Normal.pdf(z) + 50 * Normal.cdf(-z))) < 0.01)
        #expect(line.probabilityOfOverspend.value > 0.5)
        #expect(line.rag == .amber)
    }

    @Test("the same shape scaled up 100 times (a £90,000 line, £8,200 expected) stays amber; 1,000 times is red")
    func scaleDecides() throws {
        #expect(try RiskTests.report(history: [(90_000, 95_000)], budget: 90_000).lines[0].rag == .amber)
        #expect(try RiskTests.report(history: [(900_000, 950_000)], budget: 900_000).lines[0].rag == .red)
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
