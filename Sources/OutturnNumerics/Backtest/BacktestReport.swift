/// The outcome of ``Backtest/run(series:horizon:methods:options:)``.
public struct BacktestReport: Sendable {
    /// Number of series given.
    public let seriesCount: Int
    /// Held-out periods per series.
    public let horizon: Int
    /// One result per method, in the order asked.
    public let results: [BacktestResult]
    /// Series left out of every score, by reason (e.g. "shorter than horizon + 2": 3).
    public let skipped: [String: Int]
    /// Series kept for sMAPE and coverage but left out of MASE and MSIS because their training
    /// part never changes (scale 0, where the scaled measures are undefined).
    public let flatTrainingSeries: Int
}
