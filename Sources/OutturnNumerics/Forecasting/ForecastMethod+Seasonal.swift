extension ForecastMethod {
    /// The non-seasonal method a seasonal one is with season length 1 (itself for the others):
    /// seasonal naive → naive, stheta → theta, ets → damped.
    package var yearlyCounterpart: ForecastMethod {
        switch self {
        case .snaive: return .naive
        case .stheta: return .theta
        case .ets: return .damped
        default: return self
        }
    }

    /// Whether the method uses the season length (the seasonal methods and auto).
    package var usesSeasonLength: Bool {
        switch self {
        case .snaive, .stheta, .ets, .auto: return true
        default: return false
        }
    }

    /// The methods with their own yearly calibration table (`IntervalCalibration`): every method
    /// that is its own ``yearlyCounterpart``.
    package static var yearlyCalibrated: [ForecastMethod] { allCases.filter { $0.yearlyCounterpart == $0 } }
}
