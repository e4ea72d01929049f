/// The forecasting methods every caller can ask for by name (`planner backtest --method drift`).
public enum ForecastMethod: String, CaseIterable, Sendable, Codable {
    /// Last value carried forward (random walk).
    case naive
    /// Random walk with drift: last value plus the average change per period.
    case drift
    /// Least-squares straight line through periods 1…n.
    case linear
    /// Simple exponential smoothing, ETS(A,N,N), fitted by maximum likelihood.
    case ses
    /// Holt's linear trend, ETS(A,A,N), fitted by maximum likelihood.
    case holt
    /// Damped trend, ETS(A,Ad,N), fitted by maximum likelihood.
    case damped
    /// The standard theta method: SES plus half the regression slope (Hyndman & Billah 2003).
    case theta
    /// The median of several methods, shrunk to the naive family for very short series, with
    /// intervals calibrated on held-out errors. See ``AutoForecast``.
    case auto
}
