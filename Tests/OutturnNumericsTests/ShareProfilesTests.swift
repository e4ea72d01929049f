import Foundation
import OutturnNumerics
import Testing

@Suite("In-year share profiles and projection")
struct ShareProfilesTests {
    /// Complete positive years of a monthly series, from its first value.
    static func years(_ values: [Double]) -> [[Double]] {
        stride(from: 0, through: values.count - 12, by: 12).map { Array(values[$0..<($0 + 12)]) }.filter { $0.allSatisfy { $0 > 0 } }
    }

    @Test("the flat spread and typical within-series spread tables are recomputed from tourism and M1 monthly")
    func tablesRecomputed() throws {
        var departures = [[Double]](repeating: [], count: 11)
        var within = [Double](repeating: 0, count: 11), dof = 0
        for file in ["competition/tourism-monthly.csv", "competition/m1-monthly.csv"] {
            for (_, values) in try CompetitionData.series(file) {
                let years = Self.years(values)
                var logs = [[Double]](repeating: [], count: 11)
                for year in years {
                    let total = year.reduce(0, +)
                    for k in 1...11 {
                        let share = year.prefix(k).reduce(0, +) / total
                        departures[k - 1].append(log(share * 12 / Double(k)))
                        logs[k - 1].append(log(share))
                    }
                }
                if years.count >= 2 {
                    for k in 0..<11 {
                        let mean = logs[k].reduce(0, +) / Double(logs[k].count)
                        within[k] += logs[k].reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
                    }
                    dof += years.count - 1
                }
            }
        }
        #expect(departures[0].count == 13_071 && dof == 12_088)
        for k in 0..<11 {
            let sorted = departures[k].sorted(), n = sorted.count
            // The same order statistics as the table's derivation: x[floor(p·(n − 1))].
            let spread = (sorted[Int(0.975 * Double(n - 1))] - sorted[Int(0.025 * Double(n - 1))]) / 3.92
            #expect(abs(spread - ShareProfiles.flatSpread[k]) < 5e-5, "flat spread at month \(k + 1): \(spread)")
            let sd = (within[k] / Double(dof)).squareRoot()
            #expect(abs(sd - ShareProfiles.typicalWithinSpread[k]) < 5e-5, "within spread at month \(k + 1): \(sd)")
        }
    }

    @Test("one batch equals the closed form: shrunk own mean log share, candidates weighted by their rolling errors, the spread from the pool's 80th percentile")
    func batchMatchesClosedForm() throws {
        // Three series with 3, 2 and 3 earlier years (two design groups) and one without history.
        func year(_ seed: Double) -> [Double] { (0..<12).map { 100 + 40 * sin(Double($0) + seed) + seed * Double($0) } }
        let data: [[[Double]]] = [[year(1), year(2), year(3)], [year(4), year(5)], [year(1.5), year(2.5), year(0.7)], []]
        let profiles = try ShareProfiles.fit(years: data, periodsPerYear: 12)
        for k in 1...11 {
            let logs = data.map { $0.map { y in log(y.prefix(k).reduce(0, +) / y.reduce(0, +)) } }
            let means = logs.filter { !$0.isEmpty }.map { $0.reduce(0, +) / Double($0.count) }
            var ss = 0.0, dof = 0.0
            for list in logs where !list.isEmpty {
                let m = list.reduce(0, +) / Double(list.count)
                ss += list.reduce(0) { $0 + ($1 - m) * ($1 - m) }
                dof += Double(list.count - 1)
            }
            let prior = ShareProfiles.typicalWithinSpread[k - 1]
            let sigma2 = (ss + 10 * prior * prior) / (dof + 10)
            let mu = means.reduce(0, +) / 3
            let between = means.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / 2
            let tau2 = max(between - sigma2 / (8.0 / 3), 1e-6 * sigma2)
            let kappa = sigma2 / tau2
            // Rolling errors of the own mean so far, the even share k/12 and last year, per series.
            let even = log(Double(k) / 12)
            let errors: [[[Double]]] = logs.map { list in
                list.indices.dropFirst().map { j in
                    [list[j] - list[..<j].reduce(0, +) / Double(j), list[j] - even, list[j] - list[j - 1]]
                }
            }
            // The pool's errors: (80th percentile of |error| (linear between order statistics) ÷ z₀.₉)², 5 errors.
            func pooled(_ c: Int) -> Double {
                let sorted = errors.joined().map { abs($0[c]) }.sorted()
                #expect(sorted.count == 5)
                let q = sorted[3] + 0.2 * (sorted[4] - sorted[3])  // position 0.8 · 4 = 3.2
                return (q / Normal.quantile(0.9)) * (q / Normal.quantile(0.9))
            }
            let variance = (5 * pooled(0) + 10 * prior * prior) / 15
            for i in 0..<3 {
                let n = Double(logs[i].count)
                let shrunk = (n * means[i] + kappa * mu) / (n + kappa)
                let mse = (0..<3).map { c in
                    (errors[i].reduce(0) { $0 + $1[c] * $1[c] } + 3 * pooled(c)) / (Double(errors[i].count) + 3)
                }
                let w = mse.map { 1 / $0 }, sum = w.reduce(0, +)
                let expected = (w[0] * shrunk + w[1] * even + w[2] * logs[i].last!) / sum
                #expect(abs(profiles[i].logShare[k - 1] - expected) < 1e-12)
                #expect(abs(profiles[i].weights[k - 1].evenSpread - w[1] / sum) < 1e-12)
                #expect(abs(profiles[i].variance[k - 1] - variance) < 1e-12)
            }
            #expect(profiles[3].source == .pool && profiles[3].weights.isEmpty)
            #expect(abs(profiles[3].logShare[k - 1] - mu) < 1e-12)
            #expect(abs(profiles[3].variance[k - 1] - (variance + tau2)) < 1e-12)
        }
        #expect(profiles[0].source == .own(years: 3) && profiles[1].source == .own(years: 2))
    }

    @Test("an exactly repeating profile (lines of different sizes, two or more earlier years) is projected exactly at every month; month 12 is the actual",
          arguments: [1, 3])
    func repeatingProfileIsExact(lines: Int) throws {
        let shape: [Double] = [3, 1, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
        let data = (0..<lines).map { i in (0..<(2 + i)).map { _ in shape.map { $0 * Double(10 + 7 * i) } } }
        let profiles = try ShareProfiles.fit(years: data, periodsPerYear: 12)
        let total = 1_000.0 * shape.reduce(0, +)
        for profile in profiles {
            for k in 1...12 {
                let toDate = 1_000.0 * shape.prefix(k).reduce(0, +)
                let belief = InYearProjection.runRate(toDate: toDate, logShare: log(profile.share(atMonth: k)),
                                                      logSpread: profile.logSpread(atMonth: k), floor: 1)
                #expect(abs(belief.median / total - 1) < 1e-12, "month \(k): \(belief.median)")
                if k < 12 { #expect(profile.weights[k - 1].evenSpread < 1e-12) }  // the run rate was wrong every year
            }
            #expect(profile.logSpread(atMonth: 12) == 0)
        }
    }

    @Test("a line whose earlier years were flat keeps a flat share in a pool of year-end spenders; the weights add up to 1")
    func flatLineKeepsFlatShare() throws {
        let seasonal: [Double] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 12]
        func seasonalYear(_ scale: Double) -> [Double] { seasonal.map { $0 * scale } }
        func flatYear(_ j: Int) -> [Double] { (0..<12).map { (m: Int) -> Double in 100 + Double((m * 7 + j * 3) % 5) } }
        var data: [[[Double]]] = (0..<5).map { (i: Int) -> [[Double]] in (0..<4).map { (j: Int) in seasonalYear(1 + 0.01 * Double(i + j)) } }
        data.append((0..<4).map(flatYear))
        let profiles = try ShareProfiles.fit(years: data, periodsPerYear: 12)
        for k in [3, 6, 9] {
            let w = profiles[5].weights[k - 1]
            #expect(abs(w.profile + w.evenSpread + w.lastYear - 1) < 1e-12)
            #expect(abs(profiles[5].share(atMonth: k) / (Double(k) / 12) - 1) < 0.05, "month \(k)")
        }
    }

    @Test("no series with history: the flat profile k/12 with the flat spread; at month 12 the share is 1 with no spread")
    func flatWithoutHistory() throws {
        let profiles = try ShareProfiles.fit(years: [[], []], periodsPerYear: 12)
        for k in 1...11 {
            #expect(profiles[0].source == .flat)
            #expect(abs(profiles[0].share(atMonth: k) - Double(k) / 12) < 1e-15)
            #expect(abs(profiles[0].logSpread(atMonth: k) - ShareProfiles.flatSpread[k - 1]) < 1e-15)
        }
        #expect(profiles[1].share(atMonth: 12) == 1 && profiles[1].logSpread(atMonth: 12) == 0)
    }

    @Test("flat profile, no spread: the projection is the actual × 12/k, for every k")
    func runRateClosedForm() {
        for k in 1...11 {
            let actual = 123_456.0
            let belief = InYearProjection.runRate(toDate: actual, logShare: log(Double(k) / 12), logSpread: 0, floor: 1)
            let (combined, weight) = InYearProjection.combine(runRate: belief,
                                                              earlier: .init(median: 999_999, logSpread: 0.2))
            #expect(weight == 1)
            #expect(abs(combined.median - actual * 12 / Double(k)) < 1e-8 * actual)
            let distribution = PredictiveDistribution.logNormal(median: combined.median, logSpread: combined.logSpread)
            #expect(distribution.interval(level: 0.95).lower == distribution.interval(level: 0.95).upper)
        }
    }

    @Test("views in conflict: the earlier view's precision is scaled by the t weight (ν + 1)/(ν + z²)")
    func conflictingViews() {
        let runRate = InYearProjection.Belief(median: 2_000, logSpread: 0.1)
        let earlier = InYearProjection.Belief(median: 1_000, logSpread: 0.2)
        let z = log(2.0) / (0.01 + 0.04).squareRoot()
        let b = 5 / (4 + z * z) * 25
        let (combined, weight) = InYearProjection.combine(runRate: runRate, earlier: earlier)
        #expect(abs(weight - 100 / (100 + b)) < 1e-12)
        #expect(abs(combined.logSpread - (1 / (100 + b)).squareRoot()) < 1e-12)
        #expect(weight > 0.8) // more than the plain update would give the run rate
    }

    @Test("the combination is the normal–normal update on the log scale (views within one standard deviation)")
    func combinationClosedForm() {
        let runRate = InYearProjection.Belief(median: 1_200, logSpread: 0.1)
        let earlier = InYearProjection.Belief(median: 1_000, logSpread: 0.2)
        let (combined, weight) = InYearProjection.combine(runRate: runRate, earlier: earlier)
        #expect(abs(weight - 0.8) < 1e-15) // precisions 100 and 25
        #expect(abs(log(combined.median) - (0.8 * log(1_200) + 0.2 * log(1_000))) < 1e-12)
        #expect(abs(combined.logSpread - (1.0 / 125).squareRoot()) < 1e-15)
    }

    @Test("the log-normal distribution's quantiles are median·exp(σ·Φ⁻¹(p)) within the table's interpolation, censored below")
    func logNormalQuantiles() {
        let d = PredictiveDistribution.logNormal(median: 1_000, logSpread: 0.25)
        for p in [0.025, 0.1, 0.5, 0.9, 0.975] {
            let exact = 1_000 * exp(0.25 * Normal.quantile(p))
            #expect(abs(d.quantile(p) - exact) < 2e-3 * exact, "p = \(p): \(d.quantile(p)) against \(exact)")
        }
        #expect(abs((d.mean ?? 0) - 1_000 * exp(0.25 * 0.25 / 2)) < 1e-3 * 1_000)
        let censored = PredictiveDistribution.logNormal(median: 1_000, logSpread: 0.25, lowerBound: 950)
        #expect(censored.quantile(0.01) == 950)
        #expect(censored.cdf(949) == 0)
    }
}
