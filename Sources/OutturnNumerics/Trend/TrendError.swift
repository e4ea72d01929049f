/// Why a trend could not be fitted or forecast.
public enum TrendError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The series has `count` usable points; the trend needs at least `needed`.
    case tooShort(count: Int, needed: Int)
    /// The value at zero-based `index` (period index + 1) is NaN (missing) or infinite.
    case nonFiniteValue(index: Int)
    /// A log-linear trend needs positive values; the one at zero-based `index` is not.
    case nonPositiveValue(index: Int, value: Double)
    /// A polynomial trend needs degree ≥ 1.
    case invalidDegree(Int)

    /// The problem in one line (for logs and developers).
    public var description: String {
        switch self {
        case let .tooShort(count, needed):
            return "series has \(count) usable point\(count == 1 ? "" : "s"); this trend needs at least \(needed)"
        case let .nonFiniteValue(index):
            return "value at period \(index + 1) is missing or not a finite number"
        case let .nonPositiveValue(index, value):
            return "value at period \(index + 1) is \(value); a log-linear trend needs values above zero"
        case let .invalidDegree(degree):
            return "polynomial trend degree must be at least 1, got \(degree)"
        }
    }
}
