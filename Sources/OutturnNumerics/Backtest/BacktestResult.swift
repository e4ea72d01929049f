/// Accuracy of one method over a backtest (measures as in datasets/competition/README.md).
public struct BacktestResult: Sendable, Equatable {
    /// The method scored.
    public let method: ForecastMethod
    /// sMAPE in percent, mean over all held-out points of all evaluated series (nil: none evaluated).
    public let smape: Double?
    /// Mean over series (with a nonzero scale) of MASE (nil: no such series).
    public let mase: Double?
    /// Share (fraction) of held-out points inside the 80% interval (nil: none evaluated).
    public let coverage80: Double?
    /// Share (fraction) of held-out points inside the 95% interval (nil: none evaluated).
    public let coverage95: Double?
    /// Mean over series (with a nonzero scale) of the scaled interval score of the 95% interval
    /// (nil: no such series).
    public let msis: Double?
    /// Wall-clock seconds for fitting and forecasting every series with this method.
    public let seconds: Double
    /// Series scored for sMAPE and coverage.
    public let seriesEvaluated: Int
    /// Series scored for MASE and MSIS (those whose training part changes at least once).
    public let seriesScaled: Int
}
