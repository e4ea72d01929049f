/// Least-squares straight line through (t, yₜ), t = 1…n, in centred closed form
/// (slope = Σ(t − t̄)(yₜ − ȳ)/Σ(t − t̄)²), extrapolated to t = n + h.
///
/// Variance at step h: σ²·(1 + 1/n + (n + h − t̄)²/Σ(t − t̄)²), σ² = SSE/(n − 2), with Student t
/// quantiles on n − 2 degrees of freedom: R's `forecast(tslm(y ~ trend))` prediction intervals.
enum LinearTrendMethod {
    /// Slope and intercept of the least-squares line through t = 1…n.
    static func line(_ y: [Double]) -> (intercept: Double, slope: Double) {
        let n = Double(y.count)
        let meanT = (n + 1) / 2
        let meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (index, value) in y.enumerated() {
            let dt = Double(index + 1) - meanT
            sxy += dt * (value - meanY)
            sxx += dt * dt
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        return (meanY - slope * meanT, slope)
    }

    static func fit(_ y: [Double], horizon: Int) -> MethodFit {
        let n = y.count
        let (intercept, slope) = line(y)
        let fitted = (1...n).map { intercept + slope * Double($0) }
        let residuals = zip(y, fitted).map { $0 - $1 }
        var variance: [Double]? = nil
        if n >= 3 {
            let sigma2 = residuals.reduce(0) { $0 + $1 * $1 } / Double(n - 2)
            let meanT = Double(n + 1) / 2
            let sxx = Double(n) * (Double(n) * Double(n) - 1) / 12
            variance = (1...horizon).map { step in
                let dt = Double(n + step) - meanT
                return sigma2 * (1 + 1 / Double(n) + dt * dt / sxx)
            }
        }
        var fit = MethodFit(model: .single(.linear),
                            centre: (1...horizon).map { intercept + slope * Double(n + $0) },
                            variance: variance, fitted: fitted, residuals: residuals)
        if n >= 3 { fit.shape = .studentT(degreesOfFreedom: Double(n - 2)) }
        return fit
    }
}
