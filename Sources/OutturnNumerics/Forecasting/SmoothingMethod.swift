/// SES, Holt and damped trend as ``Forecaster`` methods: maximum-likelihood
/// ``ExponentialSmoothing`` fits with its analytic class-1 variances.
enum SmoothingMethod {
    static func fit(_ y: [Double], trend: ExponentialSmoothing.Trend, horizon: Int) -> MethodFit {
        let model = ExponentialSmoothing.fit(y, trend: trend)
        let name: String
        switch trend {
        case .none: name = "simple exponential smoothing"
        case .additive: name = "Holt linear trend"
        case .damped: name = "damped trend"
        }
        return MethodFit(model: name, centre: model.forecastMean(horizon: horizon),
                         variance: model.forecastVariance(horizon: horizon),
                         fitted: model.fitted, residuals: model.residuals)
    }
}
