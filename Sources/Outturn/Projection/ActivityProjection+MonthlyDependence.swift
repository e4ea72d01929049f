import OutturnNumerics

/// How the months' forecast errors add up to the year's (issue 10 leftover): neither perfectly
/// together (comonotone, the old sum, whose year-total intervals covered 94–98% at 80%) nor
/// independently (58–61% at 80%), but as the series' own seasonal ETS model says its multi-step
/// errors are correlated (docs/forecasting.md, *Monthly activity*).
extension MonthlyActivity {
    /// How the months' errors were taken to depend on each other in a year total.
    package enum Dependence: Sendable, Equatable {
        /// As the AICc-chosen seasonal ETS model of the months implies
        /// (`SeasonalExponentialSmoothing.sumSpreadRatio(steps:)`): the year total's spread is
        /// `factor` (0…1] times what months moving together would give.
        case modelImplied(factor: Double)
        /// Equicorrelated at a pooled correlation (``monthCorrelation``), when no seasonal ETS
        /// model could be fitted.
        case pooledCorrelation(Double)
    }

    /// The correlation between any two months' forecast errors within the year when the series'
    /// own model cannot say, ρ = 0.24: the value whose year totals cover nearest 80% and 95%
    /// (least |cover80 − 0.8| + |cover95 − 0.95|, ρ on a 0.01 grid) on the **training parts** of
    /// tourism monthly and M1 monthly together (79.6% / 94.6% there; each alone gives 0.25 and
    /// 0.24), each series' last training year forecast from the months before it. The test parts
    /// (the last 24 and 18 months), where `yearTotalBacktest` scores the year totals, were not used.
    package static let monthCorrelation = 0.24

    /// How the errors of the forecast `steps` (1-based steps after `history`) of `history` add up:
    /// the seasonal ETS model's own multi-step error correlation, or the pooled ``monthCorrelation``
    /// when no seasonal ETS model fits.
    static func dependence(history: [Double], steps: [Int]) -> Dependence {
        if let model = SeasonalExponentialSmoothing.select(history, seasonLength: 12) {
            let factor = model.sumSpreadRatio(steps: steps)
            if factor > 0 && factor <= 1 { return .modelImplied(factor: factor) }
        }
        return .pooledCorrelation(monthCorrelation)
    }

    /// The distribution of `known + Σ Xᵢ` for step outcomes Xᵢ ~ `steps` whose errors are
    /// equicorrelated at `correlation` ρ (0…1): ``narrowedSum(_:plus:factor:)`` with
    ///
    ///     λ = √(Σwᵢ² + ρ·((Σwᵢ)² − Σwᵢ²)) / Σwᵢ,
    ///
    /// wᵢ the width of step i's central 80% interval (proportional to its standard deviation when
    /// the step is normal), so the total's spread is that of a sum of equicorrelated errors with
    /// these spreads. Exact for normal, uncensored steps (the sum is then normal with standard
    /// deviation λ·Σσᵢ); ρ = 1 is the comonotone sum, ρ = 0 independence.
    /// - Precondition: `steps` is not empty; `correlation` is in 0…1.
    package static func correlatedSum(_ steps: [PredictiveDistribution], plus known: Double,
                                      correlation: Double) -> PredictiveDistribution {
        precondition((0...1).contains(correlation), "a correlation between 0 and 1 is needed, got \(correlation)")
        return narrowedSum(steps, plus: known, factor: narrowing(steps, correlation: correlation))
    }

    /// The comonotone sum (``comonotoneSum(_:plus:)``) narrowed about its centre by `factor`
    /// (0…1]: the spread of `known + Σ Xᵢ` is `factor` times that of the steps moving together,
    /// the shape stays the comonotone sum's (tabulated exactly at ``grid``, so at the 80% and 95%
    /// interval ends, for steps of different shapes). The centre is unchanged. Censored below at
    /// `known`, so the total is never below the months counted.
    /// - Precondition: `steps` is not empty; `factor` is in (0, 1].
    package static func narrowedSum(_ steps: [PredictiveDistribution], plus known: Double,
                                    factor: Double) -> PredictiveDistribution {
        precondition(factor > 0 && factor <= 1, "a narrowing factor in (0, 1] is needed, got \(factor)")
        let comonotone = comonotoneSum(steps, plus: known)
        guard factor < 1, comonotone.scale > 0 else { return comonotone }
        // Narrow about the centre of the comonotone shape (for normal steps the sum's mean); the bound stays at known.
        return PredictiveDistribution(location: comonotone.location, scale: factor * comonotone.scale,
                                      shape: comonotone.shape, lowerBound: known)
    }

    /// λ of ``correlatedSum(_:plus:correlation:)``: the standard deviation of a sum of errors
    /// equicorrelated at `correlation` with spreads wᵢ (the steps' central 80% widths) over Σwᵢ,
    /// in (0, 1]; 1 when every width is zero.
    static func narrowing(_ steps: [PredictiveDistribution], correlation: Double) -> Double {
        let widths = steps.map { $0.quantile(0.9) - $0.quantile(0.1) }
        let total = widths.reduce(0, +)
        guard total > 0 else { return 1 }
        let squares = widths.reduce(0) { $0 + $1 * $1 }
        return min(1, (squares + correlation * (total * total - squares)).squareRoot() / total)
    }
}
