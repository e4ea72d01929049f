@testable import OutturnNumerics
import Testing

/// ``SeasonalExponentialSmoothing/sumSpreadRatio(steps:)``: the spread of a sum of a seasonal ETS
/// model's multi-step errors, against the innovations written out by hand.
@Suite("Seasonal ETS: spread of summed multi-step errors")
struct SeasonalSumSpreadTests {
    /// ETS(A,N,A), m = 4, α = 0.3, γ = 0.2, on a short made-up quarterly series.
    static func model(alpha: Double = 0.3, gamma: Double = 0.2) throws -> SeasonalExponentialSmoothing {
        let y: [Double] = [10, 14, 9, 12, 11, 15, 10, 13, 12, 16, 10, 14]
        return try #require(SeasonalExponentialSmoothing.evaluate(y, seasonLength: 4, season: .additive, trend: .none,
                                                                  alpha: alpha, beta: 0, gamma: gamma, phi: 1,
                                                                  initialLevel: 12, initialSlope: 0,
                                                                  initialSeasonal: [-1.5, 2.5, -2.5, 1.5]))
    }

    @Test("steps 1 and 2: e₁ = ε₁, e₂ = ε₂ + αε₁, so sd(e₁ + e₂) = √((1 + α)² + 1) over 1 + √(1 + α²)")
    func twoAdjacentSteps() throws {
        let a = 0.3
        let expected = ((1 + a) * (1 + a) + 1).squareRoot() / (1 + (1 + a * a).squareRoot())
        #expect(abs(try Self.model().sumSpreadRatio(steps: [1, 2]) - expected) < 1e-12)
    }

    @Test("steps 1 and 5 a cycle apart: e₅ = ε₅ + α(ε₄ + ε₃ + ε₂) + (α + γ)ε₁, its sd as forecastVariance says")
    func stepsACycleApart() throws {
        let (a, g) = (0.3, 0.2)
        let model = try Self.model()
        let sd5 = (1 + 3 * a * a + (a + g) * (a + g)).squareRoot()
        let variances = model.forecastVariance(horizon: 5)
        #expect(abs(sd5 - (variances[4] / variances[0]).squareRoot()) < 1e-12)
        let expected = ((1 + a + g) * (1 + a + g) + 3 * a * a + 1).squareRoot() / (1 + sd5)
        #expect(abs(model.sumSpreadRatio(steps: [1, 5]) - expected) < 1e-12)
    }

    @Test("one step is its own spread; α → 0, γ → 0 makes the steps independent: √n / n")
    func limits() throws {
        #expect(abs(try Self.model().sumSpreadRatio(steps: [7]) - 1) < 1e-12)
        let independent = try Self.model(alpha: 1e-12, gamma: 1e-12)
        #expect(abs(independent.sumSpreadRatio(steps: Array(1...12)) - 12.0.squareRoot() / 12) < 1e-9)
        #expect(independent.sumSpreadRatio(steps: []) == 1)
    }
}
