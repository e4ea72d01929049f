/// A probability: a number in [0, 1], checked once where it is made.
public struct Probability: Sendable, Hashable, Comparable, Codable {
    /// The probability, 0 ≤ value ≤ 1.
    public let value: Double

    /// `value` when it lies in [0, 1]; nil otherwise (NaN included).
    public init?(_ value: Double) {
        guard value >= 0 && value <= 1 else { return nil }
        self.value = value
    }

    /// `value` clamped into [0, 1], for a figure that is a probability up to rounding (1 − cdf can
    /// round a hair past an end).
    /// - Precondition: `value` is not NaN.
    public init(clamping value: Double) {
        precondition(!value.isNaN, "a probability cannot be NaN")
        self.value = min(1, max(0, value))
    }

    /// Certainly not.
    public static let zero = Probability(clamping: 0)
    /// Certainly.
    public static let one = Probability(clamping: 1)

    /// 1 − p.
    public var complement: Probability { Probability(clamping: 1 - value) }

    /// Probabilities order by their value.
    public static func < (lhs: Probability, rhs: Probability) -> Bool { lhs.value < rhs.value }
}
