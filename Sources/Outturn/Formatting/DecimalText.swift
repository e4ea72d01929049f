import Foundation

/// Decimal text for people, shared by the reasons (Projection, Risk) and the reports: no locale,
/// no exponent, the same digits on every platform.
enum DecimalText {
    /// `value` with exactly `decimals` decimals, rounding half away from zero, no exponent; `-0` shows as `0`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, scaled < 9e18 else {
            guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
            // At this size every Double is a whole number, so printf's digits are exact; the
            // product with the scale overflowed, not the value (never "inf" for a finite value).
            return String(format: "%.\(decimals)f", value)
        }
        let integer = UInt64(scaled)
        var digits = String(integer)
        if decimals > 0 {
            while digits.count <= decimals { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 && integer != 0 ? "-" : "") + digits
    }

    /// `value` to at most `decimals` decimals without trailing zeros: 0.30 → `0.3`, 2.00 → `2`.
    static func trimmed(_ value: Double, decimals: Int) -> String {
        fixed(value, decimals: decimals).trimmingZeros()
    }

    /// A fraction as a percentage to at most `decimals` decimals: 0.035 → `3.5%`.
    static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        trimmed(fraction * 100, decimals: decimals) + "%"
    }
}

extension String {
    /// `1.00` → `1`, `2.50` → `2.5`.
    func trimmingZeros() -> String {
        guard contains(".") else { return self }
        var text = self
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
