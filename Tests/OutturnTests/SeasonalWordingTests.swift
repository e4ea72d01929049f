import Testing
import OutturnNumerics
@testable import Outturn

/// The words of seasonal forecasts: the numerics module returns data (FittedModel, ModelChoice,
/// SpreadSource, the season length); ForecastWording alone turns them into the reason a user reads.
@Suite("Seasonal forecast wording")
struct SeasonalWordingTests {
    @Test("seasonal naive as asked names the season length and the model-based intervals")
    func seasonalNaiveAsked() throws {
        let forecast = try Forecaster.forecast([10, 20, 30, 40, 12, 21, 33, 41], horizon: 4, method: .snaive,
                                               options: .init(intervals: .modelBased, seasonLength: 4))
        #expect(ForecastWording.model(forecast.model) == "seasonal naive")
        #expect(ForecastWording.reason(forecast)
                == "8 points, season length 4: seasonal naive as asked; model-based normal intervals")
    }

    @Test("ets with fewer than three cycles says so and names the damped trend it fitted instead")
    func etsTooShort() throws {
        let forecast = try Forecaster.forecast([10, 20, 30, 40, 12, 21, 33, 41], horizon: 4, method: .ets,
                                               options: .init(seasonLength: 4))
        #expect(forecast.model == .single(.damped))
        #expect(ForecastWording.reason(forecast).hasPrefix(
            "8 points, season length 4: fewer than three cycles, so damped trend; spread from the series' own cycle-to-cycle changes, scaled by held-out errors of ets on seasonal series"))
    }

    @Test("seasonal auto names the seasonality test and both members, the ETS form in R's letters")
    func seasonalAuto() throws {
        let pattern: [Double] = [0.8, 1.1, 1.3, 0.8]
        let y: [Double] = (0..<32).map { (t: Int) -> Double in
            let level: Double = 100 + 2 * Double(t)
            let wobble: Double = Double((t * 7) % 5) - 2
            return level * pattern[t % 4] + wobble
        }
        let forecast = try Forecaster.forecast(y, horizon: 8, method: .auto, options: .init(seasonLength: 4))
        #expect(forecast.explanation.choice == ModelChoice.automaticSeasonal)
        guard case FittedModel.combinationOfModels(Combination.mean, let members) = forecast.model, members.count == 2,
              case FittedModel.seasonalETS = members[1] else {
            Issue.record("seasonal auto fitted \(forecast.model)")
            return
        }
        #expect(members[0] == FittedModel.seasonallyAdjusted(ForecastMethod.theta))
        let reason: String = ForecastWording.reason(forecast)
        let expectedStart = "32 points, season length 4: seasonal by the 90% autocorrelation test, so mean of "
            + "theta on the seasonally adjusted series (classical multiplicative decomposition) and ETS("
        #expect(reason.hasPrefix(expectedStart))
        #expect(reason.contains("(smallest AICc); spread from the series' own cycle-to-cycle changes"))
    }

    @Test("a series that repeats exactly every cycle gets no spread, and the reason says why")
    func repeatsEveryCycle() throws {
        let forecast = try Forecaster.forecast([5, 9, 7, 3, 5, 9, 7, 3, 5, 9, 7, 3], horizon: 4, method: .snaive,
                                               options: .init(seasonLength: 4))
        #expect(forecast.explanation.unmeasured == .repeatsEveryCycle)
        #expect(forecast.locations == [5, 9, 7, 3])
        #expect(ForecastWording.reason(forecast)
                == "12 points, season length 4: seasonal naive as asked; the series repeats exactly every cycle, so no spread (give a fallback relative spread to assume one)")
    }
}
