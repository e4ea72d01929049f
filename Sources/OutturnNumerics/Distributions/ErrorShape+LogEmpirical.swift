#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distribution of a standardised log-scale error Z behind
/// ``ErrorShape/logEmpirical(points:levels:logScale:upperLimit:)``: its distribution function F runs
/// linearly from `levels[k]` at `points[k]` to `levels[k + 1]` at `points[k + 1]` (a constant density
/// on each segment); beyond the first and last points the tails are exponential with unit rate,
/// F(z) = levels[0]·e^(z − points[0]) below and 1 − F(z) = (1 − levels[n])·e^(−(z − points[n])) above;
/// and Z is censored above at ``upperLimit`` (the mass above it is put at it). Below the limit
/// ``quantile(_:)`` is the exact inverse of ``cdf(_:)``.
package struct LogScaleTable: Sendable, Equatable {
    /// Sorted distinct points, at least one.
    package let points: [Double]
    /// F at each point, strictly increasing inside (0, 1).
    package let levels: [Double]
    /// Z is censored above here (+∞: not censored).
    package let upperLimit: Double

    /// The table through (`points[k]`, `levels[k]`), censored above at `upperLimit`.
    /// - Precondition: the same non-zero count; points increasing; levels increasing inside (0, 1).
    package init(points: [Double], levels: [Double], upperLimit: Double = .infinity) {
        precondition(!points.isEmpty && points.count == levels.count, "points and levels must be non-empty and of one length")
        precondition(!upperLimit.isNaN, "the upper limit must be a number")
        self.points = points
        self.levels = levels
        self.upperLimit = upperLimit
    }

    /// P(Z ≤ z) of the uncensored table.
    private func uncensoredCDF(_ z: Double) -> Double {
        let first = points[0], last = points[points.count - 1]
        if z <= first { return levels[0] * exp(z - first) }
        if z >= last { return 1 - (1 - levels[levels.count - 1]) * exp(-(z - last)) }
        var lo = 0, hi = points.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if points[mid] <= z { lo = mid } else { hi = mid }
        }
        let t = (z - points[lo]) / (points[hi] - points[lo])
        return levels[lo] + t * (levels[hi] - levels[lo])
    }

    /// P(Z ≤ z) (1 from the upper limit on).
    package func cdf(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return z >= upperLimit ? 1 : uncensoredCDF(z)
    }

    /// The z with P(Z ≤ z) = p (p clamped to [10⁻¹⁵, 1 − 10⁻¹⁵]), at most the upper limit.
    package func quantile(_ p: Double) -> Double {
        let first = points[0], last = points[points.count - 1]
        let p = min(max(p, 1e-15), 1 - 1e-15)
        let z: Double
        if p <= levels[0] {
            z = first + log(p / levels[0])
        } else if p >= levels[levels.count - 1] {
            z = last - log((1 - p) / (1 - levels[levels.count - 1]))
        } else {
            var lo = 0, hi = levels.count - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if levels[mid] <= p { lo = mid } else { hi = mid }
            }
            let t = (p - levels[lo]) / (levels[hi] - levels[lo])
            z = points[lo] + t * (points[hi] - points[lo])
        }
        return min(z, upperLimit)
    }

    /// E[e^(t·Z); Z > cut], t ≥ 0, in closed form piece by piece over (cut, upperLimit), plus the
    /// censored mass (1 − F(limit))·e^(t·limit) when cut < limit (nil only when the limit is +∞ and
    /// t ≥ 1: the unit-rate upper tail makes it infinite). On (a, b):
    /// - lower tail (b ≤ p₀): L₀/(t + 1) · e^((t + 1)b − p₀) · (1 − e^((t + 1)(a − b)));
    /// - a segment of density d: d · e^(t·a) · expm1(t(b − a))/t (d·(b − a) at t = 0);
    /// - upper tail (a ≥ pₙ): (1 − Lₙ) · e^(pₙ + (t − 1)a) · expm1((t − 1)(b − a))/(t − 1)
    ///   ((1 − Lₙ)·e^(pₙ)·(b − a) at t = 1; (1 − Lₙ)·e^(pₙ + (t − 1)a)/(1 − t) when b = ∞).
    package func exponentialMoment(_ t: Double, above cut: Double) -> Double? {
        let n = points.count - 1
        let limit = upperLimit
        guard cut < limit else { return 0 }
        var total = 0.0
        // Lower tail.
        let lowEnd = min(points[0], limit)
        if cut < lowEnd {
            let tail = cut == -.infinity ? 1 : -expm1((t + 1) * (cut - lowEnd))
            total += levels[0] / (t + 1) * exp((t + 1) * lowEnd - points[0]) * tail
        }
        // Segments.
        if n >= 1 {
            for k in 0..<n {
                let a = max(points[k], cut), b = min(points[k + 1], limit)
                guard b > a else { continue }
                let density = (levels[k + 1] - levels[k]) / (points[k + 1] - points[k])
                total += t == 0 ? density * (b - a) : density * exp(t * a) * expm1(t * (b - a)) / t
            }
        }
        // Upper tail.
        let a = max(cut, points[n]), b = limit
        if b > a {
            let s = t - 1
            if b == .infinity {
                guard s < 0 else { return nil }
                total += (1 - levels[n]) * exp(points[n] + s * a) / -s
            } else {
                total += s == 0 ? (1 - levels[n]) * exp(points[n]) * (b - a)
                                : (1 - levels[n]) * exp(points[n] + s * a) * expm1(s * (b - a)) / s
            }
        }
        // The censored mass at the limit.
        if limit.isFinite { total += (1 - uncensoredCDF(limit)) * exp(t * limit) }
        return total
    }
}

extension ErrorShape {
    /// The upper partial moments of E = exp(σZ) − 1 above `cut` about `reference`, from U = exp(σZ):
    /// E > c ⇔ Z > log(1 + c)/σ (every value when c ≤ −1), and (E − r)^k = (U − (1 + r))^k expands
    /// into E[U^j; Z > z_c] = ``LogScaleTable/exponentialMoment(_:above:)`` at t = jσ.
    static func logEmpiricalMoments(_ table: LogScaleTable, logScale sigma: Double,
                                    above cut: Double, about reference: Double) -> UpperPartialMoments {
        let zCut = cut <= -1 ? -Double.infinity : log1p(cut) / sigma
        let mass = table.exponentialMoment(0, above: zCut) ?? 0
        let u1 = table.exponentialMoment(sigma, above: zCut)
        let u2 = table.exponentialMoment(2 * sigma, above: zCut)
        let r = 1 + reference
        let first = u1.map { $0 - r * mass }
        let second = u1.flatMap { m1 in u2.map { m2 in m2 - 2 * r * m1 + r * r * mass } }
        return UpperPartialMoments(mass: mass, first: first, second: second)
    }
}
