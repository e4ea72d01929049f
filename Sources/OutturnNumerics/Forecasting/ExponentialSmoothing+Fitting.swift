#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ExponentialSmoothing {
    /// Lower and upper bounds of α and β (R's `ets` defaults).
    package static let smoothingBounds: ClosedRange<Double> = 1e-4...0.9999
    /// Bounds of the damping parameter φ (R's `ets` defaults).
    package static let dampingBounds: ClosedRange<Double> = 0.8...0.98

    /// Fits the model to `series` by maximum likelihood (minimum sum of squared one-step errors),
    /// with R's parameter bounds: α, β in [1e-4, 0.9999], β ≤ α, φ in [0.8, 0.98].
    ///
    /// The initial states are not searched by the simplex as R does: for fixed (α, β, φ) the
    /// one-step errors are affine in (ℓ₀, b₀), so their least-squares optimum is solved exactly
    /// (profile likelihood) and Nelder–Mead runs over the smoothing parameters only, from several
    /// starting points. The likelihood found is therefore at least R's for the same model, up to
    /// the simplex tolerance. The series is divided by its largest absolute value first, so
    /// amounts near 1e15 neither overflow nor lose the optimiser's tolerances.
    /// - Parameters:
    ///   - series: finite observations, oldest first; at least 3 (SES), 5 (Holt) or 6 (damped).
    ///   - trend: which model to fit.
    /// - Complexity: O(n) per likelihood evaluation, a few hundred evaluations per start.
    public static func fit(_ series: [Double], trend: Trend) -> ExponentialSmoothing {
        precondition(!series.isEmpty, "cannot fit exponential smoothing to an empty series")
        var scale = series.reduce(0) { max($0, abs($1)) }
        if scale == 0 || !scale.isFinite { scale = 1 }
        let y = series.map { $0 / scale }
        let lo = smoothingBounds.lowerBound, hi = smoothingBounds.upperBound
        func parameters(_ u: [Double]) -> (alpha: Double, beta: Double, phi: Double) {
            let alpha = u[0]
            switch trend {
            case .none: return (alpha, 0, 0)
            case .additive: return (alpha, lo + u[1] * (alpha - lo), 1)
            case .damped: return (alpha, lo + u[1] * (alpha - lo), u[2])
            }
        }
        // Coarse grid (including the bounds, where R's optimum often sits), then the simplex from
        // the two best grid points.
        let alphas = [lo, 0.01, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.85, hi]
        let ratios = [0.0, 0.05, 0.2, 0.5, 1.0]
        let phis = [dampingBounds.lowerBound, 0.9, dampingBounds.upperBound]
        let optimiser: BoundedNelderMead
        switch trend {
        case .none: optimiser = BoundedNelderMead(lower: [lo], upper: [hi])
        case .additive: optimiser = BoundedNelderMead(lower: [lo, 0], upper: [hi, 1])
        case .damped:
            optimiser = BoundedNelderMead(lower: [lo, 0, dampingBounds.lowerBound], upper: [hi, 1, dampingBounds.upperBound])
        }
        func objective(_ u: [Double]) -> Double {
            let p = parameters(u)
            return profile(y, trend: trend, alpha: p.alpha, beta: p.beta, phi: p.phi).sse
        }
        // The two best grid points, earlier ones first among equal values (what a stable sort of
        // the grid by value would put first), tracked in place: one reused point, no grid array.
        let usedRatios = trend == .none ? [0.0] : ratios
        let usedPhis = trend == .damped ? phis : [0.0]
        var u = [Double](repeating: 0, count: optimiser.lower.count)
        var first = u, second = u
        var firstValue = Double.infinity, secondValue = Double.infinity
        var seen = 0
        for a in alphas {
            for r in usedRatios {
                for phi in usedPhis {
                    u[0] = a
                    if trend != .none { u[1] = r }
                    if trend == .damped { u[2] = phi }
                    let value = objective(u)
                    if seen == 0 || value < firstValue {
                        swap(&first, &second); secondValue = firstValue
                        for i in u.indices { first[i] = u[i] }
                        firstValue = value
                    } else if seen == 1 || value < secondValue {
                        for i in u.indices { second[i] = u[i] }
                        secondValue = value
                    }
                    seen += 1
                }
            }
        }
        var best: (point: [Double], value: Double) = (first, firstValue)
        for start in [first, second] {
            let result = optimiser.minimise(from: start, objective)
            if result.value < best.value { best = result }
        }
        let p = parameters(best.point)
        let initial = profile(y, trend: trend, alpha: p.alpha, beta: p.beta, phi: p.phi).initial
        let run = recursion(y, trend: trend, alpha: p.alpha, beta: p.beta, phi: p.phi,
                            level: initial.level, slope: initial.slope)
        return ExponentialSmoothing(
            trend: trend, alpha: p.alpha, beta: p.beta, phi: p.phi,
            initialLevel: initial.level * scale, initialSlope: initial.slope * scale,
            count: y.count, sumOfSquaredErrors: run.sse * scale * scale,
            fitted: run.fitted.map { $0 * scale }, residuals: run.errors.map { $0 * scale },
            finalLevel: run.level * scale, finalSlope: run.slope * scale)
    }

    /// The model with given parameters and initial states (no fitting), e.g. to reproduce a fit
    /// reported by another tool.
    package static func evaluate(_ series: [Double], trend: Trend, alpha: Double, beta: Double, phi: Double,
                                initialLevel: Double, initialSlope: Double) -> ExponentialSmoothing {
        let run = recursion(series, trend: trend, alpha: alpha, beta: beta, phi: phi,
                            level: initialLevel, slope: initialSlope)
        return ExponentialSmoothing(
            trend: trend, alpha: alpha, beta: trend == .none ? 0 : beta,
            phi: trend == .none ? 0 : (trend == .additive ? 1 : phi),
            initialLevel: initialLevel, initialSlope: trend == .none ? 0 : initialSlope,
            count: series.count, sumOfSquaredErrors: run.sse, fitted: run.fitted, residuals: run.errors,
            finalLevel: run.level, finalSlope: run.slope)
    }

    /// Runs the recursions from the given initial states.
    static func recursion(_ y: [Double], trend: Trend, alpha: Double, beta: Double, phi: Double,
                          level: Double, slope: Double)
        -> (errors: [Double], fitted: [Double], sse: Double, level: Double, slope: Double) {
        var l = level
        var b = trend == .none ? 0 : slope
        let damping = trend == .none ? 0 : (trend == .additive ? 1 : phi)
        var errors: [Double] = [], fitted: [Double] = []
        errors.reserveCapacity(y.count); fitted.reserveCapacity(y.count)
        var sse = 0.0
        for value in y {
            let forecast = l + damping * b
            let e = value - forecast
            fitted.append(forecast); errors.append(e)
            sse += e * e
            l = forecast + alpha * e
            b = damping * b + beta * e
        }
        return (errors, fitted, sse, l, b)
    }

    /// For fixed smoothing parameters, the initial states minimising the sum of squared errors
    /// and that minimum. The errors are eₜ = aₜ − zₜ·x₀, where aₜ are the errors from x₀ = 0 and
    /// −zₜ those of the noise-free recursion from a unit initial state; x₀ solves the 1×1 or 2×2
    /// normal equations, and the minimum is recomputed by a direct pass (no cancellation).
    static func profile(_ y: [Double], trend: Trend, alpha: Double, beta: Double, phi: Double)
        -> (sse: Double, initial: (level: Double, slope: Double)) {
        let damping = trend == .none ? 0 : (trend == .additive ? 1 : phi)
        // Three recursions in step: data from zero state; zero data from unit level; from unit slope.
        var l0 = 0.0, b0 = 0.0
        var l1 = 1.0, b1 = 0.0
        var l2 = 0.0, b2 = 1.0
        var m11 = 0.0, m12 = 0.0, m22 = 0.0, r1 = 0.0, r2 = 0.0
        for value in y {
            let a = value - (l0 + damping * b0)
            let z1 = l1 + damping * b1
            let z2 = l2 + damping * b2
            m11 += z1 * z1; m12 += z1 * z2; m22 += z2 * z2
            r1 += z1 * a; r2 += z2 * a
            l0 = l0 + damping * b0 + alpha * a; b0 = damping * b0 + beta * a
            l1 = z1 - alpha * z1; b1 = damping * b1 - beta * z1
            l2 = z2 - alpha * z2; b2 = damping * b2 - beta * z2
        }
        var level = 0.0, slope = 0.0
        if trend == .none {
            level = m11 > 0 ? r1 / m11 : 0
        } else {
            let ridge = 1e-12 * (m11 + m22)
            let a11 = m11 + ridge, a22 = m22 + ridge
            let determinant = a11 * a22 - m12 * m12
            if determinant > 1e-14 * a11 * a22 {
                level = (a22 * r1 - m12 * r2) / determinant
                slope = (a11 * r2 - m12 * r1) / determinant
            } else {
                level = a11 > 0 ? r1 / a11 : 0
            }
        }
        // Direct pass for the minimum.
        var l = level, b = slope, sse = 0.0
        for value in y {
            let forecast = l + damping * b
            let e = value - forecast
            sse += e * e
            l = forecast + alpha * e
            b = damping * b + beta * e
        }
        return (sse, (level, slope))
    }
}
