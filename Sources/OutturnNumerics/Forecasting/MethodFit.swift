/// What one method's fit hands to ``Forecaster``: a point forecast and, where the data allow,
/// model-based forecast variances (normal errors). Series units.
struct MethodFit: Sendable {
    /// What was fitted.
    var model: FittedModel
    /// Point forecasts, steps 1…horizon.
    var centre: [Double]
    /// Forecast variances per step, or nil when the series is too short to estimate spread.
    var variance: [Double]?
    /// Error shape of the model-based intervals (normal unless the method says otherwise).
    var shape: ErrorShape = .normal
    /// One-step fitted values.
    var fitted: [Double]
    /// Observations minus fitted values.
    var residuals: [Double]
}
