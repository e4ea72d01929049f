import OutturnNumerics

/// Plain words for a finance officer: what the Method column, reasons and legends say. The
/// technical names ("median of drift, theta, holt") stay in ``ForecastWording/model(_:)``, which
/// JSON's `method` and docs/forecasting.md use.
extension ForecastWording {
    /// How far apart a combination's members' own point forecasts are: (largest − smallest) /
    /// |combined forecast|, a fraction (0.02 = the members agree within 2%).
    struct Agreement: Sendable, Equatable {
        /// How many members were combined.
        let members: Int
        /// (largest − smallest member forecast) / |combined forecast|, ≥ 0.
        let relativeRange: Double
    }

    /// A series' length in its own units: "5 years", "36 months", "12 quarters", "8 points".
    static func length(_ count: Int, seasonLength m: Int) -> String {
        let unit: String
        switch m {
        case 1: unit = "year"
        case 12: unit = "month"
        case 4: unit = "quarter"
        default: unit = "point"
        }
        return "\(count) \(unit)\(count == 1 ? "" : "s")"
    }

    /// The period a step is in: year, month, quarter or period.
    static func period(seasonLength m: Int) -> String {
        switch m {
        case 1: return "year"
        case 12: return "month"
        case 4: return "quarter"
        default: return "period"
        }
    }

    /// A small count in words ("two", "three"), larger ones in digits.
    static func countWord(_ n: Int) -> String {
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return n < words.count ? words[n] : String(n)
    }

    /// A fitted model in plain words, for the Method column: "last year's figure carried forward",
    /// "halfway between last year's figure and the trend from 3 years", "trend from 5 years (three
    /// methods agree within 2%, the middle one taken)". `count` points of season length `m`; `agreement`
    /// of a combination's members when known; `brief` leaves out how many methods were combined.
    static func plainModel(_ model: FittedModel, count: Int, seasonLength m: Int = 1, agreement: Agreement? = nil,
                           brief: Bool = false) -> String {
        let span = length(count, seasonLength: m)
        let last = "last \(period(seasonLength: m))'s figure"
        switch model {
        case .single(let method):
            return plainMethod(method, span: span, last: last, seasonLength: m)
        case .combination(let combination, let members):
            if combination == .mean && members == [.naive, .drift] {
                return brief ? "halfway between last \(period(seasonLength: m)) and the trend"
                             : "halfway between \(last) and the trend from \(span)"
            }
            let trendMethods: Set<ForecastMethod> = [.drift, .linear, .holt, .damped, .theta]
            let allTrends = members.allSatisfy { trendMethods.contains($0) }
            let how = combination == .median ? "the middle of" : "the average of"
            var text = allTrends ? "trend from \(span)" : "\(how) \(countWord(members.count)) methods on \(span)"
            if brief && allTrends {
                return text
            } else if let agreement {
                text += " (" + agreementWords(agreement, combination: combination, allTrends: allTrends) + ")"
            } else if allTrends {
                text += " (\(how) \(countWord(members.count)) methods)"
            }
            return text
        case .seasonalETS(_, let trend):
            return (trend == .none ? "level and seasonal pattern" : "level, trend and seasonal pattern")
                + " smoothed over \(span)"
        case .seasonallyAdjusted(let method):
            return plainMethod(method, span: span, last: last, seasonLength: m)
                + " with the seasonal pattern taken out and put back"
        case .combinationOfModels(let combination, let members):
            return "\(combination == .median ? "the middle of" : "the average of") \(countWord(members.count)) "
                + "seasonal methods on \(span)"
        }
    }

    /// "three methods agree within 2%", or how far apart they are when they do not.
    static func agreementWords(_ agreement: Agreement, combination: Combination, allTrends: Bool) -> String {
        let methods = "\(countWord(agreement.members)) methods"
        // Whole percentages, rounded up so that "within 2%" is never an understatement.
        let percent = max(1, Int((agreement.relativeRange * 100 - 1e-9).rounded(.up)))
        let agree = agreement.relativeRange <= 0.1 ? "\(methods) agree within \(percent)%" : "\(methods) differ by up to \(percent)%"
        return allTrends ? agree + (combination == .median ? ", the middle one taken" : ", averaged") : agree
    }

    /// One method's model in plain words over `span`.
    static func plainMethod(_ method: ForecastMethod, span: String, last: String, seasonLength m: Int) -> String {
        switch method {
        case .naive: return "\(last) carried forward"
        case .drift: return "trend from \(span)"
        case .linear: return "straight-line trend fitted to \(span)"
        case .ses: return "smoothed level of \(span), no trend"
        case .holt: return "smoothed trend from \(span)"
        case .damped: return "trend from \(span), levelling off"
        case .theta: return "smoothed level with the long-run trend of \(span)"
        case .auto: return "the usual combination of methods on \(span)"
        case .snaive: return "each \(period(seasonLength: m)) as in the same \(period(seasonLength: m)) a year earlier"
        case .stheta: return "trend from \(span) with the seasonal pattern taken out and put back"
        case .ets: return "level, trend and seasonal pattern smoothed over \(span)"
        }
    }

    /// One plain sentence: how much history, what was done and where the uncertainty came from
    /// ("3 years: halfway between last year's figure and the trend from 3 years; uncertainty from …").
    /// `spreadSetting` names the setting an assumed spread comes from (the scenario's key).
    static func plainReason(_ forecast: Forecast, agreement: Agreement? = nil,
                            spreadSetting: String = "the scenario's year_to_year_spread") -> String {
        let explanation = forecast.explanation
        let n = explanation.pointCount, m = explanation.seasonLength
        let model = plainModel(forecast.model, count: n, seasonLength: m, agreement: agreement)
        let choice: String
        switch explanation.choice {
        case .automatic:
            choice = n <= 2 ? "last \(period(seasonLength: m))'s figure carried forward (too few to tell a trend from noise)" : model
        case .asked:
            choice = "\(model), as asked"
        case .tooFewPoints(_, let needs):
            choice = "too few for the method asked (it needs \(needs)), so \(model)"
        case .automaticSeasonal:
            choice = "a clear seasonal pattern, so \(model)"
        case .seasonalityNotUsed(let why):
            let reason: String
            switch why {
            case .lessThanOneCycle: reason = "less than one full year"
            case .fewerThanThreeCycles: reason = "fewer than three full years"
            case .notSeasonalByTest: reason = "no clear seasonal pattern"
            case .valueNotPositive: reason = "a value of zero or less"
            }
            choice = "\(reason), so \(model)"
        }
        let assumed = forecast.spreadAssumed ? "uncertainty assumed from \(spreadSetting)"
                                             : "no uncertainty (set \(spreadSetting) to assume one)"
        let spread: String
        if let unmeasured = explanation.unmeasured {
            switch unmeasured {
            case .onePoint, .noSpreadObserved: spread = assumed
            case .neverChanged: spread = "it never changed, so " + assumed
            case .changesNeverVaried: spread = "it changed by the same amount every year, so " + assumed
            case .repeatsEveryCycle: spread = "it repeats exactly every year, so " + assumed
            }
        } else {
            switch explanation.spread {
            case .calibrated(_, let widened):
                spread = "uncertainty from how much it has changed year to year, sized by how far such forecasts "
                    + "missed on other published series of the same length" + (widened ? ", widened because the history is short" : "")
            case .seasonalCalibrated:
                spread = "uncertainty from how much it has changed from one year to the next, sized by how far such "
                    + "forecasts missed on other published seasonal series"
            case .modelBased:
                spread = "uncertainty from how closely the method fits its history"
            }
        }
        return "\(length(n, seasonLength: m)): \(choice); \(spread)"
    }
}
