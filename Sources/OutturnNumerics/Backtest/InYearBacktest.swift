#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// In-year projection backtest: cut monthly series into years of `periodsPerYear` consecutive
/// values (from each series' first value), and at checkpoints k (e.g. months 3, 6, 9) project each
/// year's total from its first k values. Three projections are scored in the same run:
/// - **profile** (the method): total = to-date ÷ ŝ, where ŝ is the series' share-to-date learned
///   from its earlier years and shrunk towards the pool of series (empirical Bayes on log shares:
///   weight n/(n + κ) on the series' own mean log share over its n earlier years, κ = σ²_w/τ²,
///   σ²_w the pooled within-series variance of log shares across years, τ² the between-series
///   variance of their means, both from earlier years only). Interval: log-normal,
///   log ŝ ± z·√(σ²_w(1 + 1/(n + κ)));
/// - **run rate**: to-date × periodsPerYear / k;
/// - **last year's profile**: to-date ÷ (last year's to-date share).
///
/// No future information about the series itself enters: year j uses only years before j of every
/// series (years are counted from each series' start; the competition files carry no calendar).
/// Years with a non-positive value are skipped (shares need positive totals) and counted.
public enum InYearBacktest {
    /// One projection method.
    public enum Method: String, Sendable, CaseIterable {
        /// Share-to-date profile from earlier years, shrunk to the pool.
        case profile
        /// To-date × periodsPerYear / k.
        case runRate = "run-rate"
        /// To-date ÷ last year's share-to-date.
        case lastYear = "last-year-profile"
    }

    /// Scores of one method at one checkpoint.
    public struct Score: Sendable, Equatable {
        /// Periods into the year (k).
        public let checkpoint: Int
        /// The method.
        public let method: Method
        /// Median absolute percentage error of the projected total, percent.
        public let medianAPE: Double
        /// Mean absolute percentage error, percent.
        public let meanAPE: Double
        /// Share of years whose total lies in the 80% interval (nil: the method has none).
        public let coverage80: Double?
        /// Share inside the 95% interval (nil: the method has none).
        public let coverage95: Double?
        /// Number of series-years scored.
        public let years: Int
    }

    /// The whole run.
    public struct Report: Sendable, Equatable {
        /// Series in the input.
        public let seriesCount: Int
        /// Series-years scored at each checkpoint (the same years for every method).
        public let yearsScored: Int
        /// Series-years left out because a value was ≤ 0.
        public let yearsSkippedNonPositive: Int
        /// Scores per checkpoint and method, checkpoint-major.
        public let scores: [Score]
    }

    /// Runs the backtest.
    /// - Parameters:
    ///   - series: each series' values, oldest first (monthly: periodsPerYear 12).
    ///   - p: values per year, the argument `periodsPerYear` (≥ 2).
    ///   - checkpoints: periods into the year, each in 1..<periodsPerYear.
    ///   - progress: if given, called after each year of history with the series-years projected in it
    ///     (all checkpoints); they add up to Σ max(0, whole years − 1) over the series.
    public static func run(series: [[Double]], periodsPerYear p: Int, checkpoints: [Int],
                           progress: ((Int) -> Void)? = nil) -> Report {
        precondition(p >= 2, "periods per year must be at least 2")
        precondition(checkpoints.allSatisfy { $0 >= 1 && $0 < p }, "checkpoints must be in 1..<\(p)")
        // Years per series: (to-date sums per checkpoint, total), nil when a value is ≤ 0.
        var years: [[(toDate: [Double], total: Double)?]] = []
        for values in series {
            var list: [(toDate: [Double], total: Double)?] = []
            for start in stride(from: 0, through: values.count - p, by: p) {
                let year = values[start..<(start + p)]
                guard year.allSatisfy({ $0 > 0 }) else { list.append(nil); continue }
                let total = year.reduce(0, +)
                list.append((checkpoints.sorted().map { k in year.prefix(k).reduce(0, +) }, total))
            }
            years.append(list)
        }
        let sortedCheckpoints = checkpoints.sorted()
        let maxYears = years.map(\.count).max() ?? 0
        var errors = [[Double]](repeating: [], count: sortedCheckpoints.count * 3)
        var covered80 = [Int](repeating: 0, count: sortedCheckpoints.count)
        var covered95 = [Int](repeating: 0, count: sortedCheckpoints.count)
        var scored = 0
        let z80 = Normal.quantile(0.9), z95 = Normal.quantile(0.975)
        for j in 1..<max(1, maxYears) {
            for (c, _) in sortedCheckpoints.enumerated() {
                // Pool statistics from years < j of every series.
                var means: [Double] = [], within = 0.0, withinCount = 0, counts: [Int] = []
                var ownMean: [Int: (mean: Double, n: Int)] = [:]
                for (s, list) in years.enumerated() {
                    let logs = list.prefix(j).compactMap { $0.map { log($0.toDate[c] / $0.total) } }
                    guard !logs.isEmpty else { continue }
                    let mean = logs.reduce(0, +) / Double(logs.count)
                    ownMean[s] = (mean, logs.count)
                    means.append(mean); counts.append(logs.count)
                    if logs.count >= 2 {
                        within += logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
                        withinCount += logs.count - 1
                    }
                }
                guard !means.isEmpty else { continue }
                let poolMean = means.reduce(0, +) / Double(means.count)
                let sigma2 = withinCount > 0 ? within / Double(withinCount) : 0.01
                let meanCount = Double(counts.reduce(0, +)) / Double(counts.count)
                let spread = means.count > 1
                    ? means.reduce(0) { $0 + ($1 - poolMean) * ($1 - poolMean) } / Double(means.count - 1) : 0
                let tau2 = max(spread - sigma2 / meanCount, 1e-6 * max(sigma2, 1e-12))
                let kappa = sigma2 / tau2
                for (s, list) in years.enumerated() where j < list.count {
                    guard let year = list[j], let own = ownMean[s] else { continue }
                    let toDate = year.toDate[c], total = year.total
                    let n = Double(own.n)
                    let logShare = (n * own.mean + kappa * poolMean) / (n + kappa)
                    let sd = (sigma2 * (1 + 1 / (n + kappa))).squareRoot()
                    let profile = toDate / exp(logShare)
                    func inside(_ z: Double) -> Bool {
                        toDate / exp(logShare + z * sd) <= total && total <= toDate / exp(logShare - z * sd)
                    }
                    if inside(z80) { covered80[c] += 1 }
                    if inside(z95) { covered95[c] += 1 }
                    let k = sortedCheckpoints[c]
                    let runRate = toDate * Double(p) / Double(k)
                    var lastYear = runRate
                    if let previous = list[j - 1] { lastYear = toDate / (previous.toDate[c] / previous.total) }
                    else { lastYear = toDate / exp(own.mean) }
                    for (m, projection) in [profile, runRate, lastYear].enumerated() {
                        errors[c * 3 + m].append(100 * abs(projection - total) / total)
                    }
                    if c == 0 { scored += 1 }
                }
            }
            progress?(years.reduce(0) { $0 + ($1.count > j ? 1 : 0) })
        }
        var scores: [Score] = []
        for (c, k) in sortedCheckpoints.enumerated() {
            for (m, method) in Method.allCases.enumerated() {
                let e = errors[c * 3 + m].sorted()
                let count = e.count
                let median = count == 0 ? Double.nan
                    : count % 2 == 1 ? e[count / 2] : (e[count / 2 - 1] + e[count / 2]) / 2
                let mean = count == 0 ? Double.nan : e.reduce(0, +) / Double(count)
                let n = Double(errors[c * 3].count)
                scores.append(Score(checkpoint: k, method: method, medianAPE: median, meanAPE: mean,
                                    coverage80: method == .profile ? Double(covered80[c]) / max(n, 1) : nil,
                                    coverage95: method == .profile ? Double(covered95[c]) / max(n, 1) : nil,
                                    years: count))
            }
        }
        let skipped = years.joined().filter { $0 == nil }.count
        return Report(seriesCount: series.count, yearsScored: scored, yearsSkippedNonPositive: skipped, scores: scores)
    }
}
