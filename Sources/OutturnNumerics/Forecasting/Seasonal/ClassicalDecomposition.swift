/// Classical multiplicative decomposition, as R's `decompose(type = "multiplicative")`, used to
/// seasonally adjust a series before a non-seasonal method (the M3/M4 "Theta" benchmark).
///
/// Trend: the centred moving average of order m (weights ½, 1, …, 1, ½ over m + 1 points divided by
/// m for even m; m equal weights for odd m). Ratios yₜ / trendₜ are averaged per position in the
/// cycle and normalised to mean 1: the seasonal indices. Needs m > 1, at least 2m points and
/// positive values (a ratio to a zero or negative trend has no meaning).
package struct ClassicalDecomposition: Sendable, Equatable {
    /// Season length m.
    package let seasonLength: Int
    /// Seasonal index per position in the cycle; `indices[k]` applies to observations
    /// k, k + m, k + 2m, … (zero-based from the first observation). Mean 1.
    package let indices: [Double]

    /// The index that applies to zero-based period `t` (any t ≥ 0, including future periods).
    package func index(at t: Int) -> Double { indices[t % seasonLength] }

    /// Decomposes `series`, or nil when m ≤ 1, fewer than 2m points, or any value ≤ 0.
    package init?(_ series: [Double], seasonLength m: Int) {
        let n = series.count
        guard m > 1, n >= 2 * m, series.allSatisfy({ $0 > 0 }) else { return nil }
        var sums = [Double](repeating: 0, count: m)
        var counts = [Int](repeating: 0, count: m)
        let half = m / 2
        for t in half..<(n - half) {
            var trend = 0.0
            if m % 2 == 0 {
                trend = 0.5 * series[t - half] + 0.5 * series[t + half]
                for j in (t - half + 1)..<(t + half) { trend += series[j] }
            } else {
                for j in (t - half)...(t + half) { trend += series[j] }
            }
            trend /= Double(m)
            guard trend > 0 else { continue }
            sums[t % m] += series[t] / trend
            counts[t % m] += 1
        }
        guard counts.allSatisfy({ $0 > 0 }) else { return nil }
        let raw = (0..<m).map { sums[$0] / Double(counts[$0]) }
        let mean = raw.reduce(0, +) / Double(m)
        guard mean > 0, raw.allSatisfy({ $0 > 0 }) else { return nil }
        seasonLength = m
        indices = raw.map { $0 / mean }
    }

    /// The series divided by its indices.
    package func adjust(_ series: [Double]) -> [Double] {
        series.indices.map { series[$0] / index(at: $0) }
    }
}
