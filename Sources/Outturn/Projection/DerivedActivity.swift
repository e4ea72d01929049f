import Foundation
import OutturnNumerics

/// Activity measures derived from the activity series rather than fitted on their own (issue 10,
/// part 5): a total of several series (total calls = telephone + self service), whose interval comes
/// from the members' joint distribution, and a rate (the share of calls closed at first point of
/// contact), projected on the log-odds scale so that it stays between 0% and 100%.
package enum DerivedActivity {
    /// The sum of `members` (each a projected predictive distribution, in the series' units) with
    /// every two members correlated at `correlation` through a one-factor Gaussian copula, by `draws`
    /// seeded draws: each draw is Σ Qᵢ(Φ(zᵢ)), zᵢ = √ρ·f + √(1 − ρ)·eᵢ. The central value is the sum of
    /// the members' central values (so that the total of the forecasts is the forecast of the total);
    /// the intervals are the draws' sample quantiles at `levels`.
    /// - Precondition: `members` is not empty, 0 ≤ correlation ≤ 1, draws ≥ 2.
    package static func total(of members: [PredictiveDistribution], correlation: Double, levels: [Double],
                               draws: Int, seed: UInt64) -> (projected: Double, intervals: [PredictionInterval]) {
        precondition(!members.isEmpty && (0...1).contains(correlation) && draws >= 2,
                     "a total needs members, a correlation in [0, 1] and at least two draws")
        var generator = Xoshiro256StarStar(seed: seed)
        let shared = correlation.squareRoot(), own = (1 - correlation).squareRoot()
        var sums = [Double](repeating: 0, count: draws)
        for d in 0..<draws {
            let factor = generator.nextStandardNormal()
            var sum = 0.0
            for member in members {
                let z = shared * factor + own * generator.nextStandardNormal()
                // Φ(z) kept inside (0, 1) so that an unbounded tail never yields ±∞.
                sum += member.quantile(min(max(Normal.cdf(z), 1e-12), 1 - 1e-12))
            }
            sums[d] = sum
        }
        sums.sort()
        let intervals = levels.map { level in
            PredictionInterval(level: level, lower: SampleQuantile.type7((1 - level) / 2, sorted: sums),
                               upper: SampleQuantile.type7((1 + level) / 2, sorted: sums))
        }
        return (members.reduce(0) { $0 + $1.censoredLocation }, intervals)
    }

    /// The empirical log-odds of `count` out of `total`: log((count + ½) / (total − count + ½)),
    /// finite for 0 and for all (Cox's empirical logit).
    /// - Precondition: 0 ≤ count ≤ total.
    package static func empiricalLogit(count: Double, total: Double) -> Double {
        precondition(count >= 0 && count <= total, "a count (\(count)) must lie between 0 and its total (\(total))")
        return log((count + 0.5) / (total - count + 0.5))
    }

    /// The logistic function, 1 / (1 + e^(−x)), in (0, 1) for every finite x and 0 or 1 at ∓∞.
    package static func logistic(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    /// A rate's projection `horizon` years ahead from its yearly `counts` out of `totals`: the
    /// forecaster on the empirical log-odds (unbounded, not censored), its location and interval ends
    /// mapped back by the logistic function. The map is increasing, so the intervals' probabilities
    /// hold and every end lies in [0, 1].
    /// - Throws: ``ForecastError`` for a series the forecaster cannot use.
    static func rate(counts: [Double], totals: [Double], horizon: Int, levels: [Double],
                     fallbackRelativeSpread: Double) throws -> (projected: Double, intervals: [PredictionInterval], result: LineForecaster.Result) {
        precondition(counts.count == totals.count, "counts and totals differ in length")
        let logits = zip(counts, totals).map { empiricalLogit(count: $0, total: $1) }
        let result = try LineForecaster.forecastUnbounded(logits, horizon: horizon, fallbackSpread: fallbackRelativeSpread)
        let intervals = levels.map { level -> PredictionInterval in
            let interval = result.distribution.interval(level: level)
            return PredictionInterval(level: level, lower: logistic(interval.lower), upper: logistic(interval.upper))
        }
        return (logistic(result.distribution.location), intervals, result)
    }
}

extension DerivedActivity {
    /// The scenario's activity measures projected from the activity `series` and their fitted
    /// `projections` (same order), in the measures' order. A total sums its members' histories
    /// and simulates its interval from their joint distribution (the scenario's correlation, draws
    /// and seed); a share is projected on the log-odds scale.
    /// - Throws: ``InputError`` naming the scenario line of a measure whose series is unknown, whose
    ///   years differ between its parts, or whose count exceeds its total in some year.
    static func project(_ measures: [ActivityMeasure], series: [ActivitySeries], projections: [ActivityProjection],
                        scenario: Scenario) throws -> [ActivityProjection] {
        if let first = measures.first, scenario.activityPath == nil {
            throw InputError(file: scenario.fileName, line: first.sourceLine,
                             message: "activity_measures needs the activity series it is made of",
                             hint: "name the activity file with activity: activity.csv")
        }
        // Activity left out on purpose (a run without its series): nothing to derive from.
        guard !series.isEmpty else { return [] }
        var histories: [String: (years: [FiscalYear], values: [Double])] = [:]
        for item in series { histories[item.name] = (item.years, item.values) }
        var distributions: [String: PredictiveDistribution] = [:]
        for item in projections { if let d = item.distribution { distributions[item.series] = d } }
        let levels = scenario.confidenceLevels
        var result: [ActivityProjection] = []
        for measure in measures {
            func fail(_ message: String, hint: String? = nil) -> InputError {
                InputError(file: scenario.fileName, line: measure.sourceLine,
                           message: "activity measure '\(measure.name)': \(message)", hint: hint)
            }
            func history(_ name: String) throws -> (years: [FiscalYear], values: [Double]) {
                guard let found = histories[name] else {
                    let known = Array(histories.keys).sorted()
                    throw fail("'\(name)' is not an activity series or a total above it",
                               hint: ClosestName.match(name, among: known).map { "did you mean '\($0)'?" }
                                   ?? "known: \(known.joined(separator: ", "))")
                }
                return found
            }
            guard histories[measure.name] == nil else {
                throw fail("the name is already an activity series", hint: "give the measure a name of its own")
            }
            switch measure.definition {
            case .total(let members):
                let parts = try members.map(history)
                guard parts.allSatisfy({ $0.years == parts[0].years }) else {
                    throw fail("its series cover different years", hint: "give every series the same years")
                }
                let memberDistributions = try members.map { name -> PredictiveDistribution in
                    guard let d = distributions[name] else { throw fail("'\(name)' is a total; list the series it sums instead") }
                    return d
                }
                let (projected, intervals) = total(of: memberDistributions, correlation: scenario.correlation, levels: levels,
                                                   draws: scenario.draws, seed: scenario.seed)
                histories[measure.name] = (parts[0].years, parts[0].years.indices.map { i in parts.reduce(0) { $0 + $1.values[i] } })
                let names = members.dropLast().joined(separator: ", ") + " and " + members.last!
                var item = ActivityProjection(series: measure.name, projected: projected, intervals: intervals,
                                              method: "sum of members, joint simulation",
                                              reason: "\(names) added up: the sum of their forecasts, its interval from "
                                                  + "\(Money.grouped(UInt64(scenario.draws))) simulated years in which they move together "
                                                  + "with a correlation of \(DecimalText.trimmed(scenario.correlation, decimals: 2))")
                item.methodInWords = "sum of " + names
                result.append(item)
            case .share(let countName, let totalName):
                let count = try history(countName), total = try history(totalName)
                guard count.years == total.years else {
                    throw fail("'\(countName)' and '\(totalName)' cover different years", hint: "give both the same years")
                }
                if let bad = count.years.indices.first(where: { count.values[$0] < 0 || count.values[$0] > total.values[$0] }) {
                    throw fail("in \(count.years[bad]) '\(countName)' (\(count.values[bad])) is not between 0 and '\(totalName)' (\(total.values[bad]))")
                }
                let horizon = scenario.targetYear.startYear - count.years.last!.startYear
                guard horizon >= 1 else { throw fail("its series already have \(scenario.targetYear)") }
                let (projected, intervals, fit) = try rate(counts: count.values, totals: total.values, horizon: horizon,
                                                           levels: levels, fallbackRelativeSpread: scenario.yearToYearSpread)
                let shares = zip(count.values, total.values).map { DecimalText.percent($0 / $1, decimals: 0) }
                var item = ActivityProjection(series: measure.name, projected: projected, intervals: intervals,
                                              method: "\(fit.model) on the log-odds",
                                              reason: "\(countName) as a share of \(totalName) (\(shares.joined(separator: ", "))), "
                                                  + "projected as log-odds so that it stays between 0% and 100%: \(fit.reason)")
                item.methodInWords = "share of \(totalName): " + fit.plainModel
                item.unit = .share
                result.append(item)
            }
        }
        return result
    }
}
