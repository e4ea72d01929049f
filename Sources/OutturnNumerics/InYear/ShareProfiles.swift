#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Share-to-date profiles of many series (budget lines) learnt from their complete earlier years,
/// fitted together, each series shrunk towards the pool of series (empirical Bayes on log shares)
/// and then weighed against two simpler views by their record in the series' own earlier years.
///
/// For series i, earlier year j and month k (1 ≤ k < p, p periods per year) the log share to date is
/// ℓᵢⱼₖ = log(max(to-date / total, ``shareFloor``)). The series' own profile is the mean of ℓᵢⱼₖ over
/// its nᵢ years, its spread the pooled within-series variance σ²ₖ of those logs. Both come from one
/// least-squares fit per group of series with the same number of years: the design is the n×1
/// column of ones (a level per series and month), one pivoted Householder QR of it (LAPACK dgeqp3),
/// and Qᵀ applied to every series' and month's column of logs at once (dormqr, one call for the
/// whole n × (series·(p−1)) block): the level is the first row of QᵀY over R, the residual sum of
/// squares the sum of squares of the other n − 1 rows, without forming residuals.
///
/// Shrinkage: with μₖ the mean of the series' own profiles, τ²ₖ their between-series variance beyond
/// sampling noise and κ = σ²ₖ/τ²ₖ, a series with n years gets the shrunk profile
/// oₖ = (n·mean + κ·μₖ)/(n + κ) (κ = 0 when it is the only series with history: nothing to pool with).
///
/// Combination: three candidate log shares, each what a finance team might use:
/// the shrunk profile oₖ, an even spread log(k/p) (the run rate) and last year's ℓᵢ,ₙ₋₁,ₖ. Each is
/// scored on the series' own earlier years, rolling and without look-ahead: for year j ≥ 1 the errors
/// ℓⱼₖ − mean(ℓ₀ₖ…ℓⱼ₋₁,ₖ), ℓⱼₖ − log(k/p) and ℓⱼₖ − ℓⱼ₋₁,ₖ (the own mean stands in for oₖ). A candidate's
/// mean square error over those m years is shrunk towards the pool's for that candidate (worth
/// ``weightPriorYears`` years), and the candidates are weighted by inverse mean square error
/// (only the error-free ones when some have none, so an exactly repeating profile is projected exactly).
/// The pool's error of a candidate is robust: (the 80th percentile of |error| over every series'
/// rolling years ÷ z₀.₉)²; with no rolling years at all, ``typicalWithinSpread``² (twice that for the
/// two simple candidates). The predictive variance vₖ of the combined log share is the pool's robust
/// error of the own mean shrunk towards ``typicalWithinSpread``² as if that were
/// ``priorDegreesOfFreedom`` extra years (the interval is calibrated on the rolling earlier years only:
/// its 80% range matches theirs).
///
/// A series with no earlier year gets the pool, μₖ with variance vₖ + τ²ₖ (vₖ that calibrated
/// variance); with no series having history, the flat share k/p with the variance of ``flatSpread``
/// (wider: measured departures of real shares from flat).
public enum ShareProfiles {
    /// Shares below this (a line that spent nothing by month k in some year) are floored for the logs.
    public static let shareFloor = 0.001
    /// Weight of ``typicalWithinSpread`` in the within-series variance, in degrees of freedom.
    public static let priorDegreesOfFreedom = 10.0
    /// Weight of the pool's error of a candidate in a series' own error of it, in years.
    public static let weightPriorYears = 3.0

    /// Standard deviation of log(share to date at month k ÷ k/12) of a monthly series about the flat
    /// profile, k = 1…11: half the central 95% range ÷ 1.96, over the 13,071 complete positive years
    /// of tourism monthly and M1 monthly in datasets/competition (recomputed by a test). Used when no
    /// series has monthly history (the run rate with a wider spread).
    public static let flatSpread: [Double] = [0.4968, 0.4006, 0.3023, 0.2312, 0.1656, 0.1272, 0.1152, 0.1113, 0.1073,
                                              0.0923, 0.0623]

    /// Pooled within-series standard deviation of log share to date across years, k = 1…11, on the
    /// same files (12,088 degrees of freedom; recomputed by a test): the prior of σₖ.
    public static let typicalWithinSpread: [Double] = [0.2731, 0.1848, 0.1497, 0.1242, 0.1045, 0.0918, 0.0805, 0.0694,
                                                       0.0603, 0.0470, 0.0302]

    /// Where a series' profile came from.
    public enum Source: Sendable, Equatable {
        /// Its own earlier years (this many), shrunk towards the pool.
        case own(years: Int)
        /// No earlier year of its own: the pool of the other series.
        case pool
        /// No series had earlier years: the flat profile k/p with a wider spread.
        case flat
    }

    /// How much each candidate counted in a combined log share (fractions adding to 1).
    public struct Weights: Sendable, Equatable {
        /// The series' own profile, shrunk towards the pool.
        public let profile: Double
        /// The even spread k/p (the run rate).
        public let evenSpread: Double
        /// Last year's share to date.
        public let lastYear: Double
    }

    /// One series' profile: for each month k = 1…p−1 the log share to date and its predictive variance.
    public struct Profile: Sendable, Equatable {
        /// Where it came from.
        public let source: Source
        /// For a series with its own years, the candidates' weights at each month k (index k − 1); empty otherwise.
        public var weights: [Weights] = []
        /// log ŝₖ at index k − 1 (k = 1…p−1).
        public let logShare: [Double]
        /// Predictive variance of the year's log share at k (index k − 1).
        public let variance: [Double]

        /// The share to date after `month` (1…p); 1 at the year's end.
        public func share(atMonth month: Int) -> Double { month >= logShare.count + 1 ? 1 : exp(logShare[month - 1]) }
        /// The predictive standard deviation of the log share after `month`; 0 at the year's end.
        public func logSpread(atMonth month: Int) -> Double { month >= logShare.count + 1 ? 0 : variance[month - 1].squareRoot() }
    }

    /// Fits every series' profile.
    /// - Parameters:
    ///   - years: per series, its complete earlier years, each `periodsPerYear` values (oldest month first)
    ///     with a positive total (others must be left out by the caller); an empty list for a series
    ///     without monthly history.
    ///   - p: periods per year, p ≥ 2 (12 for months); ``flatSpread`` and ``typicalWithinSpread`` are for p = 12
    ///     and are interpolated on the fraction of the year otherwise.
    /// - Returns: one profile per series, in input order.
    /// - Throws: ``LinearAlgebraError`` only for a dimension beyond LAPACK's 32-bit integers.
    public static func fit(years: [[[Double]]], periodsPerYear p: Int) throws -> [Profile] {
        precondition(p >= 2, "periods per year must be at least 2")
        let months = p - 1
        for list in years { for year in list { precondition(year.count == p, "every year needs \(p) values") } }
        // Group the series by their number of years: one design (a column of n ones) per group.
        var groups: [Int: [Int]] = [:]
        for (i, list) in years.enumerated() where !list.isEmpty { groups[list.count, default: []].append(i) }
        var ownMean = [[Double]](repeating: [], count: years.count)
        var within = [Double](repeating: 0, count: months), dof = 0.0
        for (n, members) in groups.sorted(by: { $0.key < $1.key }) {
            let columns = members.count * months
            var y = [Double](repeating: 0, count: n * columns) // n × columns, column-major
            for (g, i) in members.enumerated() {
                for (j, year) in years[i].enumerated() {
                    let total = year.reduce(0, +)
                    var toDate = 0.0
                    for k in 0..<months {
                        toDate += year[k]
                        y[(g * months + k) * n + j] = log(max(toDate / total, shareFloor))
                    }
                }
            }
            var design = [Double](repeating: 1, count: n)
            let (_, tau) = try LAPACK.pivotedQR(&design, rows: n, columns: 1)
            try LAPACK.multiplyByQ(transpose: true, factors: design, rows: n, reflectors: 1, tau: tau, c: &y, columnsOfC: columns)
            let r = design[0] // R is 1×1 (±√n)
            for (g, i) in members.enumerated() {
                ownMean[i] = (0..<months).map { k in y[(g * months + k) * n] / r }
                for k in 0..<months {
                    for row in 1..<n { let e = y[(g * months + k) * n + row]; within[k] += e * e }
                }
            }
            dof += Double(members.count * (n - 1))
        }
        let fraction = { (k: Int) -> Double in Double(k) / Double(p) }
        let withinPrior = (1...months).map { interpolate(typicalWithinSpread, at: fraction($0)) }
        let flat = (1...months).map { interpolate(flatSpread, at: fraction($0)) }
        let sigma2 = (0..<months).map { k in
            (within[k] + priorDegreesOfFreedom * withinPrior[k] * withinPrior[k]) / (dof + priorDegreesOfFreedom)
        }
        let withHistory = years.indices.filter { !years[$0].isEmpty }
        guard !withHistory.isEmpty else {
            let profile = Profile(source: .flat, logShare: (1...months).map { log(fraction($0)) },
                                  variance: flat.map { $0 * $0 })
            return [Profile](repeating: profile, count: years.count)
        }
        var poolMean = [Double](repeating: 0, count: months), tau2 = [Double](repeating: 0, count: months)
        let meanYears = Double(withHistory.reduce(0) { $0 + years[$1].count }) / Double(withHistory.count)
        for k in 0..<months {
            let means = withHistory.map { ownMean[$0][k] }
            let mu = means.reduce(0, +) / Double(means.count)
            poolMean[k] = mu
            if means.count >= 2 {
                let spread = means.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(means.count - 1)
                tau2[k] = max(spread - sigma2[k] / meanYears, 1e-6 * sigma2[k])
            } else {
                // One series: nothing to pool with (κ = 0 below); a series without history gets it with the flat spread.
                tau2[k] = flat[k] * flat[k]
            }
        }
        // Every series' log shares again (oldest year first), for the rolling scores of the candidates.
        let logs: [[[Double]]] = years.map { list in
            list.map { year in
                let total = year.reduce(0, +)
                var toDate = 0.0
                return (0..<months).map { k in toDate += year[k]; return log(max(toDate / total, shareFloor)) }
            }
        }
        let scores = (0..<months).map { k in RollingScores(logs: logs, month: k, evenLogShare: log(fraction(k + 1)),
                                                           prior: withinPrior[k] * withinPrior[k]) }
        return years.indices.map { i in
            let n = Double(years[i].count)
            if n == 0 {
                return Profile(source: .pool, logShare: poolMean, variance: (0..<months).map { scores[$0].variance + tau2[$0] })
            }
            var logShare = [Double](), variance = [Double](), weights = [Weights]()
            for k in 0..<months {
                let kappa = withHistory.count >= 2 ? sigma2[k] / tau2[k] : 0
                let shrunk = (n * ownMean[i][k] + kappa * poolMean[k]) / (n + kappa)
                let w = scores[k].weights(series: i)
                weights.append(w)
                logShare.append(w.profile * shrunk + w.evenSpread * log(fraction(k + 1)) + w.lastYear * logs[i][logs[i].count - 1][k])
                variance.append(scores[k].variance)
            }
            var profile = Profile(source: .own(years: years[i].count), logShare: logShare, variance: variance)
            profile.weights = weights
            return profile
        }
    }

    /// The candidates' rolling errors at one month: per series, for each earlier year j ≥ 1, what the
    /// own mean of years before j, the even spread and year j − 1 said against year j's log share.
    struct RollingScores {
        /// Mean square errors (or their pool's robust version) of the three candidates.
        struct Errors { var profile: Double, evenSpread: Double, lastYear: Double }
        /// Per series: the sums of squared errors and their number of years.
        let sums: [(errors: Errors, years: Int)]
        /// The pool's robust mean square error of each candidate ((80th percentile of |error| ÷ z₀.₉)²), or
        /// without rolling years the prior (``typicalWithinSpread``², twice that for the two simple candidates).
        let pooled: Errors
        /// The predictive variance of a combined log share: the pool's robust error of the own mean,
        /// shrunk towards ``typicalWithinSpread``² as if that were ``priorDegreesOfFreedom`` years.
        let variance: Double

        init(logs: [[[Double]]], month k: Int, evenLogShare even: Double, prior: Double) {
            var all: [[Double]] = [[], [], []]
            sums = logs.map { list in
                var e = Errors(profile: 0, evenSpread: 0, lastYear: 0), running = list.first.map { $0[k] } ?? 0
                for j in list.indices.dropFirst() {
                    let value = list[j][k]
                    let errors = [value - running / Double(j), value - even, value - list[j - 1][k]]
                    e.profile += errors[0] * errors[0]
                    e.evenSpread += errors[1] * errors[1]
                    e.lastYear += errors[2] * errors[2]
                    for c in 0..<3 { all[c].append(abs(errors[c])) }
                    running += value
                }
                return (e, max(0, list.count - 1))
            }
            let count = Double(all[0].count), z = Normal.quantile(0.9)
            // The pool's robust mean square error of each candidate (nil: no series has two years).
            let raw: [Double?] = all.map { errors in
                guard !errors.isEmpty else { return nil }
                let q = ShareProfiles.quantile(errors.sorted(), 0.8) / z
                return q * q
            }
            let priors = [prior, 2 * prior, 2 * prior]
            // For the weights, the pool's own errors (so error-free candidates stay error-free); the prior without any.
            let forWeights = (0..<3).map { raw[$0] ?? priors[$0] }
            pooled = Errors(profile: forWeights[0], evenSpread: forWeights[1], lastYear: forWeights[2])
            // For the spread, shrunk towards the typical within-series variance.
            variance = raw[0].map { (count * $0 + priorDegreesOfFreedom * prior) / (count + priorDegreesOfFreedom) } ?? prior
        }

        /// Inverse mean-square-error weights of series `i`'s candidates, each error shrunk towards the pool's.
        func weights(series i: Int) -> Weights {
            let (e, m) = sums[i], nu = weightPriorYears, years = Double(m)
            let mse = [(e.profile + nu * pooled.profile) / (years + nu), (e.evenSpread + nu * pooled.evenSpread) / (years + nu),
                       (e.lastYear + nu * pooled.lastYear) / (years + nu)]
            // Error-free candidates (an exactly repeating pattern) take all the weight between them.
            // (Below 1e-200 counts as none: its inverse would overflow.)
            let exact = mse.map { $0 < 1e-200 }
            let raw = exact.contains(true) ? exact.map { $0 ? 1.0 : 0 } : mse.map { 1 / $0 }
            let sum = raw.reduce(0, +)
            return Weights(profile: raw[0] / sum, evenSpread: raw[1] / sum, lastYear: raw[2] / sum)
        }
    }

    /// The `p` quantile (0…1) of sorted values, linear between order statistics (R's type 7).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1), lower = Int(position), t = position - Double(lower)
        return lower + 1 < sorted.count ? sorted[lower] * (1 - t) + sorted[lower + 1] * t : sorted[lower]
    }

    /// A table for k = 1…11 of 12 read at year fraction `f` (0 < f < 1), linear between months.
    static func interpolate(_ table: [Double], at f: Double) -> Double {
        let position = f * 12 - 1 // index into the table
        if position <= 0 { return table[0] }
        if position >= Double(table.count - 1) { return table[table.count - 1] }
        let lower = Int(position), t = position - Double(lower)
        return table[lower] * (1 - t) + table[lower + 1] * t
    }
}
