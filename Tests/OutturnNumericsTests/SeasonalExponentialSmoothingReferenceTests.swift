import Foundation
import Testing
import _TestSupport
@testable import OutturnNumerics

/// Agreement with R 4.2.2 + forecast 8.20 `ets` seasonal fits in
/// datasets/reference/r-ets-tourism-seasonal.csv (made by datasets/reference/scripts/r-ets-tourism-seasonal.R):
/// six tourism quarterly series × ETS(A,N,A), (A,A,A), (A,Ad,A), (M,N,M), (M,A,M), (M,Ad,M).
@Suite("Seasonal exponential smoothing agrees with R's ets")
struct SeasonalExponentialSmoothingReferenceTests {
    struct Case {
        let series: String
        let training: [Double]
        let season: SeasonalExponentialSmoothing.Season
        let trend: ExponentialSmoothing.Trend
        let row: [String: String]
        func value(_ key: String) -> Double { Double(row[key]!) ?? 0 }
    }

    static func cases() throws -> [Case] {
        let quarterly = Dictionary(uniqueKeysWithValues: try CompetitionData.series("competition/tourism-quarterly.csv").map { ($0.name, $0.values) })
        let models: [String: (SeasonalExponentialSmoothing.Season, ExponentialSmoothing.Trend)] = [
            "ETS(A,N,A)": (.additive, .none), "ETS(A,A,A)": (.additive, .additive), "ETS(A,Ad,A)": (.additive, .damped),
            "ETS(M,N,M)": (.multiplicative, .none), "ETS(M,A,M)": (.multiplicative, .additive),
            "ETS(M,Ad,M)": (.multiplicative, .damped),
        ]
        return try CompetitionData.records("reference/r-ets-tourism-seasonal.csv").map { row in
            let (season, trend) = models[row["model"]!]!
            let n = Int(row["n"]!)!
            return Case(series: row["series"]!, training: Array(quarterly[row["series"]!]!.prefix(n)),
                        season: season, trend: trend, row: row)
        }
    }

    @Test("R's parameters and initial states through our recursions give R's loglik, AICc, sigma2 and forecasts")
    func recursionsReproduceR() throws {
        let cases = try Self.cases()
        #expect(cases.count == 36)
        for c in cases {
            // R lists the seasonal states newest first: observation k uses s(m − k).
            let seasonal = ["s4", "s3", "s2", "s1"].map(c.value)
            let model = try #require(SeasonalExponentialSmoothing.evaluate(
                c.training, seasonLength: 4, season: c.season, trend: c.trend, alpha: c.value("alpha"),
                beta: c.value("beta"), gamma: c.value("gamma"), phi: c.value("phi"),
                initialLevel: c.value("l0"), initialSlope: c.value("b0"), initialSeasonal: seasonal))
            let label = "\(c.series) \(c.row["model"]!)"
            #expect(isClose(model.logLikelihood, c.value("loglik"), relative: 1e-9), "\(label) loglik \(model.logLikelihood)")
            #expect(isClose(model.aicc, c.value("aicc"), relative: 1e-9), "\(label) aicc \(model.aicc)")
            #expect(isClose(model.residualVariance, c.value("sigma2"), relative: 1e-8), "\(label) sigma2")
            let mean = model.forecastMean(horizon: 8)
            if c.season == .additive {
                #expect(isClose(mean[0], c.value("f1"), relative: 1e-9), "\(label) f1 \(mean[0])")
                #expect(isClose(mean[7], c.value("f8"), relative: 1e-9), "\(label) f8 \(mean[7])")
            } else {
                // Multiplicative seasonality (class 3): R's `forecast` reports the mean of the
                // forecast distribution, which exceeds the recursion's point forecast once
                // products like (1 + αε)(1 + γε) enter (E = 1 + αγσ² > 1); ours is the point
                // forecast. Measured gap: 0 at step 1 without trend, up to 0.06% with a trend (not explained: the loglik, i.e. the recursion through the data, agrees to
                // 1e-9), and up to 0.4% at step 8.
                #expect(isClose(mean[0], c.value("f1"), relative: 1e-3), "\(label) f1 \(mean[0])")
                #expect(mean[7] <= c.value("f8") && isClose(mean[7], c.value("f8"), relative: 0.01), "\(label) f8 \(mean[7])")
            }
        }
    }

    /// Our fit keeps R's heuristic seasonal initial states (R searches them with the simplex too).
    /// Additive models re-solve ℓ₀ and b₀ exactly (measured: 15 of 18 fits above R's loglik, by up
    /// to 13.3 on Q300; the three Q50 fits 0.14–0.92 below, where R's search of the seasonal
    /// states pays); multiplicative ones keep R's starting ℓ₀, b₀ and can fall short (measured: 16
    /// of 18 below, at most 3.7, Q1 ETS(M,A,M)). Parameters always stay in R's box.
    @Test("our maximum-likelihood fits stay within R's bounds and near R's loglik")
    func fitsNearR() throws {
        for c in try Self.cases() {
            let model = try #require(SeasonalExponentialSmoothing.fit(c.training, seasonLength: 4, season: c.season, trend: c.trend))
            let label = "\(c.series) \(c.row["model"]!)"
            #expect(model.alpha >= 1e-4 && model.alpha <= 0.9999, "\(label)")
            #expect(model.gamma >= 1e-4 - 1e-12 && model.gamma <= 1 - model.alpha + 1e-12, "\(label)")
            if c.trend == .damped { #expect(model.beta <= model.alpha && (0.8...0.98).contains(model.phi), "\(label)") }
            if c.trend == .additive { #expect(model.beta <= model.alpha && model.phi == 1, "\(label)") }
            let shortfall = c.season == .additive ? 1.0 : 5
            #expect(model.logLikelihood >= c.value("loglik") - shortfall, "\(label) ours \(model.logLikelihood) R \(c.value("loglik"))")
        }
    }
}
