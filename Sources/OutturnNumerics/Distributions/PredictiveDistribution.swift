#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A predictive distribution: the outcome is `location + scale · E`, with E a standardised error of
/// the given ``ErrorShape``, optionally censored below at ``lowerBound`` (outcomes below it are put
/// at it: spending and counts cannot go below zero).
///
/// Every operation is exact (closed forms, no quadrature): affine maps move the parameters and the
/// bound together (max(L, Y) maps to max(aL + b, aY + b) when a > 0), and the moments and the
/// partial expectation come from ``ErrorShape``'s upper partial moments (normal and Student t in
/// closed form; the empirical shape piecewise, linear segments exactly and normal tails through
/// φ(Φ⁻¹(p))). Units are the outcome's (pounds, calls, …) throughout.
public struct PredictiveDistribution: Sendable, Equatable, Codable {
    /// The location before censoring (the outcome is `location + scale · E`).
    public let location: Double
    /// The scale (≥ 0, the outcome's units); zero makes the outcome certain.
    public let scale: Double
    /// The shape of the standardised error E.
    public let shape: ErrorShape
    /// Outcomes below this value are put at it (nil: no censoring).
    public let lowerBound: Double?

    /// A distribution `location + scale · E`, censored below at `lowerBound` when given.
    /// - Precondition: `scale` ≥ 0 (finite or not, NaN is refused).
    public init(location: Double, scale: Double, shape: ErrorShape, lowerBound: Double? = nil) {
        precondition(scale >= 0, "scale must be non-negative, got \(scale)")
        self.location = location
        self.scale = scale
        self.shape = shape
        self.lowerBound = lowerBound
    }

    /// The location censored like the outcome, max(lowerBound, location): the central value a
    /// forecast reports (Outturn calls it the projection).
    public var censoredLocation: Double {
        guard let lowerBound else { return location }
        return max(lowerBound, location)
    }

    // MARK: Exact transformations

    /// The distribution of `multiplier · X + shift` (multiplier > 0): inflation, growth and a
    /// one-off change. The censoring bound moves with it.
    public func transformed(multiplier: Double, shift: Double) -> PredictiveDistribution {
        precondition(multiplier > 0, "multiplier must be positive, got \(multiplier)")
        return PredictiveDistribution(location: multiplier * location + shift, scale: multiplier * scale, shape: shape,
                                      lowerBound: lowerBound.map { multiplier * $0 + shift })
    }

    /// Moves the distribution so that its censored location becomes `centre`, then spreads it about
    /// `centre` by `factor` (> 0; ≥ 1 widens): `centre + factor · (X − censoredLocation)`.
    public func recentred(at centre: Double, widenedBy factor: Double) -> PredictiveDistribution {
        transformed(multiplier: factor, shift: centre - factor * censoredLocation)
    }

    /// The outcome censored below at `bound` as well (the tighter of this and any existing bound).
    public func censored(below bound: Double) -> PredictiveDistribution {
        PredictiveDistribution(location: location, scale: scale, shape: shape,
                               lowerBound: max(bound, lowerBound ?? bound))
    }

    // MARK: Probabilities and quantiles

    /// The `p`-quantile (0 < p < 1), non-decreasing in `p`; a zero scale gives the location.
    public func quantile(_ p: Double) -> Double {
        let value = scale == 0 ? location : location + scale * shape.quantile(p)
        guard let lowerBound else { return value }
        return max(lowerBound, value)
    }

    /// P(outcome ≤ `value`), in [0, 1], consistent with ``quantile(_:)``.
    public func cdf(_ value: Double) -> Double {
        if let lowerBound, value < lowerBound { return 0 }
        if scale == 0 { return value >= location ? 1 : 0 }
        return shape.cdf((value - location) / scale)
    }

    /// P(outcome > `threshold`).
    public func probabilityAbove(_ threshold: Double) -> Probability { Probability(clamping: 1 - cdf(threshold)) }

    /// The central prediction interval holding `level` (0 < level < 1; 0.8 → the 10% and 90% quantiles).
    public func interval(level: Double) -> PredictionInterval {
        precondition(level > 0 && level < 1, "level \(level) must be a fraction between 0 and 1")
        return PredictionInterval(level: level, lower: quantile((1 - level) / 2), upper: quantile((1 + level) / 2))
    }

    // MARK: Moments and partial expectation

    /// The cut (standardised) where censoring starts, −∞ without a bound.
    private var standardisedBound: Double {
        guard let lowerBound else { return -.infinity }
        return (lowerBound - location) / scale
    }

    /// The mean of the outcome (censoring included), or nil when it has none (Student t, ν ≤ 1,
    /// uncensored; censored below such a distribution has an infinite mean, also nil).
    public var mean: Double? { moments?.mean }

    /// The standard deviation of the outcome (censoring included), or nil when its variance is
    /// infinite or undefined (Student t, ν ≤ 2).
    public var standardDeviation: Double? { moments.flatMap { $0.standardDeviation } }

    /// Mean and (when finite) standard deviation. With Y = max(c, E), c the standardised bound:
    /// about c when c ≥ 0 (Y − c = (E − c)⁺, so both moments are small and nothing cancels), else
    /// about 0 (E[Y] = c·F(c) + ∫_{e>c} e dF, E[Y²] = c²·F(c) + ∫_{e>c} e² dF).
    private var moments: (mean: Double, standardDeviation: Double?)? {
        if scale == 0 { return (censoredLocation, 0) }
        let c = standardisedBound
        if c >= 0 {
            let above = shape.upperPartialMoments(above: c, about: c)
            guard let first = above.first else { return nil }
            let sd = above.second.map { scale * max(0, $0 - first * first).squareRoot() }
            return (location + scale * (c + first), sd)
        }
        let above = shape.upperPartialMoments(above: c, about: 0)
        guard let first = above.first else { return nil }
        let below = c == -.infinity ? 0 : shape.cdf(c)
        let mean = (c == -.infinity ? 0 : c * below) + first
        let sd = above.second.map { second in
            scale * max(0, (c == -.infinity ? 0 : c * c * below) + second - mean * mean).squareRoot()
        }
        return (location + scale * mean, sd)
    }

    /// The partial expectation E[max(outcome − threshold, 0)] (the expected overspend against a
    /// budget `threshold`), or nil when it is infinite (Student t, ν ≤ 1).
    ///
    /// Below the censoring bound L, max(L, X) − b = (L − b) + (X − L)⁺. Otherwise, with
    /// c = (b − location)/scale: normal, scale·φ(c) + (location − b)·Φ(−c); every shape,
    /// scale·∫_{e>c} (e − c) dF(e) from ``ErrorShape``'s upper partial moments.
    public func expectedExcess(over threshold: Double) -> Double? {
        if scale == 0 { return max(0, censoredLocation - threshold) }
        if let lowerBound, threshold < lowerBound {
            return expectedExcess(over: lowerBound).map { $0 + (lowerBound - threshold) }
        }
        let c = (threshold - location) / scale
        if shape == .normal {
            return max(0, scale * Normal.pdf(c) + (location - threshold) * Normal.cdf(-c))
        }
        return shape.upperPartialMoments(above: c, about: c).first.map { max(0, scale * $0) }
    }
}

/// A central prediction interval: the outcome lies in [lower, upper] with probability `level`,
/// with equal probability (1 − level)/2 beyond each end. Units are the outcome's.
public struct PredictionInterval: Sendable, Equatable, Codable {
    /// The probability the interval holds (0 < level < 1).
    public let level: Double
    /// The (1 − level)/2 quantile.
    public let lower: Double
    /// The (1 + level)/2 quantile.
    public let upper: Double

    /// An interval at `level` from `lower` to `upper` (lower ≤ upper).
    public init(level: Double, lower: Double, upper: Double) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}
