/// A real number type with more precision than `Double`, used only to accumulate the residuals of
/// iterative refinement (see ``LeastSquares/Refinement``): sums of `Double` products whose
/// cancellation would lose the digits refinement is meant to recover.
///
/// Two implementations: `Float80` (x87 extended, 64-bit significand, unit roundoff 5.4e-20) where
/// the platform has it, and ``DoubleDouble`` (an unevaluated sum of two doubles, about 106 bits,
/// built on fused multiply-add) everywhere. ``PlatformExtended`` names the one a fit uses.
protocol ExtendedReal: Sendable {
    /// The exact value of `value`.
    init(_ value: Double)
    /// self + other, rounded to this type.
    func adding(_ other: Self) -> Self
    /// self − other, rounded to this type.
    func subtracting(_ other: Self) -> Self
    /// self · factor, rounded to this type.
    func multiplied(by factor: Double) -> Self
    /// self · other, rounded to this type.
    func multiplied(byExtended other: Self) -> Self
    /// 1 / value, rounded to this type.
    static func reciprocal(of value: Double) -> Self
    /// The nearest `Double` (to within one rounding).
    var roundedToDouble: Double { get }
}

#if arch(x86_64) && !os(Windows) && !os(Android)
/// Float80 has a 64-bit significand and a 15-bit exponent, so sums of products of doubles keep
/// 11 more bits than `Double` and never overflow where doubles would.
extension Float80: ExtendedReal {
    // init(_: Double) is the standard library's, exact.
    func adding(_ other: Float80) -> Float80 { self + other }
    func subtracting(_ other: Float80) -> Float80 { self - other }
    func multiplied(by factor: Double) -> Float80 { self * Float80(factor) }
    func multiplied(byExtended other: Float80) -> Float80 { self * other }
    static func reciprocal(of value: Double) -> Float80 { 1 / Float80(value) }
    var roundedToDouble: Double { Double(self) }
}

/// The extended type refinement uses on this platform: x87 `Float80` on x86-64.
typealias PlatformExtended = Float80
#else
/// The extended type refinement uses on this platform: ``DoubleDouble`` (no `Float80` here).
typealias PlatformExtended = DoubleDouble
#endif

/// A double-double number high + low with |low| ≤ ulp(high)/2: about 106 significant bits, the
/// range of `Double`. Sums use Knuth's two-sum and products the exact error of a fused multiply-add
/// (Dekker 1971; the "accurate" addition of Hida, Li & Bailey's QD library), so every operation
/// here is correct to a few units in 2⁻¹⁰⁴ relative.
struct DoubleDouble: ExtendedReal, Equatable {
    /// The leading double.
    var high: Double
    /// The trailing correction, at most half an ulp of `high`.
    var low: Double

    init(_ value: Double) {
        high = value
        low = 0
    }

    init(high: Double, low: Double) {
        self.high = high
        self.low = low
    }

    /// s + e = a + b exactly, s = fl(a + b) (Knuth).
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// s + e = a + b exactly when |a| ≥ |b| or a = 0 (Dekker).
    @inline(__always)
    static func fastTwoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    func adding(_ other: DoubleDouble) -> DoubleDouble {
        var (s, e) = Self.twoSum(high, other.high)
        let (t, f) = Self.twoSum(low, other.low)
        e += t
        (s, e) = Self.fastTwoSum(s, e)
        e += f
        (s, e) = Self.fastTwoSum(s, e)
        return DoubleDouble(high: s, low: e)
    }

    func subtracting(_ other: DoubleDouble) -> DoubleDouble {
        adding(DoubleDouble(high: -other.high, low: -other.low))
    }

    func multiplied(by factor: Double) -> DoubleDouble {
        let p = high * factor
        let error = (-p).addingProduct(high, factor) // exact: high·factor − p, one rounding
        let (s, e) = Self.twoSum(p, error + low * factor)
        return DoubleDouble(high: s, low: e)
    }

    func multiplied(byExtended other: DoubleDouble) -> DoubleDouble {
        let p = high * other.high
        let error = (-p).addingProduct(high, other.high) // exact: high·other.high − p
        let (s, e) = Self.twoSum(p, error + (high * other.low + low * other.high))
        return DoubleDouble(high: s, low: e)
    }

    static func reciprocal(of value: Double) -> DoubleDouble {
        let q = 1 / value
        let remainder = (1.0).addingProduct(-q, value) // exact: 1 − q·value
        let (s, e) = twoSum(q, remainder / value)
        return DoubleDouble(high: s, low: e)
    }

    var roundedToDouble: Double { high + low }
}
