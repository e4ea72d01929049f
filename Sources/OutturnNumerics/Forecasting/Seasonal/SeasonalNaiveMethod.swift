/// Seasonal naive: every future period equals the same period one cycle earlier,
/// ŷₙ₊ₕ = yₙ₊ₕ₋ₘ·⌈h/m⌉ (R's `snaive`).
///
/// Variance at step h: σ²·⌈h/m⌉ with σ² = mean of squared lag-m differences (R's `snaive`).
/// The first m observations have no forecast; their fitted values are the observations.
enum SeasonalNaiveMethod {
    static func fit(_ y: [Double], seasonLength m: Int, horizon: Int) -> MethodFit {
        let n = y.count
        precondition(m >= 1 && n >= m, "seasonal naive needs at least one full cycle")
        let centre = (1...horizon).map { h -> Double in
            let cycles = (h - 1) / m + 1
            return y[n + h - 1 - m * cycles]
        }
        let fitted = (0..<n).map { $0 < m ? y[$0] : y[$0 - m] }
        let residuals = zip(y, fitted).map { $0 - $1 }
        var variance: [Double]? = nil
        if n > m {
            let sigma2 = residuals[m...].reduce(0) { $0 + $1 * $1 } / Double(n - m)
            variance = (1...horizon).map { Double(($0 - 1) / m + 1) * sigma2 }
        }
        return MethodFit(model: .single(m == 1 ? .naive : .snaive), centre: centre,
                         variance: variance, fitted: fitted, residuals: residuals)
    }
}
