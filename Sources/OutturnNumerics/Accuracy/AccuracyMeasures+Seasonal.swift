extension AccuracyMeasures {
    /// The MASE scale of a training part with season length m: mean |yₜ − yₜ₋ₘ| over t > m, the
    /// in-sample error of seasonal naive (M4 competition; Hyndman & Koehler 2006). m = 1 is
    /// ``maseScale(training:)``. 0 when the training part has m points or fewer, or never changes
    /// from one cycle to the next.
    /// - Precondition: m ≥ 1.
    public static func maseScale(training: [Double], seasonLength m: Int) -> Double {
        precondition(m >= 1, "season length must be at least 1, got \(m)")
        if m == 1 { return maseScale(training: training) }
        guard training.count > m else { return 0 }
        var total = 0.0
        for t in m..<training.count { total += abs(training[t] - training[t - m]) }
        return total / Double(training.count - m)
    }
}
