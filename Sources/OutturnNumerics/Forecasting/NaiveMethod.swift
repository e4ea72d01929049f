/// The naive method: every future value equals the last observation (a random walk).
///
/// Variance at step h: h·σ² with σ² = mean of squared one-period changes (R's `naive`).
/// The first observation has no forecast; its fitted value is the observation itself.
enum NaiveMethod {
    static func fit(_ y: [Double], horizon: Int) -> MethodFit {
        let n = y.count
        let last = y[n - 1]
        var fitted = [y[0]]
        fitted.append(contentsOf: y.dropLast())
        let residuals = zip(y, fitted).map { $0 - $1 }
        var variance: [Double]? = nil
        if n >= 2 {
            let sigma2 = residuals.dropFirst().reduce(0) { $0 + $1 * $1 } / Double(n - 1)
            variance = (1...horizon).map { Double($0) * sigma2 }
        }
        return MethodFit(model: .single(.naive), centre: Array(repeating: last, count: horizon),
                         variance: variance, fitted: fitted, residuals: residuals)
    }
}
