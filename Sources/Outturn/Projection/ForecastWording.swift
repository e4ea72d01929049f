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
        }
    }

    /// One plain sentence: how many points, why this model, and where the spread came from.
    static func reason(_ forecast: Forecast) -> String {
        let explanation = forecast.explanation
        let n = explanation.pointCount
        let points = "\(n) point\(n == 1 ? "" : "s")"
        let choice: String
        switch explanation.choice {
        case .automatic:
            choice = n <= 2 ? "naive only (too few to separate trend from noise)" : model(forecast.model)
        case .asked:
            choice = "\(model(forecast.model)) as asked"
        case .tooFewPoints(let asked, let needs):
            choice = "too few for \(asked.rawValue) (needs \(needs)), so naive"
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
                }
                spread = why + (forecast.spreadAssumed ? "spread assumed from the fallback relative spread"
                                                       : "no spread (give a fallback relative spread to assume one)")
            } else {
                spread = "spread from the series' own year-to-year changes, scaled by held-out errors of \(method.rawValue) on series of similar length"
                    + (widened ? ", widened for short history" : "")
            }
        case .modelBased(let errors):
            spread = "model-based \(errors == .normal ? "normal" : "Student t") intervals"
                + (explanation.unmeasured == nil ? ""
                   : forecast.spreadAssumed ? "; spread assumed from the fallback relative spread"
                   : "; no spread observed (give a fallback relative spread to assume one)")
        }
        return "\(points): \(choice); \(spread)"
    }
}
