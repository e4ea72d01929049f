/// Axis labels: pounds as a finance officer writes them: `£0`, `£750`, `£250k`, `£1.5m`, `-£20k`.
package enum AxisLabel {
    /// The label of tick `value` (pounds) on an axis with `ticks`.
    ///
    /// Amounts of a million or more are in `m`, of a thousand or more in `k`, smaller ones in whole
    /// pounds; each label carries just enough decimals for the step (a 200k step above £1m shows
    /// `£1.2m`), so two ticks never share a label.
    package static func pounds(_ value: Double, ticks: AxisTicks) -> String {
        let magnitude = abs(value)
        let (unitExponent, suffix) = magnitude >= 999_999.5 ? (6, "m") : magnitude >= 999.5 ? (3, "k") : (0, "")
        let decimals = max(0, unitExponent - ticks.exponent)
        var scaled = magnitude
        for _ in 0..<unitExponent { scaled /= 10 }
        var digits = ReportCell.fixed(scaled, decimals: decimals).trimmingZeros()
        if suffix.isEmpty, let whole = UInt64(digits) { digits = Money.grouped(whole) }
        if digits == "0" { return "£0" }
        return (value < 0 ? "-" : "") + "£" + digits + suffix
    }

    /// A percentage label for a probability axis (0.2 → `20%`), with decimals only when the step needs them.
    package static func percent(_ value: Double, ticks: AxisTicks) -> String {
        let decimals = max(0, -2 - ticks.exponent)
        return ReportCell.fixed(value * 100, decimals: decimals).trimmingZeros() + "%"
    }
}
