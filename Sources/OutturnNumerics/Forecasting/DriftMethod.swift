/// Random walk with drift: the last observation plus h times the average change
/// b = (yₙ − y₁)/(n − 1).
///
/// Variance at step h: σ²·(h + h²/(n − 1)), the random walk's plus the drift estimate's
/// (R's `rwf(drift = TRUE)`), with σ² = Σ(Δyₜ − b)²/(n − 2); needs n ≥ 3 for spread.
enum DriftMethod {
    static func fit(_ y: [Double], horizon: Int) -> MethodFit {
        let n = y.count
        let drift = n >= 2 ? (y[n - 1] - y[0]) / Double(n - 1) : 0
        var fitted = [y[0]]
        for t in 1..<max(1, n) { fitted.append(y[t - 1] + drift) }
        let residuals = zip(y, fitted).map { $0 - $1 }
        var variance: [Double]? = nil
        if n >= 3 {
            let sigma2 = residuals.dropFirst().reduce(0) { $0 + $1 * $1 } / Double(n - 2)
            variance = (1...horizon).map { step in
                let h = Double(step)
                return sigma2 * (h + h * h / Double(n - 1))
            }
        }
        return MethodFit(model: .single(.drift),
                         centre: (1...horizon).map { y[n - 1] + Double($0) * drift },
                         variance: variance, fitted: fitted, residuals: residuals)
    }
}
