/// Why a series could not be forecast. Indices are zero-based positions in the series.
public enum ForecastError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The series has no values.
    case emptySeries
    /// The value at `index` is missing (NaN).
    case missingValue(index: Int)
    /// The value at `index` is infinite.
    case nonFiniteValue(index: Int)
    /// The horizon asked for is below 1.
    case horizonTooShort(Int)
    /// The series has `count` points, too few to estimate spread, and no
    /// ``ForecastOptions/fallbackRelativeSpread`` was given.
    case spreadNotEstimable(count: Int)
    /// ``ForecastOptions/fallbackRelativeSpread`` is negative or not finite.
    case invalidFallbackSpread(Double)
    /// ``ForecastOptions/seasonLength`` is below 1.
    case invalidSeasonLength(Int)

    /// The problem in one line (for logs and developers; Outturn words it for users).
    public var description: String {
        switch self {
        case .emptySeries:
            return "the series is empty: at least one value is needed to forecast"
        case .missingValue(let index):
            return "value \(index + 1) of the series is missing (NaN); fill it in or shorten the series"
        case .nonFiniteValue(let index):
            return "value \(index + 1) of the series is infinite"
        case .horizonTooShort(let horizon):
            return "horizon \(horizon) is below 1: ask for at least one period ahead"
        case .spreadNotEstimable(let count):
            return "\(count) point\(count == 1 ? "" : "s") cannot show how much the series varies; "
                + "give a fallback relative spread (for example 0.10) to forecast it"
        case .invalidFallbackSpread(let value):
            return "fallback relative spread \(value) must be a finite number ≥ 0"
        case .invalidSeasonLength(let value):
            return "season length \(value) must be at least 1 (1 = not seasonal, 4 quarterly, 12 monthly)"
        }
    }
}
