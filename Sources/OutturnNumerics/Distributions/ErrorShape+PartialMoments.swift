#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The upper partial moments of a standardised error E above a cut c, about a reference r:
/// ∫ over e > c of (e − r)^k dF(e) for k = 0, 1, 2. `first` and `second` are nil when the
/// integral diverges (Student t with ν ≤ 1, resp. ν ≤ 2).
struct UpperPartialMoments: Equatable {
    /// P(E > c).
    var mass: Double
    /// ∫_{e > c} (e − r) dF(e), or nil when infinite.
    var first: Double?
    /// ∫_{e > c} (e − r)² dF(e), or nil when infinite.
    var second: Double?
}

extension ErrorShape {
    /// The upper partial moments above `cut` about `reference` (both in standardised units; `cut`
    /// may be −∞ for the whole distribution), in closed form:
    /// - normal: with a = max(cut, −∞), ∫_a^∞ φ = Φ(−a), ∫_a^∞ zφ = φ(a), ∫_a^∞ z²φ = aφ(a) + Φ(−a);
    /// - Student t(ν): ∫_c^∞ f = F(−c), ∫_c^∞ t f = (ν + c²) f(c)/(ν − 1) (ν > 1), and
    ///   ∫_c^∞ t² f = (c(ν + c²) f(c) + ν F(−c))/(ν − 2) (ν > 2), by parts with
    ///   d/dt[(ν + t²) f(t)] = −(ν − 1) t f(t);
    /// - empirical: the quantile function is linear in p between table points, so each segment
    ///   contributes exactly (width × the mean of the end values' powers), and beyond the first and
    ///   last points the tails are normal (median + s·Φ⁻¹(p)), whose truncated moments are the
    ///   normal's above with φ(Φ⁻¹(p)) at the table's edge;
    /// - log-empirical: ∫ e^(tz) over each constant-density segment and each exponential tail, and
    ///   the mass censored at the upper limit, in closed form (``logEmpiricalMoments(_:logScale:above:about:)``).
    func upperPartialMoments(above cut: Double, about reference: Double) -> UpperPartialMoments {
        switch self {
        case .normal:
            return ErrorShape.normalPiece(median: 0, scale: 1, from: -.infinity, to: .infinity,
                                          above: cut, about: reference)
        case .studentT(let nu):
            if nu == .infinity {
                return ErrorShape.normalPiece(median: 0, scale: 1, from: -.infinity, to: .infinity,
                                              above: cut, about: reference)
            }
            return ErrorShape.studentTMoments(nu: nu, above: cut, about: reference)
        case .empirical(let probabilities, let quantiles):
            let last = probabilities.count - 1
            let median = ErrorShape.median(probabilities, quantiles)
            let lowEdge = Normal.quantile(probabilities[0]), highEdge = Normal.quantile(probabilities[last])
            var total = ErrorShape.normalPiece(median: median, scale: (quantiles[0] - median) / lowEdge,
                                               from: -.infinity, to: lowEdge, above: cut, about: reference)
            for k in 1...last {
                total.add(ErrorShape.linearPiece(from: (probabilities[k - 1], quantiles[k - 1]),
                                                 to: (probabilities[k], quantiles[k]),
                                                 above: cut, about: reference))
            }
            total.add(ErrorShape.normalPiece(median: median, scale: (quantiles[last] - median) / highEdge,
                                             from: highEdge, to: .infinity, above: cut, about: reference))
            return total
        case .logEmpirical(let points, let levels, let sigma, let limit):
            return ErrorShape.logEmpiricalMoments(LogScaleTable(points: points, levels: levels, upperLimit: limit),
                                                  logScale: sigma,
                                                  above: cut, about: reference)
        case .sideWeighted(let base, let split, let below, let above):
            return ErrorShape.sideWeightedMoments(base: base, split: split, below: below, above: above,
                                                  cut: cut, reference: reference)
        case .mixture(let weight, let base, let alternative):
            let a = base.upperPartialMoments(above: cut, about: reference)
            let b = alternative.upperPartialMoments(above: cut, about: reference)
            return UpperPartialMoments(mass: (1 - weight) * a.mass + weight * b.mass,
                                       first: a.first.flatMap { x in b.first.map { (1 - weight) * x + weight * $0 } },
                                       second: a.second.flatMap { x in b.second.map { (1 - weight) * x + weight * $0 } })
        }
    }

    /// The values `median + scale·z` for z in (from, to) (z a standard normal), restricted to values
    /// above `cut`: their partial moments about `reference`.
    static func normalPiece(median: Double, scale: Double, from: Double, to: Double,
                            above cut: Double, about reference: Double) -> UpperPartialMoments {
        var low = from
        if scale > 0 {
            low = max(from, (cut - median) / scale)
        } else if !(median > cut) {
            return UpperPartialMoments(mass: 0, first: 0, second: 0)
        }
        guard low < to else { return UpperPartialMoments(mass: 0, first: 0, second: 0) }
        // P(low < Z < to), taken on the side where it keeps its relative accuracy.
        let mass: Double
        if to == .infinity { mass = Normal.cdf(-low) }
        else if low == -.infinity { mass = Normal.cdf(to) }
        else if low > 0 { mass = Normal.cdf(-low) - Normal.cdf(-to) }
        else { mass = Normal.cdf(to) - Normal.cdf(low) }
        // ∫ z φ and ∫ z² φ over (low, to); z·φ(z) → 0 at ±∞.
        func density(_ z: Double) -> Double { z.isFinite ? Normal.pdf(z) : 0 }
        func zDensity(_ z: Double) -> Double { z.isFinite ? z * Normal.pdf(z) : 0 }
        let z1 = density(low) - density(to)
        let z2 = zDensity(low) - zDensity(to) + mass
        let offset = median - reference
        return UpperPartialMoments(mass: mass, first: offset * mass + scale * z1,
                                   second: offset * offset * mass + 2 * offset * scale * z1 + scale * scale * z2)
    }

    /// The segment where the quantile runs linearly from `start.value` at `start.p` to `end.value`
    /// at `end.p`, restricted to values above `cut`: exact partial moments about `reference`.
    static func linearPiece(from start: (p: Double, value: Double), to end: (p: Double, value: Double),
                            above cut: Double, about reference: Double) -> UpperPartialMoments {
        guard end.value > cut else { return UpperPartialMoments(mass: 0, first: 0, second: 0) }
        var (pa, qa) = start
        if qa < cut {
            pa += (cut - qa) / (end.value - qa) * (end.p - pa)
            qa = cut
        }
        let width = end.p - pa
        let a = qa - reference, b = end.value - reference
        // ∫ over a linear ramp of x and x²: width·(a + b)/2 and width·(a² + ab + b²)/3.
        return UpperPartialMoments(mass: width, first: width * (a + b) / 2, second: width * (a * a + a * b + b * b) / 3)
    }

    /// Student t(ν) above `cut` about `reference` (see ``upperPartialMoments(above:about:)``).
    static func studentTMoments(nu: Double, above cut: Double, about r: Double) -> UpperPartialMoments {
        let mass = cut == -.infinity ? 1 : StudentT.cdf(-cut, degreesOfFreedom: nu)
        // ∫_{t > c} t f(t) dt and ∫_{t > c} t² f(t) dt, about 0.
        var t1: Double? = nil, t2: Double? = nil
        if nu > 1 {
            t1 = cut == -.infinity ? 0 : (nu + cut * cut) / (nu - 1) * StudentT.pdf(cut, degreesOfFreedom: nu)
        }
        if nu > 2 {
            t2 = cut == -.infinity
                ? nu / (nu - 2)
                : (cut * (nu + cut * cut) * StudentT.pdf(cut, degreesOfFreedom: nu) + nu * mass) / (nu - 2)
        }
        let first = t1.map { $0 - r * mass }
        let second = t1.flatMap { m1 in t2.map { m2 in m2 - 2 * r * m1 + r * r * mass } }
        return UpperPartialMoments(mass: mass, first: first, second: second)
    }
}

extension UpperPartialMoments {
    /// Adds another piece's moments (same cut and reference).
    mutating func add(_ other: UpperPartialMoments) {
        mass += other.mass
        first = first.flatMap { a in other.first.map { a + $0 } }
        second = second.flatMap { a in other.second.map { a + $0 } }
    }
}
