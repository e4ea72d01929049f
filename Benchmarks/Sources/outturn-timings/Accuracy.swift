/// Accuracy over a set of series and horizon steps, exactly as datasets/competition/README.md
/// defines it (and as Benchmarks/peers/peer_workloads.py computes it for the peer).
struct Accuracy {
    private var smapeSum = 0.0, points = 0, inside80 = 0, inside95 = 0
    private var maseSum = 0.0, maseSeries = 0

    /// Adds one series: its training part, test values, and per step the mean and 80 %/95 % intervals.
    mutating func add(training: [Double], test: [Double], mean: [Double],
                      interval80: [(lower: Double, upper: Double)], interval95: [(lower: Double, upper: Double)]) {
        var absoluteError = 0.0
        for step in test.indices {
            let y = test[step], f = mean[step]
            let denominator = abs(y) + abs(f)
            smapeSum += denominator == 0 ? 0 : 200 * abs(y - f) / denominator
            absoluteError += abs(y - f)
            if interval80[step].lower <= y && y <= interval80[step].upper { inside80 += 1 }
            if interval95[step].lower <= y && y <= interval95[step].upper { inside95 += 1 }
            points += 1
        }
        if training.count > 1 {
            var scale = 0.0
            for index in 1..<training.count { scale += abs(training[index] - training[index - 1]) }
            scale /= Double(training.count - 1)
            if scale > 0 {
                maseSum += absoluteError / Double(test.count) / scale
                maseSeries += 1
            }
        }
    }

    /// Merges another accumulator (from a parallel chunk).
    mutating func merge(_ other: Accuracy) {
        smapeSum += other.smapeSum; points += other.points
        inside80 += other.inside80; inside95 += other.inside95
        maseSum += other.maseSum; maseSeries += other.maseSeries
    }

    var fields: [String: Any] {
        ["smape": smapeSum / Double(max(points, 1)), "mase": maseSum / Double(max(maseSeries, 1)),
         "cov80": Double(inside80) / Double(max(points, 1)), "cov95": Double(inside95) / Double(max(points, 1))]
    }
}
