/// Why a backtest left a series out of every score.
public enum SkipReason: Sendable, Hashable, CaseIterable, Codable {
    /// Shorter than the horizon + 2 (the held-out points plus two training points, so the MASE
    /// scale has at least one change).
    case tooShort
    /// The forecaster refused the series' training part for at least one method (counted for the
    /// method that refused most).
    case forecastFailed
}

/// The outcome of ``Backtest/run(series:horizon:methods:options:progress:)``.
public struct BacktestReport: Sendable {
    /// Number of series given.
    public let seriesCount: Int
    /// Held-out periods per series.
    public let horizon: Int
    /// One result per method, in the order asked.
    public let results: [BacktestResult]
    /// Series left out of every score, by reason (e.g. `.tooShort: 3`).
    public let skipped: [SkipReason: Int]
    /// Series kept for sMAPE and coverage but left out of MASE and MSIS because their training
    /// part never changes (scale 0, where the scaled measures are undefined).
    public let flatTrainingSeries: Int
}
