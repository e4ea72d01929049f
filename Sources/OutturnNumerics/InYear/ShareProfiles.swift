#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Share-to-date profiles of many series (budget lines) learnt from their complete earlier years,
/// fitted together, each series shrunk towards the pool of series (empirical Bayes on log shares,
/// as ``InYearBacktest``'s profile method).
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
/// sampling noise and κ = σ²ₖ/τ²ₖ, a series with n years gets log ŝ = (n·mean + κ·μₖ)/(n + κ) with
/// predictive variance σ²ᵢₖ(1 + 1/(n + κ)), σ²ᵢₖ = (its own residual sum of squares + ν·σ²ₖ)/(n − 1 + ν),
/// ν = ``ownSpreadPriorYears`` (its own spread shrunk towards the pooled one); a series with no earlier year gets the pool, μₖ with
/// variance σ²ₖ + τ²ₖ; with no series having history, the flat share k/p with the variance of
/// ``flatSpread`` (wider: measured departures of real shares from flat). σ²ₖ is shrunk towards
/// ``typicalWithinSpread`` as if that were ``priorDegreesOfFreedom`` extra degrees of freedom, so a
/// ledger with a year or two of months still gets a sensible spread.
public enum ShareProfiles {
    /// Shares below this (a line that spent nothing by month k in some year) are floored for the logs.
    public static let shareFloor = 0.001
    /// Weight of ``typicalWithinSpread`` in the within-series variance, in degrees of freedom.
    public static let priorDegreesOfFreedom = 10.0
    /// Weight of the pooled within-series variance in a series' own variance, in degrees of freedom.
    public static let ownSpreadPriorYears = 4.0

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

    /// One series' profile: for each month k = 1…p−1 the log share to date and its predictive variance.
    public struct Profile: Sendable, Equatable {
        /// Where it came from.
        public let source: Source
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
        var ownSquares = [[Double]](repeating: [], count: years.count)
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
                ownSquares[i] = (0..<months).map { k in
                    var ss = 0.0
                    for row in 1..<n { let e = y[(g * months + k) * n + row]; ss += e * e }
                    within[k] += ss
                    return ss
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
            if means.count >= 2 {
                poolMean[k] = mu
                let spread = means.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(means.count - 1)
                tau2[k] = max(spread - sigma2[k] / meanYears, 1e-6 * sigma2[k])
            } else {
                // One series: nothing to pool with; shrink it towards the flat profile instead.
                poolMean[k] = log(fraction(k + 1))
                tau2[k] = flat[k] * flat[k]
            }
        }
        return years.indices.map { i in
            let n = Double(years[i].count)
            if n == 0 {
                return Profile(source: .pool, logShare: poolMean, variance: (0..<months).map { sigma2[$0] + tau2[$0] })
            }
            var logShare = [Double](), variance = [Double]()
            for k in 0..<months {
                let kappa = sigma2[k] / tau2[k]
                logShare.append((n * ownMean[i][k] + kappa * poolMean[k]) / (n + kappa))
                // The series' own spread, shrunk towards the pooled one (worth ownSpreadPriorYears years):
                // a line whose profile repeats closely is trusted more than an erratic one.
                let own = (ownSquares[i][k] + ownSpreadPriorYears * sigma2[k]) / (n - 1 + ownSpreadPriorYears)
                variance.append(own * (1 + 1 / (n + kappa)))
            }
            return Profile(source: .own(years: years[i].count), logShare: logShare, variance: variance)
        }
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
