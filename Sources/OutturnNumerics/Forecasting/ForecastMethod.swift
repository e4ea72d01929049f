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
    // Seasonal methods (issue 10): they use ForecastOptions.seasonLength m; with m = 1 each is
    // exactly its non-seasonal counterpart (``yearlyCounterpart``). See SeasonalForecaster.
    /// Seasonal naive: the same period one cycle earlier (naive when m = 1).
    case snaive
    /// Theta on the series seasonally adjusted by classical multiplicative decomposition when the
    /// seasonality test supports it, re-seasonalised (the M4 "Theta" benchmark; theta when m = 1).
    case stheta
    /// Seasonal exponential smoothing, ETS(A,N/A/Ad,A) or ETS(M,N/A/Ad,M) chosen by AICc (damped
    /// trend ETS(A,Ad,N) when m = 1 or fewer than three cycles).
    case ets
    /// The median of several methods, shrunk to the naive family for very short series, with
    /// intervals calibrated on held-out errors. See ``AutoForecast``.
    case auto
}
