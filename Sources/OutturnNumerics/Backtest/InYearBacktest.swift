#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// In-year projection backtest: cut monthly series into years of `periodsPerYear` consecutive
/// values (from each series' first value), and at checkpoints k (e.g. months 3, 6, 9) project each
/// year's total from its first k values. Three projections are scored in the same run:
/// - **profile** (the method, exactly the run-rate half of `planner monitor`): total = to-date ÷ ŝ with
///   ŝ from ``ShareProfiles/fit(years:periodsPerYear:)`` fitted on every series' earlier years: the
///   series' profile shrunk towards the pool, weighed against an even spread and last year's share
///   by their rolling record in its earlier years. Interval: log-normal, log ŝ ± z·(the profile's spread);
/// - **run rate**: to-date × periodsPerYear / k;
/// - **last year's profile**: to-date ÷ (last year's to-date share; the mean of the earlier years'
///   log shares when last year was left out).
///
/// No future information about the series itself enters: year j uses only years before j of every
/// series (years are counted from each series' start; the competition files carry no calendar).
/// Years with a non-positive value are skipped (shares need positive totals) and counted.
/// With `splitEvenlyOver` b > 1 every block of b periods is replaced by its mean before anything else
/// (quarterly actuals split evenly over the quarter's months, as a finance system may hold them).
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
    ///   - block: the argument `splitEvenlyOver`, a divisor of `periodsPerYear`: each block of this many
    ///     periods is known only as its total, split evenly (1: every period as it is; 3 with 12: quarters).
    ///   - progress: if given, called after each year of history with the series-years projected in it
    ///     (all checkpoints); they add up to Σ max(0, whole years − 1) over the series.
    /// - Throws: ``LinearAlgebraError`` only for a dimension beyond LAPACK's 32-bit integers.
    public static func run(series: [[Double]], periodsPerYear p: Int, checkpoints: [Int],
                           splitEvenlyOver block: Int = 1, progress: ((Int) -> Void)? = nil) throws -> Report {
        precondition(p >= 2, "periods per year must be at least 2")
        precondition(checkpoints.allSatisfy { $0 >= 1 && $0 < p }, "checkpoints must be in 1..<\(p)")
        precondition(block >= 1 && p % block == 0, "the block must divide the periods per year")
        let sortedCheckpoints = checkpoints.sorted()
        // Years per series (nil when a value is ≤ 0), blocks split evenly.
        let years: [[[Double]?]] = series.map { values in
            stride(from: 0, through: values.count - p, by: p).map { start in
                var year = Array(values[start..<(start + p)])
                if block > 1 {
                    for first in stride(from: 0, to: p, by: block) {
                        let mean = year[first..<(first + block)].reduce(0, +) / Double(block)
                        for i in first..<(first + block) { year[i] = mean }
                    }
                }
                return year.allSatisfy { $0 > 0 } ? year : nil
            }
        }
        let maxYears = years.map(\.count).max() ?? 0
        var errors = [[Double]](repeating: [], count: sortedCheckpoints.count * 3)
        var covered80 = [Int](repeating: 0, count: sortedCheckpoints.count)
        var covered95 = [Int](repeating: 0, count: sortedCheckpoints.count)
        var scored = 0
        let z80 = Normal.quantile(0.9), z95 = Normal.quantile(0.975)
        for j in 1..<max(1, maxYears) {
            // Every series' earlier complete years form the pool; the planner's own fit.
            let pool = years.indices.filter { s in years[s].prefix(j).contains { $0 != nil } }
            guard !pool.isEmpty else { continue }
            let profiles = try ShareProfiles.fit(years: pool.map { years[$0].prefix(j).compactMap { $0 } }, periodsPerYear: p)
            for (member, s) in pool.enumerated() where j < years[s].count {
                guard let year = years[s][j] else { continue }
                let profile = profiles[member], total = year.reduce(0, +)
                let earlier = years[s].prefix(j).compactMap { $0 }
                for (c, k) in sortedCheckpoints.enumerated() {
                    let toDate = year.prefix(k).reduce(0, +)
                    let logShare = profile.logShare[k - 1], sd = profile.logSpread(atMonth: k)
                    func inside(_ z: Double) -> Bool {
                        toDate / exp(logShare + z * sd) <= total && total <= toDate / exp(logShare - z * sd)
                    }
                    if inside(z80) { covered80[c] += 1 }
                    if inside(z95) { covered95[c] += 1 }
                    let share = { (y: [Double]) in y.prefix(k).reduce(0, +) / y.reduce(0, +) }
                    let lastShare = years[s][j - 1].map(share)
                        ?? exp(earlier.map { log(share($0)) }.reduce(0, +) / Double(earlier.count))
                    let projections = [toDate / exp(logShare), toDate * Double(p) / Double(k), toDate / lastShare]
                    for (m, projection) in projections.enumerated() {
                        errors[c * 3 + m].append(100 * abs(projection - total) / total)
                    }
                }
                scored += 1
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
