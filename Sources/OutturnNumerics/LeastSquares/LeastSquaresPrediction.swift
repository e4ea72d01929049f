/// The fitted mean at a new point with its confidence and prediction intervals.
public struct LeastSquaresPrediction: Equatable, Sendable {
    /// x₀ᵀβ, the estimated mean response at the point.
    public let mean: Double
    /// Standard error of the estimated mean, s·‖R⁻ᵀx₀‖; nil when the fit has no residual degrees of freedom.
    public let standardErrorOfMean: Double?
    /// Interval for the mean response at the level asked (Student t with the fit's degrees of freedom);
    /// nil when the fit has no residual degrees of freedom.
    public let confidence: ClosedRange<Double>?
    /// Interval for one new observation at the point (adds the residual variance); nil without
    /// residual degrees of freedom.
    public let prediction: ClosedRange<Double>?
    /// The two-sided level, as a fraction (0.95).
    public let level: Double
}
