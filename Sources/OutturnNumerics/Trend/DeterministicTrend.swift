/// A deterministic trend in time fitted by least squares to a series observed at periods 1…n.
///
/// - `linear`: y = β₀ + β₁·t.
/// - `logLinear`: log y = β₀ + β₁·t (constant growth rate e^β₁ − 1 per period); needs y > 0.
/// - `polynomial(degree:)`: y = β₀ + β₁·t + … + β_d·t^d, fitted on centred periods for accuracy
///   (see ``LeastSquares/fitPolynomial(x:response:degree:refinement:)``); degree 1 is the linear trend.
///
/// Fitting is in `DeterministicTrend+Fit.swift` (``fit(_:)``), forecasting in ``TrendFit``.
public enum DeterministicTrend: Equatable, Hashable, Sendable {
    /// y = β₀ + β₁·t.
    case linear
    /// log y = β₀ + β₁·t, fitted on log y (values must be positive); forecasts back-transform to the
    /// median exp(·), with the log-normal mean alongside (see ``TrendForecast``).
    case logLinear
    /// y = β₀ + β₁·t + … + β_degree·t^degree, degree ≥ 1.
    case polynomial(degree: Int)

    /// Number of coefficients: 2 for linear and log-linear, degree + 1 for a polynomial.
    public var coefficientCount: Int {
        switch self {
        case .linear, .logLinear: return 2
        case let .polynomial(degree): return degree + 1
        }
    }

    /// The polynomial degree in t of the (possibly log-scale) mean.
    var degree: Int {
        switch self {
        case .linear, .logLinear: return 1
        case let .polynomial(degree): return degree
        }
    }
}
