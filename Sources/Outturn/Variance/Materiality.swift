/// When a variance is too small to matter: within both a share of the budget and an amount.
///
/// Default: within 1% of budget and £10,000, the line is "on budget".
public struct Materiality: Sendable, Equatable {
    /// A fraction of the budget (0.01 = 1%).
    public var fraction: Double
    /// An amount in pounds (exact).
    public var amount: Money

    /// A threshold from a fraction of the budget (0.01 = 1%) and an exact amount; defaults 1% and £10,000.
    public init(fraction: Double = 0.01, amount: Money = Money(pounds: 10_000)) {
        self.fraction = fraction
        self.amount = amount
    }

    /// 1% and £10,000.
    public static let standard = Materiality()

    /// True when `variance` is immaterial against `budget`: |variance| ≤ amount and
    /// |variance| ≤ fraction × |budget|.
    public func isImmaterial(_ variance: Money, budget: Money) -> Bool {
        let size = variance.pence.magnitude
        return size <= amount.pence.magnitude && Double(size) <= fraction * Double(budget.pence.magnitude)
    }
}
