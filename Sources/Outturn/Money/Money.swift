/// An exact amount of money in pence (Int64), so sums of ledger lines never pick up binary rounding.
///
/// Arithmetic traps on overflow like any Swift integer (±£92 trillion is far beyond any ledger);
/// ``adding(_:)`` and ``sum(_:)`` report overflow as a thrown ``MoneyOverflow`` for data paths.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in pence (hundredths of a pound); negative for credits or overspends.
    public let pence: Int64

    /// An amount of `pence` pence.
    public init(pence: Int64) { self.pence = pence }

    /// An amount of whole `pounds`.
    public init(pounds: Int64) { self.pence = pounds * 100 }

    /// Zero pounds.
    public static let zero = Money(pence: 0)

    /// The amount in pounds as a Double, for models (never for sums that are reported).
    public var pounds: Double { Double(pence) / 100 }

    /// The nearest whole-pence amount to `pounds` (half away from zero), or nil when not finite or
    /// outside the Int64 pence range. Used to bring model output (Double) back to money.
    public init?(roundingPounds pounds: Double) {
        let pence = (pounds * 100).rounded(.toNearestOrAwayFromZero)
        guard pence.isFinite, abs(pence) < 9.2e18 else { return nil }
        self.pence = Int64(pence)
    }

    /// `self + other`, throwing ``MoneyOverflow`` instead of trapping.
    public func adding(_ other: Money) throws -> Money {
        let (value, overflow) = pence.addingReportingOverflow(other.pence)
        if overflow { throw MoneyOverflow() }
        return Money(pence: value)
    }

    /// `self − other`, throwing ``MoneyOverflow`` instead of trapping.
    public func subtracting(_ other: Money) throws -> Money {
        let (value, overflow) = pence.subtractingReportingOverflow(other.pence)
        if overflow { throw MoneyOverflow() }
        return Money(pence: value)
    }

    /// The exact sum of `amounts`, throwing ``MoneyOverflow`` if it leaves the Int64 pence range.
    public static func sum<S: Sequence>(_ amounts: S) throws -> Money where S.Element == Money {
        try amounts.reduce(Money.zero) { try $0.adding($1) }
    }

    /// Exact sum; traps on overflow (use ``adding(_:)`` on data paths).
    public static func + (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence + rhs.pence) }
    /// Exact difference; traps on overflow (use ``subtracting(_:)`` on data paths).
    public static func - (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence - rhs.pence) }
    /// The negated amount.
    public static prefix func - (amount: Money) -> Money { Money(pence: -amount.pence) }
    /// Smaller amounts first (by pence; negative amounts before zero).
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }

    /// `£1,234,567` (whole pounds) or `£1,234.56` when there are pence; negatives as `-£1,234`.
    public var description: String { formatted(pence: pence % 100 != 0) }
}
