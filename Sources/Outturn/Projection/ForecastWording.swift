import OutturnNumerics

/// Plain English for the forecasting module's results: the one place that words a fitted model
/// and the reasons behind a forecast (the numerics module returns them as data).
enum ForecastWording {
    /// A fitted model in a few words: "naive", "damped trend", "mean of naive and drift",
    /// "median of drift, theta, holt".
    static func model(_ model: FittedModel) -> String {
        switch model {
        case .single(let method):
            return ForecastWording.method(method)
        case .combination(let combination, let members):
            let names = members.map(\.rawValue)
            switch combination {
            case .mean: return "mean of " + names.dropLast().joined(separator: ", ") + " and " + names.last!
            case .median: return "median of " + names.joined(separator: ", ")
            }
        case .seasonalETS(let season, let trend):
            let error = season == .additive ? "A" : "M"
            let trendLetter: String
            switch trend {
            case .none: trendLetter = "N"
            case .additive: trendLetter = "A"
            case .damped: trendLetter = "Ad"
            }
            return "ETS(\(error),\(trendLetter),\(error)) (smallest AICc)"
        case .seasonallyAdjusted(let method):
            return ForecastWording.method(method)
                + " on the seasonally adjusted series (classical multiplicative decomposition)"
        case .combinationOfModels(let combination, let members):
            let names = members.map { ForecastWording.model($0) }
            switch combination {
            case .mean: return "mean of " + names.dropLast().joined(separator: ", ") + " and " + names.last!
            case .median: return "median of " + names.joined(separator: ", ")
            }
        }
    }

    /// One method's model in words.
    static func method(_ method: ForecastMethod) -> String {
        switch method {
        case .naive: return "naive"
        case .drift: return "random walk with drift"
        case .linear: return "linear trend"
        case .ses: return "simple exponential smoothing"
        case .holt: return "Holt linear trend"
        case .damped: return "damped trend"
        case .theta: return "theta"
        case .auto: return "automatic combination"
        case .snaive: return "seasonal naive"
        case .stheta: return "seasonally adjusted theta"
        case .ets: return "seasonal exponential smoothing"
        }
    }

    /// One plain sentence: how many points, why this model, and where the spread came from.
    static func reason(_ forecast: Forecast) -> String {
        let explanation = forecast.explanation
        let n = explanation.pointCount
        let m = explanation.seasonLength
        let points = "\(n) point\(n == 1 ? "" : "s")" + (m > 1 ? ", season length \(m)" : "")
        let choice: String
        switch explanation.choice {
        case .automatic:
            choice = n <= 2 ? "naive only (too few to separate trend from noise)" : model(forecast.model)
        case .asked:
            choice = "\(model(forecast.model)) as asked"
        case .tooFewPoints(let asked, let needs):
            choice = "too few for \(asked.rawValue) (needs \(needs)), so naive"
        case .automaticSeasonal:
            choice = "seasonal by the 90% autocorrelation test, so \(model(forecast.model))"
        case .seasonalityNotUsed(let why):
            choice = "\(seasonalityNotUsed(why)), so \(model(forecast.model))"
        }
        let spread: String
        switch explanation.spread {
        case .calibrated(let method, let widened):
            if let unmeasured = explanation.unmeasured {
                let why: String
                switch unmeasured {
                case .onePoint, .noSpreadObserved: why = ""
                case .neverChanged: why = "the series never changed, so "
                case .changesNeverVaried: why = "the series' year-to-year changes never varied, so "
                case .repeatsEveryCycle: why = "the series repeats exactly every cycle, so "
                }
                spread = why + (forecast.spreadAssumed ? "spread assumed from the fallback relative spread"
                                                       : "no spread (give a fallback relative spread to assume one)")
            } else {
                spread = "spread from the series' own year-to-year changes, scaled by held-out errors of \(method.rawValue) on series of similar length"
                    + (widened ? ", widened for short history" : "")
            }
        case .seasonalCalibrated(let method):
            if explanation.unmeasured != nil {
                spread = "the series repeats exactly every cycle, so "
                    + (forecast.spreadAssumed ? "spread assumed from the fallback relative spread"
                                              : "no spread (give a fallback relative spread to assume one)")
            } else {
                spread = "spread from the series' own cycle-to-cycle changes, scaled by held-out errors of \(method.rawValue) on seasonal series"
            }
        case .modelBased(let errors):
            spread = "model-based \(errors == .normal ? "normal" : "Student t") intervals"
                + (explanation.unmeasured == nil ? ""
                   : forecast.spreadAssumed ? "; spread assumed from the fallback relative spread"
                   : "; no spread observed (give a fallback relative spread to assume one)")
        }
        return "\(points): \(choice); \(spread)"
    }

    /// Why the seasonal pattern was left out, in a few words.
    static func seasonalityNotUsed(_ why: SeasonalityNotUsed) -> String {
        switch why {
        case .lessThanOneCycle: return "less than one cycle"
        case .fewerThanThreeCycles: return "fewer than three cycles"
        case .notSeasonalByTest: return "not seasonal by the 90% autocorrelation test"
        case .valueNotPositive: return "a value ≤ 0 rules out multiplicative decomposition"
        }
    }
}

extension ForecastWording {
    /// A monthly activity series' method (technical or plain): "monthly, seasonal: …".
    static func monthlyMethod(_ model: String) -> String { "monthly, seasonal: " + model }

    /// A monthly activity series' reason: the months counted, the months forecast and how, and
    /// how the months' intervals add up to the year's.
    static func monthlyReason(known: Int, knownTotal: Double, remaining: Int, lastMonth: CalendarMonth,
                              dependence: MonthlyActivity.Dependence, forecastReason: String) -> String {
        let counted = known == 0 ? "no month of the target year counted yet"
            : "\(countWord(known)) month\(known == 1 ? "" : "s") of the target year counted (\(Money.grouped(UInt64(max(0, knownTotal.rounded())))))"
        let forecast = remaining <= 12
            ? "the \(countWord(remaining)) month\(remaining == 1 ? "" : "s") after \(lastMonth) forecast and added"
            : "the \(remaining) months after \(lastMonth) forecast and the target year's twelve added"
        return "monthly, seasonal: \(counted), \(forecast); the year's interval adds the months' intervals with their errors \(monthlyDependence(dependence)). Months: \(forecastReason)"
    }

    /// How the months' errors were added up, after "with their errors".
    static func monthlyDependence(_ dependence: MonthlyActivity.Dependence) -> String {
        switch dependence {
        case .modelImplied(let factor):
            return "correlated as the seasonal ETS model implies (\(Int((factor * 100).rounded()))% of the spread of months moving together)"
        case .pooledCorrelation(let rho):
            return "correlated at \(rho), as measured on published monthly series"
        }
    }

    /// A monthly series' plain method when it goes the yearly way: "yearly totals: …".
    static func monthlyFallbackMethod(_ plain: String) -> String { "yearly totals: " + plain }

    /// The opening of the reason when a monthly series goes the yearly way: why, then the yearly reason.
    static func monthlyNotUsed(_ why: String, months: Int) -> String {
        "monthly, seasonal: not used (\(months) months, \(why)), so the complete years' totals: "
    }
}
