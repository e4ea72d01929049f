import Foundation

/// "Nice" tick marks for an axis: evenly spaced multiples of 1, 2 or 5 × 10ⁿ that cover the data.
package struct AxisTicks: Sendable, Equatable {
    /// The tick values, ascending; the first is ≤ the data's minimum and the last ≥ its maximum.
    package let values: [Double]
    /// The leading digit of the step: 1, 2 or 5.
    package let mantissa: Int
    /// The power of ten of the step (step = mantissa × 10^exponent).
    package let exponent: Int

    /// The spacing between ticks, in data units.
    package var step: Double { AxisTicks.multiple(1, mantissa: mantissa, exponent: exponent) }

    /// The axis domain the ticks span (first tick … last tick).
    package var domain: ClosedRange<Double> { values[0]...values[values.count - 1] }

    /// The smallest 1-2-5 step whose ticks cover `data` in at most `maxCount` ticks (at least 3 is
    /// used). Ticks are computed as integer multiples of the step, so `0.1 × 3` shows as 0.3.
    /// A zero-width range is widened (to 0…1 around zero, else by 10% of its value either side);
    /// non-finite bounds give the ticks of 0…1.
    package static func nice(covering data: ClosedRange<Double>, maxCount: Int = 6) -> AxisTicks {
        let maxCount = max(3, maxCount)
        var low = data.lowerBound, high = data.upperBound
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low == 0 ? 0 : low - pad, high + pad)
        }
        let raw = (high - low) / Double(maxCount - 1)
        let base = Int(floor(log10(raw)))
        for exponent in base...(base + 4) {
            for mantissa in [1, 2, 5] {
                let step = multiple(1, mantissa: mantissa, exponent: exponent)
                let first = (low / step).rounded(.down), last = (high / step).rounded(.up)
                // Beyond 2^53 multiples are no longer exact; such a range is too narrow for its size.
                guard abs(first) < 9e15, abs(last) < 9e15 else { continue }
                let count = Int(last - first) + 1
                if count <= maxCount {
                    let values = (Int(first)...Int(last)).map { multiple($0, mantissa: mantissa, exponent: exponent) }
                    return AxisTicks(values: values, mantissa: mantissa, exponent: exponent)
                }
            }
        }
        // Only for a range so narrow relative to its size that no decimal step is representable.
        return AxisTicks(values: [low, high], mantissa: 1, exponent: base)
    }

    /// index × mantissa × 10^exponent, dividing for negative exponents so decimals come out as
    /// the nearest double (3 × 1/10 would give 0.30000000000000004).
    static func multiple(_ index: Int, mantissa: Int, exponent: Int) -> Double {
        let units = Double(index * mantissa)
        return exponent >= 0 ? units * pow(10, Double(exponent)) : units / pow(10, Double(-exponent))
    }
}
