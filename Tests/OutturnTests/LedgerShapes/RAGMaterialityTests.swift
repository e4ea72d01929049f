import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Materiality in the RAG: red and amber both need a material expected overspend")
struct RAGMaterialityTests {
    // A target two years ahead: a one-year line is then carried forward (a normal with the scenario's
    // spread over two years), which gives closed forms; one year ahead the budget-execution prior takes it.
    @Test("a £900 line carried forward at £950 is likely to overspend, by about £100: green, and its reason says the overspend is immaterial")
    func smallLineNotRed() throws {
        let report = try RiskTests.report(history: [(900, 950)], budget: 900, targetYear: "2023/24")
        let line = try #require(report.lines.first)
        // Normal closed form: μ = 950, σ = 14% of 950 × √2 = 188; P(X > 900) = Φ(50/188) ≈ 0.605,
        // E[(X − 900)⁺] = σ·φ(z) + (μ − b)·Φ(−z) with z = −50/188 ≈ £103.
        let sigma = 0.14 * 950.0 * 2.0.squareRoot(), z = (900 - 950) / sigma
        #expect(abs(line.probabilityOfOverspend.value - Normal.cdf(-z)) < 1e-9)
        #expect(abs(line.expectedOverspend.pounds - (sigma * Normal.pdf(z) + 50 * Normal.cdf(-z))) < 0.01)
        #expect(line.probabilityOfOverspend.value > 0.5)
        #expect(line.rag == .green)
        #expect(line.reason.hasSuffix("; likely to overspend, by an immaterial \(line.expectedOverspend.formatted())"), "\(line.reason)")
    }

    @Test("the same shape scaled up 80 times (a £72,000 line, £8,250 expected) stays green; 1,000 times is red, and its reason has no materiality note")
    func scaleDecides() throws {
        #expect(try RiskTests.report(history: [(72_000, 76_000)], budget: 72_000, targetYear: "2023/24").lines[0].rag == .green)
        let large = try RiskTests.report(history: [(900_000, 950_000)], budget: 900_000, targetYear: "2023/24").lines[0]
        #expect(large.rag == .red)
        #expect(!large.reason.contains("immaterial"))
    }

    @Test("a material expected overspend with P under the amber threshold is green without a note; P between the thresholds and immaterial says 'could'")
    func symmetricRule() {
        #expect(RAG.classify(probability: 0.19, expectedOverspend: 59_863, thresholds: .standard,
                             materialityAmount: Money(pounds: 10_000)) == .green)
        #expect(RAG.immaterialNote(probability: 0.19, expectedOverspend: Money(pounds: 59_863), thresholds: .standard,
                                   materialityAmount: Money(pounds: 10_000)) == nil)
        #expect(RAG.immaterialNote(probability: 0.34, expectedOverspend: Money(pounds: 50), thresholds: .standard,
                                   materialityAmount: Money(pounds: 10_000)) == "could overspend, by an immaterial £50")
        #expect(RAG.immaterialNote(probability: 0.75, expectedOverspend: Money(pounds: 50), thresholds: .standard,
                                   materialityAmount: Money(pounds: 10_000), shortfall: true) == "likely to fall short, by an immaterial £50")
        #expect(RAG.immaterialNote(probability: 0.75, expectedOverspend: Money(pounds: 10_001), thresholds: .standard,
                                   materialityAmount: Money(pounds: 10_000)) == nil)
    }

    @Test("classify: each side of each threshold", arguments: [
        // (probability, expected overspend £, amount £, expected RAG)
        (0.51, 10_000.01, 10_000, RAG.red), (0.51, 10_000, 10_000, .green), (0.50, 1e9, 10_000, .amber),
        (0.51, 50, 0, .red), (0.19, 10_000.01, 10_000, .green), (0.20, 10_000.01, 10_000, .amber), (0.20, 0, 10_000, .green),
        (0.99, 10_000, 10_000, .green), (0.19, 10_000, 10_000, .green),
    ])
    func thresholds(probability: Double, expected: Double, amount: Int64, rag: RAG) {
        #expect(RAG.classify(probability: probability, expectedOverspend: expected, thresholds: .standard,
                             materialityAmount: Money(pounds: amount)) == rag)
    }
}
