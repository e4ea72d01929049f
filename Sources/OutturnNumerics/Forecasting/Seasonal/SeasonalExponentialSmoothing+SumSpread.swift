extension SeasonalExponentialSmoothing {
    /// How much the errors of the forecasts at `steps` (1-based, distinct) offset each other when
    /// added up: the standard deviation of their sum over the sum of their standard deviations, in
    /// (0, 1] (1 when they move together perfectly; 1 for an empty set).
    ///
    /// From the state-space form (Hyndman et al. 2008, ch. 6): the h-step error is
    /// e(h) = ε(h) + Σⱼ₌₁ʰ⁻¹ cⱼ·ε(h − j) with cⱼ = α + β(φ + … + φʲ) + γ·[m divides j] and
    /// independent innovations ε, so Σ_{h ∈ steps} e(h) = Σₜ ε(t)·Σ_{h ∈ steps, h ≥ t} c(h − t)
    /// (c₀ = 1), whose variance is σ²·Σₜ (Σ c(h − t))². Exact for the additive models. For the
    /// multiplicative ones the same coefficients act on relative errors and each step's error is
    /// weighted by its point forecast, the first-order approximation `forecastVariance(horizon:)`
    /// also uses. σ² cancels from the ratio.
    package func sumSpreadRatio(steps: [Int]) -> Double {
        guard let horizon = steps.max() else { return 1 }
        precondition(steps.allSatisfy { $0 >= 1 }, "steps are 1-based")
        let means = forecastMean(horizon: horizon)
        var c = [1.0], dampedSum = 0.0, power = 1.0
        for j in stride(from: 1, to: horizon, by: 1) {
            if trend != .none { power *= phi; dampedSum += power }
            c.append(alpha + beta * dampedSum + (j % seasonLength == 0 ? gamma : 0))
        }
        func weight(_ h: Int) -> Double { season == .additive ? 1 : abs(means[h - 1]) }
        var sumVariance = 0.0
        for t in 1...horizon {
            var loading = 0.0
            for h in steps where h >= t { loading += weight(h) * c[h - t] }
            sumVariance += loading * loading
        }
        var sumOfDeviations = 0.0
        for h in steps {
            var variance = 0.0
            for j in 0..<h { variance += c[j] * c[j] }
            sumOfDeviations += weight(h) * variance.squareRoot()
        }
        guard sumOfDeviations > 0 else { return 1 }
        return min(1, sumVariance.squareRoot() / sumOfDeviations)
    }
}
