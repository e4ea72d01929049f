/// SES, Holt and damped trend as ``Forecaster`` methods: maximum-likelihood
/// ``ExponentialSmoothing`` fits with its analytic class-1 variances.
enum SmoothingMethod {
    static func fit(_ y: [Double], trend: ExponentialSmoothing.Trend, horizon: Int) -> MethodFit {
        let model = ExponentialSmoothing.fit(y, trend: trend)
        let method: ForecastMethod
        switch trend {
        case .none: method = .ses
        case .additive: method = .holt
        case .damped: method = .damped
        }
        return MethodFit(model: .single(method), centre: model.forecastMean(horizon: horizon),
                         variance: model.forecastVariance(horizon: horizon),
                         fitted: model.fitted, residuals: model.residuals)
    }
}
