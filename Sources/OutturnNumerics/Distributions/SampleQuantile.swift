/// Sample quantiles of a sorted sample.
package enum SampleQuantile {
    /// The type-7 sample quantile (R's and numpy's default; Hyndman & Fan 1996): linear
    /// interpolation between the order statistics at position p·(n − 1), counting from 0.
    /// - Parameters:
    ///   - p: the probability, 0 ≤ p ≤ 1.
    ///   - sorted: the sample in ascending order, not empty.
    package static func type7(_ p: Double, sorted: [Double]) -> Double {
        precondition(!sorted.isEmpty, "the sample is empty")
        precondition(p >= 0 && p <= 1, "probability \(p) outside [0, 1]")
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[above] - sorted[below])
    }
}
