/// Where a forecast's spread comes from.
public enum IntervalSource: String, Sendable, CaseIterable {
    /// Held-out errors of the same method on yearly series of similar length, scaled by the
    /// series' own variability (see `IntervalCalibration`). The default: model-based intervals
    /// are too narrow on yearly data.
    case calibrated
    /// The method's own analytic variance (normal; Student t for `.linear`), as R's forecast
    /// package reports it. `.auto` has no single model and is always calibrated.
    case modelBased
}
