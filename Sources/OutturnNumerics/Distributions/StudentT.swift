#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t distribution with ν degrees of freedom (ν > 0, not necessarily an integer).
///
/// Goals, in order: relative accuracy about 1e-12 or better for the cdf (both tails, tiny tail
/// probabilities included) and quantile, tested for ν from 0.3 to 1e6; closed forms where they
/// exist (ν = 1 Cauchy, ν = 2); then speed. Not guaranteed: correct rounding.
///
/// cdf: P(T ≤ t) from the upper tail ½·I_x(ν/2, ½), x = ν/(ν+t²) (DLMF 8.17, Abramowitz & Stegun
/// 26.7.1), see `IncompleteBeta`. Quantile: Cornish–Fisher start from the normal quantile
/// (A&S 26.7.5), then Newton steps on log S(t) − log q (S the upper tail) safeguarded by a bracket
/// with bisection, so heavy tails cannot make it diverge.
public enum StudentT {
    /// P(T ≤ t) for T ~ t(ν).
    /// - Parameters:
    ///   - t: the point; ±∞ give 0 and 1.
    ///   - nu: the degrees of freedom ν, the argument `degreesOfFreedom`; ν > 0, otherwise NaN.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if t.isNaN || nu.isNaN || !(nu > 0) { return .nan }
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        if nu == .infinity { return Normal.cdf(t) }
        let tail = upperTail(abs(t), nu: nu)
        return t < 0 ? tail : 1 - tail
    }

    /// The density of t(ν) at t.
    public static func pdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if t.isNaN || nu.isNaN || !(nu > 0) { return .nan }
        if nu == .infinity { return Normal.pdf(t) }
        let logDensity = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
            - (nu + 1) / 2 * log1p(t * t / nu)
        return exp(logDensity)
    }

    /// The quantile t with P(T ≤ t) = p, for p in [0, 1]: −∞ at 0, +∞ at 1, NaN outside or for ν ≤ 0.
    ///
    /// Examples: `quantile(0.975, degreesOfFreedom: 10)` = 2.228138851986274.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        if p.isNaN || nu.isNaN || !(nu > 0) || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if nu == .infinity { return Normal.quantile(p) }
        if nu == 1 {
            // tan(π(p − ½)) = −cot(πp), written so that tail probabilities keep their accuracy.
            return p < 0.5 ? -1 / tan(Double.pi * p) : 1 / tan(Double.pi * (1 - p))
        }
        if nu == 2 {
            return (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
        }
        let q = min(p, 1 - p) // upper-tail probability of |t|
        let sign: Double = p < 0.5 ? -1 : 1
        return sign * upperQuantile(q, nu: nu)
    }

    /// S(t) = P(T > t) for t ≥ 0, accurate in relative terms even when tiny.
    static func upperTail(_ t: Double, nu: Double) -> Double {
        if nu == 1 { return atan2(1, t) / Double.pi }
        if nu == 2 {
            let root = (2 + t * t).squareRoot()
            return 1 / (root * (root + t))
        }
        let t2 = t * t
        let x = nu / (nu + t2)
        let complement = t2 / (nu + t2)
        return 0.5 * IncompleteBeta.regularized(x, complement: complement, a: nu / 2, b: 0.5).lower
    }

    /// The t ≥ 0 with S(t) = q, for 0 < q ≤ ½.
    static func upperQuantile(_ q: Double, nu: Double) -> Double {
        // Cornish–Fisher start (A&S 26.7.5), good for moderate ν and tails.
        let z = -Normal.quantile(q)
        let z2 = z * z
        var t = z + z * (z2 + 1) / (4 * nu) + z * ((5 * z2 + 16) * z2 + 3) / (96 * nu * nu)
        if !(t > 0) || !t.isFinite { t = max(z, 1) }
        // Bracket [low, high] with S(low) ≥ q ≥ S(high).
        var low = 0.0, high = Double.infinity
        let logQ = log(q)
        for _ in 0..<200 {
            let tail = upperTail(t, nu: nu)
            if tail == q { return t }
            if tail > q { low = t } else { high = t }
            let density = pdf(t, degreesOfFreedom: nu)
            // Newton on g(t) = log S(t) − log q, g'(t) = −pdf(t)/S(t).
            var next = t + (log(tail) - logQ) * tail / density
            if !(next > low && next < high) || !next.isFinite {
                next = high.isFinite ? (low + high) / 2 : max(2 * t, 1)
            }
            if abs(next - t) <= 4 * Double.ulpOfOne * abs(next) {
                return next
            }
            t = next
        }
        return t
    }
}
