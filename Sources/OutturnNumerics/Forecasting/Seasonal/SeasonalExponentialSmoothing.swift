#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fitted seasonal exponential smoothing model — ETS(A,N,A), (A,A,A), (A,Ad,A), (M,N,M),
/// (M,A,M) or (M,Ad,M) in the taxonomy of Hyndman, Koehler, Ord & Snyder (2008), *Forecasting with
/// Exponential Smoothing*, Springer, Table 2.3 — and its forecasts. The error type follows the
/// seasonality (additive with additive, multiplicative with multiplicative): a subset of R's
/// default `ets` search, which also tries ETS(M,·,A) and the non-seasonal models.
///
/// Recursions with base = ℓₜ₋₁ + φbₜ₋₁ (φ = 0 terms absent without trend), sₜ₋ₘ the state of the
/// same season one cycle earlier:
/// - additive: ŷₜ = base + sₜ₋ₘ, eₜ = yₜ − ŷₜ, ℓₜ = base + αeₜ, bₜ = φbₜ₋₁ + βeₜ, sₜ = sₜ₋ₘ + γeₜ;
/// - multiplicative: ŷₜ = base·sₜ₋ₘ, εₜ = (yₜ − ŷₜ)/ŷₜ, ℓₜ = base(1 + αεₜ),
///   bₜ = φbₜ₋₁ + β·base·εₜ, sₜ = sₜ₋ₘ(1 + γεₜ).
///
/// Fit with `fit(_:seasonLength:season:trend:)`; choose among the six by AICc with
/// `select(_:seasonLength:)`.
///
/// A library user reaches it through ``Forecaster`` with ``ForecastOptions/seasonLength`` above 1
/// (``FittedModel/seasonalETS(season:trend:)`` says what was fitted); its fitting and states have
/// `package` access.
public struct SeasonalExponentialSmoothing: Sendable {
    /// Additive or multiplicative seasonality (and error).
    public enum Season: Sendable, Hashable, Codable {
        /// ETS(A,·,A): seasonal effects in series units, additive errors.
        case additive
        /// ETS(M,·,M): seasonal factors around 1, relative errors; positive series only.
        case multiplicative
    }

    /// Season length m (periods per cycle, ≥ 2).
    package let seasonLength: Int
    /// The seasonality (and error type).
    package let season: Season
    /// No trend, additive trend (φ = 1) or damped trend.
    package let trend: ExponentialSmoothing.Trend
    /// Level smoothing α in [1e-4, 0.9999].
    package let alpha: Double
    /// Slope smoothing β in [1e-4, α] (0 without trend).
    package let beta: Double
    /// Seasonal smoothing γ in [1e-4, 1 − α].
    package let gamma: Double
    /// Damping φ in [0.8, 0.98] (1 for an additive trend, 0 without trend).
    package let phi: Double
    /// Initial level ℓ₀ and slope b₀ (series units).
    package let initialLevel: Double
    /// Initial slope (0 without trend).
    package let initialSlope: Double
    /// Initial seasonal states; `initialSeasonal[k]` is used for observation k (zero-based), k < m.
    package let initialSeasonal: [Double]
    /// One-step fitted values ŷₜ, one per observation.
    package let fitted: [Double]
    /// yₜ − ŷₜ in series units (also for the multiplicative model).
    package let residuals: [Double]
    /// R's `lik`: n·log(Σeₜ²) for additive errors, n·log(Σεₜ²) + 2Σlog|ŷₜ| for relative errors.
    package let likelihoodTerm: Double
    /// Σeₜ² (additive) or Σεₜ² (multiplicative, relative errors, unitless).
    package let sumOfSquaredErrors: Double
    /// Level and slope after the last observation.
    package let finalLevel: Double
    /// Slope after the last observation (0 without trend).
    package let finalSlope: Double
    /// Seasonal states after the last observation; `finalSeasonal[j]` applies to forecast step
    /// j + 1, j + 1 + m, … .
    package let finalSeasonal: [Double]

    /// Number of observations fitted.
    package var count: Int { fitted.count }

    /// Log-likelihood as R's forecast package reports `loglik` (−½·``likelihoodTerm``; the
    /// Gaussian constants are left out, as there).
    package var logLikelihood: Double { -0.5 * likelihoodTerm }

    /// Parameters as R's `ets` counts them in `fit$par`: smoothing parameters, damping, initial
    /// level, slope and m − 1 seasonal states.
    package var parameterCount: Int {
        (trend == .none ? 2 : trend == .additive ? 3 : 4) + 1 + (trend == .none ? 0 : 1) + seasonLength - 1
    }

    /// AICc as R's `ets`: with k = ``parameterCount`` + 1 (σ), AIC = −2·loglik + 2k,
    /// AICc = AIC + 2k(k + 1)/(n − k − 1); +∞ when n ≤ k + 1.
    package var aicc: Double {
        let k = Double(parameterCount + 1), n = Double(count)
        guard n - k - 1 > 0 else { return .infinity }
        return -2 * logLikelihood + 2 * k + 2 * k * (k + 1) / (n - k - 1)
    }

    /// σ² = Σeₜ²/(n − ``parameterCount``) (relative errors for the multiplicative model), R's `sigma2`.
    package var residualVariance: Double {
        let degrees = count - parameterCount
        return sumOfSquaredErrors / Double(degrees > 0 ? degrees : count)
    }

    /// Point forecasts for h = 1…horizon: (ℓₙ + (φ + … + φʰ)bₙ) plus or times the seasonal state.
    package func forecastMean(horizon: Int) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(horizon)
        var dampedSum = 0.0, power = 1.0
        for h in 1...max(1, horizon) where h <= horizon {
            if trend != .none { power *= phi; dampedSum += power }
            let base = finalLevel + dampedSum * finalSlope
            let s = finalSeasonal[(h - 1) % seasonLength]
            result.append(season == .additive ? base + s : base * s)
        }
        return result
    }

    /// Forecast variances. Additive (class 1, exact; Hyndman et al. 2008, ch. 6):
    /// σ²(1 + Σⱼ₌₁ʰ⁻¹ cⱼ²), cⱼ = α + β(φ + … + φʲ) + γ·[m divides j]. Multiplicative: the same
    /// sum applied to relative errors, times the squared point forecast (a first-order
    /// approximation to the class-3 variance; not exact).
    package func forecastVariance(horizon: Int) -> [Double] {
        let sigma2 = residualVariance
        let means = forecastMean(horizon: horizon)
        var result: [Double] = []
        var sumOfSquares = 0.0, dampedSum = 0.0, power = 1.0
        for h in 1...max(1, horizon) where h <= horizon {
            let v = sigma2 * (1 + sumOfSquares)
            result.append(season == .additive ? v : v * means[h - 1] * means[h - 1])
            if trend != .none { power *= phi; dampedSum += power }
            let c = alpha + beta * dampedSum + (h % seasonLength == 0 ? gamma : 0)
            sumOfSquares += c * c
        }
        return result
    }
}

extension SeasonalExponentialSmoothing {
    /// The fewest points a seasonal fit needs: three full cycles (R's heuristic initial seasonal
    /// states come from a classical decomposition of the first three cycles).
    package static func minimumCount(seasonLength m: Int) -> Int { 3 * m }

    /// The model among ETS(A,N,A), (A,A,A), (A,Ad,A) and, for a positive series, (M,N,M),
    /// (M,A,M), (M,Ad,M) with the smallest AICc, as R's `ets` selects among these; nil when the series has fewer than
    /// ``minimumCount(seasonLength:)`` points or no model has a finite AICc.
    package static func select(_ series: [Double], seasonLength m: Int) -> SeasonalExponentialSmoothing? {
        guard m > 1, series.count >= minimumCount(seasonLength: m) else { return nil }
        var seasons: [Season] = [.additive]
        if series.allSatisfy({ $0 > 0 }) { seasons.append(.multiplicative) }
        var best: SeasonalExponentialSmoothing?
        for season in seasons {
            for trend in [ExponentialSmoothing.Trend.none, .additive, .damped] {
                guard let model = fit(series, seasonLength: m, season: season, trend: trend),
                      model.aicc.isFinite else { continue }
                if best == nil || model.aicc < best!.aicc { best = model }
            }
        }
        return best
    }

    /// Fits one model by maximum likelihood within R's `ets` bounds: α, β, γ ≥ 1e-4, α ≤ 0.9999,
    /// β ≤ α, γ ≤ 1 − α, φ in [0.8, 0.98].
    ///
    /// Initial seasonal states as R's `initstate`: a classical decomposition (additive or
    /// multiplicative) of the first three cycles; ℓ₀ and b₀ from a line through the first
    /// max(10, 2m) seasonally adjusted values. Unlike R, the seasonal initial states are then kept
    /// (R also searches them with the simplex); for the additive model ℓ₀ and b₀ are re-solved
    /// exactly by least squares for every trial of (α, β, γ, φ) (profile likelihood, as the
    /// non-seasonal fits do), for the multiplicative model they stay at R's starting values.
    /// The series is divided by its largest |value| while fitting.
    /// - Returns: nil when m < 2, fewer than 3m points, or a multiplicative model asked for a
    ///   series with a value ≤ 0.
    package static func fit(_ series: [Double], seasonLength m: Int, season: Season,
                           trend: ExponentialSmoothing.Trend) -> SeasonalExponentialSmoothing? {
        let n = series.count
        guard m > 1, n >= minimumCount(seasonLength: m) else { return nil }
        if season == .multiplicative && !series.allSatisfy({ $0 > 0 }) { return nil }
        var scale = series.reduce(0) { max($0, abs($1)) }
        if scale == 0 { scale = 1 }
        let y = series.map { $0 / scale }
        guard let start = initialStates(y, seasonLength: m, season: season, trend: trend) else { return nil }
        let lo = ExponentialSmoothing.smoothingBounds.lowerBound
        let hi = ExponentialSmoothing.smoothingBounds.upperBound
        let damping = ExponentialSmoothing.dampingBounds
        func parameters(_ u: [Double]) -> (alpha: Double, beta: Double, gamma: Double, phi: Double) {
            let alpha = u[0]
            let gamma = lo + u[1] * max(0, 1 - alpha - lo)
            if trend == .none { return (alpha, 0, gamma, 0) }
            return (alpha, lo + u[2] * (alpha - lo), gamma, trend == .additive ? 1 : u[3])
        }
        var work = Workspace(seasonLength: m)
        func objective(_ u: [Double]) -> Double {
            let p = parameters(u)
            return evaluate(y, m: m, season: season, p: p, start: start, work: &work, keep: false).likelihood
        }
        let optimiser = trend == .none
            ? BoundedNelderMead(lower: [lo, 0], upper: [hi, 1])
            : trend == .additive
            ? BoundedNelderMead(lower: [lo, 0, 0], upper: [hi, 1, 1])
            : BoundedNelderMead(lower: [lo, 0, 0, damping.lowerBound], upper: [hi, 1, 1, damping.upperBound])
        // Coarse grid including the bounds, then the simplex from the two best points.
        var candidates: [(point: [Double], value: Double)] = []
        for a in [lo, 0.05, 0.2, 0.5, 0.8, hi] {
            for g in [0.0, 0.1, 0.5] {
                if trend == .none {
                    let u = [a, g]; candidates.append((u, objective(u)))
                } else {
                    for r in [0.0, 0.1, 0.5] {
                        for phi in (trend == .additive ? [1.0] : [damping.lowerBound, 0.9, damping.upperBound]) {
                            let u = trend == .additive ? [a, g, r] : [a, g, r, phi]; candidates.append((u, objective(u)))
                        }
                    }
                }
            }
        }
        // Stable: earlier grid points first among equal values.
        let order = candidates.indices.sorted { (candidates[$0].value, $0) < (candidates[$1].value, $1) }
        var best = candidates[order[0]]
        guard best.value.isFinite else { return nil }
        for index in order.prefix(2) {
            let result = optimiser.minimise(from: candidates[index].point, objective)
            if result.value < best.value { best = result }
        }
        let p = parameters(best.point)
        let run = evaluate(y, m: m, season: season, p: p, start: start, work: &work, keep: true)
        guard run.likelihood.isFinite else { return nil }
        let seasonalUnits = season == .additive ? scale : 1
        return SeasonalExponentialSmoothing(
            seasonLength: m, season: season, trend: trend, alpha: p.alpha, beta: p.beta,
            gamma: p.gamma, phi: p.phi,
            initialLevel: run.level0 * scale, initialSlope: run.slope0 * scale,
            initialSeasonal: start.seasonal.map { $0 * seasonalUnits },
            fitted: run.fitted.map { $0 * scale }, residuals: zip(y, run.fitted).map { ($0 - $1) * scale },
            likelihoodTerm: season == .additive
                ? Double(n) * log(run.sse * scale * scale)
                : run.likelihood + 2 * Double(n) * log(scale),
            sumOfSquaredErrors: season == .additive ? run.sse * scale * scale : run.sse,
            finalLevel: run.level * scale, finalSlope: run.slope * scale,
            finalSeasonal: run.finalSeasonal.map { $0 * seasonalUnits })
    }

    /// R's `initstate` heuristic (scaled units).
    struct Start {
        var level: Double
        var slope: Double
        var seasonal: [Double]
    }

    static func initialStates(_ y: [Double], seasonLength m: Int, season: Season,
                              trend: ExponentialSmoothing.Trend) -> Start? {
        let first = Array(y.prefix(3 * m))
        var seasonal: [Double]
        if season == .multiplicative {
            guard let decomposition = ClassicalDecomposition(first, seasonLength: m) else { return nil }
            seasonal = decomposition.indices
        } else {
            seasonal = additiveIndices(first, seasonLength: m)
        }
        let count = min(max(10, 2 * m), y.count)
        let adjusted = (0..<count).map { season == .additive ? y[$0] - seasonal[$0 % m] : y[$0] / seasonal[$0 % m] }
        if trend == .none {
            return Start(level: adjusted.reduce(0, +) / Double(count), slope: 0, seasonal: seasonal)
        }
        // Least-squares line on t = 1…count; ℓ₀ is its value at t = 0.
        let tMean = Double(count + 1) / 2
        let yMean = adjusted.reduce(0, +) / Double(count)
        var sxy = 0.0, sxx = 0.0
        for (k, v) in adjusted.enumerated() {
            let dt = Double(k + 1) - tMean
            sxy += dt * (v - yMean); sxx += dt * dt
        }
        let slope = sxy / sxx
        return Start(level: yMean - slope * tMean, slope: slope, seasonal: seasonal)
    }

    /// Additive classical decomposition indices (R's `decompose(type = "additive")`): mean of
    /// yₜ − (centred moving average) per position, centred to sum 0.
    static func additiveIndices(_ y: [Double], seasonLength m: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: m), counts = [Int](repeating: 0, count: m)
        let half = m / 2
        for t in half..<(y.count - half) {
            var trend = 0.0
            if m % 2 == 0 {
                trend = 0.5 * y[t - half] + 0.5 * y[t + half]
                for j in (t - half + 1)..<(t + half) { trend += y[j] }
            } else {
                for j in (t - half)...(t + half) { trend += y[j] }
            }
            sums[t % m] += y[t] - trend / Double(m)
            counts[t % m] += 1
        }
        let raw = (0..<m).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }
        let mean = raw.reduce(0, +) / Double(m)
        return raw.map { $0 - mean }
    }

    /// Seasonal buffers reused across objective evaluations.
    struct Workspace {
        var data: [Double], unitLevel: [Double], unitSlope: [Double]
        init(seasonLength m: Int) {
            data = [Double](repeating: 0, count: m)
            unitLevel = data; unitSlope = data
        }
    }

    struct Run {
        var likelihood: Double
        var sse: Double
        var level0: Double, slope0: Double
        var level: Double, slope: Double
        var fitted: [Double]
        var finalSeasonal: [Double]
    }

    /// Runs the model. Additive: ℓ₀, b₀ solved by least squares first (the errors are affine in
    /// them: a data recursion from ℓ₀ = b₀ = 0 and two noise-free unit responses).
    static func evaluate(_ y: [Double], m: Int, season: Season,
                         p: (alpha: Double, beta: Double, gamma: Double, phi: Double),
                         start: Start, work: inout Workspace, keep: Bool) -> Run {
        let (alpha, beta, gamma, phi) = p
        var level0 = start.level, slope0 = start.slope
        if season == .additive {
            for k in 0..<m { work.data[k] = start.seasonal[k]; work.unitLevel[k] = 0; work.unitSlope[k] = 0 }
            var l0 = 0.0, b0 = 0.0, l1 = 1.0, b1 = 0.0, l2 = 0.0, b2 = 1.0
            var m11 = 0.0, m12 = 0.0, m22 = 0.0, r1 = 0.0, r2 = 0.0
            for (t, value) in y.enumerated() {
                let k = t % m
                let a = value - (l0 + phi * b0 + work.data[k])
                let z1 = l1 + phi * b1 + work.unitLevel[k]
                let z2 = l2 + phi * b2 + work.unitSlope[k]
                m11 += z1 * z1; m12 += z1 * z2; m22 += z2 * z2; r1 += z1 * a; r2 += z2 * a
                l0 = l0 + phi * b0 + alpha * a; b0 = phi * b0 + beta * a; work.data[k] += gamma * a
                l1 = l1 + phi * b1 - alpha * z1; b1 = phi * b1 - beta * z1; work.unitLevel[k] -= gamma * z1
                l2 = l2 + phi * b2 - alpha * z2; b2 = phi * b2 - beta * z2; work.unitSlope[k] -= gamma * z2
            }
            if phi == 0 {
                level0 = m11 > 0 ? r1 / m11 : start.level
                slope0 = 0
            } else {
                let ridge = 1e-12 * (m11 + m22)
                let a11 = m11 + ridge, a22 = m22 + ridge
                let determinant = a11 * a22 - m12 * m12
                if determinant > 1e-14 * a11 * a22 {
                    level0 = (a22 * r1 - m12 * r2) / determinant
                    slope0 = (a11 * r2 - m12 * r1) / determinant
                }
            }
        }
        // Direct pass.
        for k in 0..<m { work.data[k] = start.seasonal[k] }
        var l = level0, b = slope0, sse = 0.0, logs = 0.0
        var fitted: [Double] = []
        if keep { fitted.reserveCapacity(y.count) }
        for (t, value) in y.enumerated() {
            let k = t % m
            let base = l + phi * b
            let s = work.data[k]
            if season == .additive {
                let forecast = base + s
                let e = value - forecast
                if keep { fitted.append(forecast) }
                sse += e * e
                l = base + alpha * e; b = phi * b + beta * e; work.data[k] = s + gamma * e
            } else {
                let forecast = base * s
                guard forecast > 0, base > 0 else {
                    return Run(likelihood: .infinity, sse: .infinity, level0: level0, slope0: slope0,
                               level: l, slope: b, fitted: fitted, finalSeasonal: [])
                }
                let e = (value - forecast) / forecast
                if keep { fitted.append(forecast) }
                sse += e * e
                logs += log(forecast)
                l = base * (1 + alpha * e); b = phi * b + beta * base * e; work.data[k] = s * (1 + gamma * e)
            }
        }
        let n = Double(y.count)
        // An exact fit (Σe² = 0) gets a finite, very low value rather than −∞.
        let likelihood = n * log(max(sse, 1e-300)) + 2 * logs
        let next = y.count % m
        let finalSeasonal = keep ? (0..<m).map { work.data[(next + $0) % m] } : []
        return Run(likelihood: likelihood.isNaN ? .infinity : likelihood, sse: sse, level0: level0,
                   slope0: slope0, level: l, slope: b, fitted: fitted, finalSeasonal: finalSeasonal)
    }
}

extension SeasonalExponentialSmoothing {
    /// The model with given parameters and initial states (no fitting), e.g. to reproduce a fit
    /// reported by another tool.
    /// - Parameters:
    ///   - initialSeasonal: m states; `initialSeasonal[k]` is used for observation k (zero-based).
    ///     R's `fit$states[1, ]` lists them newest first (s1 = the state one period before the
    ///     first observation), so pass R's s1…sm reversed.
    /// - Returns: nil when the lengths do not match or a multiplicative model hits a forecast ≤ 0.
    package static func evaluate(_ series: [Double], seasonLength m: Int, season: Season,
                                trend: ExponentialSmoothing.Trend, alpha: Double, beta: Double,
                                gamma: Double, phi: Double, initialLevel: Double, initialSlope: Double,
                                initialSeasonal: [Double]) -> SeasonalExponentialSmoothing? {
        guard m > 1, initialSeasonal.count == m, !series.isEmpty else { return nil }
        let damping = trend == .none ? 0 : (trend == .additive ? 1 : phi)
        // The additive branch of `evaluate` re-solves ℓ₀, b₀; run the multiplicative-style direct
        // pass by hand here instead, so the given initial states are used as they are.
        var seasonal = initialSeasonal
        var l = initialLevel, b = trend == .none ? 0 : initialSlope
        var sse = 0.0, logs = 0.0
        var fitted: [Double] = []
        for (t, value) in series.enumerated() {
            let k = t % m
            let base = l + damping * b
            let s = seasonal[k]
            if season == .additive {
                let forecast = base + s, e = value - forecast
                fitted.append(forecast); sse += e * e
                l = base + alpha * e; b = damping * b + beta * e; seasonal[k] = s + gamma * e
            } else {
                let forecast = base * s
                guard forecast > 0 else { return nil }
                let e = (value - forecast) / forecast
                fitted.append(forecast); sse += e * e; logs += log(forecast)
                l = base * (1 + alpha * e); b = damping * b + beta * base * e; seasonal[k] = s * (1 + gamma * e)
            }
        }
        let n = series.count
        return SeasonalExponentialSmoothing(
            seasonLength: m, season: season, trend: trend, alpha: alpha, beta: trend == .none ? 0 : beta,
            gamma: gamma, phi: damping, initialLevel: initialLevel, initialSlope: trend == .none ? 0 : initialSlope,
            initialSeasonal: initialSeasonal, fitted: fitted, residuals: zip(series, fitted).map { $0 - $1 },
            likelihoodTerm: Double(n) * log(sse) + 2 * logs, sumOfSquaredErrors: sse,
            finalLevel: l, finalSlope: b, finalSeasonal: (0..<m).map { seasonal[(n + $0) % m] })
    }
}
