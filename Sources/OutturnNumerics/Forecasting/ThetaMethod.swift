#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard theta method (Assimakopoulos & Nikolopoulos 2000) in the form shown by
/// Hyndman & Billah (2003) to be simple exponential smoothing with drift, as R's `thetaf`
/// computes it: fit SES (ℓ, α), take b = half the least-squares slope of the series on time, and
/// forecast ŷₙ₊ₕ = ℓₙ + b·((h − 1) + (1 − (1 − α)ⁿ)/α).
///
/// Variance at step h: SES's σ²·(1 + (h − 1)α²), as `thetaf` reports it.
enum ThetaMethod {
    static func fit(_ y: [Double], horizon: Int) -> MethodFit {
        let n = y.count
        let ses = ExponentialSmoothing.fit(y, trend: .none)
        let halfSlope = LinearTrendMethod.line(y).slope / 2
        let alpha = max(1e-10, ses.alpha)
        let offset = (1 - pow(1 - alpha, Double(n))) / alpha
        let centre = (1...horizon).map { ses.finalLevel + halfSlope * (Double($0 - 1) + offset) }
        return MethodFit(model: .single(.theta), centre: centre,
                         variance: ses.forecastVariance(horizon: horizon),
                         fitted: ses.fitted, residuals: ses.residuals)
    }
}
