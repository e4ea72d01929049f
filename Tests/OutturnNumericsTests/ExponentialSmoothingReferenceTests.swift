import Foundation
import Testing
import _TestSupport
@testable import OutturnNumerics

/// Agreement with R 4.2.2 + forecast 8.20 `ets` fits in datasets/reference/r-ets-tourism-yearly.csv.
///
/// Likelihood compared like for like: R's `loglik` for additive errors is −½·n·log(Σe²), which is
/// ``ExponentialSmoothing/logLikelihood``.
@Suite("Exponential smoothing agrees with R's ets")
struct ExponentialSmoothingReferenceTests {
    struct Case {
        let series: String
        let training: [Double]
        let trend: ExponentialSmoothing.Trend
        let row: [String: String]
        func value(_ key: String) -> Double { Double(row[key]!) ?? 0 }
    }

    static func cases() throws -> [Case] {
        let tourism = Dictionary(uniqueKeysWithValues: try CompetitionData.series("competition/tourism-yearly.csv").map { ($0.name, $0.values) })
        let trends: [String: ExponentialSmoothing.Trend] = ["ETS(A,N,N)": .none, "ETS(A,A,N)": .additive, "ETS(A,Ad,N)": .damped]
        return try CompetitionData.records("reference/r-ets-tourism-yearly.csv").compactMap { row in
            guard let trend = trends[row["model"]!] else { return nil }
            let n = Int(row["n"]!)!
            return Case(series: row["series"]!, training: Array(tourism[row["series"]!]!.prefix(n)), trend: trend, row: row)
        }
    }

    @Test("R's parameters through our recursions give R's loglik, sigma2, forecasts and 95% interval")
    func recursionsReproduceR() throws {
        let cases = try Self.cases()
        #expect(cases.count == 18)
        for c in cases {
            let model = ExponentialSmoothing.evaluate(
                c.training, trend: c.trend, alpha: c.value("alpha"), beta: c.value("beta"), phi: c.value("phi"),
                initialLevel: c.value("l0"), initialSlope: c.value("b0"))
            let mean = model.forecastMean(horizon: 4)
            let sd1 = model.forecastVariance(horizon: 1)[0].squareRoot()
            let label = "\(c.series) \(c.row["model"]!)"
            #expect(isClose(model.logLikelihood, c.value("loglik"), relative: 1e-9), "\(label) loglik")
            #expect(isClose(model.residualVariance, c.value("sigma2"), relative: 1e-8), "\(label) sigma2")
            #expect(isClose(mean[0], c.value("f1"), relative: 1e-9), "\(label) f1")
            #expect(isClose(mean[3], c.value("f4"), relative: 1e-9), "\(label) f4")
            #expect(isClose(mean[0] - Normal.quantile(0.975) * sd1, c.value("lo95_1"), relative: 1e-8), "\(label) lo95")
        }
    }

    /// Tolerance 1e-3 in log-likelihood units (R's simplex stops at a relative tolerance of 1e-8 on
    /// the same objective; our profile solves the initial states exactly, so we should never be lower).
    @Test("our maximum likelihood is at least R's, and forecasts agree where the optimum is the same")
    func likelihoodAtLeastR() throws {
        var compared = 0
        for c in try Self.cases() {
            let model = ExponentialSmoothing.fit(c.training, trend: c.trend)
            let label = "\(c.series) \(c.row["model"]!)"
            let ours = model.logLikelihood, theirs = c.value("loglik")
            #expect(ours >= theirs - 1e-3, "\(label): ours \(ours), R \(theirs)")
            if abs(ours - theirs) < 1e-4 {
                compared += 1
                let mean = model.forecastMean(horizon: 4)
                #expect(isClose(mean[0], c.value("f1"), relative: 1e-3), "\(label) f1 \(mean[0]) vs \(c.value("f1"))")
            }
        }
        // R reaches the same optimum for SES on Y1, Y100 and Y200 (alpha on its upper bound).
        #expect(compared >= 3)
    }

    @Test("fitted parameters stay inside R's bounds with beta ≤ alpha")
    func boundsHold() throws {
        for c in try Self.cases() {
            let model = ExponentialSmoothing.fit(c.training, trend: c.trend)
            #expect(ExponentialSmoothing.smoothingBounds.contains(model.alpha))
            if c.trend != .none {
                #expect(ExponentialSmoothing.smoothingBounds.contains(model.beta))
                #expect(model.beta <= model.alpha)
            }
            if c.trend == .damped { #expect(ExponentialSmoothing.dampingBounds.contains(model.phi)) }
        }
    }
}
